import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodesOnCycles } from './cycles.js';

const linksOf = (pairs: Record<string, string | null>) => (id: string) => pairs[id];

describe('nodesOnCycles', () => {
  it('finds nothing in a tree', () => {
    const next = linksOf({ a: null, b: 'a', c: 'a', d: 'b' });
    expect(nodesOnCycles(['a', 'b', 'c', 'd'], next)).toEqual(new Set());
  });

  it('finds a self-loop', () => {
    expect(nodesOnCycles(['a'], linksOf({ a: 'a' }))).toEqual(new Set(['a']));
  });

  it('reports the loop but not the tail leading into it', () => {
    // d → c → a → b → a: a and b form the loop; c and d only lead into it.
    const next = linksOf({ a: 'b', b: 'a', c: 'a', d: 'c' });
    expect(nodesOnCycles(['d'], next)).toEqual(new Set(['a', 'b']));
    expect(nodesOnCycles(['c', 'd', 'a'], next)).toEqual(new Set(['a', 'b']));
  });

  it('follows links to nodes that are not starts', () => {
    const next = linksOf({ x: 'y', y: 'z', z: 'x' });
    expect(nodesOnCycles(['x'], next)).toEqual(new Set(['x', 'y', 'z']));
  });

  it('stops at unknown nodes', () => {
    expect(nodesOnCycles(['a'], linksOf({ a: 'missing' }))).toEqual(new Set());
  });

  it('agrees with walking up from every node (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat(11), { nil: null }), { minLength: 1, maxLength: 12 }), (targets) => {
        const next = (id: string) => {
          const t = targets[Number(id)];
          return t === null || t === undefined || t >= targets.length ? null : String(t);
        };
        const ids = targets.map((_, i) => String(i));
        const expected = new Set(
          ids.filter((id) => {
            // id is on a cycle when walking from its successor comes back to it.
            let current = next(id);
            for (let steps = 0; current !== null && steps <= ids.length; steps++) {
              if (current === id) return true;
              current = next(current);
            }
            return false;
          }),
        );
        expect(nodesOnCycles(ids, next)).toEqual(expected);
      }),
    );
  });
});
