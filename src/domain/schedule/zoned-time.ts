/**
 * Wall-clock arithmetic in an IANA time zone with Intl only (no date library). Indonesia's three
 * zones have fixed offsets, but nothing here assumes that: offsets are read from Intl per instant.
 */

/** A calendar date as people write it, `YYYY-MM-DD`. */
export type LocalDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface LocalParts {
  date: LocalDate;
  weekday: IsoWeekday;
  /** Seconds since local midnight. */
  secondOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(instant: Date, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year as number,
    month: parts.month as number,
    day: parts.day as number,
    hour: (parts.hour as number) % 24,
    minute: parts.minute as number,
    second: parts.second as number,
  };
}

/** The date, weekday and time of day that a wall clock in `timeZone` shows at `instant`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const w = wallClock(instant, timeZone);
  const date = `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  return { date, weekday: weekdayOf(date), secondOfDay: w.hour * 3600 + w.minute * 60 + w.second };
}

/** The local calendar date at `instant`. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return localParts(instant, timeZone).date;
}

export function weekdayOf(date: LocalDate): IsoWeekday {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return (day === 0 ? 7 : day) as IsoWeekday;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Minutes the zone is ahead of UTC at this instant (WIB +420, WITA +480, WIT +540). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const truncated = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - truncated) / 60_000);
}

/** The instant at which a wall clock in `timeZone` shows `date` at `minuteOfDay` minutes past midnight. */
export function instantOfLocal(date: LocalDate, minuteOfDay: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minuteOfDay);
  // Two passes settle the offset even across a DST change (none in Indonesia, but zones are data).
  let t = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  t = wall - offsetMinutes(new Date(t), timeZone) * 60_000;
  return new Date(t);
}

/** Local midnight at the start of `date`. */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return instantOfLocal(date, 0, timeZone);
}

/** The first instant after `date` has ended locally (midnight of the next day). */
export function endOfLocalDay(date: LocalDate, timeZone: string): Date {
  return startOfLocalDay(addDays(date, 1), timeZone);
}
