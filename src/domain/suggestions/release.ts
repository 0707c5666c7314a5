import { addDays, weekdayOf, type LocalDate } from '../schedule/zoned-time.js';

/**
 * When sealed suggestions become readable (docs/decisions/052-suggestion-box.md). A suggestion is
 * never written readable on its own: it waits sealed, and all that wait in an agency move together
 * in one shuffled release, so whoever compares two copies of the database, or watches the board,
 * sees at least k new texts at once and cannot tell which came from the person who wrote last.
 *
 *  - The weekly release: once per week (the agency's local week, Monday to Sunday), everything
 *    waiting moves — provided at least k wait. Fewer than k stay sealed until the count reaches k.
 *  - A full batch: when twice k wait, they move at once without waiting for the week to turn, so a
 *    busy agency is not held to one release a week; each such release still holds 2k texts.
 */

/** The topics a writer may pick from (or none). */
export const SUGGESTION_TOPICS = [
  'workload',
  'environment',
  'colleagues',
  'facilities',
  'wellbeing_services',
  'other',
] as const;
export type SuggestionTopic = (typeof SUGGESTION_TOPICS)[number];

export const SUGGESTION_LIMITS = {
  /** Characters of one suggestion: room for a paragraph or two, not a dossier. */
  textMaxLength: 2000,
  /** Characters of the wellbeing team's public reply. */
  replyMaxLength: 2000,
  /** Characters of the reason a suggestion is hidden. */
  reasonMaxLength: 500,
  /** Suggestions one person may send per local day (docs/decisions/052-suggestion-box.md). */
  perPersonPerDay: 3,
  /** Rows of one page of the board and of the admin's list. */
  pageSize: 20,
} as const;

/** Monday of the week a local date falls in: a release is dated by this and nothing finer. */
export function weekOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}

/**
 * How many waiting suggestions to release now: all of them or none. `lastReleaseWeek` is the week
 * (its Monday) of the agency's latest release, null before the first.
 */
export function suggestionsToRelease(input: {
  waiting: number;
  k: number;
  today: LocalDate;
  lastReleaseWeek: LocalDate | null;
}): number {
  const { waiting, k, today, lastReleaseWeek } = input;
  if (waiting < k) return 0;
  if (waiting >= 2 * k) return waiting;
  return lastReleaseWeek === null || lastReleaseWeek < weekOf(today) ? waiting : 0;
}
