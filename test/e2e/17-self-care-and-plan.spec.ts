import { expect, expectNoHorizontalScroll, test } from './support/fixtures.js';
import { storagePath } from './support/state.js';

/**
 * The self-care plan and time management (docs/decisions/035-self-care-and-plan.md,
 * docs/decisions/039-everyday-edges.md): the employee of 03 adds a first habit and ticks it with the
 * connection gone (it waits on the device and is stored once the connection returns), moves a task
 * across the Eisenhower matrix with the keyboard alone, and runs a Pomodoro on a paused clock
 * through a reload, reading the exact time left. Axe checks every
 * screen. The habit and the task stay: they are the employee's own and no later spec reads them.
 */
test.describe('an employee’s self-care plan and time management', () => {
  test.use({ storageState: storagePath('employee') });

  test('adds a first habit and ticks it with one tap, offline too', async ({ page, context, a11y }) => {
    await page.goto('/self-care');
    await expect(page.getByRole('heading', { level: 1, name: 'Rencana perawatan diri' })).toBeVisible();
    await expect(page.getByText('Belum ada kebiasaan di rencana Anda')).toBeVisible();
    await expect(page.getByText(/^Hanya Anda yang dapat melihat rencana ini/)).toBeVisible();
    await a11y.check('self-care, no habits yet');
    await expectNoHorizontalScroll(page);

    await page.getByRole('button', { name: 'Pilih kebiasaan pertama' }).click();
    const form = page.getByRole('form', { name: 'Tambah kebiasaan' });
    await expect(form.getByRole('heading', { level: 2, name: 'Tambah kebiasaan' })).toBeFocused();
    await form.getByLabel('Bidang').selectOption({ label: 'Makan dan minum' });
    await form.getByRole('radio', { name: 'Minum 8 gelas air putih' }).check();
    await form.getByRole('radio', { name: 'Setiap hari' }).check();
    await a11y.check('self-care, adding a habit');
    await expectNoHorizontalScroll(page);
    await form.getByRole('button', { name: 'Simpan kebiasaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Kebiasaan disimpan.' })).toBeVisible();

    const tick = page.getByRole('button', { name: 'Tandai selesai: Minum 8 gelas air putih' });
    await expect(tick).toHaveAttribute('aria-pressed', 'false');
    // The signal drops: the tick is kept on the device and shown as waiting.
    await context.setOffline(true);
    await tick.click();
    await expect(tick).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('Menunggu dikirim', { exact: true })).toBeVisible();
    await expect(page.getByText('Semua kebiasaan hari ini sudah tercentang.', { exact: false })).toBeVisible();
    await a11y.check('self-care, a tick waiting to be sent');
    await expectNoHorizontalScroll(page);
    // The connection returns: it is sent by itself.
    await context.setOffline(false);
    await expect(page.getByText('Menunggu dikirim', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Ringkasan minggu ini' })).toContainText('1 dari 7 centang');
    await a11y.check('self-care, a habit ticked');

    // The tick was stored, not only drawn.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Tandai selesai: Minum 8 gelas air putih' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  test('moves a task across the matrix with the keyboard alone', async ({ page, a11y }) => {
    await page.goto('/plan');
    await expect(page.getByRole('heading', { level: 1, name: 'Matriks tugas' })).toBeVisible();
    await expect(page.getByRole('region', { name: /^Kerjakan/ })).toContainText('Belum ada tugas di sini.');
    await a11y.check('task matrix, empty');
    await expectNoHorizontalScroll(page);

    await page.getByLabel('Tugas baru').fill('Menyusun laporan kinerja triwulan');
    await page.getByLabel('Masuk ke').selectOption({ label: 'Kerjakan' });
    await page.getByRole('button', { name: 'Tambah tugas' }).click();
    const doBox = page.getByRole('region', { name: /^Kerjakan/ });
    await expect(doBox.getByText('Menyusun laporan kinerja triwulan')).toBeVisible();

    const move = doBox.getByRole('button', { name: 'Pindahkan "Menyusun laporan kinerja triwulan" ke kotak lain' });
    await move.focus();
    await page.keyboard.press('Enter');
    await expect(move).toHaveAttribute('aria-expanded', 'true');
    // The menu opens on its first choice; Tab walks the others.
    await expect(page.getByRole('button', { name: 'Jadwalkan', exact: true })).toBeFocused();
    await a11y.check('task matrix, move menu open');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Delegasikan', exact: true })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');

    const scheduleBox = page.getByRole('region', { name: /^Jadwalkan/ });
    await expect(scheduleBox.getByText('Menyusun laporan kinerja triwulan')).toBeVisible();
    await expect(doBox.getByText('Menyusun laporan kinerja triwulan')).toHaveCount(0);
    // The move is announced, and focus follows the card to its new box.
    await expect(page.getByRole('status').filter({ hasText: 'dipindahkan ke "Jadwalkan"' })).toBeVisible();
    await expect(
      scheduleBox.getByRole('button', { name: 'Pindahkan "Menyusun laporan kinerja triwulan" ke kotak lain' }),
    ).toBeFocused();
    await a11y.check('task matrix, a task moved');

    // Stored: it is still there after a reload.
    await page.reload();
    await expect(
      page.getByRole('region', { name: /^Jadwalkan/ }).getByText('Menyusun laporan kinerja triwulan'),
    ).toBeVisible();
  });

  test('runs a Pomodoro on a paused clock, through a reload', async ({ page, a11y }) => {
    const start = new Date('2026-12-03T02:00:00Z');
    await page.clock.install({ time: start });
    await page.goto('/plan/focus');
    await expect(page.getByRole('heading', { level: 1, name: 'Pomodoro' })).toBeVisible();
    const time = page.getByTestId('pomodoro-time');
    await expect(time).toHaveText('25:00');
    // Axe waits on timers of its own, so it runs while the clock still moves.
    await a11y.check('pomodoro, not started');
    await expectNoHorizontalScroll(page);
    // Paused: the page's time moves only when the test moves it, so every reading below is exact.
    const focusStarts = start.getTime() + 5 * 60_000;
    await page.clock.pauseAt(new Date(focusStarts));

    await page.getByRole('button', { name: 'Mulai' }).click();
    await page.clock.fastForward('10:00');
    await expect(time).toHaveText('15:00');

    // The timer keeps the moment it started, not a counter: a reload finds the time left from it.
    // The installed clock survives the reload, paused too, but a reloaded page whose clock is paused
    // never finishes loading (it shows "Memuat…": the app's start waits on timers of its own, which
    // a paused clock does not fire; moving it a millisecond at a time did not help). So the clock runs
    // through the reload and is paused again at a known moment: 10:30 after the start, 14:30 left.
    await page.clock.resume();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Jeda' })).toBeVisible();
    await page.clock.pauseAt(new Date(focusStarts + 10 * 60_000 + 30_000));
    await expect(time).toHaveText('14:30');

    await page.clock.fastForward('14:30');
    await expect(page.getByRole('heading', { level: 2, name: 'Istirahat pendek' })).toBeVisible();
    // Exactly five minutes: the break starts when the focus ended, and the clock stands still.
    await expect(time).toHaveText('05:00');
    await page.clock.fastForward('01:30');
    await expect(time).toHaveText('03:30');
    await expect(page.getByText('Tahap berganti: Istirahat pendek')).toBeAttached();
    await page.clock.resume();
    await a11y.check('pomodoro, short break');
  });
});
