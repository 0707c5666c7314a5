import type { Page } from '@playwright/test';
import { expect, expectNoHorizontalScroll, test } from './support/fixtures.js';
import { goTo } from './support/nav.js';
import { storagePath } from './support/state.js';

/**
 * The anonymous suggestion box (docs/decisions/052-suggestion-box.md). The employee (03) writes
 * three suggestions on a 360 px phone and is refused a fourth; the manager (03) and the admin (01,
 * wellbeing admin since 06) write two each, so that seven wait — the agency's k since 06. Before
 * that nothing is on the board. The admin releases them, answers one in public and hides one; the
 * employee then finds the reply on the board and not the hidden one.
 */
const REPLIED = 'Ruang laktasi di lantai dua dipakai sebagai gudang arsip.';
const HIDDEN = 'Saran yang akan disembunyikan karena menunjuk seseorang.';
const REPLY = 'Arsip sudah dipindahkan; ruang laktasi dapat dipakai lagi.';

async function write(page: Page, text: string, topic?: string): Promise<void> {
  if (topic) await page.getByLabel(/^Topik/).selectOption({ label: topic });
  await page.getByLabel(/^Saran Anda/).fill(text);
  await page.getByRole('button', { name: 'Kirim saran' }).click();
}

async function writeAnother(page: Page, text: string, topic?: string): Promise<void> {
  await page.getByRole('button', { name: 'Tulis saran lain' }).click();
  await write(page, text, topic);
  await expect(page.getByText('Terima kasih, saran Anda sudah masuk')).toBeVisible();
}

test.describe('the employee', () => {
  test.use({ storageState: storagePath('employee') });

  test('writes three suggestions on a 360 px phone, is told what is kept, and is refused a fourth', async ({
    page,
    a11y,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await a11y.check('home');
    // Through the menu at the run's width (a drawer on a phone, the bar at 1280 px), then on a phone.
    await goTo(page, 'Kotak saran');
    await page.setViewportSize({ width: 360, height: 780 });
    await expect(page.getByRole('heading', { level: 1, name: 'Kotak saran' })).toBeVisible();
    const kept = page.getByRole('region', { name: 'Yang disimpan dan yang tidak' });
    await expect(kept).toContainText('Nama, NIP, unit kerja, dan jam pengiriman tidak disimpan bersama saran');
    await expect(kept).toContainText('paling sedikit 7 saran lain');
    await expect(kept).toContainText('Jangan menulis nama atau nomor');
    await expect(page.getByText('Belum ada saran di papan')).toBeVisible();
    await a11y.check('suggestion box, empty board');

    await page.getByRole('button', { name: 'Kirim saran' }).click();
    await expect(page.getByText('Tulis saran Anda dulu.')).toBeVisible();
    await a11y.check('suggestion box, empty text');

    await write(page, REPLIED, 'Fasilitas');
    await expect(page.getByText('Terima kasih, saran Anda sudah masuk')).toBeVisible();
    await expectNoHorizontalScroll(page);
    await a11y.check('suggestion sent');
    await writeAnother(page, HIDDEN, 'Atasan & rekan');
    await writeAnother(page, 'Rapat koordinasi sering dimulai sore hari <b>mendadak</b>.');

    // A fourth today: refused, nothing lost from the form.
    await page.getByRole('button', { name: 'Tulis saran lain' }).click();
    await write(page, 'Saran keempat hari ini');
    await expect(page.getByText(/Anda sudah mengirim 3 saran hari ini/)).toBeVisible();
    await expect(page.getByLabel(/^Saran Anda/)).toHaveValue('Saran keempat hari ini');
    await a11y.check('suggestion refused over the daily limit');
    // Sealed until seven wait: still nothing on the board.
    await expect(page.getByText('Belum ada saran di papan')).toBeVisible();
  });
});

for (const who of ['manager', 'admin'] as const)
  test.describe(`the ${who}`, () => {
    test.use({ storageState: storagePath(who) });

    test(`writes two suggestions like any member of staff`, async ({ page, a11y }) => {
      await page.goto('/suggestions');
      await expect(page.getByRole('heading', { level: 1, name: 'Kotak saran' })).toBeVisible();
      await a11y.check(`suggestion box (${who})`);
      await write(page, `Usulan pertama dari pengujian (${who}).`, 'Beban kerja');
      await expect(page.getByText('Terima kasih, saran Anda sudah masuk')).toBeVisible();
      await writeAnother(page, `Usulan kedua dari pengujian (${who}).`);
    });
  });

test.describe('the wellbeing admin', () => {
  test.use({ storageState: storagePath('admin') });

  test('releases the seven waiting, answers one in public and hides one with a reason', async ({ page, a11y }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await a11y.check('admin home');
    await goTo(page, 'Kelola saran');
    await expect(page.getByRole('heading', { level: 1, name: 'Kelola kotak saran' })).toBeVisible();
    await expect(page.getByText('Belum ada rilis.')).toBeVisible();
    await expect(page.getByText('Belum ada saran yang dirilis')).toBeVisible();
    await a11y.check('manage, nothing released');

    await page.getByRole('button', { name: 'Rilis sekarang' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rilis saran yang menunggu sekarang?' });
    await expect(dialog.getByRole('button', { name: 'Batal' })).toBeFocused();
    await a11y.check('release dialog');
    await dialog.getByRole('button', { name: 'Rilis sekarang' }).click();
    await expect(page.getByText('7 saran dirilis.')).toBeVisible();
    await expect(page.getByText(/: 7 saran$/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Rilis sekarang' })).toHaveCount(0);
    const list = page.getByRole('list', { name: 'Daftar saran' });
    await expect(list.getByRole('listitem')).toHaveCount(7);
    // Typed HTML stays text.
    await expect(list.getByText('Rapat koordinasi sering dimulai sore hari <b>mendadak</b>.')).toBeVisible();
    await a11y.check('manage, released');

    const replied = list.getByRole('listitem').filter({ hasText: REPLIED });
    await replied.getByLabel('Jawaban untuk semua pegawai').fill(REPLY);
    await replied.getByRole('button', { name: 'Simpan jawaban' }).click();
    await expect(page.getByText('Jawaban disimpan dan tampil di papan saran.')).toBeVisible();
    await expect(list.getByRole('listitem').filter({ hasText: REPLIED })).toContainText(REPLY);

    const hidden = list.getByRole('listitem').filter({ hasText: HIDDEN });
    await hidden.getByRole('button', { name: 'Sembunyikan' }).click();
    const hide = page.getByRole('dialog', { name: 'Sembunyikan saran ini dari papan?' });
    await hide.getByRole('button', { name: 'Sembunyikan' }).click();
    await expect(hide.getByText('Tulis alasannya dulu.')).toBeVisible();
    await a11y.check('hide dialog with no reason');
    await hide.getByLabel('Alasan').fill('Menunjuk seseorang');
    await hide.getByRole('button', { name: 'Sembunyikan' }).click();
    await expect(page.getByText('Saran disembunyikan dari papan.')).toBeVisible();
    await expect(list.getByRole('listitem').filter({ hasText: HIDDEN })).toContainText('Alasan: Menunjuk seseorang');
    await a11y.check('manage, replied and hidden');
  });
});

test.describe('the employee, after the release', () => {
  test.use({ storageState: storagePath('employee') });

  test('finds the reply on the board and not the hidden suggestion, on a 360 px phone', async ({ page, a11y }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto('/suggestions');
    const list = page.getByRole('list', { name: 'Daftar saran' });
    await expect(list.getByRole('listitem')).toHaveCount(6);
    await expect(list.getByRole('listitem').filter({ hasText: REPLIED })).toContainText(REPLY);
    await expect(page.getByText(HIDDEN)).toHaveCount(0);
    await page.getByLabel('Tampilkan topik').selectOption({ label: 'Fasilitas' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expectNoHorizontalScroll(page);
    await a11y.check('board with a reply');
    // The wellbeing admin's page is not theirs.
    await page.goto('/suggestions/manage');
    await expect(page).toHaveURL('/suggestions');
    a11y.redirected('/suggestions/manage');
  });
});
