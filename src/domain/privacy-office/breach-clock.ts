/**
 * The breach notification clock (UU PDP art. 46(1)): written notice to the people affected and to
 * the PDP authority within 3×24 hours. We count from the moment of discovery, the earliest moment
 * the controller can be said to know (docs/decisions/012-separation-of-duties.md).
 */
export const BREACH_NOTICE_HOURS = 72;

export type BreachClockState = 'running' | 'overdue' | 'met' | 'late';

export interface BreachClock {
  deadline: string;
  /** Milliseconds left (negative when past). */
  remainingMs: number;
  state: BreachClockState;
}

/**
 * The clock of one breach: running until both notices are recorded; met when both went out before
 * the deadline, late when one went out after it, overdue when the deadline passed without both.
 */
export function breachClock(
  discoveredAt: Date,
  now: Date,
  notified: { subjectsAt: Date | null; authorityAt: Date | null },
): BreachClock {
  const deadline = new Date(discoveredAt.getTime() + BREACH_NOTICE_HOURS * 60 * 60 * 1000);
  const remainingMs = deadline.getTime() - now.getTime();
  const { subjectsAt, authorityAt } = notified;
  let state: BreachClockState;
  if (subjectsAt && authorityAt) {
    state = subjectsAt <= deadline && authorityAt <= deadline ? 'met' : 'late';
  } else {
    state = remainingMs > 0 ? 'running' : 'overdue';
  }
  return { deadline: deadline.toISOString(), remainingMs, state };
}
