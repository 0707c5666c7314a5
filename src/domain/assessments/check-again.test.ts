import { describe, expect, it } from 'vitest';
import { checkAgain, dayIn } from './check-again.js';

describe('checkAgain: two weeks on, in the person’s own time zone', () => {
  it('counts from the day the result was taken where the person is', () => {
    // 23:30 WIT on 1 December is 14:30 UTC: still the 1st in Jayapura, and in Jakarta.
    expect(checkAgain('2026-12-01T14:30:00Z', 'Asia/Jayapura', new Date('2026-12-02T00:00:00Z'))).toEqual({
      day: '2026-12-15',
      due: false,
    });
    // 01:00 WIT on 2 December is 16:00 UTC on the 1st: the 2nd in Jayapura, the 1st in Jakarta.
    expect(checkAgain('2026-12-01T16:00:00Z', 'Asia/Jayapura', new Date('2026-12-02T00:00:00Z')).day).toBe(
      '2026-12-16',
    );
    expect(checkAgain('2026-12-01T16:00:00Z', 'Asia/Jakarta', new Date('2026-12-02T00:00:00Z')).day).toBe('2026-12-15');
  });

  it('is due from that day on, by the person’s clock', () => {
    const taken = '2026-12-01T03:00:00Z';
    // 16:59 UTC on the 14th is 23:59 WIB: not yet the 15th in Jakarta.
    expect(checkAgain(taken, 'Asia/Jakarta', new Date('2026-12-14T16:59:00Z')).due).toBe(false);
    expect(checkAgain(taken, 'Asia/Jakarta', new Date('2026-12-14T17:00:00Z')).due).toBe(true);
    expect(checkAgain(taken, 'Asia/Jakarta', new Date('2027-01-20T00:00:00Z')).due).toBe(true);
  });

  it('crosses month and year ends', () => {
    expect(checkAgain('2026-12-25T03:00:00Z', 'Asia/Makassar', new Date('2026-12-25T04:00:00Z')).day).toBe(
      '2027-01-08',
    );
    expect(dayIn(new Date('2026-02-28T20:00:00Z'), 'Asia/Makassar')).toBe('2026-03-01');
  });
});
