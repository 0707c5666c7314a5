import { allowedWindow, type BoundaryPolicy } from '../boundaries/delivery.js';
import { nationalDayOn, type NationalDayKind } from '../boundaries/holidays.js';
import type { DayHours } from '../schedule/working-hours.js';
import { localDateOf, type LocalDate } from '../schedule/zoned-time.js';

/**
 * The working window the day planner checks a day against (docs/boundaries.md,
 * docs/decisions/039-everyday-edges.md): the agency's hours of that date (Perpres 21/2023, or the
 * Ramadan hours on the dates the agency set), nothing on a weekend or a day off it observes, and
 * the person's own narrower hours where they set some. It is the same window that holds a routine
 * message (domain/boundaries/delivery.ts `allowedWindow`), so the planner and the notifications
 * never disagree about when the person's day ends.
 */
export interface WorkingDay {
  date: LocalDate;
  /** The window `HH:MM`–`HH:MM` (end exclusive); null on a day without work. */
  hours: DayHours | null;
  /** Why the day has no window: the weekly rest days, or a holiday / cuti bersama / regional day off. */
  off: 'weekend' | 'holiday' | null;
  /** Which holiday, when the national calendar names it; null for an agency's own day off. */
  holiday: { kind: NationalDayKind | 'regional'; name: { id: string; en: string } | null } | null;
  /** The Ramadan hours apply on this date. */
  ramadan: boolean;
  /** The person's own hours narrowed the agency's window. */
  personal: boolean;
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function workingDayOn(date: LocalDate, policy: BoundaryPolicy): WorkingDay {
  const ramadan = (policy.ramadan ?? []).some((r) => date >= r.startsOn && date <= r.endsOn);
  const window = allowedWindow(date, policy);
  const agencyOnly = allowedWindow(date, { ...policy, personal: null });
  if (!window) {
    if (policy.daysOff?.has(date)) {
      const national = nationalDayOn(date);
      return {
        date,
        hours: null,
        off: 'holiday',
        holiday: national ? { kind: national.kind, name: national.name } : { kind: 'regional', name: null },
        ramadan,
        personal: false,
      };
    }
    return { date, hours: null, off: 'weekend', holiday: null, ramadan, personal: false };
  }
  return {
    date,
    hours: { start: clock(window.start), end: clock(window.end) },
    off: null,
    holiday: null,
    ramadan,
    personal: agencyOnly !== null && (agencyOnly.start !== window.start || agencyOnly.end !== window.end),
  };
}

/** Today's working day where the person's unit is (WIB, WITA or WIT decide which date "today" is). */
export function workingDayAt(instant: Date, policy: BoundaryPolicy): WorkingDay {
  return workingDayOn(localDateOf(instant, policy.timeZone), policy);
}
