import { describe, expect, it } from 'vitest';
import { BatchedLookup } from './batched-lookup.js';

describe('BatchedLookup', () => {
  it('looks up the keys asked for together in one call, and gives each caller the rows of its own key', async () => {
    const calls: string[][] = [];
    const lookup = new BatchedLookup<string, { key: string; value: number }>({
      load: async (keys) => {
        calls.push([...keys]);
        return keys.flatMap((k) =>
          k === 'none'
            ? []
            : [
                { key: k, value: 1 },
                { key: k, value: 2 },
              ],
        );
      },
      keyOf: (row) => row.key,
      maxBatch: 2,
    });
    const [a, b, a2, none, c] = await Promise.all(['a', 'b', 'a', 'none', 'c'].map((k) => lookup.get(k)));
    // Four distinct keys in batches of at most two; 'a' asked twice is looked up once.
    expect(calls).toEqual([
      ['a', 'b'],
      ['none', 'c'],
    ]);
    expect(a).toEqual([
      { key: 'a', value: 1 },
      { key: 'a', value: 2 },
    ]);
    expect(a2).toEqual(a);
    expect(b?.every((r) => r.key === 'b')).toBe(true);
    expect(c?.every((r) => r.key === 'c')).toBe(true);
    expect(none).toEqual([]);
    // A later turn of the event loop is a new lookup, never an old answer.
    await lookup.get('a');
    expect(calls).toHaveLength(3);
  });

  it('fails every caller of a batch whose call failed, and only them', async () => {
    let fail = true;
    const lookup = new BatchedLookup<string, { key: string }>({
      load: async (keys) => {
        if (fail && keys.includes('x')) throw new Error('database away');
        return keys.map((key) => ({ key }));
      },
      keyOf: (row) => row.key,
      maxBatch: 1,
    });
    const settled = await Promise.allSettled([lookup.get('x'), lookup.get('x'), lookup.get('y')]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    fail = false;
    expect(await lookup.get('x')).toEqual([{ key: 'x' }]);
  });
});
