import fc from 'fast-check';
import type { CampaignUnit, InstrumentBands, OwnCounts } from '../../src/domain/anonymity/campaign-table.js';

/**
 * Random organisations with named people, for the property tests: knowing who is in each cell
 * lets a test check what a reader could isolate, not just the counts.
 */
export interface Person {
  id: string;
  unitId: string;
  /** The band per instrument the person completed (absent: did not take it). */
  bands: Record<string, string>;
}

export interface Population {
  units: CampaignUnit[];
  people: Person[];
  instruments: InstrumentBands[];
}

export const TEST_INSTRUMENTS: InstrumentBands[] = [
  { instrumentId: 'phq9', bands: ['minimal', 'mild', 'moderate', 'severe'] },
  { instrumentId: 'who5', bands: ['good', 'poor'] },
];

export function populationArb(
  options: { maxUnits?: number; maxPeoplePerUnit?: number } = {},
): fc.Arbitrary<Population> {
  const maxUnits = options.maxUnits ?? 10;
  const maxPeople = options.maxPeoplePerUnit ?? 14;
  return fc.integer({ min: 1, max: maxUnits }).chain((n) =>
    fc
      .record({
        parents: fc.tuple(
          ...Array.from({ length: n }, (_, i) => (i === 0 ? fc.constant(-1) : fc.integer({ min: 0, max: i - 1 }))),
        ),
        people: fc.tuple(
          ...Array.from({ length: n }, () =>
            fc.array(
              fc.record({
                phq9: fc.option(fc.constantFrom('minimal', 'mild', 'moderate', 'severe'), { freq: 3 }),
                who5: fc.option(fc.constantFrom('good', 'poor'), { freq: 2 }),
              }),
              { maxLength: maxPeople },
            ),
          ),
        ),
      })
      .map(({ parents, people }) => {
        const units = parents.map((p, i) => ({ id: `u${i}`, parentId: p < 0 ? null : `u${p}`, row: true }));
        const persons: Person[] = [];
        people.forEach((list, i) =>
          list.forEach((answers, j) => {
            const bands: Record<string, string> = {};
            if (answers.phq9) bands.phq9 = answers.phq9;
            if (answers.who5) bands.who5 = answers.who5;
            persons.push({ id: `p${i}.${j}`, unitId: `u${i}`, bands });
          }),
        );
        return { units, people: persons, instruments: TEST_INSTRUMENTS };
      }),
  );
}

/** The per-unit counts the stats query returns, computed from the people. */
export function ownCountsOf(population: Population): Map<string, OwnCounts> {
  const own = new Map<string, OwnCounts>();
  for (const u of population.units) own.set(u.id, { invited: 0, participated: 0, instruments: {} });
  for (const p of population.people) {
    const counts = own.get(p.unitId) as OwnCounts;
    counts.invited++;
    if (Object.keys(p.bands).length > 0) counts.participated++;
    for (const [instrumentId, band] of Object.entries(p.bands)) {
      const i = (counts.instruments[instrumentId] ??= { respondents: 0, bands: {} });
      i.respondents++;
      i.bands[band] = (i.bands[band] ?? 0) + 1;
    }
  }
  return own;
}
