import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathToUnit, sortParentsFirst, subtreeIds, wouldCreateCycle, type UnitNode } from './unit-tree.js';

const units: UnitNode[] = [
  { id: 'setda', parentId: null },
  { id: 'dinkes', parentId: 'setda' },
  { id: 'pkm1', parentId: 'dinkes' },
  { id: 'pkm2', parentId: 'dinkes' },
  { id: 'disdik', parentId: 'setda' },
];

describe('unit tree', () => {
  it('finds the path from the top unit', () => {
    expect(pathToUnit(units, 'pkm2')).toEqual(['setda', 'dinkes', 'pkm2']);
    expect(pathToUnit(units, 'missing')).toEqual([]);
  });

  it('collects a subtree', () => {
    expect([...subtreeIds(units, 'dinkes')].sort()).toEqual(['dinkes', 'pkm1', 'pkm2']);
  });

  it('refuses moves that make a unit its own ancestor', () => {
    expect(wouldCreateCycle(units, 'dinkes', 'pkm1')).toBe(true);
    expect(wouldCreateCycle(units, 'dinkes', 'dinkes')).toBe(true);
    expect(wouldCreateCycle(units, 'pkm1', 'disdik')).toBe(false);
  });

  it('property: sortParentsFirst puts every parent before its children', () => {
    const tree = fc
      .integer({ min: 1, max: 40 })
      .chain((n) =>
        fc.tuple(
          ...Array.from({ length: n }, (_, i) => (i === 0 ? fc.constant(-1) : fc.integer({ min: 0, max: i - 1 }))),
        ),
      );
    fc.assert(
      fc.property(tree, fc.infiniteStream(fc.double()), (parents, noise) => {
        const nodes = parents.map((p, i) => ({ id: `u${i}`, parentId: p < 0 ? null : `u${p}` }));
        const shuffled = [...nodes].sort(() => (noise.next().value as number) - 0.5);
        const ordered = sortParentsFirst(shuffled);
        expect(ordered).toHaveLength(nodes.length);
        const seen = new Set<string>();
        for (const u of ordered) {
          if (u.parentId) expect(seen.has(u.parentId)).toBe(true);
          seen.add(u.id);
        }
      }),
    );
  });
});
