import { describe, expect, it, vi } from 'vitest';
import { GroupCommit } from './group-commit.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('commits what waits together in one batch, and answers each only after that commit', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const group = new GroupCommit<number, string>({
      commitBatch: async (items) => {
        batches.push([...items]);
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return items.map((i) => `ok ${i}`);
      },
      commitOne: async (i) => `one ${i}`,
      concurrency: 1,
      maxBatch: 100,
    });
    const settled: string[] = [];
    const first = group.submit(1).then((v) => settled.push(v));
    await tick();
    // While the first commit is under way, three more arrive: they wait, unanswered.
    const rest = [2, 3, 4].map((i) => group.submit(i).then((v) => settled.push(v)));
    await tick();
    expect(batches).toEqual([[1]]);
    expect(settled).toEqual([]);
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
    expect(settled).toEqual(['ok 1', 'ok 2', 'ok 3', 'ok 4']);
  });

  it('answers an item the batch refused with its own error, the others with their results', async () => {
    const group = new GroupCommit<number, number>({
      commitBatch: async (items) => items.map((i) => (i === 2 ? new Error('closed') : i * 10)),
      commitOne: async () => {
        throw new Error('not expected');
      },
      concurrency: 1,
      maxBatch: 100,
    });
    const results = await Promise.allSettled([1, 2, 3].map((i) => group.submit(i)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      10,
      'closed',
      30,
    ]);
  });

  it('retries each item of a batch that failed as a whole on its own, so only the bad one fails', async () => {
    const committedAlone: number[] = [];
    const group = new GroupCommit<number, number>({
      commitBatch: async () => {
        throw new Error('constraint');
      },
      commitOne: async (i) => {
        if (i === 3) throw new Error(`bad ${i}`);
        committedAlone.push(i);
        return i;
      },
      concurrency: 1,
      maxBatch: 100,
    });
    const results = await Promise.allSettled([1, 2, 3, 4].map((i) => group.submit(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(committedAlone).toEqual([1, 2, 4]);
  });

  it('keeps batches within maxBatch', async () => {
    const sizes: number[] = [];
    const group = new GroupCommit<number, number>({
      commitBatch: async (items) => {
        sizes.push(items.length);
        return [...items];
      },
      commitOne: async (i) => i,
      concurrency: 1,
      maxBatch: 4,
    });
    await Promise.all(Array.from({ length: 10 }, (_, i) => group.submit(i)));
    expect(sizes).toEqual([4, 4, 2]);
  });

  it('spaces batches by minIntervalMs: idle, a write starts at once; soon after a batch, it waits and goes with the others', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    try {
      const batches: number[][] = [];
      const group = new GroupCommit<number, number>({
        commitBatch: async (items) => {
          batches.push([...items]);
          return [...items];
        },
        commitOne: async (i) => i,
        concurrency: 1,
        maxBatch: 100,
        minIntervalMs: 30,
      });
      // Idle: committed without any time passing.
      expect(await group.submit(1)).toBe(1);
      // Three writes right after, in separate turns of the event loop: held until the interval ends.
      const rest: Promise<number>[] = [];
      for (const i of [2, 3, 4]) {
        rest.push(group.submit(i));
        await tick();
      }
      vi.advanceTimersByTime(29);
      await tick();
      expect(batches).toEqual([[1]]);
      vi.advanceTimersByTime(1);
      expect(await Promise.all(rest)).toEqual([2, 3, 4]);
      expect(batches).toEqual([[1], [2, 3, 4]]);
    } finally {
      vi.useRealTimers();
    }
  });

  describe('a second batch while the first is overdue (keyOf, decision 055)', () => {
    /** A group commit whose batches each wait for their own release, keyed by the item's letter. */
    function held() {
      const batches: string[][] = [];
      const releases: (() => void)[] = [];
      const group = new GroupCommit<string, string>({
        commitBatch: async (items) => {
          batches.push([...items]);
          await new Promise<void>((resolve) => releases.push(resolve));
          return [...items];
        },
        commitOne: async (item) => item,
        concurrency: 2,
        maxBatch: 100,
        keyOf: (item) => item.slice(0, 1),
      });
      return { group, batches, releases };
    }

    it('starts a second batch beside a slow one, leaving the writes of keys the first holds for later, in order', async () => {
      const { group, batches, releases } = held();
      const answered: string[] = [];
      const submit = (item: string) => group.submit(item).then((v) => answered.push(v));
      const first = [submit('a1'), submit('b1')];
      await tick();
      expect(batches).toEqual([['a1', 'b1']]);
      // While it commits: a write of a's, one of c's, another of b's, another of c's.
      const second = ['a2', 'c1', 'b2', 'c2'].map(submit);
      await tick();
      // Only c's writes may go beside it; a2 and b2 wait for the batch that writes a1 and b1.
      expect(batches).toEqual([
        ['a1', 'b1'],
        ['c1', 'c2'],
      ]);
      releases[1]?.();
      await second[1];
      await second[3];
      expect(batches).toHaveLength(2);
      releases[0]?.();
      await Promise.all(first);
      await tick();
      expect(batches).toEqual([
        ['a1', 'b1'],
        ['c1', 'c2'],
        ['a2', 'b2'],
      ]);
      releases[2]?.();
      await Promise.all(second);
      expect(answered).toEqual(['c1', 'c2', 'a1', 'b1', 'a2', 'b2']);
    });

    it('runs no more than `concurrency` batches, and the rest go together when one ends', async () => {
      const { group, batches, releases } = held();
      const all = [group.submit('a1')];
      await tick();
      all.push(group.submit('b1'));
      await tick();
      all.push(group.submit('c1'), group.submit('d1'));
      await tick();
      expect(batches).toEqual([['a1'], ['b1']]);
      releases[0]?.();
      await all[0];
      await tick();
      expect(batches).toEqual([['a1'], ['b1'], ['c1', 'd1']]);
      releases[1]?.();
      releases[2]?.();
      expect(await Promise.all(all)).toEqual(['a1', 'b1', 'c1', 'd1']);
    });

    it('lets a write of a free key start beside the slow batch though writes of its keys wait ahead of it', async () => {
      const { group, batches, releases } = held();
      const all = [group.submit('a1')];
      await tick();
      all.push(group.submit('a2'));
      await tick();
      expect(batches).toEqual([['a1']]);
      all.push(group.submit('b1'));
      await tick();
      expect(batches).toEqual([['a1'], ['b1']]);
      releases[1]?.();
      releases[0]?.();
      await all[0];
      await tick();
      expect(batches).toEqual([['a1'], ['b1'], ['a2']]);
      releases[2]?.();
      expect(await Promise.all(all)).toEqual(['a1', 'a2', 'b1']);
    });

    it('starts the second batch no sooner than minIntervalMs after the first', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
      try {
        const batches: string[][] = [];
        const group = new GroupCommit<string, string>({
          commitBatch: async (items) => {
            batches.push([...items]);
            await new Promise<void>(() => undefined); // never ends: the first batch is overdue
            return [...items];
          },
          commitOne: async (item) => item,
          concurrency: 2,
          maxBatch: 100,
          minIntervalMs: 30,
          keyOf: (item) => item.slice(0, 1),
        });
        void group.submit('a1');
        await tick();
        void group.submit('b1');
        await tick();
        vi.advanceTimersByTime(29);
        await tick();
        expect(batches).toEqual([['a1']]);
        vi.advanceTimersByTime(1);
        await tick();
        expect(batches).toEqual([['a1'], ['b1']]);
      } finally {
        vi.useRealTimers();
      }
    });

    it('refuses batches side by side without keyOf', () => {
      expect(
        () =>
          new GroupCommit<number, number>({
            commitBatch: async (items) => [...items],
            commitOne: async (i) => i,
            concurrency: 2,
            maxBatch: 10,
          }),
      ).toThrow(/keyOf/);
    });
  });
});
