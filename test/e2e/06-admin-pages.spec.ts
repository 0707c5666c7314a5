import { expect, test } from './support/fixtures.js';
import { requireState, storagePath } from './support/state.js';
import { dataRows } from './support/nav.js';

/** The admin's other pages: settings with their limits, the audit log, the profile, agencies. */
test.use({ storageState: storagePath('admin') });

test('agency settings refuse a threshold below 5 and keep what was typed', async ({ page, a11y }) => {
  await page.goto('/admin/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Pengaturan instansi' })).toBeVisible();
  await a11y.check('settings');
  const threshold = page.getByLabel('Ambang anonimitas (jumlah orang minimal)');
  await expect(threshold).toHaveValue('5');
  await page.getByLabel('Nama PPDP', { exact: false }).fill('Ir. Hartono');
  await threshold.fill('4');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Nilai paling kecil 5.').first()).toBeVisible();
  await expect(threshold).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Nama PPDP', { exact: false })).toHaveValue('Ir. Hartono');
  await a11y.check('settings with an error');

  await threshold.fill('7');
  await page.getByLabel('Email PPDP', { exact: false }).fill('ppdp@slemankab.go.id');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Pengaturan sudah disimpan.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Ambang anonimitas (jumlah orang minimal)')).toHaveValue('7');
  await expect(page.getByLabel('Email PPDP', { exact: false })).toHaveValue('ppdp@slemankab.go.id');
  await a11y.check('settings saved');
});

test('the audit log shows what happened, filtered, and says it cannot be edited', async ({ page, a11y }) => {
  await page.goto('/admin/audit');
  await expect(page.getByText('Log ini hanya dapat dibaca.', { exact: false })).toBeVisible();
  const entries = dataRows(page, 'Entri log audit');
  await expect(entries.first()).toBeVisible();
  await a11y.check('audit log');

  await page.getByLabel('Tindakan').selectOption({ label: 'Pengaturan instansi diubah' });
  await page.getByRole('button', { name: 'Terapkan saringan' }).click();
  await expect(page).toHaveURL(/action=agency.settings_updated/);
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Pengaturan instansi diubah');
  await expect(entries.first()).toContainText('Rina Wulandari');
  await expect(entries.first()).toContainText(/WIB/);
  await a11y.check('audit log filtered');

  await page.getByLabel('Tindakan').selectOption({ label: 'Undangan diterima' });
  await page.getByLabel('Hasil').selectOption({ label: 'Ditolak' });
  await page.getByRole('button', { name: 'Terapkan saringan' }).click();
  await expect(page.getByText('Tidak ada entri yang cocok dengan saringan ini.')).toBeVisible();
  await page.getByRole('button', { name: 'Hapus saringan' }).click();
  await expect(entries.nth(1)).toBeVisible();
});

test('profile: a wrong current password lands on its field; sessions are listed', async ({ page, a11y }) => {
  const password = requireState('adminPassword');
  await page.goto('/profile');
  await expect(page.getByRole('heading', { level: 1, name: 'Profil' })).toBeVisible();
  await a11y.check('profile');
  const form = page.getByRole('region', { name: 'Ubah kata sandi' });
  await form.getByLabel('Kata sandi saat ini').fill('bukan kata sandi saya');
  await form.getByLabel('Kata sandi baru').fill('angin sepoi di lereng merapi');
  await form.getByLabel('Ulangi kata sandi').fill('angin sepoi di lereng merapi');
  await form.getByRole('button', { name: 'Ubah kata sandi' }).click();
  await expect(form.getByLabel('Kata sandi saat ini')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Kata sandi saat ini salah.').first()).toBeVisible();
  await expect(form.getByLabel('Kata sandi baru')).toHaveValue('angin sepoi di lereng merapi');
  await a11y.check('profile with a password error');

  // Two-factor cannot be turned off: the admin role requires it, and the server says so.
  const twoFactor = page.getByRole('region', { name: 'Verifikasi dua langkah' });
  await expect(twoFactor.getByText('Aktif', { exact: true })).toBeVisible();
  await expect(twoFactor).toContainText('Sisa kode pemulihan yang belum dipakai: 10.');
  const disable = twoFactor.getByRole('form', { name: 'Matikan verifikasi dua langkah' });
  await disable.getByLabel('Kata sandi Anda').fill(password);
  await disable.getByRole('button', { name: 'Matikan' }).click();
  await page
    .getByRole('dialog', { name: 'Matikan verifikasi dua langkah?' })
    .getByRole('button', { name: 'Matikan' })
    .click();
  await expect(
    twoFactor.getByText('Peran Anda mewajibkan verifikasi dua langkah, jadi tidak dapat dimatikan.'),
  ).toBeVisible();

  const sessions = page.getByRole('region', { name: 'Perangkat yang sedang masuk' });
  await expect(sessions.getByText('Perangkat ini')).toBeVisible();
  await a11y.check('profile after refusal');
});

test('platform admin sees the agencies and can add one, its admin invited', async ({ page, a11y }) => {
  await page.goto('/platform/agencies');
  const list = dataRows(page, 'Daftar instansi');
  await expect(list.filter({ hasText: 'Pemerintah Kabupaten Sleman' })).toBeVisible();
  await a11y.check('agencies');
  await page.getByRole('button', { name: 'Tambah instansi' }).click();
  const form = page.getByRole('form', { name: 'Instansi baru' });
  await form.getByRole('button', { name: 'Buat instansi dan undang admin' }).click();
  await expect(form.getByText('Wajib diisi.').first()).toBeVisible();
  await a11y.check('new agency with errors');
  await form.getByLabel('Nama instansi').fill('Pemerintah Kota Yogyakarta');
  await form.getByLabel('Nama singkat').fill('Pemkot Yogyakarta');
  await form.getByLabel('Jenis instansi').selectOption({ label: 'Pemerintah kota' });
  await form.getByLabel('Nama unit').fill('Sekretariat Daerah Kota');
  await form.getByLabel('Kode unit').fill('SETDA');
  await form.getByLabel('Nama lengkap').fill('Andi Wijaya');
  await form.getByLabel('Email').fill('andi.wijaya@jogjakota.go.id');
  await form.getByRole('radio', { name: 'Non-ASN' }).check();
  await form.getByRole('button', { name: 'Buat instansi dan undang admin' }).click();
  await expect(page.getByText('Instansi Pemerintah Kota Yogyakarta sudah dibuat')).toBeVisible();
  await expect(page.getByText('andi.wijaya@jogjakota.go.id', { exact: false })).toBeVisible();
  // No SMTP here: the invitation is held, and its link is shown to nobody but its recipient.
  await expect(
    page.getByText('Tautannya tidak ditampilkan kepada siapa pun selain penerimanya', { exact: false }),
  ).toBeVisible();
  await expect(page.getByText(/\/invite\/[\w-]{43}/)).toHaveCount(0);
  await expect(list.filter({ hasText: 'Pemerintah Kota Yogyakarta' })).toBeVisible();
  await a11y.check('agency created');
});
