import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersToMove, MIN_BATCH, pickAtRandom, shuffled } from './batches.js';

const K = 5;

describe('moving sealed answers in batches', () => {
  it('moves nothing while the survey is open until k + 10 wait, then all but k', () => {
    expect(answersToMove({ waiting: K + MIN_BATCH - 1, moved: 0, k: K, closing: false })).toBe(0);
    expect(answersToMove({ waiting: K + MIN_BATCH, moved: 0, k: K, closing: false })).toBe(MIN_BATCH);
    expect(answersToMove({ waiting: 40, moved: 200, k: 7, closing: false })).toBe(33);
  });

  it('moves every waiting answer at closing, the k held back included', () => {
    expect(answersToMove({ waiting: K, moved: 30, k: K, closing: true })).toBe(K);
    expect(answersToMove({ waiting: 3, moved: 0, k: K, closing: true })).toBe(0);
    expect(answersToMove({ waiting: K, moved: 0, k: K, closing: true })).toBe(K);
  });

  it('no move while open makes fewer than 10 answers readable or leaves fewer than k waiting', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(5000), fc.integer({ min: 5, max: 20 }), (waiting, moved, k) => {
        const n = answersToMove({ waiting, moved, k, closing: false });
        return n === 0 || (n >= MIN_BATCH && waiting - n === k);
      }),
    );
  });

  it('shuffles into a permutation of the same items, every order reachable', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 400; i += 1) {
      const order = shuffled(['a', 'b', 'c'], (max) => Math.floor(Math.random() * max));
      expect([...order].sort()).toEqual(['a', 'b', 'c']);
      seen.add(order.join(''));
    }
    expect(seen.size).toBe(6);
  });

  it('picks the given number and keeps the rest, nothing lost or doubled', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(), { maxLength: 50 }),
        fc.nat(60),
        fc.infiniteStream(fc.nat()),
        (items, count, stream) => {
          const draws = stream[Symbol.iterator]();
          const { chosen, rest } = pickAtRandom(items, count, (max) => (draws.next().value as number) % max);
          return (
            chosen.length === Math.min(count, items.length) &&
            [...chosen, ...rest].sort((a, b) => a - b).join() === [...items].sort((a, b) => a - b).join()
          );
        },
      ),
    );
  });
});
