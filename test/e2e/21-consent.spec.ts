import { expect, expectNoHorizontalScroll, test } from './support/fixtures.js';
import { requireState, storagePath } from './support/state.js';

/**
 * Consent to measurement-based care (docs/decisions/042-counselling-consent.md), at both widths: the
 * employee of 03 (who took a PHQ-9 in 07 and booked the counsellor in 19) gives that counsellor
 * "see my self-check results over time" after reading its words, the counsellor opens the client's
 * record and sees the PHQ-9 chart, the employee withdraws it, and the counsellor's next opening no
 * longer shows the chart. The branches are in test/integration/consent.test.ts.
 */
test.describe('consent to measurement-based care', () => {
  test.use({ storageState: storagePath('employee') });

  test('give, see the chart, withdraw, no chart', async ({ page, browser, a11y }) => {
    const counsellorName = requireState('counsellorName');

    await page.goto('/profile/privacy');
    await a11y.check('privacy page with the link to counselling permissions');
    await page.getByRole('link', { name: 'Izin untuk konselor' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Izin untuk konselor' })).toBeVisible();
    await expect(page.getByText('Belum ada izin yang berlaku.')).toBeVisible();
    await page.getByLabel('Konselor', { exact: true }).selectOption({ label: counsellorName });
    await page.getByRole('radio', { name: 'Melihat hasil cek diri dari waktu ke waktu' }).check();
    await expect(page.getByText(/Saya mengizinkan konselor yang saya pilih melihat skor PHQ-9/)).toBeVisible();
    await page.getByRole('checkbox', { name: 'Saya sudah membaca teks di atas dan setuju.' }).check();
    await a11y.check('consent: the form filled in');
    await page.getByRole('button', { name: 'Berikan izin' }).click();
    await expect(page.getByText(`Izin sudah diberikan kepada ${counsellorName}.`)).toBeVisible();
    await expect(page.getByText(`Untuk ${counsellorName}`)).toBeVisible();
    await expectNoHorizontalScroll(page);

    // The counsellor finds the client in "Klien saya" (docs/decisions/047-caseload.md) by name, sees
    // the consent there, and follows the name to the client's record with the chart.
    const clientName: string = (await (await page.request.get('/api/v1/auth/session')).json()).person.fullName;
    const context = await browser.newContext({ storageState: storagePath('counsellor') });
    const counsellor = await context.newPage();
    await counsellor.goto('/counselling/caseload');
    await expect(counsellor.getByRole('heading', { level: 1, name: 'Klien saya' })).toBeVisible();
    await counsellor.getByRole('radio', { name: 'Semua klien' }).check();
    await counsellor.getByLabel('Cari nama klien').fill(clientName.split(' ')[0] as string);
    const client = counsellor.getByRole('link', { name: clientName, exact: true }).filter({ visible: true });
    await expect(client).toHaveCount(1);
    await expect(counsellor.getByText('Hasil dari waktu ke waktu').filter({ visible: true })).toBeVisible();
    await a11y.check('caseload with the client found by name', counsellor);
    await expectNoHorizontalScroll(counsellor);
    await client.click();
    await expect(counsellor.getByRole('heading', { level: 1, name: /^Catatan perjalanan / })).toBeVisible();
    await expect(counsellor.getByRole('heading', { name: 'PHQ-9 (depresi)' })).toBeVisible();
    await expect(counsellor.locator('.mbc-chart__canvas canvas').first()).toBeVisible();
    await counsellor.getByText('Lihat sebagai tabel').first().click();
    // A table at 1280 px, cards at 360 px (DataTable): the caption names it either way.
    await expect(counsellor.getByText(/^Skor PHQ-9/).first()).toBeAttached();
    await a11y.check('client record with the chart', counsellor);
    await expectNoHorizontalScroll(counsellor);

    // The employee sees who opened it, and withdraws.
    await page.reload();
    await expect(page.getByText(new RegExp(`${counsellorName} membuka catatan perjalanan Anda`))).toBeVisible();
    await page
      .getByRole('button', { name: `Cabut izin untuk ${counsellorName}: Melihat hasil cek diri dari waktu ke waktu` })
      .click();
    await expect(page.getByRole('dialog', { name: 'Cabut izin ini?' })).toBeVisible();
    await a11y.check('consent: withdraw confirmation');
    await page.getByRole('button', { name: 'Ya, cabut izin' }).click();
    await expect(page.getByText(`Izin sudah dicabut. ${counsellorName} tidak dapat melihatnya lagi.`)).toBeVisible();
    await expect(page.getByText('Belum ada izin yang berlaku.')).toBeVisible();

    // The counsellor's very next opening has no chart.
    await counsellor.reload();
    await expect(counsellor.getByText(/Grafik perkembangan tampil bila klien mengizinkan/)).toBeVisible();
    await expect(counsellor.locator('.mbc-chart__canvas')).toHaveCount(0);
    await context.close();
  });
});
