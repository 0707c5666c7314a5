import type { Page } from '@playwright/test';
import { expect, expectNoHorizontalScroll, test, type A11y } from './support/fixtures.js';
import { storagePath } from './support/state.js';
import { E2E_WIDTH, type E2eWidth } from './support/base-url.js';

/**
 * Each width's own layout. On a phone 360 px wide: no sideways scrolling, tables become cards, the
 * menu folds away. At 1280 px: the width is used, the menu is one row. Every journey runs at both
 * widths (playwright.config.ts); these checks belong to one, so they are declared in that run only.
 */
function atWidth(width: E2eWidth, title: string, body: () => void): void {
  if (E2E_WIDTH === width) test.describe(title, body);
}

async function visit(page: Page, a11y: A11y, path: string, heading: string | RegExp) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await a11y.check(`360 px: ${path}`);
  await expectNoHorizontalScroll(page);
}

atWidth('phone', 'agency admin', () => {
  test.use({ storageState: storagePath('admin') });

  test('every admin page fits a 360 px screen', async ({ page, a11y }) => {
    // The home greets by the first name (docs/decisions/022-preferred-name-and-own-state.md).
    await visit(page, a11y, '/', /, Rina$/);

    // The menu is folded behind a button and closes after choosing a page.
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav.getByRole('link', { name: 'Pegawai' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Bahasa' })).toBeVisible();
    await a11y.check('360 px: menu open');
    await nav.getByRole('link', { name: 'Pegawai' }).click();
    await expect(page).toHaveURL(/\/admin\/people$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Pegawai' })).toBeFocused();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');

    // The people table is a list of cards here.
    await expect(page.getByRole('table', { name: 'Daftar pegawai' })).toBeHidden();
    const cards = page.getByRole('list', { name: 'Daftar pegawai' });
    await expect(cards).toBeVisible();
    await expect(cards.getByRole('listitem').filter({ hasText: 'Budi Santoso' })).toContainText('198811302012121004');
    await a11y.check('360 px: people cards');
    await expectNoHorizontalScroll(page);

    await cards.getByRole('link', { name: 'Budi Santoso' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Budi Santoso' })).toBeVisible();
    await a11y.check('360 px: person page');
    await expectNoHorizontalScroll(page);

    await visit(page, a11y, '/admin/units', 'Unit kerja');
    await page.getByRole('button', { name: /^Sekretariat Daerah/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Sekretariat Daerah' })).toBeFocused();
    await expectNoHorizontalScroll(page);
    await visit(page, a11y, '/admin/import', 'Impor data');
    await visit(page, a11y, '/admin/audit', 'Log audit');
    await expect(page.getByRole('table', { name: 'Entri log audit' })).toBeHidden();
    await expect(page.getByRole('list', { name: 'Entri log audit' })).toBeVisible();
    await visit(page, a11y, '/admin/outbox', 'Kotak keluar email');
    await visit(page, a11y, '/admin/settings', 'Pengaturan instansi');
    await visit(page, a11y, '/platform/agencies', 'Instansi');
    await visit(page, a11y, '/profile', 'Profil');
  });
});

atWidth('phone', 'employee', () => {
  test.use({ storageState: storagePath('employee') });

  test('home and profile fit a 360 px screen', async ({ page, a11y }) => {
    await visit(page, a11y, '/', /, Budi$/);
    await visit(page, a11y, '/profile', 'Profil');
    await visit(page, a11y, '/halaman-yang-tidak-ada', 'Halaman tidak ditemukan');
  });
});

/** A 1280 px screen: the width is used, the menu is one row, the help pill one line. */
atWidth('desktop', 'agency admin at 1280 px', () => {
  test.use({ storageState: storagePath('admin') });

  async function expectOneRowMenu(page: Page) {
    const tops = await page
      .getByRole('navigation', { name: 'Menu utama' })
      .locator(':scope > ul > li')
      .evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
    expect(tops.length).toBeGreaterThan(3);
    expect(new Set(tops).size, `menu rows at ${tops.join(', ')}`).toBe(1);
  }

  async function expectHelpPillOneLine(page: Page) {
    const pill = page.getByRole('link', { name: 'Butuh bantuan sekarang' });
    const lines = await pill.locator('.help-now__text').evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
  }

  test('admin pages use the width; the grouped menu fits one row and works from the keyboard', async ({
    page,
    a11y,
  }) => {
    for (const [path, heading] of [
      ['/', /, Rina$/],
      ['/admin/units', 'Unit kerja'],
      ['/admin/import', 'Impor data'],
      ['/admin/settings', 'Pengaturan instansi'],
      ['/profile', 'Profil'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectOneRowMenu(page);
      await expectHelpPillOneLine(page);
      await a11y.check(`1280 px: ${path}`);
    }

    // Import: the recent imports sit beside the upload form, not under it.
    await page.goto('/admin/import');
    const upload = page.getByRole('heading', { level: 2, name: 'Unggah berkas' });
    const recent = page.getByRole('heading', { level: 2, name: 'Impor terakhir' });
    const [uploadBox, recentBox] = [await upload.boundingBox(), await recent.boundingBox()];
    expect(recentBox?.x ?? 0).toBeGreaterThan((uploadBox?.x ?? 0) + 400);

    // A group opens below its button, closes on Escape with focus back on the button.
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    const group = nav.getByRole('button', { name: 'Organisasi' });
    await expect(nav.getByRole('link', { name: 'Pegawai' })).toBeHidden();
    await group.focus();
    await page.keyboard.press('Enter');
    await expect(group).toHaveAttribute('aria-expanded', 'true');
    await expect(nav.getByRole('link', { name: 'Pegawai' })).toBeVisible();
    await a11y.check('1280 px: menu group open');
    await page.keyboard.press('Escape');
    await expect(group).toHaveAttribute('aria-expanded', 'false');
    await expect(group).toBeFocused();
    await group.click();
    await nav.getByRole('link', { name: 'Pegawai' }).click();
    await expect(page).toHaveURL(/\/admin\/people$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Pegawai' })).toBeVisible();
    await expect(group).toHaveAttribute('aria-expanded', 'false');
    await a11y.check('1280 px: people');
  });
});
