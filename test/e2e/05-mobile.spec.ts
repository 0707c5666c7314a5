import type { Page } from '@playwright/test';
import { expect, expectNoHorizontalScroll, test, type A11y } from './support/fixtures.js';
import { storagePath } from './support/state.js';

/** A phone 360 px wide: no sideways scrolling, tables become cards, the menu folds away. */
test.use({ viewport: { width: 360, height: 740 } });

async function visit(page: Page, a11y: A11y, path: string, heading: string | RegExp) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await a11y.check(`360 px: ${path}`);
  await expectNoHorizontalScroll(page);
}

test.describe('agency admin', () => {
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

test.describe('employee', () => {
  test.use({ storageState: storagePath('employee') });

  test('home and profile fit a 360 px screen', async ({ page, a11y }) => {
    await visit(page, a11y, '/', /, Budi$/);
    await visit(page, a11y, '/profile', 'Profil');
    await visit(page, a11y, '/halaman-yang-tidak-ada', 'Halaman tidak ditemukan');
  });
});
