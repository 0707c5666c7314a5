import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { expect, expectNoHorizontalScroll, test } from './support/fixtures.js';
import { SERVER_DIR } from './support/base-url.js';
import { storagePath } from './support/state.js';

/**
 * The daily check-in, at both widths (docs/decisions/032-check-ins.md, 004-test-strategy.md): the employee of 03
 * checks in online; the connection drops and they change today's check-in, which the page keeps
 * on the device as "menunggu dikirim"; their help contacts still open offline, from the service
 * worker; back online the waiting check-in is sent once — the server holds one row for the day,
 * at its second version.
 */
const DB_FILE = path.resolve(SERVER_DIR, 'teduh.sqlite');

/** The server's rows of the employee's check-ins (read-only, beside the running server). */
function serverRows(): { local_date: string; mood: number; version: number }[] {
  const db = new SqliteDatabase(DB_FILE, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select local_date, mood, version from check_ins order by local_date').all() as {
      local_date: string;
      mood: number;
      version: number;
    }[];
  } finally {
    db.close();
  }
}

test.describe('the daily check-in', () => {
  test.use({ storageState: storagePath('employee') });

  test('online, then offline kept and waiting, help readable offline, then sent once', async ({
    page,
    context,
    a11y,
  }) => {
    const before = serverRows().length;
    await page.goto('/');
    await a11y.check('home with the check-in link');
    await page.getByRole('link', { name: /Catatan harian/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Catatan harian' })).toBeVisible();
    await expect(page.getByText(/^Hanya Anda yang bisa melihat catatan ini/)).toBeVisible();
    const form = page.getByRole('form', { name: 'Bagaimana kabar Anda hari ini?' });
    await expect(form).toBeVisible();
    await a11y.check('check-in, empty');
    await expectNoHorizontalScroll(page);

    // Nothing chosen: the mood is the one thing needed.
    await form.getByRole('button', { name: 'Simpan catatan' }).click();
    await expect(form.getByText('Wajib diisi.')).toBeVisible();

    // The faces are a radio group: reachable and chosen by keyboard.
    const moods = form.getByRole('group', { name: 'Suasana hati' });
    await moods.getByRole('radio', { name: 'Biasa saja', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(moods.getByRole('radio', { name: 'Baik', exact: true })).toBeChecked();
    await form
      .getByRole('group', { name: 'Tingkat stres' })
      .getByRole('radio', { name: 'Sedang', exact: true })
      .check();
    await form.getByLabel('Lama tidur semalam (jam)').fill('6,5');
    await form
      .getByRole('group', { name: 'Beban kerja hari ini terasa' })
      .getByRole('radio', { name: 'Terlalu berat', exact: true })
      .check();
    await form.getByRole('checkbox', { name: 'Rapat', exact: true }).check();
    await form.getByLabel('Tanda lain').fill('Laporan akhir tahun');
    await form.getByRole('button', { name: 'Tambah', exact: true }).click();
    await expect(form.getByRole('checkbox', { name: 'laporan akhir tahun' })).toBeChecked();
    await form.getByLabel('Catatan pribadi').fill('Rapat panjang, tapi sore sempat jalan kaki.');
    await form.getByRole('button', { name: 'Simpan catatan' }).click();
    await expect(page.getByText('Catatan tersimpan. Terima kasih sudah meluangkan waktu.')).toBeVisible();
    await expect.poll(() => serverRows().length).toBe(before + 1);
    const today = serverRows().at(-1);
    expect(today).toMatchObject({ mood: 4, version: 1 });
    await a11y.check('check-in, saved');

    // The service worker takes over after a reload; the help contacts pass through it once online.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.goto('/help');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.reload();
    await expect(page.getByRole('heading', { level: 3, name: 'Layanan darurat 112' })).toBeVisible();
    await a11y.check('help, online through the service worker');

    // Offline: the change is kept on the device and shown as waiting.
    await page.goto('/check-in');
    await expect(page.getByRole('form', { name: 'Bagaimana kabar Anda hari ini?' })).toBeVisible();
    await context.setOffline(true);
    const offlineForm = page.getByRole('form', { name: 'Bagaimana kabar Anda hari ini?' });
    const offlineMoods = offlineForm.getByRole('group', { name: 'Suasana hati' });
    await expect(offlineMoods.getByRole('radio', { name: 'Baik', exact: true })).toBeChecked();
    await offlineMoods.getByRole('radio', { name: 'Biasa saja', exact: true }).check();
    await offlineForm.getByRole('button', { name: 'Simpan catatan' }).click();
    await expect(page.getByText(/Anda sedang luring\. Catatan disimpan di perangkat ini/)).toBeVisible();
    const waiting = page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'Menunggu dikirim' });
    await expect(waiting.first()).toBeVisible();
    await expect(page.getByRole('button', { name: /Hari ini.*Menunggu dikirim|: Menunggu dikirim/ })).toBeVisible();
    await a11y.check('check-in, waiting offline');
    expect(serverRows().filter((r) => r.local_date === today?.local_date)).toEqual([today]);

    // Help opens offline, with the person's contacts from the device.
    await page.goto('/help');
    await expect(page.getByRole('heading', { level: 3, name: 'Layanan darurat 112' })).toBeVisible();
    await a11y.check('help, offline');

    // Back online: the waiting check-in is sent, once.
    await context.setOffline(false);
    await page.goto('/check-in');
    await expect(page.getByText('Menunggu dikirim', { exact: true })).toHaveCount(0, { timeout: 30_000 });
    await expect.poll(() => serverRows().find((r) => r.local_date === today?.local_date)?.version).toBe(2);
    const rows = serverRows();
    expect(rows).toHaveLength(before + 1);
    expect(rows.filter((r) => r.local_date === today?.local_date)).toEqual([{ ...today, mood: 3, version: 2 }]);
    await expect(
      page
        .getByRole('form', { name: 'Bagaimana kabar Anda hari ini?' })
        .getByRole('radio', { name: 'Biasa saja', exact: true }),
    ).toBeChecked();
    await a11y.check('check-in, sent');
    await expectNoHorizontalScroll(page);
  });
});
