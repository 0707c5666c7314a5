import {
  CIVIL_SERVICE_HOURS,
  dayWindow,
  minutesOf,
  type DayHours,
  type WorkingHours,
} from '../schedule/working-hours.js';
import { addDays, instantOfLocal, localParts, weekdayOf, type LocalDate } from '../schedule/zoned-time.js';

/**
 * When a non-urgent message may reach a person (docs/boundaries.md). One pure function decides,
 * from the moment, the person's unit time zone, the agency's working hours, its Ramadan dates, the
 * days off it observes and the person's own narrower hours.
 */

/**
 * Ramadan hours: 32.5 hours a week from 08:00 (docs/indonesian-facts.md). Monday–Thursday
 * 08:00–15:00 with a 30-minute break, Friday 08:00–15:30 with a 60-minute break: 4 × 6.5 + 6.5.
 */
export const RAMADAN_HOURS: WorkingHours = {
  1: { start: '08:00', end: '15:00' },
  2: { start: '08:00', end: '15:00' },
  3: { start: '08:00', end: '15:00' },
  4: { start: '08:00', end: '15:00' },
  5: { start: '08:00', end: '15:30' },
  6: null,
  7: null,
};

/** The breaks inside the Ramadan hours above, for the 32.5-hour check. */
export const RAMADAN_BREAK_MINUTES = { weekday: 30, friday: 60 } as const;

/** Ramadan as the agency set it for one year: first and last day, both included. */
export interface DateRange {
  startsOn: LocalDate;
  endsOn: LocalDate;
}

/** A person's own hours for non-urgent messages, `HH:MM`, `end` exclusive; they only narrow. */
export type PersonalHours = DayHours;

export interface BoundaryPolicy {
  /** The person's unit time zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura). */
  timeZone: string;
  /** The agency's working days and hours; Perpres 21/2023 by default. */
  workingHours?: WorkingHours;
  /** The hours during Ramadan; RAMADAN_HOURS by default. */
  ramadanHours?: WorkingHours;
  ramadan?: readonly DateRange[];
  /** Days off the agency observes (libur nasional, cuti bersama it keeps, regional holidays). */
  daysOff?: ReadonlySet<LocalDate>;
  personal?: PersonalHours | null;
}

export type Delivery =
  { deliverNow: true } | { deliverNow: false; heldUntil: Date; reason: 'outside_hours' | 'day_off' | 'personal_hours' };

/** A run of days off longer than this is a broken calendar: deliver rather than hold for ever. */
const SEARCH_DAYS = 400;

function inRamadan(date: LocalDate, ranges: readonly DateRange[]): boolean {
  return ranges.some((r) => date >= r.startsOn && date <= r.endsOn);
}

/**
 * The allowed window of one local date in minutes past midnight, or null on a day with none. The
 * person's hours are intersected with the agency's; where they would leave nothing on a working
 * day (personal hours 15:00–16:00 in Ramadan), the agency's window stands, so a message is never
 * held past a working day by a setting meant to narrow a day.
 */
export function allowedWindow(date: LocalDate, policy: BoundaryPolicy): { start: number; end: number } | null {
  if (policy.daysOff?.has(date)) return null;
  const hours = inRamadan(date, policy.ramadan ?? [])
    ? (policy.ramadanHours ?? RAMADAN_HOURS)
    : (policy.workingHours ?? CIVIL_SERVICE_HOURS);
  const w = dayWindow(hours, weekdayOf(date));
  if (!w || !policy.personal) return w;
  const start = Math.max(w.start, minutesOf(policy.personal.start));
  const end = Math.min(w.end, minutesOf(policy.personal.end));
  return end > start ? { start, end } : w;
}

/**
 * Whether a non-urgent message may be delivered at `instant`, and if not, the next moment it may
 * (e.g. Friday 17:00 WIT → Monday 07:30 WIT; the last Friday before Lebaran → the first working
 * day after the cuti bersama).
 */
export function decideDelivery(instant: Date, policy: BoundaryPolicy): Delivery {
  const { timeZone } = policy;
  const today = localParts(instant, timeZone).date;
  for (let i = 0; i <= SEARCH_DAYS; i++) {
    const date = addDays(today, i);
    const w = allowedWindow(date, policy);
    if (!w) continue;
    const start = instantOfLocal(date, w.start, timeZone);
    const end = instantOfLocal(date, w.end, timeZone);
    if (instant >= start && instant < end) return { deliverNow: true };
    if (instant < start) return { deliverNow: false, heldUntil: start, reason: reasonToHold(instant, today, policy) };
  }
  return { deliverNow: true };
}

function reasonToHold(instant: Date, today: LocalDate, policy: BoundaryPolicy) {
  if (policy.daysOff?.has(today)) return 'day_off' as const;
  return policy.personal && withoutPersonal(instant, policy) ? ('personal_hours' as const) : ('outside_hours' as const);
}

/** Whether the agency alone would allow `instant` (so the person's own hours are what holds it). */
function withoutPersonal(instant: Date, policy: BoundaryPolicy): boolean {
  const local = localParts(instant, policy.timeZone);
  const w = allowedWindow(local.date, { ...policy, personal: null });
  return w !== null && local.secondOfDay >= w.start * 60 && local.secondOfDay < w.end * 60;
}

/**
 * Personal hours are valid when they are a real window (start before end, at least an hour) that
 * lies within the widest agency day, so the setting can only narrow (docs/boundaries.md).
 */
export function personalHoursProblem(
  personal: PersonalHours,
  hours: WorkingHours = CIVIL_SERVICE_HOURS,
): 'order' | 'too_short' | 'wider' | null {
  const start = minutesOf(personal.start);
  const end = minutesOf(personal.end);
  if (end <= start) return 'order';
  if (end - start < 60) return 'too_short';
  let earliest = Infinity;
  let latest = -Infinity;
  for (const d of [1, 2, 3, 4, 5, 6, 7] as const) {
    const w = dayWindow(hours, d);
    if (!w) continue;
    earliest = Math.min(earliest, w.start);
    latest = Math.max(latest, w.end);
  }
  if (start < earliest || end > latest) return 'wider';
  return null;
}
