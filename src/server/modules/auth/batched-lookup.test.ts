import { describe, expect, it, vi } from 'vitest';
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

  it('with concurrency 1, keys asked for while a call runs go together in the next call, which starts when it ends', async () => {
    const calls: string[][] = [];
    let release: () => void = () => undefined;
    const lookup = new BatchedLookup<string, { key: string }>({
      load: async (keys) => {
        calls.push([...keys]);
        if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return keys.map((key) => ({ key }));
      },
      keyOf: (row) => row.key,
      maxBatch: 10,
      concurrency: 1,
    });
    const first = lookup.get('a');
    await new Promise((resolve) => setImmediate(resolve));
    const later = ['b', 'c'].map((k) => lookup.get(k));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([['a']]);
    release();
    expect(await first).toEqual([{ key: 'a' }]);
    expect(await Promise.all(later)).toEqual([[{ key: 'b' }], [{ key: 'c' }]]);
    expect(calls).toEqual([['a'], ['b', 'c']]);
  });

  it('spaces calls by minIntervalMs, and an idle lookup starts at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    try {
      const calls: string[][] = [];
      const lookup = new BatchedLookup<string, { key: string }>({
        load: async (keys) => {
          calls.push([...keys]);
          return keys.map((key) => ({ key }));
        },
        keyOf: (row) => row.key,
        maxBatch: 10,
        minIntervalMs: 30,
      });
      expect(await lookup.get('a')).toEqual([{ key: 'a' }]);
      const b = lookup.get('b');
      await new Promise((resolve) => setImmediate(resolve));
      vi.advanceTimersByTime(29);
      await new Promise((resolve) => setImmediate(resolve));
      expect(calls).toEqual([['a']]);
      const c = lookup.get('c');
      vi.advanceTimersByTime(1);
      expect(await Promise.all([b, c])).toEqual([[{ key: 'b' }], [{ key: 'c' }]]);
      expect(calls).toEqual([['a'], ['b', 'c']]);
    } finally {
      vi.useRealTimers();
    }
  });
});
