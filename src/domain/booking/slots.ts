import {
  addDays,
  instantOfLocal,
  localParts,
  offsetMinutes,
  weekdayOf,
  type LocalDate,
} from '../schedule/zoned-time.js';

const DAY_MS = 86_400_000;

/**
 * Free slots of a counsellor (docs/decisions/040-booking.md): the weekly rules, less leave and days
 * away, less the agency's days off where the counsellor does not work them, less booked
 * appointments, less what is past or too soon. Rules are wall-clock times in the counsellor's unit
 * time zone; slots come out as UTC instants, so each client sees them in their own zone.
 */

export const COUNSELLOR_KINDS = ['konselor', 'psikolog_klinis', 'psikiater', 'dokter'] as const;
export type CounsellorKind = (typeof COUNSELLOR_KINDS)[number];

export const MODES = ['in_person', 'video', 'phone'] as const;
export type Mode = (typeof MODES)[number];

export const REMINDERS = ['day_before', 'hour_before'] as const;
export type Reminder = (typeof REMINDERS)[number];

/** Slots are this long unless a counsellor sets another length. */
export const DEFAULT_SLOT_MINUTES = 50;
/** A slot must start at least this far ahead: time for the counsellor to see the booking. */
export const MIN_NOTICE_MINUTES = 120;
/** The client cancels or moves a booking up to this long before it starts; later, they call. */
export const CHANGE_NOTICE_MINUTES = 120;
/** How far ahead slots are offered: one month. */
export const BOOKING_HORIZON_DAYS = 31;

export interface AvailabilityRule {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Local `HH:MM`. */
  start: string;
  end: string;
  modes: readonly Mode[];
}

export interface DateRange {
  startsOn: LocalDate;
  endsOn: LocalDate;
}

export interface Interval {
  start: Date;
  end: Date;
}

export interface SlotQuery {
  rules: readonly AvailabilityRule[];
  exceptions: readonly DateRange[];
  /** Booked appointments of the counsellor (any length). */
  booked: readonly Interval[];
  /** The counsellor's unit time zone. */
  timeZone: string;
  slotMinutes: number;
  /** First local day (counsellor's zone) and how many days. */
  from: LocalDate;
  days: number;
  now: Date;
  minNoticeMinutes?: number;
  /** The agency's days off (holidays) when the counsellor does not work them; empty otherwise. */
  daysOff?: ReadonlySet<LocalDate>;
}

export interface Slot {
  start: Date;
  end: Date;
  modes: Mode[];
}

/** Minutes past midnight of a `HH:MM` time. */
export function minuteOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

function inRanges(date: LocalDate, ranges: readonly DateRange[]): boolean {
  return ranges.some((r) => r.startsOn <= date && date <= r.endsOn);
}

/** Free slots in start order. Pure: the same query always gives the same slots. */
export function freeSlots(q: SlotQuery): Slot[] {
  const notice = q.now.getTime() + (q.minNoticeMinutes ?? MIN_NOTICE_MINUTES) * 60_000;
  const booked = [...q.booked].sort((a, b) => a.start.getTime() - b.start.getTime());
  const byWeekday = new Map<number, AvailabilityRule[]>();
  for (const r of q.rules) byWeekday.set(r.weekday, [...(byWeekday.get(r.weekday) ?? []), r]);
  const out: Slot[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < q.days; i++) {
    const date = addDays(q.from, i);
    const rules = byWeekday.get(weekdayOf(date));
    if (!rules || inRanges(date, q.exceptions) || q.daysOff?.has(date)) continue;
    // Reading the zone's offset is the costly part (Intl): once a day when it holds all day (every
    // Indonesian zone), per slot only on a day the offset changes.
    const midnight = instantOfLocal(date, 0, q.timeZone);
    const steady =
      offsetMinutes(midnight, q.timeZone) === offsetMinutes(new Date(midnight.getTime() + DAY_MS - 1), q.timeZone);
    for (const rule of rules) {
      const end = minuteOf(rule.end);
      for (let m = minuteOf(rule.start); m + q.slotMinutes <= end; m += q.slotMinutes) {
        const start = steady ? new Date(midnight.getTime() + m * 60_000) : instantOfLocal(date, m, q.timeZone);
        const t = start.getTime();
        if (t < notice || seen.has(t)) continue;
        const slotEnd = new Date(t + q.slotMinutes * 60_000);
        if (overlaps(booked, t, slotEnd.getTime())) continue;
        seen.add(t);
        out.push({ start, end: slotEnd, modes: [...rule.modes] });
      }
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Whether [start, end) meets any booked interval (sorted by start), by binary search. */
function overlaps(booked: readonly Interval[], start: number, end: number): boolean {
  let lo = 0;
  let hi = booked.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((booked[mid] as Interval).end.getTime() <= start) lo = mid + 1;
    else hi = mid;
  }
  // Intervals do not overlap each other, so ends are ordered like starts.
  const hit = booked[lo];
  return hit !== undefined && hit.start.getTime() < end;
}

/** Whether `start` is one of the counsellor's free slots (a booking must name one exactly). */
export function isFreeSlot(q: SlotQuery, start: Date): Slot | undefined {
  const date = localParts(start, q.timeZone).date;
  return freeSlots({ ...q, from: date, days: 1 }).find((s) => s.start.getTime() === start.getTime());
}

export type ChangeVerdict = 'allowed' | 'too_late' | 'past';

/**
 * Whether the client may still cancel or move a booking themselves: up to `CHANGE_NOTICE_MINUTES`
 * before it starts; later they contact their counsellor (who may still cancel it).
 */
export function changeVerdict(now: Date, start: Date, noticeMinutes = CHANGE_NOTICE_MINUTES): ChangeVerdict {
  if (now.getTime() >= start.getTime()) return 'past';
  return start.getTime() - now.getTime() >= noticeMinutes * 60_000 ? 'allowed' : 'too_late';
}

/** Slots grouped by the local day of `timeZone` (the client's), in order. */
export function slotsByDay(slots: readonly Slot[], timeZone: string): { date: LocalDate; slots: Slot[] }[] {
  const days: { date: LocalDate; slots: Slot[] }[] = [];
  for (const s of slots) {
    const date = localParts(s.start, timeZone).date;
    const last = days[days.length - 1];
    if (last && last.date === date) last.slots.push(s);
    else days.push({ date, slots: [s] });
  }
  return days;
}

export interface ReminderDue {
  kind: Reminder;
  /** When the reminder becomes due. */
  at: Date;
}

/** When each chosen reminder is due: a day before and an hour before the start. */
export function reminderTimes(start: Date, chosen: readonly Reminder[]): ReminderDue[] {
  const offsets: Record<Reminder, number> = { day_before: 24 * 60, hour_before: 60 };
  return chosen.map((kind) => ({ kind, at: new Date(start.getTime() - offsets[kind] * 60_000) }));
}

/** Whether two availability rules of the same weekday overlap (the editor refuses that). */
export function rulesOverlap(rules: readonly AvailabilityRule[]): boolean {
  const sorted = [...rules].sort((a, b) => a.weekday - b.weekday || minuteOf(a.start) - minuteOf(b.start));
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as AvailabilityRule;
    const b = sorted[i] as AvailabilityRule;
    if (a.weekday === b.weekday && minuteOf(b.start) < minuteOf(a.end)) return true;
  }
  return false;
}
