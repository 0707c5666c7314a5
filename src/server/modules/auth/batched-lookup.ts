import { StartSpacing } from '../../group-commit.js';

/**
 * Looks up the keys asked for in one turn of the event loop with one call (docs/decisions/037-check-in-submit-on-postgresql.md):
 * under load, the requests that arrived together share one round trip to the database instead of
 * each waiting for a pool connection of its own. With `concurrency` and `minIntervalMs`, keys asked
 * for while calls run or too soon after the last one began also wait and go together (decision 054). Each caller gets the rows of its own key only,
 * read after its request arrived, so nothing is older than a lookup of its own would be. When the
 * call fails, every caller of that batch gets the error (as each would have on its own).
 */
export class BatchedLookup<K, R> {
  private waiting = new Map<K, { resolve: (rows: R[]) => void; reject: (err: unknown) => void }[]>();
  private running = 0;
  private scheduled = false;
  private readonly spacing: StartSpacing;

  constructor(
    private readonly options: {
      /** Answers the rows of these keys, in any order. */
      load: (keys: readonly K[]) => Promise<R[]>;
      keyOf: (row: R) => K;
      /** Keys per call, inside both databases' parameter limits. */
      maxBatch: number;
      /**
       * Calls under way at once. Keys asked for while that many are running wait for the next
       * call, which starts as soon as one ends: under steady load the lookups then carry several
       * keys each instead of one per turn of the event loop, with no timer and no wait when idle.
       */
      concurrency?: number;
      /** The least time between the starts of two calls (StartSpacing, decision 054). */
      minIntervalMs?: number;
    },
  ) {
    this.spacing = new StartSpacing(options.minIntervalMs);
  }

  /** The rows of one key (none when it is not there). */
  get(key: K): Promise<R[]> {
    return new Promise<R[]>((resolve, reject) => {
      const callers = this.waiting.get(key);
      if (callers) callers.push({ resolve, reject });
      else this.waiting.set(key, [{ resolve, reject }]);
      this.schedule();
    });
  }

  /** Lets the requests parsed in this turn of the event loop join, then flushes, if a call may start. */
  private schedule(): void {
    if (this.scheduled || this.waiting.size === 0 || this.running >= (this.options.concurrency ?? Infinity)) return;
    this.scheduled = true;
    const gap = this.spacing.wait();
    const go = () => {
      this.scheduled = false;
      this.flush();
    };
    if (gap > 0) setTimeout(go, gap);
    else setImmediate(go);
  }

  private flush(): void {
    while (this.waiting.size > 0 && this.running < (this.options.concurrency ?? Infinity)) {
      const slice = [...this.waiting.keys()].slice(0, this.options.maxBatch);
      const batch = new Map(slice.map((key) => [key, this.waiting.get(key) ?? []]));
      for (const key of slice) this.waiting.delete(key);
      this.running += 1;
      this.spacing.started();
      this.options
        .load(slice)
        .then(
          (rows) => {
            const byKey = new Map<K, R[]>();
            for (const row of rows) {
              const key = this.options.keyOf(row);
              const list = byKey.get(key);
              if (list) list.push(row);
              else byKey.set(key, [row]);
            }
            for (const key of slice) for (const caller of batch.get(key) ?? []) caller.resolve(byKey.get(key) ?? []);
          },
          (err: unknown) => {
            for (const key of slice) for (const caller of batch.get(key) ?? []) caller.reject(err);
          },
        )
        .finally(() => {
          this.running -= 1;
          this.schedule();
        });
    }
  }
}
