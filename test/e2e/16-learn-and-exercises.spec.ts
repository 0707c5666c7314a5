import { expect, expectNoHorizontalScroll, test } from './support/fixtures.js';
import { storagePath } from './support/state.js';

/**
 * The psycho-education library and the guided exercises on a 360 px phone. The agency admin
 * (signed in by 01; an admin is an employee too, so the library is theirs to read) searches the
 * library and reads an article, writes an article full of scripts, publishes it and finds it inert
 * in the library, then deletes it; a box-breathing run is timed with a controlled clock. The spec
 * leaves the agency as it found it: no agency article.
 */
const HOSTILE = [
  'Konselor kantor ada di **lantai 2** setiap Selasa.',
  '',
  '<script>window.__pwned = "script"</script>',
  '',
  '<img src="x" onerror="window.__pwned = \'onerror\'">',
  '',
  "[Klik untuk jadwal](javascript:window.__pwned='link')",
  '',
  '<a href="javascript:window.__pwned=\'anchor\'">Jadwal lengkap</a>',
].join('\n');

test.describe('the library and the exercises', () => {
  test.use({ storageState: storagePath('admin') });

  test('searches the library and reads an article', async ({ page, a11y }) => {
    await page.goto('/');
    await a11y.check('home with the library link');
    await page
      .getByRole('main')
      .getByRole('link', { name: /^Pustaka/ })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Pustaka' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^\d+ artikel$/ })).toBeVisible();
    await a11y.check('library');
    await expectNoHorizontalScroll(page);

    // Case-, accent- and prefix-forgiving: "PUSKES" finds the article on getting help.
    await page.getByRole('searchbox', { name: 'Cari artikel' }).fill('PUSKÉS');
    await expect(page.getByText(/artikel untuk “PUSKÉS”/)).toBeVisible();
    await expect(page).toHaveURL(/\?q=PUSK/);
    const first = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 2 }) })
      .first();
    await expect(first.getByRole('link')).toHaveText('Cara mendapatkan bantuan');
    await page.getByRole('searchbox', { name: 'Cari artikel' }).fill('qwertyzz');
    await expect(page.getByText('Belum ada artikel yang cocok dengan “qwertyzz”.')).toBeVisible();
    await a11y.check('library, nothing found');
    await page.getByRole('button', { name: 'Tampilkan semua artikel' }).click();
    await page.getByRole('searchbox', { name: 'Cari artikel' }).fill('puskesmas');
    await page.getByRole('link', { name: 'Cara mendapatkan bantuan' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Cara mendapatkan bantuan' })).toBeVisible();
    const article = page.locator('article');
    await expect(article.getByRole('heading', { level: 2, name: 'Sumber' })).toBeVisible();
    await expect(article).toContainText('surat rujukan');
    await a11y.check('article');
    await expectNoHorizontalScroll(page);
    await page.getByRole('link', { name: 'Kembali ke pustaka' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Pustaka' })).toBeVisible();
  });

  test('an admin publishes an article with scripts and it renders inert', async ({ page, a11y }) => {
    page.on('dialog', (dialog) => void dialog.dismiss());
    await page.goto('/admin/articles');
    await expect(page.getByText('Instansi Anda belum menulis artikel.')).toBeVisible();
    await a11y.check('agency articles, none yet');
    await page.getByRole('link', { name: 'Tulis artikel' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tulis artikel' })).toBeVisible();

    // Nothing written: the summary names what is missing.
    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await expect(page.getByRole('alert').getByRole('link', { name: /Judul/ })).toBeVisible();
    await a11y.check('article editor with errors');

    await page.getByLabel('Judul').fill('Jadwal konselor kantor');
    await page.getByLabel('Ringkasan').fill('Kapan dan di mana menemui konselor instansi.');
    await page.getByLabel('Topik').fill('konseling, jadwal');
    await page.getByLabel('Isi artikel').fill(HOSTILE);
    // The server's preview, already sanitised.
    const preview = page.getByRole('region', { name: 'Pratinjau' });
    await expect(preview.getByText('lantai 2')).toBeVisible();
    await expect(preview.locator('script, img, [onerror]')).toHaveCount(0);
    await page.getByRole('button', { name: 'Simpan dan terbitkan' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Artikel instansi' })).toBeVisible();
    await expect(
      page.getByText('Artikel diterbitkan. Sekarang semua pegawai instansi dapat membacanya.'),
    ).toBeVisible();
    await a11y.check('agency articles, one published');
    await expectNoHorizontalScroll(page);

    // In the library, marked as the agency's, with every script gone and every link inert.
    await page.goto('/learn?q=konselor%20kantor');
    const card = page.getByRole('listitem').filter({ hasText: 'Jadwal konselor kantor' });
    await expect(card.getByText('Dari instansi Anda')).toBeVisible();
    await a11y.check('library, the agency article found');
    await card.getByRole('link', { name: 'Jadwal konselor kantor' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Jadwal konselor kantor' })).toBeVisible();
    const body = page.locator('.article__body');
    await expect(body.getByText('lantai 2')).toBeVisible();
    await expect(body.locator('script, img, iframe, [onerror], [onclick], a[href^="javascript" i]')).toHaveCount(0);
    await body.getByText('Klik untuk jadwal').click();
    await body.getByText('Jadwal lengkap').click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    await a11y.check('agency article');

    // Deleted with confirmation: the agency is left with no article.
    await page.goto('/admin/articles');
    await page
      .getByRole('button', { name: /^Hapus/ })
      .filter({ visible: true })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Hapus artikel “Jadwal konselor kantor”?' });
    await expect(dialog.getByRole('button', { name: 'Batal' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Ya, hapus' }).click();
    await expect(page.getByText('Instansi Anda belum menulis artikel.')).toBeVisible();
  });

  test('box breathing keeps its 4-4-4-4 timing under a controlled clock', async ({ page, a11y }) => {
    // The clock is installed, then paused once the page is ready: a flowing clock would add the
    // machine's own seconds between the steps below, and on a busy machine a phase could slip past.
    const installed = Date.parse('2026-12-03T01:00:00Z');
    await page.clock.install({ time: installed });
    await page.goto('/help');
    await a11y.check('help, with the exercises link');
    await page.getByRole('link', { name: 'Coba latihan napas yang dipandu, langkah demi langkah' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Napas kotak (4-4-4-4)' })).toBeVisible();
    await a11y.check('box breathing, ready');
    await expectNoHorizontalScroll(page);
    await page.clock.pauseAt(installed + 10 * 60_000);

    const announcer = page.getByTestId('exercise-announcer');
    const step = page.getByTestId('exercise-step');
    const count = page.getByTestId('exercise-count');
    await page.getByRole('button', { name: 'Mulai' }).click();
    await expect(announcer).toHaveText('Tarik napas… 4');
    await expect(announcer).toHaveAttribute('aria-live', 'polite');
    await page.clock.runFor(1_000);
    await expect(count).toHaveText('3');
    await expect(announcer).toHaveText('Tarik napas… 4');
    await page.clock.runFor(3_000);
    await expect(step).toHaveText('Tahan');
    await expect(count).toHaveText('4');
    await page.clock.runFor(4_000);
    await expect(announcer).toHaveText('Embuskan… 4');
    await page.clock.runFor(4_000);
    await expect(announcer).toHaveText('Tahan… 4');
    await page.clock.runFor(4_000);
    await expect(step).toHaveText('Tarik napas');
    await expect(page.getByText('Putaran 2 dari 4')).toBeVisible();

    // With reduced motion the circle stands still; the words and the count stay.
    const circle = page.locator('.breath-circle');
    expect(await circle.evaluate((el) => getComputedStyle(el).transform)).not.toBe('none');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await circle.evaluate((el) => getComputedStyle(el).transform)).toBe('none');
    await expect(count).toBeVisible();

    // Paused by the person, the run stays where it is whatever the clock does.
    await page.getByRole('button', { name: 'Jeda' }).click();
    await expect(page.getByRole('button', { name: 'Lanjutkan' })).toBeVisible();
    const [stepAtPause, countAtPause] = [await step.textContent(), await count.textContent()];
    // axe schedules its own timers: the clock flows again from here on, and the paused run must not move.
    await page.clock.resume();
    await a11y.check('box breathing, paused');

    await page.clock.runFor(30_000);
    await expect(step).toHaveText(stepAtPause ?? '');
    await expect(count).toHaveText(countAtPause ?? '');
    await page.getByRole('button', { name: 'Lanjutkan' }).click();
    await page.clock.runFor(48_000);
    await expect(page.getByRole('button', { name: 'Ulangi' })).toBeVisible();
    await expect(announcer).toHaveText(/^Selesai\./);
    await a11y.check('box breathing, done');
  });
});
