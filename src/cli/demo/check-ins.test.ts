import { describe, expect, it } from 'vitest';
import { checkInContent } from '../../contracts/check-ins.js';
import { weekdayOf } from '../../domain/schedule/zoned-time.js';
import { DEMO_CHECK_IN_DAYS, generateCheckIns } from './check-ins.js';

const NOW = new Date('2026-12-03T02:00:00.000Z'); // Thursday 09:00 WIB
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('demo check-ins', () => {
  const rows = generateCheckIns(['a', 'b', 'c', 'd'], NOW);

  it('are the same on every install and pass the route’s own schema', () => {
    expect(generateCheckIns(['a', 'b', 'c', 'd'], NOW)).toEqual(rows);
    for (const r of rows) expect(() => checkInContent.parse(r)).not.toThrow();
  });

  it('cover about four months up to yesterday, one per person and day, with days missed', () => {
    const dates = rows.map((r) => r.localDate).sort();
    expect(dates[0]! >= '2026-08-05').toBe(true);
    expect(dates.at(-1)).toBe('2026-12-02');
    expect(new Set(rows.map((r) => `${r.personKey} ${r.localDate}`)).size).toBe(rows.length);
    const perPerson = rows.filter((r) => r.personKey === 'a').length;
    expect(perPerson).toBeGreaterThan(DEMO_CHECK_IN_DAYS * 0.45);
    expect(perPerson).toBeLessThan(DEMO_CHECK_IN_DAYS * 0.95);
  });

  it('make deadline days heavier than other weekdays, and weekends lighter and rarer', () => {
    const weekdays = rows.filter((r) => weekdayOf(r.localDate) <= 5);
    const heavy = weekdays.filter((r) => r.tags.includes('target'));
    const rest = weekdays.filter((r) => !r.tags.includes('target'));
    expect(heavy.length).toBeGreaterThan(20);
    expect(mean(heavy.map((r) => r.stress))).toBeGreaterThan(mean(rest.map((r) => r.stress)) + 0.5);
    expect(mean(heavy.map((r) => r.mood))).toBeLessThan(mean(rest.map((r) => r.mood)));
    const weekends = rows.filter((r) => weekdayOf(r.localDate) >= 6);
    expect(weekends.length / 2).toBeLessThan(weekdays.length / 5);
    expect(rows.some((r) => r.note !== null)).toBe(true);
  });
});

describe('a demo person with a hard fortnight', () => {
  it('has mostly low mood and heavy, stressful days in the last two weeks, so the insights nudge', async () => {
    const { nudgesOf } = await import('../../domain/insights/nudges.js');
    const rows = generateCheckIns(['a', 'b'], NOW, undefined, new Set(['b']));
    const entries = (key: string) => rows.filter((r) => r.personKey === key).map((r) => ({ ...r, day: r.localDate }));
    expect(nudgesOf(entries('b'), '2026-12-03').map((n) => n.id)).toEqual(['low_mood', 'heavy_workload']);
    expect(nudgesOf(entries('a'), '2026-12-03')).toEqual([]);
    // The others' days do not move.
    expect(rows.filter((r) => r.personKey === 'a')).toEqual(generateCheckIns(['a'], NOW));
  });
});
