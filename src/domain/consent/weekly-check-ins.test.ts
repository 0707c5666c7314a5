import { describe, expect, it } from 'vitest';
import { mondayOf, weeklyCheckIns } from './weekly-check-ins.js';

describe('weekly check-ins', () => {
  it.each([
    ['2026-11-23', '2026-11-23'],
    ['2026-11-29', '2026-11-23'],
    ['2026-12-01', '2026-11-30'],
    ['2027-01-01', '2026-12-28'],
  ])('the week of %s starts %s', (day, monday) => {
    expect(mondayOf(day)).toBe(monday);
  });

  it('averages mood and energy per week, oldest first, with empty weeks kept', () => {
    const weeks = weeklyCheckIns(
      [
        { localDate: '2026-11-16', mood: 2, energy: 2 },
        { localDate: '2026-11-18', mood: 3, energy: null },
        { localDate: '2026-11-30', mood: 4, energy: 5 },
        { localDate: '2026-10-01', mood: 1, energy: 1 }, // before the window: left out
      ],
      '2026-12-02',
      3,
    );
    expect(weeks).toEqual([
      { weekStart: '2026-11-16', count: 2, moodAverage: 2.5, energyAverage: 2 },
      { weekStart: '2026-11-23', count: 0, moodAverage: null, energyAverage: null },
      { weekStart: '2026-11-30', count: 1, moodAverage: 4, energyAverage: 5 },
    ]);
  });
});
