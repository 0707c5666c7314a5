import { describe, expect, it } from 'vitest';
import { isCurrentTerm, sampleOf, startInstant, termsOverlap } from './committee.js';

describe('committee terms', () => {
  const term = { termFrom: '2026-01-01', termTo: '2027-12-31' };
  it('covers the days of the term, both ends included', () => {
    expect(isCurrentTerm(term, '2026-01-01')).toBe(true);
    expect(isCurrentTerm(term, '2027-12-31')).toBe(true);
    expect(isCurrentTerm(term, '2025-12-31')).toBe(false);
    expect(isCurrentTerm(term, '2028-01-01')).toBe(false);
  });
  it('finds overlapping terms of one person', () => {
    expect(termsOverlap(term, { termFrom: '2027-12-31', termTo: '2029-01-01' })).toBe(true);
    expect(termsOverlap(term, { termFrom: '2028-01-01', termTo: '2029-01-01' })).toBe(false);
  });
});

describe('sampling for a focus group', () => {
  it('picks the asked number of distinct people from the pool only', () => {
    const pool = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (let n = 0; n <= pool.length; n++) {
      const picked = sampleOf(pool, n);
      expect(picked).toHaveLength(n);
      expect(new Set(picked).size).toBe(n);
      for (const p of picked) expect(pool).toContain(p);
    }
  });
  it('follows the random source (each item can be picked)', () => {
    expect(sampleOf(['a', 'b', 'c'], 1, () => 0)).toEqual(['a']);
    expect(sampleOf(['a', 'b', 'c'], 1, () => 0.99)).toEqual(['c']);
  });
  it('refuses a sample larger than the pool', () => {
    expect(() => sampleOf(['a'], 2)).toThrow(RangeError);
  });
});

describe('start instants', () => {
  it('reads the local time in the agency time zone', () => {
    expect(startInstant('2026-12-10', '09:30', 'Asia/Jakarta').toISOString()).toBe('2026-12-10T02:30:00.000Z');
    expect(startInstant('2026-12-10', '09:30', 'Asia/Jayapura').toISOString()).toBe('2026-12-10T00:30:00.000Z');
  });
});
