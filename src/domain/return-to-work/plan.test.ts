import { describe, expect, it } from 'vitest';
import { schedulePeriods, stepsRise } from './plan.js';

describe('return-to-work schedule', () => {
  it('dates each step from the start, then full time', () => {
    const { periods, fullFrom } = schedulePeriods('2026-12-07', [
      { weeks: 2, percent: 50 },
      { weeks: 2, percent: 75 },
    ]);
    expect(periods).toEqual([
      { from: '2026-12-07', to: '2026-12-20', percent: 50 },
      { from: '2026-12-21', to: '2027-01-03', percent: 75 },
    ]);
    expect(fullFrom).toBe('2027-01-04');
  });

  it('wants steps that rise towards full time', () => {
    expect(
      stepsRise([
        { weeks: 1, percent: 50 },
        { weeks: 1, percent: 50 },
        { weeks: 1, percent: 80 },
      ]),
    ).toBe(true);
    expect(
      stepsRise([
        { weeks: 1, percent: 75 },
        { weeks: 1, percent: 50 },
      ]),
    ).toBe(false);
  });
});
