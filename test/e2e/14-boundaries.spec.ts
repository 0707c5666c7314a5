import { expect, expectNoHorizontalScroll, test } from './support/fixtures.js';
import { storagePath } from './support/state.js';

/**
 * Work-hour boundaries (docs/boundaries.md). The agency admin (signed in by 01) keeps the work
 * calendar (at both widths, docs/decisions/004-test-strategy.md): adds a regional holiday, works a cuti bersama behind a confirmation, sets
 * Ramadan; then, as any employee, narrows their own message hours. The spec undoes its changes.
 */
test.describe('the agency admin', () => {
  test.use({ storageState: storagePath('admin') });

  test('keeps the work calendar and narrows their own message hours', async ({ page, a11y }) => {
    await page.goto('/admin/calendar');
    await expect(page.getByRole('heading', { level: 1, name: 'Kalender kerja dan hari libur' })).toBeVisible();
    await page.getByLabel('Pilih tahun kalender').selectOption('2026');
    await expect(page.getByText(/SKB|1497\/2025/).first()).toBeVisible();
    await expect(
      page.getByText('Cuti bersama Kelahiran Yesus Kristus').filter({ visible: true }).first(),
    ).toBeVisible();
    await a11y.check('work calendar 2026');
    await expectNoHorizontalScroll(page);

    // A regional holiday: a wrong date is refused in place, then the day is added.
    const add = page.getByRole('form', { name: 'Tambah hari libur daerah' });
    await add.getByRole('button', { name: 'Tambahkan' }).click();
    await expect(add.getByText('Wajib diisi.').first()).toBeVisible();
    await add.getByLabel('Tanggal').fill('07/10/2026');
    await add.getByLabel('Nama hari libur').fill('Hari Jadi Kabupaten');
    await add.getByRole('button', { name: 'Tambahkan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Hari Jadi Kabupaten ditambahkan' })).toBeVisible();
    await expect(page.getByText('Libur daerah').filter({ visible: true }).first()).toBeVisible();

    // Working a cuti bersama asks first.
    await page
      .getByRole('button', { name: /^Tetap masuk kerja\s*: Cuti bersama Kelahiran Yesus Kristus$/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Instansi tidak mengikuti cuti bersama ini.');
    await a11y.check('work a cuti bersama, confirmation');
    await dialog.getByRole('button', { name: 'Ya, tetap masuk kerja' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'ditetapkan sebagai hari kerja' })).toBeVisible();
    await page
      .getByRole('button', { name: /^Kembali libur\s*: Cuti bersama Kelahiran Yesus Kristus$/ })
      .first()
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ya, hapus' }).click();
    await expect(
      page.getByRole('button', { name: /^Tetap masuk kerja\s*: Cuti bersama Kelahiran Yesus Kristus$/ }).first(),
    ).toBeVisible();

    // Ramadan: dates that cannot be Ramadan are refused with the reason; then set and cleared.
    const ramadan = page.getByRole('form', { name: 'Jadwal Ramadan 2026' });
    await ramadan.getByLabel('Hari pertama Ramadan').fill('19/02/2026');
    await ramadan.getByLabel('Hari terakhir Ramadan').fill('25/02/2026');
    await ramadan.getByRole('button', { name: 'Simpan jadwal Ramadan' }).click();
    await expect(ramadan.getByText('Ramadan berlangsung 29 atau 30 hari').first()).toBeVisible();
    await ramadan.getByLabel('Hari terakhir Ramadan').fill('20/03/2026');
    await ramadan.getByRole('button', { name: 'Simpan jadwal Ramadan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Jadwal Ramadan disimpan.' })).toBeVisible();
    await expect(ramadan).toContainText('Ramadan 2026: 19 Feb 2026 sampai 20 Mar 2026.');
    await a11y.check('work calendar with Ramadan');

    // The regional holiday goes again.
    await page
      .getByRole('button', { name: /^Hapus\s*: Hari Jadi Kabupaten$/ })
      .first()
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ya, hapus' }).click();
    await expect(page.getByText('Hari Jadi Kabupaten', { exact: true }).filter({ visible: true })).toHaveCount(0);

    // Their own message hours, from the notifications page.
    await page.goto('/notifications');
    await expect(page.getByRole('heading', { level: 1, name: 'Notifikasi' })).toBeVisible();
    await a11y.check('notifications with the message-hours link');
    await page.getByRole('link', { name: 'Atur jam terima pesan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Jam terima pesan' })).toBeVisible();
    await expect(page.getByText('Pesan penting tidak pernah ditahan')).toBeVisible();
    await expect(page.getByText('Anda memakai jam kerja instansi.')).toBeVisible();
    await a11y.check('message hours');
    await expectNoHorizontalScroll(page);
    const form = page.getByRole('form', { name: 'Jam Anda' });
    await form.getByLabel('Mulai').fill('06:00');
    await form.getByRole('button', { name: 'Simpan jam saya' }).click();
    await expect(form.getByText('Jam pribadi hanya boleh mempersempit jam kerja instansi').first()).toBeVisible();
    await form.getByLabel('Mulai').fill('09:00');
    await form.getByLabel('Sampai').fill('15:00');
    await form.getByRole('button', { name: 'Simpan jam saya' }).click();
    await expect(
      page.getByText('Pesan rutin sampai kepada Anda antara pukul 09.00 dan 15.00 pada hari kerja.'),
    ).toBeVisible();
    await form.getByRole('button', { name: 'Kembali ke jam instansi' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Kembali ke jam instansi' }).click();
    await expect(page.getByText('Anda memakai jam kerja instansi.')).toBeVisible();
  });
});
