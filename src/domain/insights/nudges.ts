import { addDays, type LocalDate } from '../schedule/zoned-time.js';
import type { DayEntry } from './insights.js';

/**
 * Gentle stepped-care nudges (docs/decisions/036-insights.md): when the person's own recent
 * check-ins suggest strain, the insights page offers a next step — a PHQ-9 self-check, talking to
 * someone, an article. Pure and computed on request: a nudge is never stored, never a flag another
 * role could read, never shared (docs/privacy.md §1.1). Always about the last two weeks, whatever
 * period the page shows, because a nudge is about now.
 */

/** The window a nudge looks at: the last fourteen days, today included. */
export const NUDGE_WINDOW_DAYS = 14;
/** A nudge needs at least this many check-ins in the window (half of it), so one bad day never does. */
export const MIN_NUDGE_DAYS = 7;
/** "Low mood": a mood of 2 or 1 ("kurang baik", "sangat berat"). */
export const LOW_MOOD = 2;
/** Heavy workload with high stress: heavy on at least this share of the days that say, and average stress at least 4. */
export const HEAVY_SHARE = 0.6;
export const HIGH_STRESS = 4;
/** Crisis-adjacent: the lowest mood on at least this many of the last seven days. */
export const VERY_LOW_WINDOW_DAYS = 7;
export const VERY_LOW_DAYS = 3;

export type NudgeId = 'very_low_mood' | 'low_mood' | 'heavy_workload';

export interface Nudge {
  id: NudgeId;
  /** The days of the window the nudge looked at (with a check-in)… */
  days: number;
  /** …and how many of them showed the strain. */
  matching: number;
  /** How many days back it looked. */
  windowDays: number;
  /** Suggested next steps; the web words and links them. */
  steps: readonly NudgeStep[];
  /** Library articles (their slugs under /learn/). */
  articles: readonly string[];
}

export type NudgeStep = 'help_contacts' | 'self_check_phq9' | 'talk_to_someone' | 'plan_week' | 'breathing';

function inWindow(entries: readonly DayEntry[], today: LocalDate, days: number): DayEntry[] {
  const from = addDays(today, -(days - 1));
  return entries.filter((e) => e.day >= from && e.day <= today);
}

/**
 * The nudges the last two weeks call for, the most pressing first. A crisis-adjacent state (the
 * lowest mood again and again this week) always leads with the help contacts; it replaces the
 * low-mood nudge rather than adding to it, so the page never piles cards on a hard week.
 */
export function nudgesOf(entries: readonly DayEntry[], today: LocalDate): Nudge[] {
  const nudges: Nudge[] = [];
  const week = inWindow(entries, today, VERY_LOW_WINDOW_DAYS);
  const veryLow = week.filter((e) => e.mood === 1).length;
  const recent = inWindow(entries, today, NUDGE_WINDOW_DAYS);

  if (veryLow >= VERY_LOW_DAYS) {
    nudges.push({
      id: 'very_low_mood',
      days: week.length,
      matching: veryLow,
      windowDays: VERY_LOW_WINDOW_DAYS,
      steps: ['help_contacts', 'self_check_phq9'],
      articles: ['getting-help'],
    });
  } else if (recent.length >= MIN_NUDGE_DAYS) {
    const low = recent.filter((e) => e.mood <= LOW_MOOD).length;
    if (low * 2 > recent.length) {
      nudges.push({
        id: 'low_mood',
        days: recent.length,
        matching: low,
        windowDays: NUDGE_WINDOW_DAYS,
        steps: ['self_check_phq9', 'help_contacts'],
        articles: ['recognising-strain-in-yourself', 'getting-help'],
      });
    }
  }

  const withWorkload = recent.filter((e) => e.workload !== null);
  if (withWorkload.length >= MIN_NUDGE_DAYS) {
    const heavy = withWorkload.filter((e) => e.workload === 'heavy').length;
    const stress = recent.map((e) => e.stress).filter((s): s is number => s !== null);
    const meanStress = stress.length > 0 ? stress.reduce((a, b) => a + b, 0) / stress.length : 0;
    if (heavy >= HEAVY_SHARE * withWorkload.length && stress.length >= MIN_NUDGE_DAYS && meanStress >= HIGH_STRESS) {
      nudges.push({
        id: 'heavy_workload',
        days: withWorkload.length,
        matching: heavy,
        windowDays: NUDGE_WINDOW_DAYS,
        steps: ['plan_week', 'breathing', 'talk_to_someone'],
        articles: ['time-and-boundaries', 'self-care-basics'],
      });
    }
  }
  return nudges;
}
