/**
 * Growing delays on failed sign-ins (OWASP Authentication Cheat Sheet; ASVS 2.2.1). Failures are
 * counted on three keys with different limits:
 *
 *  - account + IP: the classic guesser. Five free tries, then 1 s, 2 s, 4 s … up to 15 minutes.
 *  - IP alone:     one address trying many accounts. Fifty free, then growing to 15 minutes.
 *  - account alone: a guesser spread over many addresses. Ten free, then growing to a cap of
 *    60 seconds only, and skipped for a browser that has signed in to this account before
 *    (device cookie). An attacker can therefore slow a real person down, never lock them out.
 *
 * Pure: the caller stores the counters and supplies the time.
 */
export type ThrottleScope = 'account_ip' | 'ip' | 'account';

export interface ThrottleRule {
  freeFailures: number;
  maxDelayMs: number;
}

export const THROTTLE_RULES: Record<ThrottleScope, ThrottleRule> = {
  account_ip: { freeFailures: 5, maxDelayMs: 15 * 60_000 },
  ip: { freeFailures: 50, maxDelayMs: 15 * 60_000 },
  account: { freeFailures: 10, maxDelayMs: 60_000 },
};

/** Counters reset when no failure happened for this long. */
export const THROTTLE_WINDOW_MS = 60 * 60_000;

export interface ThrottleCounter {
  failures: number;
  windowStartedAt: number;
  blockedUntil: number | null;
}

/** Delay imposed after the n-th consecutive failure on a key. */
export function delayAfterFailures(failures: number, rule: ThrottleRule): number {
  const over = failures - rule.freeFailures;
  if (over <= 0) return 0;
  return Math.min(1000 * 2 ** (over - 1), rule.maxDelayMs);
}

/** The counter after one more failure at `now`. */
export function recordFailure(counter: ThrottleCounter | null, rule: ThrottleRule, now: number): ThrottleCounter {
  const fresh = !counter || now - counter.windowStartedAt > THROTTLE_WINDOW_MS;
  const failures = fresh ? 1 : counter.failures + 1;
  const delay = delayAfterFailures(failures, rule);
  return {
    failures,
    windowStartedAt: fresh ? now : counter.windowStartedAt,
    blockedUntil: delay > 0 ? now + delay : null,
  };
}

/** Milliseconds the caller must still wait; 0 when an attempt may go ahead. */
export function remainingDelay(counter: ThrottleCounter | null, now: number): number {
  if (!counter?.blockedUntil) return 0;
  return Math.max(0, counter.blockedUntil - now);
}
