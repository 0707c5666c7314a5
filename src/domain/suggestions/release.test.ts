import { describe, expect, it } from 'vitest';
import { suggestionsToRelease, weekOf } from './release.js';

describe('weekOf', () => {
  it('dates a day by the Monday of its week', () => {
    expect(weekOf('2026-12-04')).toBe('2026-11-30'); // a Friday
    expect(weekOf('2026-11-30')).toBe('2026-11-30'); // the Monday itself
    expect(weekOf('2026-12-06')).toBe('2026-11-30'); // Sunday still belongs to it
    expect(weekOf('2027-01-01')).toBe('2026-12-28'); // across a year
  });
});

describe('suggestionsToRelease', () => {
  const k = 5;
  const today = '2026-12-04';

  it('holds fewer than k, however long they have waited', () => {
    for (let waiting = 0; waiting < k; waiting += 1) {
      expect(suggestionsToRelease({ waiting, k, today, lastReleaseWeek: null })).toBe(0);
      expect(suggestionsToRelease({ waiting, k, today, lastReleaseWeek: '2026-01-05' })).toBe(0);
    }
  });

  it('releases all of at least k at the first release of a week', () => {
    expect(suggestionsToRelease({ waiting: k, k, today, lastReleaseWeek: null })).toBe(k);
    expect(suggestionsToRelease({ waiting: k + 3, k, today, lastReleaseWeek: '2026-11-23' })).toBe(k + 3);
  });

  it('waits for next week once this week had its release, unless a full batch of 2k waits', () => {
    expect(suggestionsToRelease({ waiting: k, k, today, lastReleaseWeek: '2026-11-30' })).toBe(0);
    expect(suggestionsToRelease({ waiting: 2 * k - 1, k, today, lastReleaseWeek: '2026-11-30' })).toBe(0);
    expect(suggestionsToRelease({ waiting: 2 * k, k, today, lastReleaseWeek: '2026-11-30' })).toBe(2 * k);
  });

  it('never releases fewer than k, whatever the inputs', () => {
    for (let waiting = 0; waiting < 40; waiting += 1)
      for (const last of [null, '2026-11-23', '2026-11-30']) {
        const n = suggestionsToRelease({ waiting, k, today, lastReleaseWeek: last });
        expect(n === 0 || (n === waiting && n >= k)).toBe(true);
      }
  });
});
