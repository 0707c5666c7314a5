import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { CONSENT_TEXTS } from '../../src/domain/assessments/consent.js';
import { BASE_URL as BASE } from './support/base-url.js';
import { expect, expectNoHorizontalScroll, test } from './support/fixtures.js';
import { storagePath } from './support/state.js';
import { dataRows } from './support/nav.js';

/**
 * "Data saya" (at both widths, as every journey): the employee (signed in by 03) downloads everything
 * Teduh keeps about them, as JSON and as a printable document, and erases one result behind a
 * confirmation that says what stays. The spec adds the result it erases, so it leaves the
 * employee's other results as it found them.
 */

/** A PHQ-2 submitted through the API with the consent text the agency's setting asks for. */
async function submitPhq2(page: Page): Promise<string> {
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
  const headers = { origin: BASE, 'x-csrf-token': session.csrfToken };
  for (const consentVersion of [CONSENT_TEXTS.self_assessment, CONSENT_TEXTS.self_assessment_outreach]) {
    const res = await page.request.post('/api/v1/me/assessments', {
      headers,
      data: { instrumentId: 'phq2', answers: [1, 2], submissionKey: `e2e-${crypto.randomUUID()}`, consentVersion },
    });
    if (res.status() === 201) return ((await res.json()) as { id: string }).id;
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('consent_required');
  }
  throw new Error('no consent version was accepted');
}

/** Clicks a download link and answers the file's text. */
async function download(page: Page, name: string): Promise<{ fileName: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  const path = await file.path();
  return { fileName: file.suggestedFilename(), text: fs.readFileSync(path, 'utf8') };
}

test.describe('an employee', () => {
  test.use({ storageState: storagePath('employee') });

  test('downloads everything Teduh keeps about them, then erases one result', async ({ page, a11y }) => {
    const resultId = await submitPhq2(page);

    // From the profile, as a person would look for it.
    await page.goto('/profile');
    await a11y.check('profile with the my-data link');
    await page.getByRole('link', { name: 'Data saya: unduh, perbaiki, hapus' }).click();
    await expect(page).toHaveURL(/\/me\/data$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Data saya' })).toBeVisible();
    const holdings = page.getByRole('region', { name: 'Yang disimpan tentang Anda' });
    await expect(holdings).toContainText('Hasil cek diri');
    await a11y.check('my data');
    await expectNoHorizontalScroll(page);

    // The machine-readable copy holds the new result, decrypted for its owner.
    const json = await download(page, 'Unduh JSON');
    expect(json.fileName).toMatch(/^teduh-data-saya-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(json.text) as {
      assessmentResults: Array<{ id: string; answers: number[] }>;
      dataRequests: Array<{ kind: string }>;
    };
    expect(data.assessmentResults.find((r) => r.id === resultId)?.answers).toEqual([1, 2]);
    expect(data.dataRequests[0]?.kind).toBe('export');

    // The readable copy: a document in Indonesian, without scripts.
    const html = await download(page, 'Unduh dokumen (HTML)');
    expect(html.fileName).toMatch(/\.html$/);
    expect(html.text).toContain('<html lang="id">');
    expect(html.text).toContain('Siapa yang membaca data saya');
    expect(html.text).not.toContain('<script');

    // Both downloads are on record under "Permintaan saya".
    await page.reload();
    const requests = page.getByRole('region', { name: 'Permintaan saya' });
    // The list is a table on wide screens and cards on a phone: count what is shown.
    await expect(requests.getByText('Unduh salinan data', { exact: true }).locator('visible=true')).toHaveCount(2);

    // Erase the new result: the dialog says what goes and what stays; cancel first, nothing happens.
    const erase = page.getByRole('region', { name: 'Hapus data kesehatan saya' });
    await expect(erase).toContainText('Yang tetap ada');
    const eraseButtons = erase.getByRole('button', { name: /^Hapus hasil ini: / }).locator('visible=true');
    const eraseButton = erase
      .getByRole('button', { name: /^Hapus hasil ini: Kuesioner Kesehatan Pasien-2/ })
      .locator('visible=true')
      .first();
    // The results load on their own: count them once they are drawn, not while the list still waits.
    await expect(eraseButton).toBeVisible();
    const rowsBefore = await eraseButtons.count();
    await eraseButton.click();
    const dialog = page.getByRole('dialog', { name: 'Hapus hasil ini?' });
    await expect(dialog).toContainText('untuk selamanya');
    await expect(dialog).toContainText('tidak dapat menunjukkan siapa Anda');
    await a11y.check('my data, confirming an erasure');
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await expect(dialog).toBeHidden();
    expect(await eraseButtons.count()).toBe(rowsBefore);

    await eraseButton.click();
    await dialog.getByRole('button', { name: 'Ya, hapus' }).click();
    await expect(page.getByText('Hasil itu sudah dihapus untuk selamanya.')).toBeVisible();
    await expect(eraseButtons).toHaveCount(rowsBefore - 1);
    await expect(requests.getByText('Hapus data kesehatan', { exact: true }).locator('visible=true')).toHaveCount(1);
    await a11y.check('my data, after an erasure');
    await expectNoHorizontalScroll(page);

    // Gone for good: the API no longer knows it.
    expect((await page.request.get(`/api/v1/me/assessments/${resultId}`)).status()).toBe(404);
  });

  test('withdraws consent to keep results, is told so before a self-check, and gives it again', async ({
    page,
    a11y,
  }) => {
    await page.goto('/me/data');
    const consents = page.getByRole('region', { name: 'Persetujuan saya' });
    const store = consents.getByRole('article', { name: /^Menyimpan hasil cek diri/ });
    await expect(store).toContainText('Berlaku');
    await store.getByRole('button', { name: 'Tarik persetujuan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tarik persetujuan?' });
    await expect(dialog).toContainText('hasil cek diri yang baru tidak lagi disimpan');
    await a11y.check('my data, confirming a withdrawal');
    await dialog.getByRole('button', { name: 'Tarik persetujuan' }).click();
    await expect(page.getByText('Persetujuan sudah ditarik.')).toBeVisible();
    await expect(store).toContainText('Ditarik');
    await a11y.check('my data, consent withdrawn');

    await page.goto('/self-check');
    await expect(page.getByText('Hasil tidak disimpan')).toBeVisible();
    await a11y.check('self-check while results are not kept');
    await page.getByRole('link', { name: 'Atur persetujuan di Data saya' }).click();

    await store.getByRole('button', { name: 'Beri persetujuan lagi' }).click();
    const grant = page.getByRole('dialog', { name: 'Beri persetujuan?' });
    await expect(grant).toContainText('Persetujuan menyimpan hasil cek diri, versi');
    await grant.getByRole('button', { name: 'Beri persetujuan lagi' }).click();
    await expect(page.getByText('Persetujuan sudah diberikan.')).toBeVisible();
    await expect(store).toContainText('Anda menyetujuinya pada');
    await expect(store.getByRole('link', { name: /^Persetujuan menyimpan hasil cek diri, versi / })).toHaveAttribute(
      'href',
      '/profile/privacy/consents/store-results-1',
    );
    await expectNoHorizontalScroll(page);
  });

  test('asks the agency admin to correct their NIP', async ({ page, a11y }) => {
    await page.goto('/me/data');
    const correction = page.getByRole('region', { name: 'Perbaiki data saya' });
    await correction.getByRole('button', { name: 'Ajukan perbaikan' }).click();
    await expect(correction.getByText('Wajib diisi.').first()).toBeVisible();
    await a11y.check('my data, correction without a value');
    await correction.getByLabel('Data yang salah').selectOption({ label: 'NIP / NI PPPK' });
    await correction.getByLabel('Seharusnya').fill('199001012015031001');
    await correction.getByLabel(/^Keterangan/).fill('Satu digit tertukar');
    await correction.getByRole('button', { name: 'Ajukan perbaikan' }).click();
    await expect(page.getByText('Permintaan perbaikan sudah dikirim ke admin instansi.')).toBeVisible();
    const requests = page.getByRole('region', { name: 'Permintaan saya' });
    await expect(requests.getByText('Menunggu admin', { exact: true }).locator('visible=true')).toHaveCount(1);
    await a11y.check('my data, correction sent');
    await expectNoHorizontalScroll(page);
  });
});

test('the agency admin answers the correction request', async ({ browser, a11y }) => {
  const context = await browser.newContext({ storageState: storagePath('admin') });
  const page = await context.newPage();
  a11y.track(page);
  await page.goto('/admin/corrections');
  await expect(page.getByRole('heading', { level: 1, name: 'Permintaan perbaikan data' })).toBeVisible();
  await a11y.check('correction requests', page);
  const row = dataRows(page, 'Permintaan perbaikan data pegawai').filter({ hasText: '199001012015031001' });
  await expect(row).toContainText('Satu digit tertukar');
  await row.getByRole('button', { name: 'Tandai sudah diperbaiki' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tandai permintaan ini sudah diperbaiki?' });
  await dialog.getByLabel(/^Catatan untuk pegawai/).fill('NIP sudah dibetulkan di data kepegawaian.');
  await a11y.check('correction requests, answering', page);
  await dialog.getByRole('button', { name: 'Tandai sudah diperbaiki' }).click();
  await expect(page.getByText('Permintaan sudah dijawab.')).toBeVisible();
  await expect(row).toContainText('Sudah diperbaiki');
  await expect(row).toContainText('NIP sudah dibetulkan di data kepegawaian.');
  await context.close();
});
