import { addDays, instantOfLocal, localParts, weekdayOf, type IsoWeekday } from './zoned-time.js';

/**
 * Indonesian civil-service working hours, when Teduh may send invitations and reminders
 * (docs/indonesian-facts.md). Perpres 21/2023: 37.5 hours a week without breaks, Monday to
 * Friday, starting 07:30 local time; breaks 60 minutes (Mon–Thu) and 90 minutes (Friday). That
 * gives 07:30–16:00 Monday–Thursday and 07:30–16:30 on Friday, always read in the unit's own zone
 * (WIB Asia/Jakarta, WITA Asia/Makassar, WIT Asia/Jayapura).
 *
 * The hours are a parameter so that an agency setting (flexible time, Ramadan's 08:00 start and
 * 32.5 hours, frontline units with other days) can replace the defaults later.
 *
 * Public holidays, cuti bersama, Ramadan and a person's own narrower hours are added on top of
 * these hours by `src/domain/boundaries/` (docs/boundaries.md).
 */

/** One working day, as local wall-clock times `HH:MM`; `end` is exclusive. */
export interface DayHours {
  start: string;
  end: string;
}

/** Hours per ISO weekday (1 = Monday … 7 = Sunday); null is a day off. */
export type WorkingHours = Readonly<Record<IsoWeekday, DayHours | null>>;

/** The Perpres 21/2023 defaults. */
export const CIVIL_SERVICE_HOURS: WorkingHours = {
  1: { start: '07:30', end: '16:00' },
  2: { start: '07:30', end: '16:00' },
  3: { start: '07:30', end: '16:00' },
  4: { start: '07:30', end: '16:00' },
  5: { start: '07:30', end: '16:30' },
  6: null,
  7: null,
};

/** Minutes past midnight of an `HH:MM` time. */
export function minutesOf(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new Error(`not a HH:MM time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The working window of one weekday in minutes past midnight (`end` exclusive); null on a day off. */
export function dayWindow(hours: WorkingHours, weekday: IsoWeekday): { start: number; end: number } | null {
  const day = hours[weekday];
  if (!day) return null;
  const start = minutesOf(day.start);
  const end = minutesOf(day.end);
  if (end <= start) throw new Error(`working day ${weekday} ends before it starts`);
  return { start, end };
}

/** Whether `instant` falls inside working hours on the wall clock of `timeZone`. */
export function isWithinWorkingHours(
  instant: Date,
  timeZone: string,
  hours: WorkingHours = CIVIL_SERVICE_HOURS,
): boolean {
  const local = localParts(instant, timeZone);
  const w = dayWindow(hours, local.weekday);
  return w !== null && local.secondOfDay >= w.start * 60 && local.secondOfDay < w.end * 60;
}

/**
 * `instant` itself when it is inside working hours, otherwise the start of the next working
 * period in `timeZone` (e.g. Friday 17:00 WIT → Monday 07:30 WIT).
 */
export function nextWorkingMoment(instant: Date, timeZone: string, hours: WorkingHours = CIVIL_SERVICE_HOURS): Date {
  const today = localParts(instant, timeZone).date;
  for (let i = 0; i <= 7; i++) {
    const date = addDays(today, i);
    const w = dayWindow(hours, weekdayOf(date));
    if (!w) continue;
    const start = instantOfLocal(date, w.start, timeZone);
    const end = instantOfLocal(date, w.end, timeZone);
    if (instant < start) return start;
    if (instant < end) return instant;
  }
  throw new Error('the working hours have no working day');
}

/** Working time per week in hours, before breaks (for the settings page and tests). */
export function weeklySpanHours(hours: WorkingHours = CIVIL_SERVICE_HOURS): number {
  let minutes = 0;
  for (const day of [1, 2, 3, 4, 5, 6, 7] as const) {
    const w = dayWindow(hours, day);
    if (w) minutes += w.end - w.start;
  }
  return minutes / 60;
}
