import { expect, expectNoHorizontalScroll, test } from './support/fixtures.js';
import { requireState, storagePath } from './support/state.js';

/**
 * Booking a counsellor (docs/decisions/040-booking.md), at both widths: the counsellor of 07 fills
 * in their profile and opening hours, the employee of 03 books the first free time from "Bicara
 * dengan konselor", finds it under "Jadwal saya", and the counsellor sees it in their list. The
 * branches (taken slots, notice, who may see what) are in test/integration/booking.test.ts.
 */
test.describe('booking a counsellor', () => {
  test.use({ storageState: storagePath('counsellor') });

  test('profile and hours, a booking, both sides see it', async ({ page, browser, a11y }) => {
    const counsellorName = requireState('counsellorName');

    await page.goto('/counselling/profile');
    await expect(page.getByRole('heading', { level: 1, name: 'Profil konselor' })).toBeVisible();
    await page.getByLabel('Jenis tenaga').selectOption('psikolog_klinis');
    await page.getByLabel('Perkenalan singkat').fill('Saya mendampingi rekan ASN yang sedang lelah atau cemas.');
    await page.getByRole('button', { name: 'Simpan profil' }).click();
    await expect(page.getByText('Profil tersimpan.')).toBeVisible();
    // Every day of the week, so the spec does not depend on the day it runs.
    for (let day = 1; day <= 7; day++) {
      await page.getByRole('button', { name: 'Tambah jam praktik' }).click();
      await page.getByLabel('Hari', { exact: true }).last().selectOption(String(day));
      await page.getByLabel('Mulai', { exact: true }).last().fill('00:00');
      await page.getByLabel('Selesai', { exact: true }).last().fill('23:50');
    }
    await page.getByRole('button', { name: 'Simpan jam praktik' }).click();
    await expect(page.getByText('Jam praktik tersimpan.')).toBeVisible();
    await a11y.check('counsellor profile and hours');
    await expectNoHorizontalScroll(page);

    // The employee books the first free time.
    const context = await browser.newContext({ storageState: storagePath('employee') });
    const employee = await context.newPage();
    await employee.goto('/help');
    await employee.getByRole('link', { name: 'Bicara dengan konselor: pesan jadwal' }).click();
    await expect(employee.getByRole('heading', { level: 1, name: 'Bicara dengan konselor' })).toBeVisible();
    await a11y.check('booking: counsellors', employee);
    await employee.getByRole('button', { name: `Pilih ${counsellorName}` }).click();
    await employee.locator('.slot').first().click();
    await employee.getByRole('radio', { name: 'Panggilan video' }).check();
    await employee.getByLabel(/Catatan untuk konselor/).fill('Sulit tidur sejak pindah bidang');
    await a11y.check('booking: a time chosen', employee);
    await expectNoHorizontalScroll(employee);
    await employee.getByRole('button', { name: 'Pesan jadwal' }).click();
    await expect(employee.getByText('Jadwal Anda sudah tercatat')).toBeVisible();
    await expect(employee.getByRole('link', { name: 'Unduh berkas kalender (.ics)' })).toBeVisible();
    await a11y.check('booking: booked', employee);
    await employee.getByRole('link', { name: 'Lihat jadwal saya' }).click();
    await expect(employee.getByRole('heading', { level: 1, name: 'Jadwal saya' })).toBeVisible();
    await expect(employee.getByText(`bersama ${counsellorName}`)).toBeVisible();
    await a11y.check('my appointments', employee);
    await context.close();

    // The counsellor's calendar shows it in the week, with the note written for them behind a
    // disclosure (decision 043); confirming asks first.
    await page.goto('/counselling/appointments?view=week');
    const reason = page.getByText('Sulit tidur sejak pindah bidang');
    // Booked late on a Sunday, it falls in the next week (wait for the week to load before looking).
    await page
      .getByRole('link', { name: /Catatan sesi/ })
      .or(page.getByText('Tidak ada jadwal temu pada minggu ini.'))
      .first()
      .waitFor();
    if ((await page.getByRole('link', { name: /Catatan sesi/ }).count()) === 0)
      await page.getByRole('button', { name: 'Minggu berikutnya' }).click();
    await page.getByText('Lihat catatan klien').first().click();
    await expect(reason).toBeVisible();
    await page
      .getByRole('button', { name: /^Konfirmasi/ })
      .first()
      .click();
    await a11y.check('counsellor calendar: confirm');
    await page.getByRole('dialog').getByRole('button', { name: 'Konfirmasi' }).click();
    await expect(page.getByText('Sudah dikonfirmasi').first()).toBeVisible();
    await a11y.check('counsellor appointments');
    await expectNoHorizontalScroll(page);
  });
});
