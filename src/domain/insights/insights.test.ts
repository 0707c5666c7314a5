import { describe, expect, it } from 'vitest';
import { addDays } from '../schedule/zoned-time.js';
import {
  averagesOf,
  MIN_PATTERN_DAYS,
  patternsOf,
  seriesOf,
  streaksOf,
  type DayEntry,
  type Pattern,
} from './insights.js';

const TODAY = '2026-12-03'; // a Thursday

/** `n` days ending `end` (oldest first), each built by `make(i)`. */
function days(n: number, make: (i: number) => Partial<DayEntry>, end = TODAY): DayEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    day: addDays(end, i - (n - 1)),
    mood: 3,
    stress: null,
    energy: null,
    sleepMinutes: null,
    sleepQuality: null,
    activityMinutes: null,
    workload: null,
    tags: [],
    ...make(i),
  }));
}

describe('streaks: consecutive days, gently counted', () => {
  it.each([
    ['none at all', [], { current: 0, longest: 0 }],
    ['today only', [TODAY], { current: 1, longest: 1 }],
    ['yesterday and before, today still open', ['2026-12-01', '2026-12-02'], { current: 2, longest: 2 }],
    [
      'a gap of one day breaks the current run',
      ['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-02'],
      { current: 1, longest: 3 },
    ],
    [
      'last seen two days ago: no current run, the longest kept',
      ['2026-11-30', '2026-12-01'],
      { current: 0, longest: 2 },
    ],
    ['a future day is ignored', ['2026-12-03', '2026-12-04'], { current: 1, longest: 1 }],
    [
      'a run across a month end',
      ['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'],
      { current: 5, longest: 5 },
    ],
  ])('%s', (_name, list, expected) => {
    expect(streaksOf(list, TODAY)).toEqual(expected);
  });
});

describe('series and averages', () => {
  it('gives one point per day, null where there was no check-in', () => {
    const entries = days(3, (i) => ({ mood: i + 2, sleepMinutes: 400 })).filter((_, i) => i !== 1);
    const series = seriesOf(entries, '2026-11-30', TODAY);
    expect(series.map((p) => [p.day, p.mood])).toEqual([
      ['2026-11-30', null],
      ['2026-12-01', 2],
      ['2026-12-02', null],
      ['2026-12-03', 4],
    ]);
  });

  it('averages only the days that say, to one decimal, and counts the workload', () => {
    const entries = days(3, (i) => ({
      mood: [2, 3, 3][i],
      stress: [null, 4, 5][i] ?? null,
      sleepMinutes: [300, 421, null][i] ?? null,
      workload: (['heavy', 'heavy', null] as const)[i] ?? null,
    }));
    expect(averagesOf(entries)).toEqual({
      days: 3,
      mood: 2.7,
      stress: 4.5,
      energy: null,
      sleepMinutes: 361,
      activityMinutes: null,
      workload: { light: 0, right: 0, heavy: 2 },
    });
    expect(averagesOf([])).toMatchObject({ days: 0, mood: null });
  });
});

const ids = (list: Pattern[]) =>
  list.map((p) => (p.tag ? `${p.id}:${p.tag}` : p.weekday ? `${p.id}:${p.weekday}` : p.id));

describe('patterns: only with enough days, only a clear difference', () => {
  // Mood 2 after short nights, 4 after good ones: a clear gap. Under four weeks, so no weekday pattern.
  const sleepy = (n: number, shortEvery = 3) =>
    days(n, (i) => (i % shortEvery === 0 ? { sleepMinutes: 300, mood: 2 } : { sleepMinutes: 450, mood: 4 }));

  it.each([
    ['fewer than the minimum days: nothing', sleepy(MIN_PATTERN_DAYS - 1), []],
    ['enough days and a clear gap: the sleep pattern', sleepy(27), ['sleep_mood']],
    [
      'a gap under half a point: nothing',
      days(27, (i) => ({ sleepMinutes: i % 2 ? 300 : 450, mood: i % 2 ? 3 : 3 + (i % 4 === 0 ? 1 : 0) * 0.8 })),
      [],
    ],
    [
      'too few short nights (4 of 27): nothing',
      days(27, (i) => (i < 4 ? { sleepMinutes: 300, mood: 1 } : { sleepMinutes: 450, mood: 4 })),
      [],
    ],
    ['no sleep recorded: nothing', days(27, (i) => ({ mood: 1 + (i % 5) })), []],
    [
      'a better mood after short nights is not a strain pattern',
      days(27, (i) => (i % 3 === 0 ? { sleepMinutes: 300, mood: 5 } : { sleepMinutes: 450, mood: 2 })),
      [],
    ],
  ])('%s', (_name, entries, expected) => {
    expect(ids(patternsOf(entries))).toEqual(expected);
  });

  it('states the days it rests on and the two averages', () => {
    const [p] = patternsOf(sleepy(27));
    expect(p).toEqual({
      id: 'sleep_mood',
      measure: 'mood',
      days: 27,
      group: { days: 9, mean: 2 },
      rest: { days: 18, mean: 4 },
      tag: null,
      weekday: null,
    });
  });

  it('finds heavy-workload days against mood and against stress', () => {
    const entries = days(20, (i) =>
      i % 2 === 0 ? { workload: 'heavy', mood: 2, stress: 5 } : { workload: 'right', mood: 4, stress: 2 },
    );
    const found = patternsOf(entries);
    expect(ids(found)).toEqual(['workload_mood', 'workload_stress']);
    expect(found[1]).toMatchObject({ measure: 'stress', group: { days: 10, mean: 5 }, rest: { days: 10, mean: 2 } });
  });

  it('finds less active days against mood', () => {
    const entries = days(20, (i) => (i < 8 ? { activityMinutes: 10, mood: 2 } : { activityMinutes: 45, mood: 4 }));
    expect(ids(patternsOf(entries))).toEqual(['activity_mood']);
  });

  it('names at most three tags that go with a lower mood, only tags with enough days, clearest first', () => {
    const entries = days(40, (i) => {
      const tags: string[] = [];
      if (i % 4 === 0) tags.push('lembur'); // 10 days, mood 1
      if (i % 4 === 1) tags.push('rapat'); // 10 days, mood 2
      if (i % 4 === 2 && i < 20) tags.push('target'); // 5 days, mood 2.
      if (i === 3 || i === 7) tags.push('sakit'); // 2 days only: never named
      if (i % 4 === 3) tags.push('keluarga'); // mood 5: not a low-mood tag
      const mood = tags.includes('lembur')
        ? 1
        : tags.includes('rapat') || tags.includes('target')
          ? 2
          : tags.includes('keluarga')
            ? 5
            : 4;
      return { tags, mood };
    });
    const found = patternsOf(entries).filter((p) => p.id === 'tag_mood');
    expect(found.map((p) => p.tag)).toEqual(['lembur', 'rapat', 'target']);
    expect(found[0]).toMatchObject({ group: { days: 10, mean: 1 }, days: 40 });
    expect(found.every((p) => p.group.days >= 5)).toBe(true);
  });

  it('names one weekday only with four weeks of check-ins', () => {
    // Mondays (weekday 1) heavy: mood 2; other days 4.
    const make = (n: number) =>
      days(n, () => ({})).map((e) => ({ ...e, mood: new Date(`${e.day}T00:00:00Z`).getUTCDay() === 1 ? 2 : 4 }));
    expect(ids(patternsOf(make(27)))).toEqual([]);
    expect(ids(patternsOf(make(35)))).toEqual(['weekday_mood:1']);
  });
});
