import { expect, freshTotp, test } from './support/fixtures.js';
import { saveState, storagePath } from './support/state.js';
import { IS_PHONE } from './support/base-url.js';
import { mainNav, openMenu, signOut } from './support/nav.js';

/**
 * A fresh install: everything leads to set-up; the first admin sets up the agency, must enrol in
 * two-factor before anything else, saves the recovery codes, and can sign out and back in.
 */
const ADMIN = {
  name: 'Rina Wulandari, S.Psi.',
  email: 'rina.wulandari@slemankab.go.id',
  nip: '198503122010011001',
  password: 'kopi pagi di teras rumah nenek',
};

test('first-run set-up, two-factor enrolment, then sign out and in again with two-factor', async ({ page, a11y }) => {
  test.setTimeout(180_000);

  // Every page of a fresh install leads to set-up.
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/setup$/);
  a11y.redirected('/profile');
  await expect(page.getByRole('heading', { level: 1, name: 'Siapkan Teduh' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await a11y.check('set-up, step 1');

  // Nothing filled in: the summary and the fields say what is missing.
  await page.getByRole('button', { name: 'Lanjut' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Periksa kembali isian berikut' });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('Nama instansi')).toHaveAttribute('aria-invalid', 'true');
  await a11y.check('set-up, step 1 with errors');

  await page.getByLabel('Nama instansi').fill('Pemerintah Kabupaten Sleman');
  await page.getByLabel('Nama singkat').fill('Pemkab Sleman');
  await page.getByLabel('Jenis instansi').selectOption({ label: 'Pemerintah kabupaten' });
  await page.getByLabel('Zona waktu').selectOption('Asia/Jakarta');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  await expect(page.getByRole('heading', { name: 'Langkah 2 dari 3: Unit kerja teratas' })).toBeVisible();
  await page.getByLabel('Nama unit').fill('Sekretariat Daerah');
  await page.getByLabel('Kode unit').fill('SETDA');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  await expect(page.getByRole('heading', { name: 'Langkah 3 dari 3: Admin pertama' })).toBeVisible();
  await page.getByLabel('Nama lengkap').fill(ADMIN.name);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByRole('radio', { name: 'PNS' }).check();
  await page.getByLabel('NIP / NI PPPK').fill('1985 0312 2010 01 1 00');
  await page.getByLabel('Kata sandi', { exact: true }).fill('pendek');
  await page.getByLabel('Ulangi kata sandi').fill('pendek sekali');
  await page.getByRole('button', { name: 'Selesai dan lanjutkan' }).click();
  await expect(page.getByText('NIP harus terdiri dari 18 angka.').first()).toBeVisible();
  await expect(page.getByText('Kata sandi minimal 12 karakter.', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('Kedua kata sandi tidak sama.').first()).toBeVisible();
  await a11y.check('set-up, step 3 with errors');

  // What was typed survives the error; only the wrong fields are changed.
  await expect(page.getByLabel('Nama lengkap')).toHaveValue(ADMIN.name);
  await page.getByLabel('NIP / NI PPPK').fill('1985 0312 2010 01 1 001');
  await page.getByLabel('Kata sandi', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Ulangi kata sandi').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Selesai dan lanjutkan' }).click();

  // Admins must enrol in two-factor before anything else.
  await expect(page).toHaveURL(/\/two-factor\/setup$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Aktifkan verifikasi dua langkah' })).toBeVisible();
  await expect(page.getByText('Peran Anda memungkinkan Anda melihat data orang lain')).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Kode QR untuk menambahkan Teduh ke aplikasi autentikator' }),
  ).toBeVisible();
  await a11y.check('two-factor enrolment');
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  await page.getByLabel('Kode verifikasi').fill('12345');
  await page.getByRole('button', { name: 'Aktifkan' }).click();
  await expect(page.getByText('Kode berupa 6 angka dari aplikasi autentikator.').first()).toBeVisible();

  const enrol = await freshTotp(secret, undefined);
  await page.getByLabel('Kode verifikasi').fill(enrol.code);
  await page.getByRole('button', { name: 'Aktifkan' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Simpan kode pemulihan Anda' })).toBeVisible();
  const codes = page.getByRole('list', { name: 'Kode pemulihan' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  await expect(codes.first()).toHaveText(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2}$/);
  await a11y.check('recovery codes');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh sebagai berkas' }).click();
  expect((await download).suggestedFilename()).toBe('kode-pemulihan-teduh.txt');

  // Continuing needs the confirmation that the codes are saved.
  await page.getByRole('button', { name: 'Lanjutkan' }).click();
  await expect(page.getByText('Simpan kode pemulihan terlebih dahulu, lalu centang kotak ini.').first()).toBeVisible();
  await page.getByLabel('Saya sudah menyimpannya').check();
  await page.getByRole('button', { name: 'Lanjutkan' }).click();

  await expect(page).toHaveURL(/\/$/);
  // The home greets by the first name, without titles (docs/decisions/022-preferred-name-and-own-state.md).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Selamat (pagi|siang|sore|malam), Rina$/);
  const nav = mainNav(page);
  // The agency admin's pages sit in groups of the menu (one row at 1280 px; headed lists in the
  // phone's drawer).
  if (IS_PHONE) {
    await openMenu(page);
    await expect(nav.getByRole('list', { name: 'Organisasi' }).getByRole('link', { name: 'Unit kerja' })).toBeVisible();
  } else {
    await nav.getByRole('button', { name: 'Organisasi' }).click();
    await expect(nav.getByRole('link', { name: 'Unit kerja' })).toBeVisible();
    await page.keyboard.press('Escape');
  }
  await expect(nav.getByRole('link', { name: 'Instansi', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Administrasi instansi' })).toBeVisible();
  await a11y.check('admin home');

  // Sign out, then back in: a wrong password first, then the NIP with spaces and two-factor.
  await signOut(page);
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByText('Anda telah keluar.')).toBeVisible();
  await a11y.check('sign-in after sign-out');

  await page.getByLabel('NIP atau email').fill(ADMIN.email);
  await page.getByLabel('Kata sandi', { exact: true }).fill('bukan kata sandi yang benar');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'NIP/email atau kata sandi salah.' })).toBeVisible();
  await expect(page.getByLabel('NIP atau email')).toHaveValue(ADMIN.email);
  await a11y.check('sign-in with wrong password');

  await page.getByLabel('NIP atau email').fill('19850312 201001 1 001');
  await page.getByLabel('Kata sandi', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page).toHaveURL(/\/sign-in\/two-factor$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Verifikasi dua langkah' })).toBeVisible();
  const codeField = page.getByLabel('Kode verifikasi');
  await expect(codeField).toHaveAttribute('inputmode', 'numeric');
  await expect(codeField).toHaveAttribute('autocomplete', 'one-time-code');
  await a11y.check('two-factor sign-in step');

  // The code used for enrolment is a replay now: refused.
  await codeField.fill(enrol.code);
  await page.getByRole('button', { name: 'Verifikasi' }).click();
  await expect(page.getByText('Kode tidak cocok atau sudah kedaluwarsa.').first()).toBeVisible();

  const signIn = await freshTotp(secret, enrol.step);
  await codeField.fill(signIn.code);
  await page.getByRole('button', { name: 'Verifikasi' }).click();
  await expect(page).toHaveURL(/\/$/);
  // The home greets by the first name, without titles (docs/decisions/022-preferred-name-and-own-state.md).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Selamat (pagi|siang|sore|malam), Rina$/);

  await page.context().storageState({ path: storagePath('admin') });
  saveState({ adminEmail: ADMIN.email, adminPassword: ADMIN.password, totpSecret: secret, lastTotpStep: signIn.step });
});
