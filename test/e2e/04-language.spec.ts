import { expect, test } from './support/fixtures.js';
import { storagePath } from './support/state.js';
import { openMenu } from './support/nav.js';

/**
 * Bahasa Indonesia first, English second: the switch changes the texts and <html lang>; signed in
 * the choice is kept on the profile, signed out in the teduh_lang cookie, which the server also
 * uses for its own messages.
 */
test.describe('signed in', () => {
  test.use({ storageState: storagePath('employee') });

  test('switch id → en → id; the choice survives a reload', async ({ page, a11y }) => {
    await page.goto('/');
    await openMenu(page);
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    await expect(nav.getByRole('link', { name: 'Beranda' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
    await expect(page.getByRole('heading', { name: 'Untuk Anda' })).toBeVisible();
    await a11y.check('home in Indonesian');

    const language = page.getByRole('group', { name: 'Bahasa' });
    await expect(language.getByRole('button', { name: 'Indonesia' })).toHaveAttribute('aria-pressed', 'true');
    await language.getByRole('button', { name: 'English' }).click();

    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const mainMenu = page.getByRole('navigation', { name: 'Main menu' });
    await expect(mainMenu.getByRole('link', { name: 'Home' })).toBeVisible();
    await expect(nav).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'For you' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Good (morning|afternoon|evening), Budi$/);
    await expect(
      page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'English' }),
    ).toHaveAttribute('aria-pressed', 'true');
    await a11y.check('home in English');

    // Kept on the profile: a reload (and any other device) shows English.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await openMenu(page);
    await expect(mainMenu.getByRole('link', { name: 'Profile' })).toBeVisible();
    await mainMenu.getByRole('link', { name: 'Profile' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
    await a11y.check('profile in English');

    // Back to Indonesian from the profile's own setting.
    await page.getByRole('radio', { name: 'Bahasa Indonesia' }).check();
    await page.getByRole('button', { name: 'Save language' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
    await expect(page.getByRole('heading', { level: 1, name: 'Profil' })).toBeVisible();
    await expect(page.getByText('Bahasa tampilan sudah disimpan.')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Profil' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
    await a11y.check('profile back in Indonesian');
  });
});

test.describe('signed out', () => {
  test('the sign-in page and the server’s messages follow the cookie', async ({ page, a11y }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Masuk ke Teduh' })).toBeVisible();
    await a11y.check('sign-in in Indonesian');

    await page.getByRole('group', { name: 'Bahasa' }).getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Teduh' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'teduh_lang');
    expect(cookie?.value).toBe('en');
    expect(cookie?.sameSite).toBe('Lax');

    // The server answers in English too.
    await page.getByLabel('NIP or email').fill('nobody@example.go.id');
    await page.getByLabel('Password', { exact: true }).fill('not the right password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Wrong NIP/email or password.' })).toBeVisible();
    await a11y.check('sign-in in English with an error');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Teduh' })).toBeVisible();
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Indonesia' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Masuk ke Teduh' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  });
});
