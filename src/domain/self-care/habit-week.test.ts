import { describe, expect, it } from 'vitest';
import { doneInWeek, isPlannedOn, offersFreshStart, weekStartOf, weekSummary, weeklyTarget } from './habit-week.js';

const daily = { frequency: 'daily' as const, timesPerWeek: null, weekdays: null };
const thrice = { frequency: 'weekly' as const, timesPerWeek: 3, weekdays: null };
const monWedFri = { frequency: 'weekdays' as const, timesPerWeek: null, weekdays: [1, 3, 5] };

describe('self-care habits across a week', () => {
  it('starts weeks on Monday', () => {
    expect(weekStartOf('2026-12-03')).toBe('2026-11-30'); // a Thursday
    expect(weekStartOf('2026-11-30')).toBe('2026-11-30');
    expect(weekStartOf('2026-12-06')).toBe('2026-11-30'); // Sunday still belongs to that week
  });

  it('knows the target and the planned days of each frequency', () => {
    expect([weeklyTarget(daily), weeklyTarget(thrice), weeklyTarget(monWedFri)]).toEqual([7, 3, 3]);
    expect(isPlannedOn(monWedFri, '2026-12-02')).toBe(true); // Wednesday
    expect(isPlannedOn(monWedFri, '2026-12-03')).toBe(false); // Thursday
    expect(isPlannedOn(thrice, '2026-12-03')).toBe(true);
  });

  it('counts ticks in the week only, never more than the target', () => {
    const ticks = ['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-07'];
    expect(doneInWeek(daily, ticks, '2026-11-30')).toBe(4);
    expect(doneInWeek(thrice, ticks, '2026-11-30')).toBe(3);
    expect(
      weekSummary(
        [
          { ...daily, ticks },
          { ...thrice, ticks: [] },
        ],
        '2026-11-30',
      ),
    ).toEqual({
      done: 4,
      target: 10,
      habitsOnTrack: 0,
    });
  });

  it('offers a fresh start only after a whole week without a tick, and never to a newcomer', () => {
    const today = '2026-12-03';
    expect(offersFreshStart([{ createdAt: '2026-11-01', ticks: ['2026-11-20'] }], today)).toBe(true);
    expect(offersFreshStart([{ createdAt: '2026-11-01', ticks: ['2026-11-24'] }], today)).toBe(false);
    expect(offersFreshStart([{ createdAt: '2026-11-01', ticks: ['2026-12-01'] }], today)).toBe(false);
    expect(offersFreshStart([{ createdAt: '2026-11-28', ticks: [] }], today)).toBe(false);
    expect(offersFreshStart([], today)).toBe(false);
  });
});
