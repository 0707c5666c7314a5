import diagnostics from 'node:diagnostics_channel';
import type { DatabaseKind } from '../db/connection.js';

/**
 * Each committed batch, for whoever listens (the check-in benchmark's latency profile,
 * docs/benchmarks.md): its size, how long its oldest write waited for it to start, and how long
 * the commit took. Nothing is built or published while nobody subscribes.
 */
export const GROUP_COMMIT_BATCHES = diagnostics.channel('teduh.group-commit.batch');
export interface GroupCommitBatchEvent {
  size: number;
  waitedMs: number;
  commitMs: number;
}

/**
 * Group commit (docs/decisions/033-group-commit.md): writes that arrive while a commit is under way
 * wait together and are committed in the next single transaction, so many requests share one disk
 * sync. Each caller's promise settles only after the commit that holds its write, so an
 * acknowledgement still means "on disk" (docs/privacy.md §5).
 *
 * When a batch fails as a whole (one bad row, a constraint, a fault), every write of it is tried
 * again on its own, so one write's failure is answered to that caller alone and the others are
 * stored (or fail with their own error); nothing is stored twice, because a write that failed was
 * rolled back with its batch.
 */
export class GroupCommit<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private running = 0;
  private readonly spacing: StartSpacing;
  /** A drain is due (next turn of the event loop, or when the spacing ends). */
  private scheduled = false;
  /** The keys of the writes being committed, with how many of each (when batches run side by side). */
  private readonly busy = new Map<string, number>();

  constructor(
    private readonly options: {
      /** Commits a batch in one transaction; answers one result (or error) per item, in order. */
      commitBatch: (items: readonly I[]) => Promise<(O | Error)[]>;
      /** Commits one item in its own transaction (after its batch failed). */
      commitOne: (item: I) => Promise<O>;
      /**
       * How many batches may be committing at once (1 for SQLite's single writer). Above one,
       * `keyOf` is required: batches side by side never hold writes of the same key.
       */
      concurrency: number;
      maxBatch: number;
      /**
       * The least time between the starts of two batches (0: none). Writes that arrive sooner
       * wait for the rest of it and go together: see steadyBatchIntervalMs.
       */
      minIntervalMs?: number;
      /**
       * What a write changes (e.g. a person's day). A write whose key is in a batch under way
       * waits for that batch to end, so the writes of one key are committed in the order they
       * came, and two batches side by side touch different rows: neither waits for the other's
       * row locks, and they cannot deadlock.
       */
      keyOf?: (item: I) => string;
    },
  ) {
    if (options.concurrency > 1 && !options.keyOf) throw new Error('GroupCommit: batches side by side need keyOf');
    this.spacing = new StartSpacing(options.minIntervalMs);
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, key: this.options.keyOf?.(item), at: performance.now(), resolve, reject });
      this.schedule();
    });
  }

  /**
   * Drains once a batch may start: in the next turn of the event loop (so the requests parsed in
   * this one join the batch), or when the spacing ends.
   */
  private schedule(): void {
    if (this.scheduled || this.running >= this.options.concurrency || this.waiting.length === 0) return;
    this.scheduled = true;
    const go = () => {
      this.scheduled = false;
      this.drain();
    };
    const early = this.spacing.wait();
    if (early > 0) setTimeout(go, early);
    else setImmediate(go);
  }

  /** Starts batches while the concurrency, the spacing and the waiting writes allow. */
  private drain(): void {
    while (this.running < this.options.concurrency && this.waiting.length > 0) {
      // Sooner than the spacing (a batch just began): wait for the rest of it.
      if (this.spacing.wait() > 0) {
        this.schedule();
        return;
      }
      const batch = this.take();
      // Every waiting write's key is being committed: the end of that batch drains again.
      if (batch.length === 0) return;
      this.spacing.started();
      this.running += 1;
      void this.commit(batch).finally(() => {
        this.running -= 1;
        this.release(batch);
        this.drain();
      });
    }
  }

  /** The next batch: the oldest waiting writes, up to maxBatch, leaving those whose key is busy. */
  private take(): Waiting<I, O>[] {
    if (!this.options.keyOf) return this.waiting.splice(0, this.options.maxBatch);
    const batch: Waiting<I, O>[] = [];
    const left: Waiting<I, O>[] = [];
    for (const w of this.waiting) {
      if (batch.length < this.options.maxBatch && !this.busy.has(w.key as string)) batch.push(w);
      else left.push(w);
    }
    // Marked after choosing, so that writes of one key that wait together go in one batch (the
    // caller's commitBatch orders them).
    for (const { key } of batch) this.busy.set(key as string, (this.busy.get(key as string) ?? 0) + 1);
    this.waiting = left;
    return batch;
  }

  private release(batch: readonly Waiting<I, O>[]): void {
    for (const { key } of batch) {
      if (key === undefined) continue;
      const n = (this.busy.get(key) ?? 1) - 1;
      if (n === 0) this.busy.delete(key);
      else this.busy.set(key, n);
    }
  }

  private async commit(batch: readonly Waiting<I, O>[]): Promise<void> {
    let results: (O | Error)[] | null = null;
    const started = performance.now();
    try {
      results = await this.options.commitBatch(batch.map((w) => w.item));
    } catch {
      results = null;
    }
    if (GROUP_COMMIT_BATCHES.hasSubscribers)
      GROUP_COMMIT_BATCHES.publish({
        size: batch.length,
        waitedMs: started - (batch[0]?.at ?? started),
        commitMs: performance.now() - started,
      } satisfies GroupCommitBatchEvent);
    if (results) {
      batch.forEach((w, i) => {
        const r = results[i];
        if (r instanceof Error) w.reject(r);
        else w.resolve(r as O);
      });
      return;
    }
    // The batch rolled back: each write on its own, so the failing one fails alone.
    for (const w of batch) {
      try {
        w.resolve(await this.options.commitOne(w.item));
      } catch (err) {
        w.reject(err);
      }
    }
  }
}

/** A write waiting for its batch; `key` is `keyOf(item)`, worked out once. */
interface Waiting<I, O> {
  item: I;
  key: string | undefined;
  at: number;
  resolve: (value: O) => void;
  reject: (err: unknown) => void;
}

/**
 * The least time between the starts of two calls (a group commit's batches, a batched lookup's
 * queries): how long the next one must still wait, and the moment one starts (decision 054).
 */
export class StartSpacing {
  private lastStart = -Infinity;

  constructor(private readonly minIntervalMs = 0) {}

  /** Milliseconds until the next call may start; zero or less: it may start now. */
  wait(): number {
    return this.minIntervalMs - (performance.now() - this.lastStart);
  }

  started(): void {
    this.lastStart = performance.now();
  }
}

/**
 * The least time between two batches of a submit's group commit, and between two of the session
 * lookups, on PostgreSQL (docs/decisions/054-steady-load-batching.md). Idle, a write still starts
 * its commit at once (the previous batch began long ago); under full load a commit takes longer
 * than this, so nothing waits for it either. In between — a steady stream of a few writes per
 * millisecond — each write would otherwise get a statement of its own, and on PostgreSQL each
 * statement is a round trip whose CPU in node-postgres, not the disk, made the server the
 * bottleneck at half load: waiting up to 2 ms lets a batch carry several writes. On SQLite a
 * statement is a call inside the process, and the spacing measured only as added wait: none there.
 */
export function steadyBatchIntervalMs(kind: DatabaseKind): number {
  return kind === 'postgres' ? 2 : 0;
}

/**
 * How many batches (or lookups) may run at once on PostgreSQL: two, and with the spacing above the
 * second starts only when the first has run longer than the spacing — a commit or lookup that a
 * busy disk, a collection pause or a contended core made slow (decision 055). Normally a commit
 * takes about a millisecond, so one runs at a time and the batches stay as large as with one. On
 * SQLite one: its statements are calls inside the process, one writer at a time.
 */
export function overdueConcurrency(kind: DatabaseKind): number {
  return kind === 'postgres' ? 2 : 1;
}

/**
 * The group commit of a submit route (check-ins, survey answers), spaced under steady load
 * (decision 054). With `keyOf`, a second batch may start on PostgreSQL while the first is overdue
 * (decision 055), never with a write of a key the first holds; without it, one batch at a time.
 */
export function submitGroupCommit<I, O>(options: {
  kind: DatabaseKind;
  commitBatch: (items: readonly I[]) => Promise<(O | Error)[]>;
  maxBatch: number;
  keyOf?: (item: I) => string;
}): GroupCommit<I, O> {
  return new GroupCommit<I, O>({
    commitBatch: options.commitBatch,
    commitOne: async (item) => {
      const [result] = await options.commitBatch([item]);
      if (result instanceof Error) throw result;
      return result as O;
    },
    concurrency: options.keyOf ? overdueConcurrency(options.kind) : 1,
    maxBatch: options.maxBatch,
    minIntervalMs: steadyBatchIntervalMs(options.kind),
    ...(options.keyOf ? { keyOf: options.keyOf } : {}),
  });
}
