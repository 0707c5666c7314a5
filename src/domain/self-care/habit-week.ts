import { addDays, weekdayOf, type LocalDate } from '../schedule/zoned-time.js';

/**
 * How a self-care habit counts across a week (docs/decisions/035-self-care-and-plan.md). Weeks start
 * on Monday. No streaks: a missed day or week is never counted against the person; what the screens
 * show is what was done this week against what the person planned, and a gentle new start when a
 * whole week passed without a tick.
 */
export interface HabitSchedule {
  frequency: 'daily' | 'weekly' | 'weekdays';
  timesPerWeek: number | null;
  weekdays: readonly number[] | null;
}

/** The Monday of the week `date` falls in. */
export function weekStartOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}

/** Whether the habit is planned for that day (a "n times a week" habit may be done any day). */
export function isPlannedOn(habit: HabitSchedule, date: LocalDate): boolean {
  if (habit.frequency === 'weekdays') return (habit.weekdays ?? []).includes(weekdayOf(date));
  return true;
}

/** How many ticks the person planned for a week. */
export function weeklyTarget(habit: HabitSchedule): number {
  if (habit.frequency === 'daily') return 7;
  if (habit.frequency === 'weekly') return habit.timesPerWeek ?? 1;
  return new Set(habit.weekdays ?? []).size;
}

/** Ticks within the week that starts on `monday`, at most the target (extra days are a bonus, not debt). */
export function doneInWeek(habit: HabitSchedule, ticks: readonly LocalDate[], monday: LocalDate): number {
  const end = addDays(monday, 7);
  const count = ticks.filter((d) => d >= monday && d < end).length;
  return Math.min(count, weeklyTarget(habit));
}

export interface WeekSummary {
  done: number;
  target: number;
  /** Habits that reached their target this week. */
  habitsOnTrack: number;
}

export function weekSummary(
  habits: ReadonlyArray<HabitSchedule & { ticks: readonly LocalDate[] }>,
  monday: LocalDate,
): WeekSummary {
  let done = 0;
  let target = 0;
  let habitsOnTrack = 0;
  for (const h of habits) {
    const d = doneInWeek(h, h.ticks, monday);
    const t = weeklyTarget(h);
    done += d;
    target += t;
    if (d >= t) habitsOnTrack++;
  }
  return { done, target, habitsOnTrack };
}

/**
 * A gentle restart is offered when the person had habits through the whole of last week and ticked
 * none of them, and has not ticked anything yet this week: a new week, start again with one habit.
 */
export function offersFreshStart(
  habits: ReadonlyArray<{ createdAt: LocalDate; ticks: readonly LocalDate[] }>,
  today: LocalDate,
): boolean {
  const thisMonday = weekStartOf(today);
  const lastMonday = addDays(thisMonday, -7);
  const older = habits.filter((h) => h.createdAt < lastMonday);
  if (older.length === 0) return false;
  return habits.every((h) => !h.ticks.some((d) => d >= lastMonday));
}
