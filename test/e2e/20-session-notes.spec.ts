import { expect, expectNoHorizontalScroll, test } from './support/fixtures.js';
import { storagePath } from './support/state.js';

/**
 * Session notes (docs/decisions/041-session-notes.md), at both widths: the counsellor of 07 opens
 * the note of the appointment booked in 19, writes it, sees it saved, and finds it again after a
 * reload. Who else may read it, break-glass, encryption and rotation are branches, in
 * test/integration/notes.test.ts.
 */
test.describe('session notes', () => {
  test.use({ storageState: storagePath('counsellor') });

  test('the counsellor writes a note and finds it after a reload', async ({ page, a11y }) => {
    const words = 'Klien bercerita sulit tidur sejak pindah bidang; kami sepakat mencoba jurnal tidur.';
    // The calendar's week (decision 043); the booking of 19 may fall in the next one.
    await page.goto('/counselling/appointments?view=week');
    await expect(page.getByRole('heading', { level: 1, name: 'Jadwal temu' })).toBeVisible();
    const noteLink = page.getByRole('link', { name: /^Catatan sesi / });
    await noteLink.or(page.getByText('Tidak ada jadwal temu pada minggu ini.')).first().waitFor();
    if ((await noteLink.count()) === 0) await page.getByRole('button', { name: 'Minggu berikutnya' }).click();
    await a11y.check('counsellor appointments with their note links');
    await noteLink.first().click();
    await expect(page.getByRole('heading', { level: 1, name: /^Catatan sesi dengan / })).toBeVisible();
    await expect(page.getByText('Hanya Anda yang dapat membaca catatan ini.')).toBeVisible();
    await a11y.check('session note: empty');
    await page.getByLabel(/^Subjektif/).fill(words);
    await page.getByLabel(/^Rencana/).fill('Jurnal tidur dua minggu.');
    await page.getByRole('button', { name: /^(Simpan catatan|Tersimpan)$/ }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Tersimpan / })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Tersimpan' })).toBeDisabled();
    await a11y.check('session note: saved');
    await expectNoHorizontalScroll(page);

    await page.reload();
    await expect(page.getByLabel(/^Subjektif/)).toHaveValue(words);
    await expect(page.getByLabel(/^Rencana/)).toHaveValue('Jurnal tidur dua minggu.');
  });
});
