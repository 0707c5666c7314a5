import { describe, expect, it } from 'vitest';
import { jitteredRetryAfter, retryAfterHeader } from './retry-after.js';

describe('jittered Retry-After', () => {
  it('stays within base..base+spread whole seconds', () => {
    expect(jitteredRetryAfter(5, 5, () => 0)).toBe(5);
    expect(jitteredRetryAfter(5, 5, () => 0.999999)).toBe(10);
    expect(jitteredRetryAfter(5, 2, () => 0.5)).toBe(6);
    // A broken random source still cannot push the value out of range.
    expect(jitteredRetryAfter(5, 5, () => 1)).toBe(10);
    expect(jitteredRetryAfter(0, 0, () => 0.7)).toBe(1);
  });

  it('spreads a crowd of refused clients over the window rather than one second', () => {
    const seen = new Map<number, number>();
    for (let i = 0; i < 2_000; i++) {
      const v = jitteredRetryAfter(5);
      expect(v).toBeGreaterThanOrEqual(5);
      expect(v).toBeLessThanOrEqual(10);
      seen.set(v, (seen.get(v) ?? 0) + 1);
    }
    // All six seconds are used and none takes more than a third of the crowd.
    expect(seen.size).toBe(6);
    for (const count of seen.values()) expect(count).toBeLessThan(2_000 / 3);
  });

  it('renders whole seconds for the header', () => {
    expect(retryAfterHeader(5, 5, () => 0.3)).toBe('6');
    expect(retryAfterHeader(5)).toMatch(/^(5|6|7|8|9|10)$/);
  });
});
