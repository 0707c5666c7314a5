import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownCountsOf, populationArb, type Population } from '../../../test/support/population.js';
import { campaignTable, type OwnCounts } from './campaign-table.js';
import { cellKey, indexTree, publishedCount, type CountTable } from './count-table.js';
import { nearestShownDescendants, suppress, suppressionViolations, treeRemainder } from './suppression.js';

const K = 5;

/** A small table over one column, for worked examples. */
function oneColumn(nodes: Array<[id: string, parent: string | null, count: number]>): CountTable {
  return {
    nodes: nodes.map(([id, parentId]) => ({ id, parentId })),
    columns: ['n'],
    counts: new Map(nodes.map(([id, , n]) => [cellKey(id, 'n'), n])),
    distributions: [],
  };
}

const shownIn = (table: CountTable, w: ReadonlyMap<string, unknown>) =>
  Object.fromEntries(table.nodes.map((n) => [n.id, publishedCount(table, w as never, n.id, 'n')]));

describe('suppression, worked examples', () => {
  it('A1: withholds every count under k, zero included', () => {
    const t = oneColumn([
      ['a', null, 4],
      ['b', null, 5],
      ['c', null, 0],
    ]);
    expect(shownIn(t, suppress(t, K))).toEqual({ a: null, b: 5, c: null });
  });

  it('A4: withholds the next-smallest child when a parent minus its shown children leaves 1..k−1', () => {
    // 12 members in children of 6, 4 and 2; results from 10 of them: 6, 3 and 1.
    const t = oneColumn([
      ['p', null, 10],
      ['a', 'p', 6],
      ['b', 'p', 3],
      ['c', 'p', 1],
    ]);
    const w = suppress(t, K);
    expect(shownIn(t, w)).toEqual({ p: 10, a: null, b: null, c: null });
    expect(w.get(cellKey('a', 'n'))).toBe('complementary');
    expect(w.get(cellKey('b', 'n'))).toBe('below_threshold');
  });

  it('A4: a remainder of 0 or of at least k needs nothing more', () => {
    expect(
      shownIn(
        oneColumn([
          ['p', null, 12],
          ['a', 'p', 6],
          ['b', 'p', 6],
        ]),
        suppress(
          oneColumn([
            ['p', null, 12],
            ['a', 'p', 6],
            ['b', 'p', 6],
          ]),
          K,
        ),
      ),
    ).toEqual({ p: 12, a: 6, b: 6 });
    const t = oneColumn([
      ['p', null, 16],
      ['a', 'p', 6],
      ['b', 'p', 5],
      ['c', 'p', 3],
      ['d', 'p', 2],
    ]);
    expect(shownIn(t, suppress(t, K))).toEqual({ p: 16, a: 6, b: 5, c: null, d: null });
  });

  it('A4 across levels: looks through a withheld child to the shown grandchildren', () => {
    // p − (b1 + b2) = a + b's own = 3 → withhold b1, the smaller shown grandchild.
    const t = oneColumn([
      ['p', null, 14],
      ['a', 'p', 3],
      ['b', 'p', 11],
      ['b1', 'b', 5],
      ['b2', 'b', 6],
    ]);
    const w = suppress(t, K);
    const tree = indexTree(t.nodes);
    expect(shownIn(t, w).b).toBeNull();
    expect(nearestShownDescendants(t, tree, 'n', w, 'p').every((id) => id !== 'a')).toBe(true);
    expect(treeRemainder(t, tree, 'n', w, 'p')).toBeGreaterThanOrEqual(K);
    expect(suppressionViolations(t, K, w)).toEqual([]);
  });

  it('withholds the node itself when no shown descendant is left to withhold', () => {
    const t = oneColumn([
      ['p', null, 7],
      ['a', 'p', 5],
    ]);
    // 7 − 5 = 2: withhold a; then 7 stands alone.
    expect(shownIn(t, suppress(t, K))).toEqual({ p: 7, a: null });
  });

  it('distribution: withheld bands adding up to 1..k−1 take the next-smallest band with them', () => {
    const t: CountTable = {
      nodes: [{ id: 'u', parentId: null }],
      columns: ['r', 'r:a', 'r:b', 'r:c'],
      counts: new Map([
        [cellKey('u', 'r'), 20],
        [cellKey('u', 'r:a'), 12],
        [cellKey('u', 'r:b'), 6],
        [cellKey('u', 'r:c'), 2],
      ]),
      distributions: [{ total: 'r', parts: ['r:a', 'r:b', 'r:c'] }],
    };
    const w = suppress(t, K);
    expect(publishedCount(t, w, 'u', 'r')).toBe(20);
    expect(publishedCount(t, w, 'u', 'r:a')).toBe(12);
    expect(publishedCount(t, w, 'u', 'r:b')).toBeNull();
    expect(publishedCount(t, w, 'u', 'r:c')).toBeNull();
  });

  it('a unit whose respondent count is withheld shows no bands', () => {
    const t: CountTable = {
      nodes: [{ id: 'u', parentId: null }],
      columns: ['r', 'r:a'],
      counts: new Map([
        [cellKey('u', 'r'), 4],
        [cellKey('u', 'r:a'), 4],
      ]),
      distributions: [{ total: 'r', parts: ['r:a'] }],
    };
    expect(publishedCount(t, suppress(t, K), 'u', 'r:a')).toBeNull();
  });

  it('closes the two-way gap: a band withheld for its row is not left alone in its column', () => {
    // Units a and b under p (which has no direct members). a: 5 mild, 2 severe. b: 6 mild, 5 severe.
    // Row rule alone hides a's two bands; but p.mild − b.mild would give a.mild = 5, and a's
    // shown total 7 then gives a.severe = 2. The audit withholds b.mild (or p.mild) as well.
    const table = campaignTable(
      [
        { id: 'p', parentId: null, row: true },
        { id: 'a', parentId: 'p', row: true },
        { id: 'b', parentId: 'p', row: true },
      ],
      new Map<string, OwnCounts>([
        ['p', { invited: 0, participated: 0, instruments: {} }],
        [
          'a',
          { invited: 7, participated: 7, instruments: { phq9: { respondents: 7, bands: { mild: 5, severe: 2 } } } },
        ],
        [
          'b',
          { invited: 12, participated: 11, instruments: { phq9: { respondents: 11, bands: { mild: 6, severe: 5 } } } },
        ],
      ]),
      [{ instrumentId: 'phq9', bands: ['mild', 'severe'] }],
    );
    const w = suppress(table, K);
    expect(suppressionViolations(table, K, w)).toEqual([]);
    const shown = (node: string, column: string) => publishedCount(table, w, node, column);
    const aMild = shown('a', 'phq9:mild');
    expect(aMild).toBeNull();
    const derivable =
      shown('p', 'phq9:mild') !== null && shown('b', 'phq9:mild') !== null && shown('p', 'phq9') !== null;
    expect(derivable).toBe(false);
  });

  it('a breakdown by who people are may hold its whole total; a band of answers may not (A13)', () => {
    // 12 respondents, all PNS; 12 of them answered favourably.
    const table = (breakdown: boolean): CountTable => ({
      nodes: [{ id: 'u', parentId: null }],
      columns: ['r', 'r@pns', 'r@pppk'],
      counts: new Map([
        [cellKey('u', 'r'), 12],
        [cellKey('u', 'r@pns'), 12],
        [cellKey('u', 'r@pppk'), 0],
      ]),
      distributions: [{ total: 'r', parts: ['r@pns', 'r@pppk'], ...(breakdown ? { breakdown: true as const } : {}) }],
    });
    const asBreakdown = table(true);
    const w = suppress(asBreakdown, K);
    expect(publishedCount(asBreakdown, w, 'u', 'r@pns')).toBe(12);
    expect(publishedCount(asBreakdown, w, 'u', 'r@pppk')).toBeNull();
    expect(suppressionViolations(asBreakdown, K, w)).toEqual([]);
    const asBands = table(false);
    expect(publishedCount(asBands, suppress(asBands, K), 'u', 'r@pns')).toBeNull();
  });

  it('rejects a threshold that is not a positive integer', () => {
    expect(() => suppress(oneColumn([['a', null, 1]]), 0)).toThrow();
    expect(() => suppress(oneColumn([['a', null, 1]]), 2.5)).toThrow();
  });
});

/** People (by id) behind a cell: the subtree's people who count in that column. */
function peopleIn(population: Population, nodeId: string, column: string): Set<string> {
  const tree = indexTree(population.units);
  const inSubtree = new Set<string>();
  const stack = [nodeId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    inSubtree.add(id);
    stack.push(...(tree.children.get(id) ?? []));
  }
  const [instrumentId, band] = column.split(':') as [string, string | undefined];
  return new Set(
    population.people
      .filter((p) => inSubtree.has(p.unitId))
      .filter((p) =>
        column === 'participated'
          ? Object.keys(p.bands).length > 0
          : band === undefined
            ? p.bands[instrumentId] !== undefined
            : p.bands[instrumentId] === band,
      )
      .map((p) => p.id),
  );
}

const symmetricDifference = (a: Set<string>, b: Set<string>) =>
  [...a].filter((x) => !b.has(x)).length + [...b].filter((x) => !a.has(x)).length;

describe('suppression properties (fast-check)', () => {
  const cases = populationArb().map((population) => ({
    population,
    table: campaignTable(population.units, ownCountsOf(population), population.instruments),
  }));

  it('never shows a cell under k, and every shown value is the true value', () => {
    fc.assert(
      fc.property(cases, ({ table }) => {
        const w = suppress(table, K);
        for (const [key, n] of table.counts) {
          const [node, column] = key.split('\u001f') as [string, string];
          const shown = publishedCount(table, w, node, column);
          if (shown !== null) {
            expect(shown).toBe(n);
            expect(shown).toBeGreaterThanOrEqual(K);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('A4: for every shown parent, parent − Σ nearest shown descendants is 0 or at least k, in every column', () => {
    fc.assert(
      fc.property(cases, ({ table }) => {
        const w = suppress(table, K);
        const tree = indexTree(table.nodes);
        for (const column of table.columns) {
          for (const node of tree.order) {
            if (publishedCount(table, w, node, column) === null) continue;
            const r = treeRemainder(table, tree, column, w, node);
            expect(r === 0 || r >= K, `${node} ${column} leaves ${r}`).toBe(true);
          }
        }
        expect(suppressionViolations(table, K, w)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('distributions: withheld bands of a shown total add up to 0 or at least k; a withheld total shows no band', () => {
    fc.assert(
      fc.property(cases, ({ table }) => {
        const w = suppress(table, K);
        for (const node of table.nodes) {
          for (const d of table.distributions) {
            const total = publishedCount(table, w, node.id, d.total);
            const parts = d.parts.map((p) => publishedCount(table, w, node.id, p));
            if (total === null) {
              expect(parts.every((p) => p === null)).toBe(true);
              continue;
            }
            const hidden =
              (table.counts.get(cellKey(node.id, d.total)) as number) - parts.reduce((s: number, p) => s + (p ?? 0), 0);
            expect(hidden === 0 || hidden >= K).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('A5 follows from A4 with nested units: any two shown groups differ by 0 or at least k people', () => {
    fc.assert(
      fc.property(cases, ({ population, table }) => {
        const w = suppress(table, K);
        for (const column of table.columns) {
          const shown = table.nodes
            .filter((n) => publishedCount(table, w, n.id, column) !== null)
            .map((n) => peopleIn(population, n.id, column));
          for (let i = 0; i < shown.length; i++) {
            for (let j = i + 1; j < shown.length; j++) {
              const d = symmetricDifference(shown[i] as Set<string>, shown[j] as Set<string>);
              expect(d === 0 || d >= K, `${column}: two shown groups differ by ${d}`).toBe(true);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is idempotent, and never shows what a seed withholds', () => {
    fc.assert(
      fc.property(cases, fc.nat(), ({ table }, pick) => {
        const w = suppress(table, K);
        expect(new Map(suppress(table, K, w))).toEqual(new Map(w));
        const keys = [...table.counts.keys()];
        const seedKey = keys[pick % keys.length] as string;
        const seeded = suppress(table, K, new Map([[seedKey, 'complementary']]));
        expect(seeded.has(seedKey)).toBe(true);
        expect(suppressionViolations(table, K, seeded)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
