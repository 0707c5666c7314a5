/**
 * Retry-After with jitter (docs/decisions/015-database-faults.md). When the database goes away,
 * every client is refused in the same second; a fixed Retry-After would bring them all back in
 * the same second too, a thundering herd that can knock a recovering database over again. A
 * random spread of whole seconds on top of the base keeps the returns apart.
 */

/** Base wait for "the database is away, try again shortly" answers (503). */
export const UNAVAILABLE_RETRY_SECONDS = 5;

/**
 * Seconds to put in Retry-After: `base` plus a uniform extra of 0..`spread` whole seconds
 * (spread defaults to the base, so 5 gives 5–10 s). `random` is injectable for tests.
 */
export function jitteredRetryAfter(base: number, spread: number = base, random: () => number = Math.random): number {
  const floor = Math.max(1, Math.ceil(base));
  const extra = Math.floor(random() * (Math.max(0, Math.floor(spread)) + 1));
  return floor + Math.min(extra, Math.max(0, Math.floor(spread)));
}

/** The header value, as a string of whole seconds. */
export function retryAfterHeader(base: number, spread?: number, random?: () => number): string {
  return String(jitteredRetryAfter(base, spread, random));
}
