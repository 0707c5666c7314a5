import diagnostics from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';
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
  private waiting: { item: I; at: number; resolve: (value: O) => void; reject: (err: unknown) => void }[] = [];
  private running = 0;

  constructor(
    private readonly options: {
      /** Commits a batch in one transaction; answers one result (or error) per item, in order. */
      commitBatch: (items: readonly I[]) => Promise<(O | Error)[]>;
      /** Commits one item in its own transaction (after its batch failed). */
      commitOne: (item: I) => Promise<O>;
      /** How many batches may be committing at once (1 for SQLite's single writer). */
      concurrency: number;
      maxBatch: number;
    },
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, at: performance.now(), resolve, reject });
      // Let the requests parsed in this turn of the event loop join the batch first.
      if (this.running < this.options.concurrency && this.waiting.length === 1) setImmediate(() => this.drain());
    });
  }

  private drain(): void {
    while (this.running < this.options.concurrency && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.running += 1;
      void this.commit(batch).finally(() => {
        this.running -= 1;
        this.drain();
      });
    }
  }

  private async commit(batch: typeof this.waiting): Promise<void> {
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

/**
 * Batches committing side by side on PostgreSQL. Two, not four: fewer lanes make larger batches,
 * so fewer statements per submit and less of the database's and the server's CPU, which is what
 * limits a submit on a small machine; PostgreSQL still syncs two commits at once
 * (docs/decisions/046-check-in-submit-cpu.md). SQLite has one writer: one lane.
 */
const LANES_ON_POSTGRES = 2;

/** A person's lane: a cheap, stable spread of their id. */
function laneOf(personId: string, lanes: number): number {
  let h = 0;
  for (let i = 0; i < personId.length; i++) h = (h * 31 + personId.charCodeAt(i)) | 0;
  return Math.abs(h) % lanes;
}

/**
 * Group commit in lanes by person: one lane per batch that may commit at once, each lane one batch
 * at a time, and a person always in the same lane, so two batches committing side by side never
 * write the same person's rows: neither waits for the other's row lock and no two can deadlock.
 * Used by the check-in and the survey answer submits (decision 033).
 */
export class PersonLanes<I, O> {
  private readonly lanes: GroupCommit<I, O>[];

  constructor(options: {
    kind: DatabaseKind;
    commitBatch: (items: readonly I[]) => Promise<(O | Error)[]>;
    maxBatch: number;
  }) {
    const lanes = options.kind === 'sqlite' ? 1 : LANES_ON_POSTGRES;
    this.lanes = Array.from(
      { length: lanes },
      () =>
        new GroupCommit<I, O>({
          commitBatch: options.commitBatch,
          commitOne: async (item) => {
            const [result] = await options.commitBatch([item]);
            if (result instanceof Error) throw result;
            return result as O;
          },
          concurrency: 1,
          maxBatch: options.maxBatch,
        }),
    );
  }

  submit(personId: string, item: I): Promise<O> {
    return (this.lanes[laneOf(personId, this.lanes.length)] as GroupCommit<I, O>).submit(item);
  }
}
