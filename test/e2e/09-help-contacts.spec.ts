import { expect, test } from './support/fixtures.js';
import { storagePath } from './support/state.js';

/**
 * The agency admin's help contacts and the disclosed safety outreach switch: what they change
 * is seen by employees on the help page and in the consent text before every questionnaire.
 */
test.use({ storageState: storagePath('admin') });

const CONTACT = { name: 'Konselor jaga Dinas Kesehatan', phone: '0274 868 000', hours: 'Senin–Jumat 07.30–16.00 WIB' };

test('add a contact, switch outreach on and off; employees see both changes', async ({ page, browser, a11y }) => {
  await page.goto('/admin/help-contacts');
  await expect(page.getByRole('heading', { level: 1, name: 'Kontak bantuan' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Layanan darurat 112' })).toBeVisible();
  await a11y.check('help contacts admin');

  const add = page.getByRole('form', { name: 'Tambah kontak' });
  await add.getByLabel('Jenis').selectOption({ label: 'Konseling' });
  await add.getByLabel('Nama').fill(CONTACT.name);
  await add.getByLabel('Jam layanan').fill(CONTACT.hours);
  await add.getByRole('button', { name: 'Tambah kontak' }).click();
  // A counselling contact needs a number or a website.
  await expect(
    add.getByText('Isi nomor telepon atau alamat situs agar kontak ini bisa dihubungi.').first(),
  ).toBeVisible();
  await expect(add.getByLabel('Nama')).toHaveValue(CONTACT.name);
  await a11y.check('help contact with an error');
  await add.getByLabel('Nomor telepon').fill(CONTACT.phone);
  await add.getByRole('button', { name: 'Tambah kontak' }).click();
  await expect(page.getByText(`${CONTACT.name} sudah ditambahkan.`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: CONTACT.name })).toBeVisible();

  const outreach = page.getByRole('region', { name: /Penjangkauan keselamatan/ });
  await expect(outreach.getByText('Tidak aktif', { exact: true })).toBeVisible();
  await expect(outreach).toContainText('atasan, bagian kepegawaian, dan admin tidak pernah diberi tahu');
  await outreach.getByLabel('Aktifkan penjangkauan keselamatan').check();
  await outreach.getByRole('button', { name: 'Simpan pengaturan' }).click();
  const on = page.getByRole('dialog', { name: 'Aktifkan penjangkauan keselamatan?' });
  await expect(on).toContainText('teks persetujuan baru');
  await a11y.check('outreach dialog');
  await on.getByRole('button', { name: 'Aktifkan' }).click();
  await expect(outreach.getByText('Pengaturan penjangkauan keselamatan sudah disimpan.')).toBeVisible();
  await expect(outreach.getByText('Aktif', { exact: true })).toBeVisible();
  await expect(outreach).toContainText('versi self-assessment-outreach-1.');

  // What the employee sees now.
  const context = await browser.newContext({ storageState: storagePath('employee') });
  const employee = await context.newPage();
  a11y.track(employee);
  await employee.goto('/help');
  const contacts = employee.getByRole('list', { name: 'Kontak bantuan dan layanan darurat' });
  await expect(contacts.getByRole('listitem').first()).toContainText('112');
  const mine = contacts.getByRole('listitem').filter({ hasText: CONTACT.name });
  await expect(mine).toContainText(CONTACT.hours);
  await expect(mine.getByRole('link', { name: `Telepon ${CONTACT.phone}` })).toHaveAttribute('href', 'tel:0274868000');
  await a11y.check('help page with the agency contact', employee);
  await employee.goto('/self-check/phq9');
  const consent = employee.getByRole('form', { name: 'Sebelum mulai' });
  await expect(consent).toContainText('Instansi Anda mengaktifkan penjangkauan keselamatan');
  await expect(consent).toContainText('Atasan dan bagian kepegawaian tidak pernah diberi tahu.');
  await a11y.check('consent text under outreach', employee);

  // Off again, and the contact switched off.
  await outreach.getByLabel('Aktifkan penjangkauan keselamatan').uncheck();
  await outreach.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await page
    .getByRole('dialog', { name: 'Matikan penjangkauan keselamatan?' })
    .getByRole('button', { name: 'Matikan' })
    .click();
  await expect(outreach.getByText('Tidak aktif', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: `Nonaktifkan ${CONTACT.name}` }).click();
  await page
    .getByRole('dialog', { name: `Nonaktifkan ${CONTACT.name}?` })
    .getByRole('button', { name: 'Nonaktifkan' })
    .click();
  await expect(page.getByText(`${CONTACT.name} sudah dinonaktifkan.`)).toBeVisible();
  await a11y.check('help contacts after changes');

  await employee.reload();
  await expect(employee.getByRole('form', { name: 'Sebelum mulai' })).toContainText(
    'Konselor hanya diberi tahu jika Anda sendiri memintanya.',
  );
  await employee.goto('/help');
  await expect(
    employee
      .getByRole('list', { name: 'Kontak bantuan dan layanan darurat' })
      .getByRole('listitem')
      .filter({ hasText: CONTACT.name }),
  ).toHaveCount(0);
  await context.close();
});
