import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { storagePath, writeRunFile } from './support/state.js';
import { goTo, dataRows } from './support/nav.js';

/**
 * The agency admin imports units, then people, from CSV files written here with the Indonesian
 * headers of IMPORT_COLUMNS (src/contracts/imports.ts): validation progress, the report, the two
 * ways to save, and the result in the unit tree and the people list.
 */
test.use({ storageState: storagePath('admin') });

const UNITS_CSV = [
  'kode_unit,nama_unit,kode_unit_induk,zona_waktu',
  'DINKES,Dinas Kesehatan,SETDA,WIB',
  'DINKES.SEK,Sekretariat Dinas Kesehatan,DINKES,WIB',
  'BKPSDM,Badan Kepegawaian dan Pengembangan Sumber Daya Manusia,SETDA,WIB',
].join('\n');

// Row 6 (Eko) has a NIP of 14 digits: a problem the report must point at.
const PEOPLE_CSV = [
  'nip,nama_lengkap,jenis_kepegawaian,email,telepon,jabatan,kode_unit,nip_atasan',
  '199001152015032002,Siti Rahmawati,PNS,siti.rahmawati@slemankab.go.id,0812 3456 7890,Kepala Dinas Kesehatan,DINKES,',
  '198811302012121004,Budi Santoso,PNS,budi.santoso@slemankab.go.id,,Pranata Komputer Ahli Pertama,DINKES.SEK,199001152015032002',
  '199205202022212003,Dewi Lestari,PPPK,dewi.lestari@slemankab.go.id,,Perawat Terampil,DINKES.SEK,199001152015032002',
  ',Agus Prasetyo,NON_ASN,agus.prasetyo@slemankab.go.id,,Tenaga Pendukung,BKPSDM,',
  '19850312201001,Eko Wibowo,PNS,eko.wibowo@slemankab.go.id,,Analis Kepegawaian,BKPSDM,',
].join('\n');

function stat(page: Page, label: string) {
  // Not a field of a problem's card (the problems are cards on a phone, with their own terms).
  return page
    .locator('dt:not(.data-card dt)')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

async function upload(page: Page, kind: 'Unit kerja' | 'Pegawai', file: string) {
  await page.getByRole('radio', { name: kind }).check();
  await page.getByLabel('Berkas CSV atau XLSX').setInputFiles(file);
  await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
}

test('import units, then people with one bad row; see them in the tree and the list', async ({ page, a11y }) => {
  await page.goto('/admin/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Impor data' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Unduh templat XLSX' })).toHaveAttribute(
    'href',
    '/api/v1/import-templates/people?format=xlsx',
  );
  await a11y.check('import: upload form');

  // Uploading nothing is refused in the browser.
  await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
  await expect(page.getByText('Pilih berkas yang akan diunggah.').first()).toBeVisible();

  // Units: all rows valid, saved with "all or nothing".
  await upload(page, 'Unit kerja', writeRunFile('unit-kerja.csv', UNITS_CSV));
  await expect(page.getByRole('heading', { name: 'Laporan pemeriksaan: unit-kerja.csv' })).toBeVisible();
  await expect(stat(page, 'Baris data')).toHaveText('3');
  await expect(stat(page, 'Baris valid')).toHaveText('3');
  await expect(stat(page, 'Masalah')).toHaveText('0');
  await expect(stat(page, 'Baru')).toHaveText('3');
  await expect(page.getByText('Tidak ada masalah. Semua baris siap disimpan.')).toBeVisible();
  await a11y.check('import: units report');
  await page.getByRole('button', { name: 'Simpan semua (hanya jika tidak ada masalah)' }).click();
  await expect(page.getByRole('heading', { name: 'Impor selesai' })).toBeVisible();
  await expect(stat(page, 'Ditambahkan')).toHaveText('3');
  await a11y.check('import: units result');

  // The tree shows them; a sub-unit is added by hand.
  await page.getByRole('link', { name: 'Lihat unit kerja' }).click();
  await expect(page).toHaveURL(/\/admin\/units$/);
  const tree = page
    .getByRole('list')
    .filter({ has: page.getByRole('button', { name: /^Sekretariat Daerah/ }) })
    .first();
  await expect(tree.getByRole('button', { name: /^Dinas Kesehatan/ })).toBeVisible();
  await expect(tree.getByRole('button', { name: /^Badan Kepegawaian/ })).toBeVisible();
  await expect(tree.getByRole('button', { name: /^Sekretariat Dinas Kesehatan/ })).toBeHidden();
  const toggle = page.getByRole('button', { name: 'Subunit Dinas Kesehatan' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(tree.getByRole('button', { name: /^Sekretariat Dinas Kesehatan/ })).toBeVisible();
  await a11y.check('units tree');

  // Keyboard: arrows move between the units of the tree.
  await tree.getByRole('button', { name: /^Sekretariat Daerah/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(tree.getByRole('button', { name: /^Badan Kepegawaian/ })).toBeFocused();

  await tree.getByRole('button', { name: /^Dinas Kesehatan/ }).click();
  const panel = page.getByRole('region', { name: 'Dinas Kesehatan' });
  await expect(panel.getByRole('heading', { level: 2, name: 'Dinas Kesehatan' })).toBeFocused();
  const add = panel.getByRole('form', { name: 'Tambah subunit di bawah Dinas Kesehatan' });
  await add.getByLabel('Nama unit').fill('Bidang Pelayanan Kesehatan');
  await add.getByLabel('Kode unit').fill('DINKES'); // taken: the server says so on the field
  await add.getByRole('button', { name: 'Tambah subunit' }).click();
  await expect(add.getByText('Kode unit "DINKES" sudah dipakai di instansi ini.').first()).toBeVisible();
  await expect(add.getByLabel('Nama unit')).toHaveValue('Bidang Pelayanan Kesehatan');
  await add.getByLabel('Kode unit').fill('DINKES.YANKES');
  await add.getByRole('button', { name: 'Tambah subunit' }).click();
  await expect(page.getByRole('region', { name: 'Bidang Pelayanan Kesehatan' })).toBeVisible();
  await expect(tree.getByRole('button', { name: /^Bidang Pelayanan Kesehatan/ })).toBeVisible();
  await a11y.check('units: sub-unit added');

  // People: one bad row; "save all" is not possible, "valid rows only" asks first.
  await goTo(page, 'Impor data');
  await upload(page, 'Pegawai', writeRunFile('pegawai.csv', PEOPLE_CSV));
  await expect(page.getByRole('heading', { name: 'Laporan pemeriksaan: pegawai.csv' })).toBeVisible();
  await expect(stat(page, 'Baris data')).toHaveText('5');
  await expect(stat(page, 'Baris valid')).toHaveText('4');
  await expect(stat(page, 'Masalah')).toHaveText('1');
  const problems = dataRows(page, 'Daftar masalah');
  await expect(problems).toHaveCount(1);
  await expect(problems.first()).toContainText('Baris 6');
  await expect(problems.first()).toContainText('nip');
  await expect(page.getByRole('button', { name: 'Simpan semua (hanya jika tidak ada masalah)' })).toBeDisabled();
  await a11y.check('import: people report with a problem');

  await page.getByRole('button', { name: 'Simpan baris yang valid saja' }).click();
  const dialog = page.getByRole('dialog', { name: 'Simpan baris yang valid saja?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('4 baris yang valid akan disimpan. 1 baris bermasalah akan dilewati');
  await expect(dialog.getByRole('button', { name: 'Batal' })).toBeFocused();
  await a11y.check('import: confirm valid rows only');
  await dialog.getByRole('button', { name: 'Simpan 4 baris' }).click();
  await expect(page.getByRole('heading', { name: 'Impor selesai' })).toBeVisible();
  await expect(stat(page, 'Ditambahkan')).toHaveText('4');
  await expect(page.getByText('1 baris bermasalah dilewati.')).toBeVisible();

  const recent = dataRows(page, 'Impor terakhir');
  await expect(recent).toHaveCount(2);
  await expect(recent.filter({ hasText: 'pegawai.csv' })).toHaveCount(1);
  await expect(recent.filter({ hasText: 'unit-kerja.csv' })).toHaveCount(1);

  // The people list: the four imported and the admin; search narrows it.
  await page.getByRole('link', { name: 'Lihat pegawai' }).click();
  await expect(page).toHaveURL(/\/admin\/people$/);
  await expect(page.getByRole('status').filter({ hasText: 'Ditemukan: 5' })).toBeVisible();
  const people = dataRows(page, 'Daftar pegawai');
  await expect(people.getByRole('link', { name: 'Budi Santoso' })).toBeVisible();
  await expect(people.filter({ hasText: 'Eko Wibowo' })).toHaveCount(0);
  await a11y.check('people list');
  await page.getByRole('searchbox', { name: 'Cari pegawai' }).fill('santoso');
  await expect(page.getByRole('status').filter({ hasText: 'Ditemukan: 1' })).toBeVisible();
  await expect(people.getByRole('link', { name: 'Budi Santoso' })).toBeVisible();
  await expect(page).toHaveURL(/q=santoso/);
  await page.getByRole('searchbox', { name: 'Cari pegawai' }).fill('');
  const unitFilter = page.getByLabel('Unit kerja');
  const dinkes = await unitFilter.locator('option', { hasText: 'Dinas Kesehatan (DINKES)' }).getAttribute('value');
  await unitFilter.selectOption(dinkes ?? '');
  await expect(page.getByRole('status').filter({ hasText: 'Ditemukan: 3' })).toBeVisible();
  await a11y.check('people list filtered by unit');
});
