import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  THROTTLE_RULES,
  THROTTLE_WINDOW_MS,
  delayAfterFailures,
  recordFailure,
  remainingDelay,
  signInThrottleKeys,
} from './sign-in-throttle.js';

describe('sign-in throttle', () => {
  it('lets the free failures through, then doubles the delay', () => {
    const rule = THROTTLE_RULES.account_ip;
    expect([1, 2, 3, 4, 5].map((n) => delayAfterFailures(n, rule))).toEqual([0, 0, 0, 0, 0]);
    expect([6, 7, 8, 9].map((n) => delayAfterFailures(n, rule))).toEqual([1000, 2000, 4000, 8000]);
    expect(delayAfterFailures(100, rule)).toBe(rule.maxDelayMs);
  });

  it('caps the account-wide delay at one minute so nobody can be locked out', () => {
    expect(delayAfterFailures(1_000, THROTTLE_RULES.account)).toBe(60_000);
  });

  it('counts failures in a window and starts afresh after it', () => {
    let c = recordFailure(null, THROTTLE_RULES.account_ip, 0);
    for (let i = 1; i < 6; i++) c = recordFailure(c, THROTTLE_RULES.account_ip, i * 1000);
    expect(c.failures).toBe(6);
    expect(remainingDelay(c, 5000)).toBe(1000);
    expect(remainingDelay(c, 7000)).toBe(0);
    const later = recordFailure(c, THROTTLE_RULES.account_ip, THROTTLE_WINDOW_MS + 10_000);
    expect(later.failures).toBe(1);
    expect(later.blockedUntil).toBeNull();
  });

  it('counts a known browser on its own key only, and an unknown one per account, address and both', () => {
    const known = signInThrottleKeys({ account: 'email:a@x.go.id', ip: '10.0.0.1', trustedDevice: 'd1' });
    expect(known).toEqual([{ scope: 'device', subject: 'email:a@x.go.id|d1' }]);
    const unknown = signInThrottleKeys({ account: 'email:a@x.go.id', ip: '10.0.0.1', trustedDevice: null });
    expect(unknown.map((k) => k.scope).sort()).toEqual(['account', 'account_ip', 'ip']);
  });

  it('property: no failure from an unknown browser or another known browser shares a key with a known browser', () => {
    const key = fc.tuple(
      fc.constantFrom('email:a@x', 'email:b@x'),
      fc.constantFrom('10.0.0.1', '10.0.0.2'),
      fc.option(fc.constantFrom('d1', 'd2'), { nil: null }),
    );
    fc.assert(
      fc.property(key, key, ([account, ip, device], [otherAccount, otherIp, otherDevice]) => {
        if (device === null) return;
        const mine = signInThrottleKeys({ account, ip, trustedDevice: device }).map((k) => `${k.scope}:${k.subject}`);
        const theirs = signInThrottleKeys({ account: otherAccount, ip: otherIp, trustedDevice: otherDevice }).map(
          (k) => `${k.scope}:${k.subject}`,
        );
        const sameBrowser = otherDevice === device && otherAccount === account;
        if (!sameBrowser) expect(theirs.filter((k) => mine.includes(k))).toEqual([]);
      }),
    );
  });

  it('property: the delay never decreases as failures grow, and never exceeds the cap', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('account_ip', 'ip', 'account', 'device') as fc.Arbitrary<keyof typeof THROTTLE_RULES>,
        fc.integer({ min: 0, max: 500 }),
        (scope, n) => {
          const rule = THROTTLE_RULES[scope];
          expect(delayAfterFailures(n + 1, rule)).toBeGreaterThanOrEqual(delayAfterFailures(n, rule));
          expect(delayAfterFailures(n, rule)).toBeLessThanOrEqual(rule.maxDelayMs);
        },
      ),
    );
  });
});
