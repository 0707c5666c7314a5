import { addDays, type LocalDate } from '../schedule/zoned-time.js';

/**
 * Return-to-work plans (docs/decisions/045-peer-groups-and-return-to-work.md): pure rules. A plan is
 * a start date and steps of adjusted workload, each a number of weeks at a percentage; after the last
 * step the person is back at 100 %.
 */

export interface WorkloadStep {
  weeks: number;
  percent: number;
}

export interface SchedulePeriod {
  from: LocalDate;
  to: LocalDate;
  percent: number;
}

export const MAX_STEPS = 8;
export const MAX_WEEKS_PER_STEP = 12;
export const MAX_CHECKINS = 12;

/**
 * The text versions the employee agrees to: the plan itself, and the consent to show the schedule
 * to the manager. A new wording gets a new version, so what a person agreed to stays known.
 */
export const AGREEMENT_TEXT_VERSION = 'rtw-agree-2026-12';
export const SHARE_TEXT_VERSION = 'rtw-share-2026-12';

/** The dated periods of a plan, then 100 % from the day after the last one (`to` null). */
export function schedulePeriods(
  startDate: LocalDate,
  steps: readonly WorkloadStep[],
): { periods: SchedulePeriod[]; fullFrom: LocalDate } {
  const periods: SchedulePeriod[] = [];
  let from = startDate;
  for (const step of steps) {
    const to = addDays(from, step.weeks * 7 - 1);
    periods.push({ from, to, percent: step.percent });
    from = addDays(to, 1);
  }
  return { periods, fullFrom: from };
}

/** Steps rise (or stay) towards 100 %: a plan that cuts the workload back again is a new plan. */
export function stepsRise(steps: readonly WorkloadStep[]): boolean {
  return steps.every((s, i) => i === 0 || s.percent >= (steps[i - 1] as WorkloadStep).percent);
}
