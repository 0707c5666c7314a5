import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import {
  THROTTLE_RULES,
  THROTTLE_WINDOW_MS,
  recordFailure,
  remainingDelay,
  type ThrottleCounter,
  type ThrottleScope,
} from '../../../domain/auth/sign-in-throttle.js';
import type { Clock } from '../../clock.js';
import { sha256 } from '../../crypto.js';
import {
  deleteStaleThrottleRows,
  deleteThrottleRows,
  findThrottleRow,
  findThrottleRows,
  upsertThrottleRow,
} from './throttle.repository.js';

export interface ThrottleKey {
  scope: ThrottleScope;
  /** What the counter is about: an identifier, an IP, or both. Hashed before storage. */
  subject: string;
}

function storageKey(key: ThrottleKey): string {
  // Hashed so the table holds no typed identifiers or addresses.
  return `${key.scope}:${sha256(key.subject)}`;
}

/**
 * Failure counters in the database, so delays hold across restarts and across app instances.
 */
export class ThrottleService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /** Seconds to wait before another attempt (0 = go ahead), the longest over all keys. */
  async secondsToWait(keys: ThrottleKey[]): Promise<number> {
    if (keys.length === 0) return 0;
    const now = this.clock.now().getTime();
    const rows = await findThrottleRows(this.db, keys.map(storageKey));
    const waitMs = Math.max(0, ...rows.map((r) => remainingDelay(toCounter(r), now)));
    return Math.ceil(waitMs / 1000);
  }

  async recordFailure(keys: ThrottleKey[]): Promise<void> {
    const now = this.clock.now().getTime();
    for (const key of keys) {
      const id = storageKey(key);
      await this.db.transaction().execute(async (trx) => {
        const row = await findThrottleRow(trx, id);
        const next = recordFailure(row ? toCounter(row) : null, THROTTLE_RULES[key.scope], now);
        await upsertThrottleRow(trx, {
          key: id,
          failures: next.failures,
          window_started_at: new Date(next.windowStartedAt).toISOString(),
          blocked_until: next.blockedUntil ? new Date(next.blockedUntil).toISOString() : null,
        });
      });
    }
  }

  async reset(keys: ThrottleKey[]): Promise<void> {
    if (keys.length === 0) return;
    await deleteThrottleRows(this.db, keys.map(storageKey));
  }

  /** Drops counters idle for longer than the window. */
  async purgeStale(): Promise<void> {
    const cutoff = new Date(this.clock.now().getTime() - THROTTLE_WINDOW_MS - 15 * 60_000).toISOString();
    await deleteStaleThrottleRows(this.db, cutoff);
  }
}

function toCounter(row: {
  failures: number;
  window_started_at: string;
  blocked_until: string | null;
}): ThrottleCounter {
  return {
    failures: row.failures,
    windowStartedAt: new Date(row.window_started_at).getTime(),
    blockedUntil: row.blocked_until ? new Date(row.blocked_until).getTime() : null,
  };
}
