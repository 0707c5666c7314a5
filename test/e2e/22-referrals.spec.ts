import { expect, expectNoHorizontalScroll, test } from './support/fixtures.js';
import { storagePath } from './support/state.js';

/**
 * Referrals on the BPJS path (docs/decisions/044-referrals.md), at both widths: the employee of 03
 * opens "Surat rujukan" from /help, writes a letter to their Puskesmas, ticks what may print while the
 * preview follows, downloads the PDF and marks the letter handed over. Who may see what, the
 * counsellor's path and what the PDF holds are in test/integration/referrals.test.ts.
 */
test.describe('a referral letter', () => {
  test.use({ storageState: storagePath('employee') });

  test('write, approve fields, download, hand over', async ({ page, a11y }) => {
    await page.goto('/help');
    await a11y.check('help: the way to referrals');
    await page.getByRole('link', { name: 'Surat rujukan ke Puskesmas (jalur BPJS)' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Surat rujukan' })).toBeVisible();
    await a11y.check('referrals: list');
    await page.getByRole('link', { name: 'Buat surat rujukan sendiri' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Buat surat rujukan sendiri' })).toBeVisible();

    await page.getByRole('textbox', { name: /Nama Puskesmas atau klinik/ }).fill('Puskesmas Mlati II');
    await page.getByRole('textbox', { name: /Apa yang ingin Anda sampaikan/ }).fill('Sudah dua bulan sulit tidur');
    await page.getByRole('textbox', { name: /Nomor kartu BPJS Kesehatan/ }).fill('0001 2345 6789 0');
    // The preview follows the ticks: the card number prints only once it is ticked.
    const preview = page.locator('.letter-preview__paper');
    await expect(preview).toContainText('Sudah dua bulan sulit tidur');
    await expect(preview).not.toContainText('0001234567890');
    await page.getByRole('checkbox', { name: 'Nomor kartu BPJS Kesehatan' }).check();
    await expect(preview).toContainText('0001 2345 6789 0');
    await a11y.check('referrals: new letter');
    await expectNoHorizontalScroll(page);
    await page.getByRole('button', { name: 'Simpan surat' }).click();

    await expect(page.getByText('Surat rujukan sudah disimpan.')).toBeVisible();
    const card = page.locator('.referral-card').filter({ hasText: 'Puskesmas Mlati II' });
    await expect(card.getByText('Berlaku 90 hari lagi')).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('link', { name: 'Unduh surat (PDF)' }).click(),
    ]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(path)).subarray(0, 5).toString()).toBe('%PDF-');

    await card.getByRole('button', { name: 'Tandai sudah diserahkan' }).click();
    await expect(card.getByText('Sudah diserahkan')).toBeVisible();
    await a11y.check('referrals: handed over');
    await expectNoHorizontalScroll(page);
  });
});
