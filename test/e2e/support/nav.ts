import { expect, type Locator, type Page } from '@playwright/test';
import { IS_PHONE } from './base-url.js';

/**
 * The one place the journeys learn the screen's width. On a phone the menu, the language switch,
 * the profile link and "Keluar" sit in a drawer behind the "Menu" button; at 1280 px they sit in
 * the header and the agency admin's pages in groups of the menu. A spec says where it goes; this
 * opens what the width needs, as a person on that screen would.
 */

/** The signed-in header's main menu, in either language. */
export function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: /^(Menu utama|Main menu)$/ });
}

/** On a phone, opens the drawer (if it is not open yet); at 1280 px there is nothing to open. */
export async function openMenu(page: Page): Promise<void> {
  if (!IS_PHONE) return;
  const toggle = page.getByRole('banner').getByRole('button', { name: 'Menu', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

/**
 * Follows the main menu's link named `name`: through the phone's drawer, or at 1280 px through
 * the group of the menu that holds it (the link is clicked directly where it stands in the bar).
 */
export async function goTo(page: Page, name: string | RegExp): Promise<void> {
  const nav = mainNav(page);
  if (IS_PHONE) await openMenu(page);
  else {
    // A link in a closed group is hidden until its group opens.
    const anywhere = page.getByRole('link', { name, exact: true, includeHidden: true });
    await expect(nav.locator(anywhere)).toBeAttached();
    if (!(await nav.locator(anywhere).isVisible()))
      await nav.locator('li.site-nav__group').filter({ has: anywhere }).getByRole('button').click();
  }
  await nav.getByRole('link', { name, exact: true }).click();
}

/** Signs out from the header (the drawer on a phone). */
export async function signOut(page: Page): Promise<void> {
  await openMenu(page);
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^(Keluar|Sign out)$/ })
    .click();
}

/**
 * The data rows of a table whose caption is `name`: its body rows where the table is shown, the
 * cards of its list where a DataTable shows cards instead (on a phone; src/web/components/DataTable.tsx
 * renders both and CSS shows one, and a hidden one has no role to find).
 */
export function dataRows(scope: Page | Locator, name: string): Locator {
  return scope
    .getByRole('table', { name })
    .locator(':scope > tbody > tr')
    .or(scope.getByRole('list', { name }).locator(':scope > li'));
}
