import type { Page } from '@playwright/test';
import { IS_PHONE } from './support/base-url.js';
import { expect, expectNoHorizontalScroll, test } from './support/fixtures.js';
import { requireState, storagePath } from './support/state.js';

/**
 * The counselling journey across roles, in one go (docs/decisions/049-counselling-journey.md): from
 * the home's "Bantuan" the employee books a session — a kind of care, a counsellor, a free time on
 * their own clock, how to meet, a note — and the wall time from the first tap to the confirmation
 * must stay under a minute, the product's promise on a phone; the counsellor confirms it and writes
 * the session's note; the employee takes a PHQ-9, shares it with that counsellor and consents to
 * measurement-based care; the counsellor opens the client's record and sees the shared result and
 * the trend.
 *
 * It is Budi of 03 again, on purpose: a trend needs an earlier score, and his PHQ-9 of 07 is it; a
 * new employee would cost an invitation and two questionnaires. The journey keeps to its own
 * booking (found by its id, never "the first"), so the appointment, note and consent of 19–22 do
 * not matter to it, and 21 left no consent standing. The session itself is ahead: nothing in the
 * product moves a clock, so the note is written before the session, as 20 does — the notes service
 * allows a note on any booking that is not cancelled, and "completed" waits for the start.
 */
test.describe('the counselling journey', () => {
  test.use({ storageState: storagePath('employee') });

  test('book in under a minute, confirmed, a note, a shared PHQ-9, the trend', async ({ page, browser, a11y }) => {
    const counsellorName = requireState('counsellorName');
    const counsellor = await (await browser.newContext({ storageState: storagePath('counsellor') })).newPage();
    a11y.track(counsellor);

    // --- The employee books, against the clock ---------------------------------------------------
    await page.goto('/');
    await a11y.check('employee home');
    const help = page.getByRole('region', { name: 'Bantuan', exact: true });
    const started = Date.now();
    await help.getByRole('link', { name: /^Bicara dengan konselor/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bicara dengan konselor' })).toBeVisible();
    await page.getByLabel('Jenis tenaga').selectOption({ label: 'Psikolog klinis' });
    await page.getByRole('button', { name: `Pilih ${counsellorName}` }).click();
    await expect(page.getByText('Waktu ditampilkan dalam zona Anda (WIB).')).toBeVisible();
    // The first free time: 19's booking already holds an earlier one.
    await page.locator('.slot').first().click();
    await page.getByRole('radio', { name: 'Panggilan video' }).check();
    await page.getByLabel(/Catatan untuk konselor/).fill('Ingin bicara soal beban kerja setelah mutasi.');
    // Reminders a day and an hour before; this install sends no email, and the page says so.
    await expect(page.getByRole('checkbox', { name: 'Sehari sebelumnya' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Kirim juga lewat email' })).toBeDisabled();
    await expect(page.getByText(/Instansi Anda belum mengatur pengiriman email/)).toBeVisible();
    await page.getByRole('button', { name: 'Pesan jadwal' }).click();
    await expect(page.getByText('Jadwal Anda sudah tercatat')).toBeVisible();
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `From "Bicara dengan konselor" to a booked session: ${seconds.toFixed(1)} s (${IS_PHONE ? '360' : '1280'} px)`,
    );
    expect(seconds, 'from the first tap to the booked confirmation').toBeLessThan(60);
    await expect(page.getByText(new RegExp(`bersama ${counsellorName} \\(Panggilan video\\)`))).toBeVisible();
    await a11y.check('booking: booked');
    await expectNoHorizontalScroll(page);

    // The booking's id is in its .ics link; its day (WIB) opens the counsellor's calendar on it.
    const ics = await page.getByRole('link', { name: 'Unduh berkas kalender (.ics)' }).getAttribute('href');
    const appointmentId = /\/appointments\/([0-9a-f-]{36})\/ics$/.exec(ics ?? '')?.[1] as string;
    expect(appointmentId).toBeTruthy();
    const booked = (await (await page.request.get(`/api/v1/booking/appointments/${appointmentId}`)).json()) as {
      start: string;
    };
    const day = new Date(Date.parse(booked.start) + 7 * 3_600_000).toISOString().slice(0, 10);

    // --- The counsellor confirms it and writes the session's note ---------------------------------
    await counsellor.goto(`/counselling/appointments?view=day&day=${day}`);
    const session = sessionCard(counsellor, appointmentId);
    await expect(session).toContainText('Budi Santoso');
    await expect(session).toContainText('Panggilan video');
    await session.getByText('Lihat catatan klien').click();
    await expect(session.getByText('Ingin bicara soal beban kerja setelah mutasi.')).toBeVisible();
    // Ahead of its start, a session can be confirmed, not yet marked completed.
    await expect(session.getByRole('button', { name: /^Tandai selesai/ })).toHaveCount(0);
    await session.getByRole('button', { name: /^Konfirmasi/ }).click();
    await a11y.check('counsellor calendar: confirm', counsellor);
    await counsellor.getByRole('dialog').getByRole('button', { name: 'Konfirmasi' }).click();
    await expect(session.getByText('Sudah dikonfirmasi')).toBeVisible();
    await a11y.check('counsellor calendar: confirmed', counsellor);
    await expectNoHorizontalScroll(counsellor);

    await session.getByRole('link', { name: /^Catatan sesi/ }).click();
    await expect(
      counsellor.getByRole('heading', { level: 1, name: /^Catatan sesi dengan Budi Santoso/ }),
    ).toBeVisible();
    await counsellor
      .getByLabel(/^Subjektif/)
      .fill('Beban kerja naik sejak mutasi; tidur terganggu. Sepakat memantau PHQ-9.');
    await counsellor.getByRole('button', { name: /^(Simpan catatan|Tersimpan)$/ }).click();
    await expect(counsellor.getByRole('status').filter({ hasText: /^Tersimpan / })).toBeVisible();
    await a11y.check('session note: saved', counsellor);
    await expectNoHorizontalScroll(counsellor);

    // The employee sees the confirmation.
    await page.getByRole('link', { name: 'Lihat jadwal saya' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Jadwal saya' })).toBeVisible();
    const mine = page
      .locator('li.appointment-card')
      .filter({ has: page.locator(`a[href="/api/v1/booking/appointments/${appointmentId}/ics"]`) });
    await expect(mine).toContainText('Sudah dikonfirmasi konselor');
    await expect(mine).toContainText('Pengingat: sehari sebelumnya, satu jam sebelumnya');
    await a11y.check('my appointments, confirmed');
    await expectNoHorizontalScroll(page);

    // --- The employee takes a PHQ-9 and shares it ------------------------------------------------------
    await page.goto('/self-check/phq9');
    await a11y.check('PHQ-9 intro');
    await page.getByLabel('Saya sudah membaca keterangan di atas').check();
    await page.getByRole('button', { name: 'Setuju dan mulai' }).click();
    for (let n = 1; n <= 9; n++) {
      await expect(page.getByRole('heading', { level: 2, name: `Pertanyaan ${n} dari 9` })).toBeVisible();
      await page.getByRole('radio', { name: 'Tidak pernah' }).check();
      await page.getByRole('button', { name: n === 9 ? 'Selesai' : 'Berikutnya' }).click();
    }
    await expect(page.getByText('Skor 0 (rentang 0–27)')).toBeVisible();
    const share = page.getByRole('region', { name: 'Bagikan kepada konselor' });
    // A score that points to self-care keeps the share form folded behind one button.
    await share.getByRole('button', { name: 'Pilih konselor untuk dibagikan' }).click();
    const choice = share.getByLabel('Konselor', { exact: true });
    await choice.selectOption(
      (await choice.locator('option', { hasText: counsellorName }).first().getAttribute('value')) ?? '',
    );
    await share.getByLabel('Saya setuju membagikan hasil ini').check();
    await a11y.check('PHQ-9 result: share form');
    await share.getByRole('button', { name: 'Bagikan hasil ini' }).click();
    await expect(share.getByText(`Hasil ini sudah dibagikan kepada ${counsellorName}.`)).toBeVisible();
    await expectNoHorizontalScroll(page);

    // ... and lets the counsellor follow the scores over time.
    await page.goto('/profile/privacy/counselling');
    await expect(page.getByRole('heading', { level: 1, name: 'Izin untuk konselor' })).toBeVisible();
    await page.getByLabel('Konselor', { exact: true }).selectOption({ label: counsellorName });
    await page.getByRole('radio', { name: 'Melihat hasil cek diri dari waktu ke waktu' }).check();
    await page.getByRole('checkbox', { name: 'Saya sudah membaca teks di atas dan setuju.' }).check();
    await a11y.check('consent: the form filled in');
    await page.getByRole('button', { name: 'Berikan izin' }).click();
    await expect(page.getByText(`Izin sudah diberikan kepada ${counsellorName}.`)).toBeVisible();
    await expectNoHorizontalScroll(page);

    // --- The counsellor opens the client's record from the session ----------------------------------
    await counsellor.goto(`/counselling/appointments?view=day&day=${day}`);
    await sessionCard(counsellor, appointmentId).getByRole('link', { name: 'Budi Santoso', exact: true }).click();
    await expect(counsellor.getByRole('heading', { level: 1, name: 'Catatan perjalanan Budi Santoso' })).toBeVisible();
    const shared = counsellor.getByRole('region', { name: 'Hasil yang dibagikan kepada Anda' });
    await expect(shared.getByRole('link', { name: /^Buka PHQ9 tanggal / }).first()).toBeVisible();
    await expect(shared).toContainText('Skor 0');
    const phq9 = counsellor.getByRole('figure', { name: 'PHQ-9 (depresi)' });
    await expect(phq9.getByText(/^Membaik secara bermakna: dari \d+ .* menjadi 0 /)).toBeVisible();
    await expect(phq9.locator('.mbc-chart__canvas canvas').first()).toBeVisible();
    await a11y.check('client record: shared result and trend', counsellor);
    await expectNoHorizontalScroll(counsellor);
    await counsellor.context().close();
  });
});

/** The counsellor's card of one session in the calendar, found by its note link. */
function sessionCard(page: Page, appointmentId: string) {
  return page
    .locator('li.appointment-card')
    .filter({ has: page.locator(`a[href="/counselling/appointments/${appointmentId}/note"]`) });
}
