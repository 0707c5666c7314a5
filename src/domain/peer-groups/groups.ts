import { addDays, instantOfLocal, weekdayOf, type LocalDate } from '../schedule/zoned-time.js';

/**
 * Peer support groups (docs/decisions/045-peer-groups-and-return-to-work.md): pure rules. A group meets
 * weekly on one weekday or on listed dates, at a local time of the facilitator's unit time zone.
 */

export const GROUP_MODES = ['in_person', 'online'] as const;
export type GroupMode = (typeof GROUP_MODES)[number];
export const GROUP_STATUSES = ['open', 'closed'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

export const MIN_CAPACITY = 2;
export const MAX_CAPACITY = 100;
export const MAX_DATES = 24;
/** How many sessions ahead a group's page lists. */
export const SESSIONS_AHEAD = 6;

export type GroupSchedule =
  | { kind: 'weekly'; weekday: number; startTime: string; durationMinutes: number }
  | { kind: 'dates'; dates: LocalDate[]; startTime: string; durationMinutes: number };

export interface Session {
  date: LocalDate;
  start: Date;
  end: Date;
  cancelled: boolean;
}

const minuteOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/**
 * The next sessions from `today` (local date, included), at most `count`, each with its instants and
 * whether the facilitator called it off. Sessions already ended are left out.
 */
export function upcomingSessions(
  schedule: GroupSchedule,
  timeZone: string,
  today: LocalDate,
  now: Date,
  cancelled: ReadonlySet<string>,
  count = SESSIONS_AHEAD,
): Session[] {
  const dates: LocalDate[] = [];
  if (schedule.kind === 'weekly') {
    const shift = (schedule.weekday - weekdayOf(today) + 7) % 7;
    for (let i = 0; dates.length < count + 1; i++) dates.push(addDays(today, shift + i * 7));
  } else {
    dates.push(...[...new Set(schedule.dates)].filter((d) => d >= today).sort());
  }
  return dates
    .map((date) => {
      const start = instantOfLocal(date, minuteOf(schedule.startTime), timeZone);
      return {
        date,
        start,
        end: new Date(start.getTime() + schedule.durationMinutes * 60_000),
        cancelled: cancelled.has(date),
      };
    })
    .filter((s) => s.end.getTime() > now.getTime())
    .slice(0, count);
}

/** Whether `date` is a session date of the schedule (a weekly group's weekday, or a listed date). */
export function isSessionDate(schedule: GroupSchedule, date: LocalDate): boolean {
  return schedule.kind === 'weekly' ? weekdayOf(date) === schedule.weekday : schedule.dates.includes(date);
}

/** Display names are compared without case and with runs of spaces folded: "Mawar" = " mawar ". */
export function displayKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');
}

/**
 * Whether a chosen display name gives away the person's real name: the full name, one word of it of
 * three letters or more, or a run of its words. The group must not learn who joined (decision 045);
 * the form asks for a name that is not their own, and this catches the obvious slips.
 */
export function revealsRealName(displayName: string, fullName: string): boolean {
  const chosen = displayKey(displayName);
  const real = displayKey(fullName);
  if (chosen === '' || chosen === real) return chosen !== '';
  const words = real.split(/[\s,.]+/).filter((w) => w.length >= 3);
  if (words.includes(chosen)) return true;
  return chosen.includes(' ') && ` ${real} `.includes(` ${chosen} `);
}
