import { describe, expect, it } from 'vitest';
import { SeededRandom } from './random.js';

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    const c = new SeededRandom(8);
    const sa = Array.from({ length: 10 }, () => a.next());
    expect(Array.from({ length: 10 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 10 }, () => c.next())).not.toEqual(sa);
  });

  it('keeps integers within their bounds and reaches both ends', () => {
    const random = new SeededRandom(1);
    const seen = new Set(Array.from({ length: 2_000 }, () => random.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('never picks an entry of weight zero', () => {
    const random = new SeededRandom(3);
    for (let i = 0; i < 1_000; i++)
      expect(
        random.weighted([
          ['a', 1],
          ['b', 0],
          ['c', 2],
        ] as const),
      ).not.toBe('b');
  });
});
