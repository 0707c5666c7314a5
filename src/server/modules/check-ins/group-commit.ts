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
  private waiting: { item: I; resolve: (value: O) => void; reject: (err: unknown) => void }[] = [];
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
      this.waiting.push({ item, resolve, reject });
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
    try {
      results = await this.options.commitBatch(batch.map((w) => w.item));
    } catch {
      results = null;
    }
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
