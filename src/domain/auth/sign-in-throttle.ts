/**
 * Growing delays on failed sign-ins (OWASP Authentication Cheat Sheet and its "device cookies"
 * pattern; ASVS 2.2.1). What is counted depends on the browser (decision 011):
 *
 *  - A browser holding a valid device cookie for this account (it signed in to it before) is
 *    counted on its own key only: `device`. Other people's failures — from the same office address
 *    or from a botnet — never touch it, so the real person on their usual browser is never slowed
 *    or blocked by anyone else. A stolen cookie is still limited: five free tries, then growing.
 *  - Any other browser is counted on three keys:
 *      account + IP: the classic guesser. Five free tries, then 1 s, 2 s, 4 s … up to 15 minutes.
 *      IP alone:     one address trying many accounts. Fifty free, then growing to 15 minutes.
 *      account:      a guesser spread over many addresses. Ten free, then growing to 60 seconds.
 *    The address key can hold back every unknown browser behind one NAT address, but nobody who
 *    uses a known browser there.
 *
 * Pure: the caller stores the counters and supplies the time.
 */
export type ThrottleScope = 'account_ip' | 'ip' | 'account' | 'device';

export interface ThrottleRule {
  freeFailures: number;
  maxDelayMs: number;
}

export const THROTTLE_RULES: Record<ThrottleScope, ThrottleRule> = {
  account_ip: { freeFailures: 5, maxDelayMs: 15 * 60_000 },
  ip: { freeFailures: 50, maxDelayMs: 15 * 60_000 },
  account: { freeFailures: 10, maxDelayMs: 60_000 },
  device: { freeFailures: 5, maxDelayMs: 15 * 60_000 },
};

export interface ThrottleSubject {
  scope: ThrottleScope;
  subject: string;
}

/**
 * The counters one sign-in attempt is checked against and, if it fails, adds to. `trustedDevice`
 * is the id inside a valid device cookie bound to this account, or null.
 */
export function signInThrottleKeys(attempt: {
  account: string;
  ip: string;
  trustedDevice: string | null;
}): ThrottleSubject[] {
  if (attempt.trustedDevice !== null)
    return [{ scope: 'device', subject: `${attempt.account}|${attempt.trustedDevice}` }];
  return [
    { scope: 'account_ip', subject: `${attempt.account}|${attempt.ip}` },
    { scope: 'ip', subject: attempt.ip },
    { scope: 'account', subject: attempt.account },
  ];
}

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
