import { weekdayOf, type IsoWeekday, type LocalDate } from '../schedule/zoned-time.js';

/**
 * Personal insights from a person's own daily check-ins (docs/decisions/036-insights.md): the
 * series of a period, streaks, averages against the period before, and plain-language patterns.
 * Pure: the server computes them on request from the person's rows and never stores them
 * (docs/privacy.md §1.1), the web words them through i18n.
 *
 * Every pattern states how many days it rests on and appears only when both sides of the
 * comparison have enough days and differ by enough to be worth saying. They describe what the
 * person wrote, never a cause and never a diagnosis.
 */

export const INSIGHT_PERIODS = [7, 30, 90, 365] as const;
export type InsightPeriod = (typeof INSIGHT_PERIODS)[number];

/** A pattern needs at least this many check-ins in the period… */
export const MIN_PATTERN_DAYS = 14;
/** …at least this many days on each side of its comparison… */
export const MIN_GROUP_DAYS = 5;
/** …and a difference of at least this much on the 1–5 scale (smaller gaps are day-to-day noise). */
export const MIN_DIFFERENCE = 0.5;
/** A weekday pattern needs four weeks of check-ins, and this many check-ins on the weekday itself. */
export const MIN_WEEKDAY_PATTERN_DAYS = 28;
export const MIN_WEEKDAY_DAYS = 4;
/** "Short sleep": under six hours. */
export const SHORT_SLEEP_MINUTES = 360;
/** "Active": at least thirty minutes of physical activity. */
export const ACTIVE_MINUTES = 30;
/** At most this many tag patterns, the clearest first. */
export const MAX_TAG_PATTERNS = 3;

export type Workload = 'light' | 'right' | 'heavy';

/** One stored check-in, as the insights read it (tags opened for their owner). */
export interface DayEntry {
  day: LocalDate;
  mood: number;
  stress: number | null;
  energy: number | null;
  sleepMinutes: number | null;
  sleepQuality: number | null;
  activityMinutes: number | null;
  workload: Workload | null;
  tags: readonly string[];
}

export interface SeriesPoint {
  day: LocalDate;
  mood: number | null;
  stress: number | null;
  energy: number | null;
  sleepMinutes: number | null;
  activityMinutes: number | null;
  workload: Workload | null;
}

export interface Streaks {
  /** Consecutive days with a check-in ending today, or yesterday while today is still open. */
  current: number;
  /** The longest run of consecutive days among the days read. */
  longest: number;
}

export interface Averages {
  /** Days with a check-in in the period. */
  days: number;
  mood: number | null;
  stress: number | null;
  energy: number | null;
  sleepMinutes: number | null;
  activityMinutes: number | null;
  workload: { light: number; right: number; heavy: number };
}

export type PatternId =
  'sleep_mood' | 'workload_mood' | 'workload_stress' | 'activity_mood' | 'tag_mood' | 'weekday_mood';

/** A side of a comparison: how many days, and the average of the measure on them. */
export interface PatternSide {
  days: number;
  mean: number;
}

export interface Pattern {
  id: PatternId;
  /** What is averaged: the mood or the stress (1–5). */
  measure: 'mood' | 'stress';
  /** How many days the comparison rests on (both sides). */
  days: number;
  /** The days the pattern is about (short sleep, heavy workload, a tag, a weekday, active days)… */
  group: PatternSide;
  /** …and the other days. */
  rest: PatternSide;
  tag: string | null;
  weekday: IsoWeekday | null;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of a local date (a count, to compare and step dates cheaply). */
function dayNumber(day: LocalDate): number {
  return Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / DAY_MS;
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function numbers<T>(entries: readonly DayEntry[], pick: (e: DayEntry) => T | null): T[] {
  const out: T[] = [];
  for (const e of entries) {
    const v = pick(e);
    if (v !== null) out.push(v);
  }
  return out;
}

/** One point per day from `from` to `to` (inclusive), null where the person did not check in. */
export function seriesOf(entries: readonly DayEntry[], from: LocalDate, to: LocalDate): SeriesPoint[] {
  const byDay = new Map(entries.map((e) => [e.day, e]));
  const points: SeriesPoint[] = [];
  const last = dayNumber(to);
  for (let n = dayNumber(from); n <= last; n++) {
    const day = new Date(n * DAY_MS).toISOString().slice(0, 10);
    const e = byDay.get(day);
    points.push({
      day,
      mood: e?.mood ?? null,
      stress: e?.stress ?? null,
      energy: e?.energy ?? null,
      sleepMinutes: e?.sleepMinutes ?? null,
      activityMinutes: e?.activityMinutes ?? null,
      workload: e?.workload ?? null,
    });
  }
  return points;
}

/**
 * Current and longest runs of consecutive days. A day not yet checked in today does not break the
 * current run: it still counts from yesterday (a missed day is not a failure, and today is open).
 */
export function streaksOf(days: readonly LocalDate[], today: LocalDate): Streaks {
  // Day numbers, sorted and distinct: a year of days is one pass, not a date sum per day.
  const end = dayNumber(today);
  const numbers = [...new Set(days.map(dayNumber))].filter((n) => n <= end).sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < numbers.length; i++) {
    run = i > 0 && numbers[i] === (numbers[i - 1] as number) + 1 ? run + 1 : 1;
    if (run > longest) longest = run;
  }
  const last = numbers.at(-1);
  // The run that reaches today, or yesterday while today is still open.
  const current = last !== undefined && last >= end - 1 ? run : 0;
  return { current, longest };
}

/** The averages of a period's check-ins (one decimal; sleep and activity in whole minutes). */
export function averagesOf(entries: readonly DayEntry[]): Averages {
  const avg = (pick: (e: DayEntry) => number | null, digits: 'one' | 'whole') => {
    const m = mean(numbers(entries, pick));
    if (m === null) return null;
    return digits === 'one' ? round1(m) : Math.round(m);
  };
  const workload = { light: 0, right: 0, heavy: 0 };
  for (const e of entries) if (e.workload) workload[e.workload]++;
  return {
    days: entries.length,
    mood: avg((e) => e.mood, 'one'),
    stress: avg((e) => e.stress, 'one'),
    energy: avg((e) => e.energy, 'one'),
    sleepMinutes: avg((e) => e.sleepMinutes, 'whole'),
    activityMinutes: avg((e) => e.activityMinutes, 'whole'),
    workload,
  };
}

/**
 * Compares a measure on the days of a group against the other days that have the measure. Answers
 * a pattern only when both sides have enough days and the gap is at least MIN_DIFFERENCE in the
 * expected direction (`worse`: the group's mood lower, or its stress higher).
 */
function compare(
  entries: readonly DayEntry[],
  id: PatternId,
  measure: 'mood' | 'stress',
  inGroup: (e: DayEntry) => boolean | null,
  extra: { tag?: string; weekday?: IsoWeekday; minGroup?: number } = {},
): Pattern | null {
  const group: number[] = [];
  const rest: number[] = [];
  for (const e of entries) {
    const value = measure === 'mood' ? e.mood : e.stress;
    const side = inGroup(e);
    if (value === null || side === null) continue;
    (side ? group : rest).push(value);
  }
  const minGroup = extra.minGroup ?? MIN_GROUP_DAYS;
  if (group.length < minGroup || rest.length < MIN_GROUP_DAYS) return null;
  if (group.length + rest.length < MIN_PATTERN_DAYS) return null;
  const g = mean(group) as number;
  const r = mean(rest) as number;
  const gap = measure === 'mood' ? r - g : g - r;
  // Compared after rounding, so the sentence never shows two figures closer than the threshold.
  if (round1(gap) < MIN_DIFFERENCE) return null;
  return {
    id,
    measure,
    days: group.length + rest.length,
    group: { days: group.length, mean: round1(g) },
    rest: { days: rest.length, mean: round1(r) },
    tag: extra.tag ?? null,
    weekday: extra.weekday ?? null,
  };
}

/**
 * The plain-language patterns of a period's check-ins, in a fixed order: sleep, workload, activity,
 * tags (the clearest few), then one weekday. Nothing when the period has fewer than
 * MIN_PATTERN_DAYS check-ins.
 */
export function patternsOf(entries: readonly DayEntry[]): Pattern[] {
  if (entries.length < MIN_PATTERN_DAYS) return [];
  const found: (Pattern | null)[] = [
    compare(entries, 'sleep_mood', 'mood', (e) =>
      e.sleepMinutes === null ? null : e.sleepMinutes < SHORT_SLEEP_MINUTES,
    ),
    compare(entries, 'workload_mood', 'mood', (e) => (e.workload === null ? null : e.workload === 'heavy')),
    compare(entries, 'workload_stress', 'stress', (e) => (e.workload === null ? null : e.workload === 'heavy')),
    compare(entries, 'activity_mood', 'mood', (e) =>
      e.activityMinutes === null ? null : e.activityMinutes < ACTIVE_MINUTES,
    ),
  ];

  const tagCounts = new Map<string, number>();
  for (const e of entries) for (const tag of new Set(e.tags)) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  const tagPatterns = [...tagCounts.keys()]
    .sort()
    .map((tag) => compare(entries, 'tag_mood', 'mood', (e) => e.tags.includes(tag), { tag }))
    .filter((p): p is Pattern => p !== null)
    .sort((a, b) => b.rest.mean - b.group.mean - (a.rest.mean - a.group.mean) || b.group.days - a.group.days)
    .slice(0, MAX_TAG_PATTERNS);

  let weekday: Pattern | null = null;
  if (entries.length >= MIN_WEEKDAY_PATTERN_DAYS) {
    const weekdays = new Map(entries.map((e) => [e, weekdayOf(e.day)]));
    for (const wd of [1, 2, 3, 4, 5, 6, 7] as const) {
      const p = compare(entries, 'weekday_mood', 'mood', (e) => weekdays.get(e) === wd, {
        weekday: wd,
        minGroup: MIN_WEEKDAY_DAYS,
      });
      if (p && (!weekday || p.rest.mean - p.group.mean > weekday.rest.mean - weekday.group.mean)) weekday = p;
    }
  }

  return [...found, ...tagPatterns, weekday].filter((p): p is Pattern => p !== null);
}
