import fs from 'node:fs';
import { expect, expectNoHorizontalScroll, test } from './support/fixtures.js';
import { storagePath } from './support/state.js';

/**
 * Insights from the person's own check-ins, at both widths (docs/decisions/036-insights.md): the
 * employee of 03, who checked in in 15, opens their trends from the check-in page, switches the
 * period, sees a chart and its table alternative, and downloads their check-ins as CSV.
 */
test.describe('insights from check-ins', () => {
  test.use({ storageState: storagePath('employee') });

  test('opens from the check-in page, switches period, shows the table and downloads the CSV', async ({
    page,
    a11y,
  }) => {
    await page.goto('/check-in');
    await a11y.check('check-in with the insights link');
    await page.getByRole('link', { name: 'Lihat tren dan pola dari catatan Anda' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tren dan pola' })).toBeVisible();
    await expect(page).toHaveURL(/\/check-in\/insights$/);
    const period = page.getByRole('group', { name: 'Periode' });
    await expect(period.getByRole('radio', { name: '30 hari' })).toBeChecked();

    // A chart of the period, drawn, with its summary in words; patterns wait for more days.
    const moods = page.getByRole('figure', { name: /Suasana hati, stres, dan energi/ });
    await expect(moods.locator('canvas')).toBeVisible();
    await expect(moods.getByText(/^Rata-rata suasana hati 3, stres 3,/)).toBeVisible();
    await expect(page.getByText(/^Pola akan muncul setelah ada paling sedikit 14 catatan/)).toBeVisible();
    await expect(page.getByRole('term').filter({ hasText: 'Berturut-turut saat ini' })).toBeVisible();
    await a11y.check('insights, 30 days');
    await expectNoHorizontalScroll(page);

    await period.getByRole('radio', { name: '7 hari' }).check();
    await expect(page).toHaveURL(/days=7/);
    await expect(period.getByRole('radio', { name: '7 hari' })).toBeChecked();

    // The table alternative: every day of the week, today's check-in in words.
    await page.getByText('Tampilkan data sebagai tabel').click();
    const table = page.getByRole('table', { name: /^Catatan harian per hari/ });
    await expect(table.getByRole('row')).toHaveCount(8);
    await expect(table.getByRole('row').nth(1)).toContainText('3 dari 5');
    await expect(table.getByRole('row').nth(1)).toContainText('Terlalu berat');
    await a11y.check('insights, 7 days, table open');
    await expectNoHorizontalScroll(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^teduh-catatan-harian-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync((await download.path()) as string, 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFF"date","mood","stress","energy","sleep_minutes","sleep_quality","activity_minutes","workload","tags","note"',
    );
    expect(text).toContain('"rapat; laporan akhir tahun","Rapat panjang, tapi sore sempat jalan kaki."');
  });
});
