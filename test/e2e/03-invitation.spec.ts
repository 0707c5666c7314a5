import type { Browser, Page } from '@playwright/test';
import { expect, test, type A11y } from './support/fixtures.js';
import { devMailLink } from './support/dev-mail.js';
import { saveState, storagePath } from './support/state.js';
import { dataRows, goTo, mainNav, openMenu, signOut } from './support/nav.js';

/**
 * Without SMTP, invitations wait in the agency's outbox, where the admin sees where they went but
 * never their link: the link reaches the employee alone — here through the developer's
 * log (TEDUH_DEV_LOG_EMAIL_LINKS) standing in for their mailbox. The employee accepts it in their
 * own browser, then signs in. A manager sees their team.
 */
test.use({ storageState: storagePath('admin') });

const EMPLOYEE = {
  name: 'Budi Santoso',
  email: 'budi.santoso@slemankab.go.id',
  password: 'sepeda tua di bawah pohon sawo',
};
const MANAGER = {
  name: 'Siti Rahmawati',
  email: 'siti.rahmawati@slemankab.go.id',
  password: 'hujan sore di alun alun kidul',
};

async function openPerson(page: Page, name: string) {
  await goTo(page, 'Pegawai');
  await dataRows(page, 'Daftar pegawai').getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The admin opens a held invitation in the outbox: where it went and its text, never its link. */
async function expectRedactedInvitation(page: Page, email: string): Promise<void> {
  const mail = page.getByRole('listitem').filter({ hasText: email }).filter({ hasText: 'Undangan' }).first();
  await mail.getByText('Tampilkan isi email').click();
  const body = (await mail.locator('pre').textContent()) ?? '';
  expect(body).toContain('[tautan rahasia: hanya dikirim kepada penerima]');
  expect(body).not.toMatch(/\/invite\//);
  await expect(mail.getByRole('button', { name: /Salin tautan/ })).toHaveCount(0);
}

async function acceptInvitation(
  browser: Browser,
  a11y: A11y,
  link: string,
  who: { name: string; password: string },
): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  a11y.track(page);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: `Selamat datang, ${who.name}` })).toBeVisible();
  await expect(page.getByText('Pemerintah Kabupaten Sleman mengundang Anda ke Teduh.')).toBeVisible();
  await a11y.check('invitation', page);
  await page.getByLabel('Buat kata sandi').fill('pendek');
  await page.getByLabel('Ulangi kata sandi').fill('pendek');
  await page.getByRole('button', { name: 'Buat kata sandi dan masuk' }).click();
  await expect(page.getByText('Kata sandi minimal 12 karakter.', { exact: false }).first()).toBeVisible();
  await page.getByLabel('Buat kata sandi').fill(who.password);
  await page.getByLabel('Ulangi kata sandi').fill(who.password);
  await page.getByRole('button', { name: 'Buat kata sandi dan masuk' }).click();
  await expect(page).toHaveURL(/\/$/);
  // The home greets by the first name (docs/decisions/022-preferred-name-and-own-state.md).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`, ${who.name.split(' ')[0]}$`));
  return page;
}

test('invite from the person page, see the outbox hold it without its link, accept it from the invitee’s mail, sign in as the employee', async ({
  page,
  browser,
  a11y,
}) => {
  // The manager-to-be gets the manager role for Dinas Kesehatan and its sub-units.
  await page.goto('/admin/people');
  await a11y.check('people list');
  await openPerson(page, MANAGER.name);
  await a11y.check('person page');
  const roles = page.getByRole('region', { name: 'Peran' });
  await expect(roles.getByText('Belum ada peran tambahan.')).toBeVisible();
  await roles.getByLabel('Peran', { exact: true }).selectOption({ label: 'Atasan' });
  const scope = roles.getByLabel('Cakupan');
  await scope.selectOption(
    (await scope.locator('option', { hasText: 'Dinas Kesehatan (DINKES)' }).getAttribute('value')) ?? '',
  );
  await roles.getByRole('button', { name: 'Beri peran' }).click();
  await expect(roles.getByText('Peran Atasan sudah diberikan.')).toBeVisible();
  await expect(roles.getByRole('listitem').filter({ hasText: 'Atasan' })).toContainText(
    'Terbatas pada Dinas Kesehatan dan subunitnya',
  );
  await page.getByRole('button', { name: 'Kirim undangan' }).click();
  await expect(page.getByText(`Undangan dikirim ke ${MANAGER.email}`)).toBeVisible();
  await a11y.check('person page: role given and invitation sent');

  // The employee: details edited, then invited.
  await openPerson(page, EMPLOYEE.name);
  const details = page.getByRole('form', { name: 'Data pegawai' });
  await details.getByLabel('Jabatan').fill('Pranata Komputer Ahli Muda');
  await details.getByRole('button', { name: 'Simpan' }).click();
  await expect(details.getByText('Data pegawai sudah disimpan.')).toBeVisible();
  await page.getByRole('button', { name: 'Kirim undangan' }).click();
  const sent = page.getByRole('status').filter({ hasText: `Undangan dikirim ke ${EMPLOYEE.email}` });
  await expect(sent).toBeVisible();
  await expect(sent).toContainText('Server email (SMTP) belum diatur');
  await a11y.check('person page: invitation sent');
  await sent.getByRole('link', { name: 'Buka kotak keluar email' }).click();

  await expect(page).toHaveURL(/\/admin\/outbox$/);
  await expect(
    page.getByText('Setiap kali halaman ini dibuka, tercatat di log audit.', { exact: false }),
  ).toBeVisible();
  await a11y.check('outbox');
  await expectRedactedInvitation(page, EMPLOYEE.email);
  await expectRedactedInvitation(page, MANAGER.email);
  await a11y.check('outbox with an email opened');
  const employeeLink = await devMailLink(EMPLOYEE.email, 'invite');
  const managerLink = await devMailLink(MANAGER.email, 'invite');

  // The employee, in their own browser.
  const employee = await acceptInvitation(browser, a11y, employeeLink, EMPLOYEE);
  await openMenu(employee);
  const employeeNav = mainNav(employee);
  await expect(employeeNav.getByRole('link', { name: 'Beranda' })).toBeVisible();
  await expect(employeeNav.getByRole('link', { name: 'Unit kerja' })).toHaveCount(0);
  await expect(employee.getByRole('heading', { name: 'Untuk Anda' })).toBeVisible();
  // The home shows what exists (no "coming soon" cards) and, before any self-check, how to begin.
  await expect(employee.getByText('Segera hadir')).toHaveCount(0);
  await expect(employee.getByText('Anda belum pernah mengisi cek diri')).toBeVisible();
  await expect(employee.getByRole('heading', { name: 'Administrasi instansi' })).toHaveCount(0);
  await a11y.check('employee home', employee);

  // Admin pages are not for an employee.
  await employee.goto('/admin/people');
  await expect(employee.getByRole('heading', { level: 1, name: 'Halaman ini bukan untuk peran Anda' })).toBeVisible();
  await a11y.check('forbidden page', employee);

  // Sign out and in again as the employee, by email; no two-factor for this role.
  await signOut(employee);
  await expect(employee).toHaveURL(/\/sign-in$/);
  await a11y.check('sign-in', employee);
  await employee.getByLabel('NIP atau email').fill(EMPLOYEE.email);
  await employee.getByLabel('Kata sandi', { exact: true }).fill(EMPLOYEE.password);
  await employee.getByRole('button', { name: 'Masuk' }).click();
  await expect(employee).toHaveURL(/\/$/);
  await expect(employee.getByRole('heading', { level: 1 })).toHaveText(/, Budi$/);
  await employee.context().storageState({ path: storagePath('employee') });

  // The link worked once; now it explains what to do instead.
  await employee.goto(employeeLink);
  await expect(employee.getByRole('heading', { level: 1, name: 'Tautan undangan tidak berlaku' })).toBeVisible();
  await a11y.check('used invitation link', employee);
  await employee.context().close();

  // The manager sees the people of Dinas Kesehatan and its sub-units: names and positions only.
  const manager = await acceptInvitation(browser, a11y, managerLink, MANAGER);
  const team = manager.getByRole('region', { name: 'Tim Anda' });
  await expect(team.getByText('Budi Santoso')).toBeVisible();
  await expect(team.getByText('Pranata Komputer Ahli Muda')).toBeVisible();
  await expect(team.getByText('Dewi Lestari')).toBeVisible();
  await expect(team.getByText('Agus Prasetyo')).toHaveCount(0);
  await expect(team).toContainText('paling sedikit 5 orang');
  await a11y.check('manager home', manager);
  await manager.context().storageState({ path: storagePath('manager') });
  await manager.context().close();

  saveState({
    employeeEmail: EMPLOYEE.email,
    employeePassword: EMPLOYEE.password,
    managerEmail: MANAGER.email,
    managerPassword: MANAGER.password,
  });
});

test('an admin changes an employee’s email: the old address is told and confirms the change', async ({
  page,
  browser,
  a11y,
}) => {
  const changeEmail = async (to: string) => {
    await openPerson(page, EMPLOYEE.name);
    const details = page.getByRole('form', { name: 'Data pegawai' });
    // The admin is told what the change sets off before saving it.
    await expect(details.getByText('alamat lama diberi tahu', { exact: false })).toBeVisible();
    await details.getByLabel('Email').fill(to);
    await details.getByRole('button', { name: 'Simpan' }).click();
    await expect(details.getByText('Data pegawai sudah disimpan.')).toBeVisible();
  };
  const confirmFromOldAddress = async (oldAddress: string) => {
    const link = await devMailLink(oldAddress, 'email_changed');
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const old = await context.newPage();
    a11y.track(old);
    await old.goto(link);
    await expect(old.getByRole('heading', { level: 1, name: 'Konfirmasi perubahan email' })).toBeVisible();
    await expect(old.getByText('Bukan Anda yang meminta?')).toBeVisible();
    await a11y.check('email change confirmation', old);
    await old.getByRole('button', { name: 'Ya, saya yang meminta perubahan ini' }).click();
    await expect(old.getByText('Perubahan email dikonfirmasi')).toBeVisible();
    await a11y.check('email change confirmed', old);
    // The link works once.
    await old.reload();
    await old.getByRole('button', { name: 'Ya, saya yang meminta perubahan ini' }).click();
    await expect(old.getByText('Tautan ini tidak berlaku lagi')).toBeVisible();
    await a11y.check('used confirmation link', old);
    await context.close();
  };

  const interim = 'budi.s@slemankab.go.id';
  await page.goto('/admin/people');
  await a11y.check('people list');
  await changeEmail(interim);
  await a11y.check('person page: email changed');
  await confirmFromOldAddress(EMPLOYEE.email);
  // And back, so the later journeys find Budi as before, with no hold on his account.
  await changeEmail(EMPLOYEE.email);
  await confirmFromOldAddress(interim);
});

test('deactivate and reactivate a person, with confirmation', async ({ page, a11y }) => {
  await page.goto('/admin/people');
  await a11y.check('people list');
  await openPerson(page, 'Agus Prasetyo');
  await page.getByRole('button', { name: 'Nonaktifkan pegawai' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nonaktifkan Agus Prasetyo?' });
  await expect(dialog).toBeVisible();
  await a11y.check('deactivation dialog');
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Nonaktif', { exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Nonaktifkan pegawai' }).click();
  await dialog.getByRole('button', { name: 'Nonaktifkan pegawai' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Aktifkan kembali' })).toBeVisible();
  await expect(page.getByText('Nonaktif', { exact: true }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Aktifkan kembali' }).click();
  await page
    .getByRole('dialog', { name: 'Aktifkan kembali Agus Prasetyo?' })
    .getByRole('button', { name: 'Aktifkan kembali' })
    .click();
  await expect(page.getByRole('button', { name: 'Nonaktifkan pegawai' })).toBeVisible();
  await a11y.check('person reactivated');
});
