import { describe, expect, it } from 'vitest';
import { batchesOf, collectBatches, eachBatch } from './batches.js';

describe('statement batches', () => {
  it('slices in order, the last one shorter, none for an empty list', () => {
    expect(batchesOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batchesOf([], 2)).toEqual([]);
    expect(batchesOf(Array.from({ length: 600 }, (_, i) => i)).map((b) => b.length)).toEqual([250, 250, 100]);
  });

  it('runs one statement per slice and joins what they return', async () => {
    const seen: number[][] = [];
    await eachBatch([1, 2, 3], async (b) => seen.push(b), 2);
    expect(seen).toEqual([[1, 2], [3]]);
    expect(await collectBatches([1, 2, 3], async (b) => b.map((x) => x * 10), 2)).toEqual([10, 20, 30]);
    let calls = 0;
    expect(await collectBatches([], async () => (calls++, []))).toEqual([]);
    expect(calls).toBe(0);
  });
});
