/**
 * Looks up the keys asked for in one turn of the event loop with one call (docs/decisions/037-check-in-submit-on-postgresql.md):
 * under load, the requests that arrived together share one round trip to the database instead of
 * each waiting for a pool connection of its own. Each caller gets the rows of its own key only,
 * read after its request arrived, so nothing is older than a lookup of its own would be. When the
 * call fails, every caller of that batch gets the error (as each would have on its own).
 */
export class BatchedLookup<K, R> {
  private waiting = new Map<K, { resolve: (rows: R[]) => void; reject: (err: unknown) => void }[]>();

  constructor(
    private readonly options: {
      /** Answers the rows of these keys, in any order. */
      load: (keys: readonly K[]) => Promise<R[]>;
      keyOf: (row: R) => K;
      /** Keys per call, inside both databases' parameter limits. */
      maxBatch: number;
    },
  ) {}

  /** The rows of one key (none when it is not there). */
  get(key: K): Promise<R[]> {
    return new Promise<R[]>((resolve, reject) => {
      if (this.waiting.size === 0) setImmediate(() => this.flush());
      const callers = this.waiting.get(key);
      if (callers) callers.push({ resolve, reject });
      else this.waiting.set(key, [{ resolve, reject }]);
    });
  }

  private flush(): void {
    const batch = this.waiting;
    this.waiting = new Map();
    const keys = [...batch.keys()];
    for (let i = 0; i < keys.length; i += this.options.maxBatch) {
      const slice = keys.slice(i, i + this.options.maxBatch);
      this.options.load(slice).then(
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
      );
    }
  }
}
