/**
 * How long a request for help has waited in the counsellors' urgent queue, and when it is overdue
 * (docs/decisions/023-grouped-reads-and-overdue-requests.md). One threshold for the whole product:
 * the queue marks a request overdue, and says so on the page, when nobody has taken it up within
 * URGENT_OVERDUE_MINUTES of the person asking.
 */
export const URGENT_OVERDUE_MINUTES = 30;

/** Whole minutes from `from` to `to` (never negative: clocks drift by seconds). */
export function minutesBetween(from: string, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - Date.parse(from)) / 60_000));
}

/** A request still waiting for someone to take it up, past the threshold. */
export function isOverdue(request: { status: string; createdAt: string }, now: Date): boolean {
  return request.status === 'open' && minutesBetween(request.createdAt, now) >= URGENT_OVERDUE_MINUTES;
}

/** A waiting time in the largest whole unit people say it in: minutes under an hour, hours under two days, then days. */
export function waitParts(minutes: number): { unit: 'minutes' | 'hours' | 'days'; count: number } {
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  if (minutes < 48 * 60) return { unit: 'hours', count: Math.floor(minutes / 60) };
  return { unit: 'days', count: Math.floor(minutes / (24 * 60)) };
}
