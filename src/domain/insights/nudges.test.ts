import { describe, expect, it } from 'vitest';
import { addDays } from '../schedule/zoned-time.js';
import type { DayEntry } from './insights.js';
import { nudgesOf } from './nudges.js';

const TODAY = '2026-12-03';

/** Days ending today, given as [mood, workload, stress] per day (oldest first); null skips a day. */
function recent(list: readonly ([number, DayEntry['workload']?, number?] | null)[]): DayEntry[] {
  const out: DayEntry[] = [];
  list.forEach((d, i) => {
    if (!d) return;
    out.push({
      day: addDays(TODAY, i - (list.length - 1)),
      mood: d[0],
      stress: d[2] ?? null,
      energy: null,
      sleepMinutes: null,
      sleepQuality: null,
      activityMinutes: null,
      workload: d[1] ?? null,
      tags: [],
    });
  });
  return out;
}
const low = [2] as [number];
const ok = [4] as [number];
const rep = <T>(n: number, v: T) => Array.from({ length: n }, () => v);

describe('stepped-care nudges: gentle, about the last two weeks', () => {
  it.each([
    ['no check-ins', [], []],
    ['one hard day', [...rep(13, ok), [1] as [number]], []],
    ['two weeks mostly low (9 of 14)', [...rep(5, ok), ...rep(9, low)], ['low_mood']],
    ['half low is not most (7 of 14)', [...rep(7, ok), ...rep(7, low)], []],
    ['mostly low but only 6 check-ins: too few to say', [...rep(8, null), ...rep(6, low)], []],
    ['low days older than two weeks do not count', [...rep(10, low), ...rep(14, ok)], []],
    [
      'the lowest mood three times this week: help first',
      [...rep(7, ok), [1], ok, [1], ok, [1], ok, ok],
      ['very_low_mood'],
    ],
    [
      'crisis-adjacent replaces the low-mood card',
      [...rep(7, low), [1], [1], [1], low, low, low, low],
      ['very_low_mood'],
    ],
    ['heavy workload with high stress', rep(10, [3, 'heavy', 4] as [number, 'heavy', number]), ['heavy_workload']],
    ['heavy but calm is not strain', rep(10, [3, 'heavy', 2] as [number, 'heavy', number]), []],
    ['stressed but the workload felt right', rep(10, [3, 'right', 5] as [number, 'right', number]), []],
    [
      'low mood and heavy workload: both',
      rep(10, [2, 'heavy', 5] as [number, 'heavy', number]),
      ['low_mood', 'heavy_workload'],
    ],
  ])('%s', (_name, list, expected) => {
    expect(nudgesOf(recent(list as Parameters<typeof recent>[0]), TODAY).map((n) => n.id)).toEqual(expected);
  });

  it('says how many days it rests on and always offers the help contacts when mood is very low', () => {
    const [n] = nudgesOf(recent([...rep(4, ok), [1], [1], [1]]), TODAY);
    expect(n).toMatchObject({ id: 'very_low_mood', days: 7, matching: 3, windowDays: 7 });
    expect(n?.steps[0]).toBe('help_contacts');
    const [lowMood] = nudgesOf(recent([...rep(5, ok), ...rep(9, low)]), TODAY);
    expect(lowMood).toMatchObject({ days: 14, matching: 9, windowDays: 14 });
    expect(lowMood?.steps).toContain('self_check_phq9');
    expect(lowMood?.steps).toContain('help_contacts');
  });
});
