import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellKey, type CountTable } from './count-table.js';
import { DisclosureAudit, findDisclosures } from './disclosure-audit.js';
import { suppress } from './suppression.js';

/**
 * The strongest check of the whole pipeline: on small organisations, enumerate EVERY table an
 * attacker cannot rule out — every split of every unit's direct members into bands that agrees
 * with all shown cells and with the public invited counts — and require that no withheld count
 * between 1 and k−1 has a single possible value. This catches what any reasoning could reveal
 * (linear algebra, bounds, full units), not only the deductions the audit itself knows.
 *
 * Small k keeps the enumeration quick while still reaching interesting patterns; larger runs
 * (k = 2, 3, 4; up to 6 units; thousands of cases) were run while building this, see
 * docs/decisions/010-anonymity-rules.md.
 */

interface Org {
  parents: Array<number | null>;
  /** Direct members per unit. */
  invited: number[];
  /** Direct members per unit in band x and band y (x + y ≤ invited; the rest did not take part). */
  x: number[];
  y: number[];
}

function orgArb(maxUnits: number, maxPeople: number): fc.Arbitrary<Org> {
  return fc.integer({ min: 2, max: maxUnits }).chain((n) =>
    fc
      .record({
        parents: fc.tuple(
          ...Array.from({ length: n }, (_, i) => (i === 0 ? fc.constant(null) : fc.integer({ min: 0, max: i - 1 }))),
        ),
        own: fc.tuple(
          ...Array.from({ length: n }, () => fc.tuple(fc.nat(maxPeople), fc.nat(maxPeople), fc.nat(maxPeople))),
        ),
      })
      .map(({ parents, own }) => {
        const x = own.map(([a]) => a);
        const y = own.map(([a, b]) => Math.min(b, maxPeople - a));
        return {
          parents: parents as Array<number | null>,
          x,
          y,
          invited: own.map(([a, , c], i) => Math.min(maxPeople, a + (y[i] as number) + c)),
        };
      }),
  );
}

function subtree(parents: Array<number | null>, i: number): number[] {
  const out = [i];
  for (let j = 0; j < parents.length; j++) if (parents[j] === i) out.push(...subtree(parents, j));
  return out;
}

const COLUMNS = ['r', 'r:x', 'r:y'];

function tableOf(org: Org): CountTable {
  const counts = new Map<string, number>();
  const bounds = new Map<string, number>();
  org.parents.forEach((_, i) => {
    const s = subtree(org.parents, i);
    const sum = (v: number[]) => s.reduce((a, j) => a + (v[j] as number), 0);
    counts.set(cellKey(`u${i}`, 'r'), sum(org.x) + sum(org.y));
    counts.set(cellKey(`u${i}`, 'r:x'), sum(org.x));
    counts.set(cellKey(`u${i}`, 'r:y'), sum(org.y));
    for (const c of COLUMNS) bounds.set(cellKey(`u${i}`, c), sum(org.invited));
  });
  return {
    nodes: org.parents.map((p, i) => ({ id: `u${i}`, parentId: p === null ? null : `u${p}` })),
    columns: COLUMNS,
    counts,
    distributions: [{ total: 'r', parts: ['r:x', 'r:y'] }],
    bounds,
  };
}

/** Withheld cells in 1..k−1 that every table consistent with what is shown gives the same value. */
function pinnedSmallCells(org: Org, k: number): string[] {
  const table = tableOf(org);
  const withheld = suppress(table, k);
  const n = org.parents.length;
  const subs = org.parents.map((_, i) => subtree(org.parents, i));
  const shownAt = org.parents.map((_, i) =>
    COLUMNS.filter((c) => !withheld.has(cellKey(`u${i}`, c))).map(
      (c) => [c, table.counts.get(cellKey(`u${i}`, c)) as number] as const,
    ),
  );
  const small = [...table.counts].filter(([key, v]) => withheld.has(key) && v > 0 && v < k).map(([key]) => key);
  const seen = new Map<string, Set<number>>(small.map((key) => [key, new Set()]));
  const xs = new Array<number>(n).fill(0);
  const ys = new Array<number>(n).fill(0);
  const cell = (i: number, column: string) => {
    let x = 0;
    let y = 0;
    for (const j of subs[i] as number[]) {
      x += xs[j] as number;
      y += ys[j] as number;
    }
    return column === 'r' ? x + y : column === 'r:x' ? x : y;
  };
  // Units are numbered parents first, so filling from the last one completes each subtree in turn.
  const fill = (i: number) => {
    if (i < 0) {
      for (const key of small) {
        const [node, column] = key.split('\u001f') as [string, string];
        seen.get(key)?.add(cell(Number(node.slice(1)), column));
      }
      return;
    }
    for (let a = 0; a <= (org.invited[i] as number); a++) {
      for (let b = 0; a + b <= (org.invited[i] as number); b++) {
        xs[i] = a;
        ys[i] = b;
        if (shownAt[i]?.every(([column, v]) => cell(i, column) === v)) fill(i - 1);
      }
    }
  };
  fill(n - 1);
  return [...seen].filter(([, values]) => values.size <= 1).map(([key]) => key.replace('\u001f', '.'));
}

/**
 * A13 as an attacker checks it: groups (a unit with its sub-units, or a unit's own direct
 * members) for which EVERY table consistent with what is shown puts all of the group, or all but
 * fewer than k of it, in the same band, with at least one person in it. Knowing a colleague took
 * part, the attacker then knows their band.
 */
function homogeneousGroups(org: Org, k: number): string[] {
  const table = tableOf(org);
  const withheld = suppress(table, k);
  const n = org.parents.length;
  const subs = org.parents.map((_, i) => subtree(org.parents, i));
  const shownAt = org.parents.map((_, i) =>
    COLUMNS.filter((c) => !withheld.has(cellKey(`u${i}`, c))).map(
      (c) => [c, table.counts.get(cellKey(`u${i}`, c)) as number] as const,
    ),
  );
  const groups = [
    ...org.parents.map((_, i) => ({ name: `u${i}`, members: subs[i] as number[] })),
    ...org.parents.map((_, i) => ({ name: `own:u${i}`, members: [i] })),
  ];
  /** Per group and band: still homogeneous in that band in every consistent table so far. */
  const always = new Map<string, boolean>(
    groups.flatMap((g) => ['x', 'y'].map((band) => [`${g.name}:${band}`, true] as const)),
  );
  const xs = new Array<number>(n).fill(0);
  const ys = new Array<number>(n).fill(0);
  const sum = (v: number[], members: number[]) => members.reduce((a, j) => a + (v[j] as number), 0);
  const cell = (i: number, column: string) => {
    const x = sum(xs, subs[i] as number[]);
    const y = sum(ys, subs[i] as number[]);
    return column === 'r' ? x + y : column === 'r:x' ? x : y;
  };
  let tables = 0;
  const fill = (i: number) => {
    if (i < 0) {
      tables++;
      for (const g of groups) {
        const x = sum(xs, g.members);
        const y = sum(ys, g.members);
        for (const [band, inBand] of [
          ['x', x],
          ['y', y],
        ] as const) {
          if (!(inBand >= 1 && x + y - inBand < k)) always.set(`${g.name}:${band}`, false);
        }
      }
      return;
    }
    for (let a = 0; a <= (org.invited[i] as number); a++) {
      for (let b = 0; a + b <= (org.invited[i] as number); b++) {
        xs[i] = a;
        ys[i] = b;
        if (shownAt[i]?.every(([column, v]) => cell(i, column) === v)) fill(i - 1);
      }
    }
  };
  fill(n - 1);
  if (tables === 0) throw new Error('the true table must be consistent with what is shown');
  return [...always].filter(([, yes]) => yes).map(([key]) => key);
}

describe('A13: no group is shown to sit (almost) wholly in one band (exhaustive, small organisations)', () => {
  it('the case that led to A13: a unit of 6, all in one band, shows no distribution that says so', () => {
    const org: Org = { parents: [null], invited: [8], x: [6], y: [0] };
    const table = tableOf(org);
    const withheld = suppress(table, 5);
    expect(withheld.has(cellKey('u0', 'r'))).toBe(false);
    expect(withheld.has(cellKey('u0', 'r:x'))).toBe(true);
    expect(homogeneousGroups(org, 5)).toEqual([]);
  });

  it('a unit worked out by subtraction (parent minus child) is checked too', () => {
    // Parent: 8 own members all in x; child: 6 in x, 6 in y. Parent x − child x = 8 in x.
    const org: Org = { parents: [null, 0], invited: [8, 12], x: [8, 6], y: [0, 6] };
    expect(homogeneousGroups(org, 5)).toEqual([]);
  });

  it('k = 3: whatever the reasoning, no group is known to be all (or all but 1..2) in one band', () => {
    fc.assert(
      fc.property(orgArb(4, 6), (org) => {
        expect(homogeneousGroups(org, 3)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('k = 5: no group is known to be all (or all but 1..4) in one band', () => {
    fc.assert(
      fc.property(orgArb(3, 9), (org) => {
        expect(homogeneousGroups(org, 5)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('what an attacker can work out (exhaustive, small organisations)', () => {
  it('k = 3: no withheld count of 1 or 2 can be pinned down, whatever the reasoning', () => {
    fc.assert(
      fc.property(orgArb(4, 6), (org) => {
        expect(pinnedSmallCells(org, 3)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('k = 5: no withheld count of 1 to 4 can be pinned down', () => {
    fc.assert(
      fc.property(orgArb(3, 9), (org) => {
        expect(pinnedSmallCells(org, 5)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('the audit names the chain a reader would follow, and a cell that breaks it', () => {
    // p has no direct members; a: 3 in x, 2 in y; b: 4 in x, 6 in y. Shown as below, a's split
    // follows from p's x minus b's x: the audit must flag it.
    const org: Org = { parents: [null, 0, 0], invited: [0, 5, 10], x: [0, 3, 4], y: [0, 2, 6] };
    const table = tableOf(org);
    const naive = new Map([
      [cellKey('u1', 'r:x'), 'below_threshold' as const],
      [cellKey('u1', 'r:y'), 'below_threshold' as const],
      [cellKey('u2', 'r:x'), 'below_threshold' as const],
    ]);
    const found = findDisclosures(table, 5, naive);
    expect(found.map((d) => d.term.replace('\u001f', '.'))).toEqual(expect.arrayContaining(['u1.r:x', 'u2.r:x']));
    expect(found.every((d) => d.breakWith !== null)).toBe(true);
    expect(findDisclosures(table, 5, suppress(table, 5))).toEqual([]);
  });
});

describe('the columns a reader needs most (keep)', () => {
  // Everyone = PNS + people whose type is kept by nobody (3, withheld): one shown cell must go.
  // No public bounds here: a single unknown without one is pinned all the same.
  const table: CountTable = {
    nodes: [{ id: 'root', parentId: null }],
    columns: ['all', 'all@pns', 'all@none'],
    counts: new Map([
      [cellKey('root', 'all'), 10],
      [cellKey('root', 'all@pns'), 7],
      [cellKey('root', 'all@none'), 3],
    ]),
    distributions: [{ total: 'all', parts: ['all@pns', 'all@none'], breakdown: true }],
  };
  const withheld = new Map([[cellKey('root', 'all@none'), 'below_threshold' as const]]);

  it('breaks a chain at the smallest shown cell, and at a kept column only when nothing else is shown', () => {
    const [plain] = new DisclosureAudit(table).find(5, withheld);
    expect(plain).toMatchObject({ term: cellKey('root', 'all@none'), value: 3, breakWith: cellKey('root', 'all@pns') });
    // Keeping the PNS breakdown (as a survey keeps its unfiltered figures) moves the break to the other cell.
    const [keepPns] = new DisclosureAudit(table, { keep: (c) => c === 'all@pns' }).find(5, withheld);
    expect(keepPns?.breakWith).toBe(cellKey('root', 'all'));
    // A chain of kept cells only is still broken.
    const [allKept] = new DisclosureAudit(table, { keep: () => true }).find(5, withheld);
    expect(allKept?.breakWith).toBe(cellKey('root', 'all@pns'));
  });
});
