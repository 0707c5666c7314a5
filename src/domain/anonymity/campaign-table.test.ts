import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownCountsOf, populationArb, TEST_INSTRUMENTS } from '../../../test/support/population.js';
import {
  campaignFigures,
  campaignTable,
  campaignUnitsAtLaunch,
  PARTICIPATED,
  type CampaignFigures,
  type OwnCounts,
} from './campaign-table.js';
import { cellKey, publishedCount } from './count-table.js';
import { suppress } from './suppression.js';

const tree = [
  { id: 'root', parentId: null },
  { id: 'dinkes', parentId: 'root' },
  { id: 'pkm1', parentId: 'dinkes' },
  { id: 'pkm2', parentId: 'dinkes' },
  { id: 'disdik', parentId: 'root' },
  { id: 'sd1', parentId: 'disdik' },
];

describe('campaign units at launch (A8)', () => {
  it('keeps the chosen subtrees as rows and their ancestors as non-rows, and nothing else', () => {
    const units = campaignUnitsAtLaunch(tree, ['dinkes']);
    expect(units.map((u) => [u.id, u.row])).toEqual([
      ['root', false],
      ['dinkes', true],
      ['pkm1', true],
      ['pkm2', true],
    ]);
    expect(
      campaignUnitsAtLaunch(tree, ['pkm1', 'dinkes'])
        .filter((u) => u.row)
        .map((u) => u.id),
    ).toEqual(['dinkes', 'pkm1', 'pkm2']);
  });
});

const own = (entries: Array<[string, number, number, Record<string, number>?]>) =>
  new Map<string, OwnCounts>(
    entries.map(([id, invited, participated, bands]): [string, OwnCounts] => [
      id,
      {
        invited,
        participated,
        instruments: bands ? { phq9: { respondents: Object.values(bands).reduce((a, b) => a + b, 0), bands } } : {},
      },
    ]),
  );

const PHQ = [{ instrumentId: 'phq9', bands: ['minimal', 'mild', 'moderate', 'severe'] }];

function rowOf(f: CampaignFigures, id: string) {
  const r = f.rows.find((x) => x.unitId === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
}

describe('campaign figures', () => {
  // A parent with 12 members in three children of 6, 4 and 2, and results from 10 of them.
  const units = campaignUnitsAtLaunch(
    [
      { id: 'root', parentId: null },
      { id: 'p', parentId: 'root' },
      { id: 'a', parentId: 'p' },
      { id: 'b', parentId: 'p' },
      { id: 'c', parentId: 'p' },
    ],
    ['p'],
  );
  const counts = own([
    ['a', 6, 6, { minimal: 3, mild: 2, moderate: 1 }],
    ['b', 4, 3, { minimal: 2, mild: 1 }],
    ['c', 2, 1, { severe: 1 }],
  ]);

  it('shows the parent and withholds the children, so no child can be recovered from the parent', () => {
    const f = campaignFigures({ units, own: counts, instruments: PHQ, threshold: 5, scope: null });
    expect(f.total.value).toBe(10);
    expect(rowOf(f, 'p').participated).toEqual({ value: 10, withheld: null });
    expect(rowOf(f, 'p').invited).toBe(12);
    expect(rowOf(f, 'a').participated).toEqual({ value: null, withheld: 'complementary' });
    expect(rowOf(f, 'b').participated).toEqual({ value: null, withheld: 'below_threshold' });
    expect(rowOf(f, 'c').participated.value).toBeNull();
    expect(rowOf(f, 'a').invited).toBe(6);
    // 5 minimal is shown; mild 3, moderate 1 and severe 1 are not (together they are 5).
    expect(rowOf(f, 'p').instruments[0]?.bands.map((b) => b.count.value)).toEqual([5, null, null, null]);
    expect(f.rows.map((r) => [r.unitId, r.parentId, r.depth])).toEqual([
      ['p', null, 0],
      ['a', 'p', 1],
      ['b', 'p', 1],
      ['c', 'p', 1],
    ]);
  });

  it('a viewer scoped to one child sees that child withheld too, never its true count', () => {
    const f = campaignFigures({ units, own: counts, instruments: PHQ, threshold: 5, scope: ['a'] });
    expect(f.rows.map((r) => r.unitId)).toEqual(['a']);
    expect(f.total.value).toBeNull();
    expect(rowOf(f, 'a').participated.value).toBeNull();
  });

  it('uses the frozen threshold, never below 5', () => {
    const big = own([['a', 30, 30, { minimal: 10, mild: 8, moderate: 7, severe: 5 }]]);
    const oneUnit = campaignUnitsAtLaunch([{ id: 'a', parentId: null }], ['a']);
    expect(
      rowOf(
        campaignFigures({ units: oneUnit, own: big, instruments: PHQ, threshold: 2, scope: null }),
        'a',
      ).instruments[0]?.bands.map((b) => b.count.value),
    ).toEqual([10, 8, 7, 5]);
    expect(
      rowOf(
        campaignFigures({ units: oneUnit, own: big, instruments: PHQ, threshold: 8, scope: null }),
        'a',
      ).instruments[0]?.bands.map((b) => b.count.value),
    ).toEqual([10, 8, null, null]);
  });

  it('an ancestor outside the chosen units only carries participation', () => {
    const table = campaignTable(units, counts, PHQ);
    expect(table.counts.get(cellKey('root', PARTICIPATED))).toBe(10);
    expect(table.counts.has(cellKey('root', 'phq9'))).toBe(false);
  });
});

describe('campaign figures properties (fast-check)', () => {
  it(
    'each scoped view shows a subset of the common, agency-wide result — so comparing views reveals nothing more',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(populationArb(), fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), (population, picks) => {
          const ownCounts = ownCountsOf(population);
          const scope = [...new Set(picks.map((p) => population.units[p % population.units.length]?.id as string))];
          const global = campaignTable(population.units, ownCounts, TEST_INSTRUMENTS);
          const globalWithheld = suppress(global, 5);
          const view = campaignFigures({
            units: population.units,
            own: ownCounts,
            instruments: TEST_INSTRUMENTS,
            threshold: 5,
            scope,
          });
          for (const row of view.rows) {
            const expectSame = (column: string, value: number | null) =>
              expect(value).toBe(publishedCount(global, globalWithheld, row.unitId, column));
            expectSame(PARTICIPATED, row.participated.value);
            for (const i of row.instruments) {
              expectSame(i.instrumentId, i.respondents.value);
              for (const b of i.bands) expectSame(`${i.instrumentId}:${b.band}`, b.count.value);
            }
          }
        }),
        { numRuns: 100 },
      );
    },
  );

  it('with one instrument, a respondents count withheld to break a chain is not left readable as participation', () => {
    // The parent's own 7 all severe; the child 6 minimal and 6 severe. Breaking "parent severe −
    // child severe = all 7 of the parent's own" withholds a respondents count: participation,
    // the same number, must go with it.
    const units = campaignUnitsAtLaunch(
      [
        { id: 'p', parentId: null },
        { id: 'c', parentId: 'p' },
      ],
      ['p'],
    );
    const counts = own([
      ['p', 7, 7, { severe: 7 }],
      ['c', 12, 12, { minimal: 6, severe: 6 }],
    ]);
    const view = campaignFigures({ units, own: counts, instruments: PHQ, threshold: 5, scope: null });
    for (const row of view.rows) expect(row.participated.value, row.unitId).toBe(row.instruments[0]?.respondents.value);
    expect(view.rows.some((r) => r.instruments[0]?.respondents.value === null)).toBe(true);
  });

  it('with one instrument, participation and respondents are shown or withheld together (they are the same count)', () => {
    fc.assert(
      fc.property(populationArb({ maxUnits: 6 }), fc.nat(), (population, pick) => {
        const phq9 = TEST_INSTRUMENTS.filter((i) => i.instrumentId === 'phq9');
        const single = {
          ...population,
          instruments: phq9,
          people: population.people.map((p) => ({
            ...p,
            bands: p.bands.phq9 ? { phq9: p.bands.phq9 } : ({} as Record<string, string>),
          })),
        };
        const ownCounts = ownCountsOf(single);
        for (const scope of [null, [single.units[pick % single.units.length]?.id as string]]) {
          const view = campaignFigures({ units: single.units, own: ownCounts, instruments: phq9, threshold: 5, scope });
          for (const row of view.rows) expect(row.participated.value).toBe(row.instruments[0]?.respondents.value);
        }
      }),
      { numRuns: 200 },
    );
  });
});
