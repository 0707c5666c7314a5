/**
 * When to suggest checking again: two weeks after a result, the window the mood and anxiety
 * screeners ask about ("dua minggu terakhir", docs/instruments.md). The day is the calendar day in
 * the person's own time zone (WIB, WITA or WIT), so a result taken late at night in Jayapura is not
 * dated a day early.
 */
export const CHECK_AGAIN_AFTER_DAYS = 14;

/** The calendar day ("2026-12-17") an instant falls on in a time zone. */
export function dayIn(instant: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

/** The day to suggest checking again, and whether it has come (today, in the same zone, is on or after it). */
export function checkAgain(takenAt: string, timeZone: string, now: Date): { day: string; due: boolean } {
  const takenDay = dayIn(new Date(takenAt), timeZone);
  const next = new Date(`${takenDay}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + CHECK_AGAIN_AFTER_DAYS);
  const day = next.toISOString().slice(0, 10);
  return { day, due: dayIn(now, timeZone) >= day };
}
