import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownCountsOf, populationArb, type Population } from '../../../test/support/population.js';
import { campaignFigures, campaignPublication, type CampaignFigures } from './campaign-table.js';
import { movedBySmallAmount, shouldRepublish, withholdRecentChanges, type ShownHistory } from './time-differencing.js';
import { cellKey, type CountTable } from './count-table.js';

const K = 5;

/** Every figure a viewer was shown, by a name the attacker can line up across publications. */
function shownFigures(f: CampaignFigures): Map<string, number> {
  const out = new Map<string, number>();
  if (f.total.value !== null) out.set('total', f.total.value);
  for (const row of f.rows) {
    if (row.participated.value !== null) out.set(`${row.unitId}.participated`, row.participated.value);
    for (const i of row.instruments) {
      if (i.respondents.value !== null) out.set(`${row.unitId}.${i.instrumentId}`, i.respondents.value);
      for (const b of i.bands)
        if (b.count.value !== null) out.set(`${row.unitId}.${i.instrumentId}:${b.band}`, b.count.value);
    }
  }
  return out;
}

/** A population, the order its responses arrive in, and after which responses someone looks. */
const scenarioArb = populationArb({ maxUnits: 5, maxPeoplePerUnit: 12 }).chain((population) => {
  const responses = population.people.flatMap((p) =>
    Object.keys(p.bands).map((instrumentId) => `${p.id}|${instrumentId}`),
  );
  return fc.record({
    population: fc.constant(population),
    order: fc.shuffledSubarray(responses, { minLength: responses.length, maxLength: responses.length }),
    looks: fc.array(fc.boolean(), { minLength: responses.length + 1, maxLength: responses.length + 1 }),
    scopedUnit: fc.nat(population.units.length - 1),
  });
});

/** The population with only the responses that have arrived so far. */
function soFar(population: Population, arrived: ReadonlySet<string>): Population {
  return {
    ...population,
    people: population.people.map((p) => ({
      ...p,
      bands: Object.fromEntries(Object.entries(p.bands).filter(([i]) => arrived.has(`${p.id}|${i}`))),
    })),
  };
}

describe('A7: the before/after attacker', () => {
  it('sees no figure change by 1..k−1 between any two publications, over random arrivals, views and a close', () => {
    fc.assert(
      fc.property(scenarioArb, ({ population, order, looks, scopedUnit }) => {
        const arrived = new Set<string>();
        let published: { responseCount: number; publishedAt: string } | null = null;
        let history: ShownHistory = {};
        let timeWithheld: string[] = [];
        /** What the agency-wide viewer and a unit-scoped viewer saw, publication by publication. */
        const seen: Array<Map<string, number>> = [];
        const scopedSeen: Array<Map<string, number>> = [];
        const look = () => {
          const now = soFar(population, arrived);
          const own = ownCountsOf(now);
          // Every view, and the close (the last look), publishes only through the same guard.
          if (shouldRepublish({ published, currentResponses: arrived.size, k: K })) {
            const p = campaignPublication({
              units: population.units,
              own,
              instruments: population.instruments,
              threshold: K,
              history,
            });
            history = p.history;
            timeWithheld = p.timeWithheld;
            published = { responseCount: arrived.size, publishedAt: String(arrived.size) };
            const view = (scope: string[] | null) =>
              campaignFigures({
                units: population.units,
                own,
                instruments: population.instruments,
                threshold: K,
                scope,
                timeWithheld,
              });
            seen.push(shownFigures(view(null)));
            scopedSeen.push(shownFigures(view([`u${scopedUnit}`])));
          }
        };
        order.forEach((response, i) => {
          if (looks[i]) look();
          arrived.add(response);
        });
        look();
        for (const views of [seen, scopedSeen]) {
          for (let a = 0; a < views.length; a++) {
            for (let b = a + 1; b < views.length; b++) {
              for (const [name, before] of views[a] as Map<string, number>) {
                const after = (views[b] as Map<string, number>).get(name);
                if (after === undefined) continue;
                const moved = Math.abs(after - before);
                expect(
                  moved === 0 || moved >= K,
                  `${name}: ${before} → ${after} between publications ${a} and ${b}`,
                ).toBe(true);
              }
            }
          }
        }
      }),
      { numRuns: 200 },
    );
    // 200 scenarios take about half a second; the limit only guards against a hang, and a machine
    // busy with other work must not turn a proof into a failure.
  }, 30_000);

  it('a colleague answering last does not show at close (the case that led to A7 at close)', () => {
    // 10 people in one unit answered; one more answers, then the campaign closes.
    const units = [{ id: 'u0', parentId: null, row: true }];
    const instruments = [{ instrumentId: 'who5', bands: ['good', 'poor'] }];
    const own = (good: number, poor: number) =>
      new Map([
        [
          'u0',
          {
            invited: 12,
            participated: good + poor,
            instruments: { who5: { respondents: good + poor, bands: { good, poor } } },
          },
        ],
      ]);
    const first = campaignPublication({ units, own: own(5, 5), instruments, threshold: K, history: {} });
    const before = campaignFigures({
      units,
      own: own(5, 5),
      instruments,
      threshold: K,
      scope: null,
      timeWithheld: first.timeWithheld,
    });
    expect(before.rows[0]?.instruments[0]?.bands.map((b) => b.count.value)).toEqual([5, 5]);
    // Guard 1: one new response is fewer than k, so the close keeps the first figures.
    expect(shouldRepublish({ published: { responseCount: 10, publishedAt: 'x' }, currentResponses: 11, k: K })).toBe(
      false,
    );
    // Guard 2, had it been republished anyway: 'poor' moved by one and is withheld, with what gives it away.
    const second = campaignPublication({ units, own: own(5, 6), instruments, threshold: K, history: first.history });
    const after = campaignFigures({
      units,
      own: own(5, 6),
      instruments,
      threshold: K,
      scope: null,
      timeWithheld: second.timeWithheld,
    });
    const shown = shownFigures(after);
    expect(shown.get('u0.who5:poor')).toBeUndefined();
    expect(shown.get('u0.who5')).toBeUndefined();
    expect(shown.get('u0.participated')).toBeUndefined();
  });
});

describe('guard 2 on a bare table', () => {
  const table = (n: number): CountTable => ({
    nodes: [{ id: 'a', parentId: null }],
    columns: ['n'],
    counts: new Map([[cellKey('a', 'n'), n]]),
    distributions: [],
  });
  it('withholds a cell shown before with a value 1..k−1 away, and shows it again k away', () => {
    const history = { [cellKey('a', 'n')]: [10] };
    expect(withholdRecentChanges(table(11), K, history).withheld.has(cellKey('a', 'n'))).toBe(true);
    expect(withholdRecentChanges(table(14), K, history).withheld.has(cellKey('a', 'n'))).toBe(true);
    expect(withholdRecentChanges(table(15), K, history).withheld.has(cellKey('a', 'n'))).toBe(false);
    expect(withholdRecentChanges(table(10), K, history).withheld.has(cellKey('a', 'n'))).toBe(false);
    // A deletion lowers a count: the same rule applies downwards.
    expect(movedBySmallAmount([10, 15], 13, K)).toBe(true);
    expect(movedBySmallAmount([10, 15], 20, K)).toBe(false);
  });
});
