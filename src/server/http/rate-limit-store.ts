import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../clock.js';
import { deleteExpiredCounters, incrementCounter } from './rate-limit.repository.js';

/** The custom store interface of @fastify/rate-limit (FastifyRateLimitStore), as we implement it. */
interface Store {
  incr(
    key: string,
    callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    timeWindow: number,
    max: number,
  ): void;
  child(routeOptions: unknown): Store;
}

/** How often (by the app's clock) one instance purges ended windows. */
const PURGE_EVERY_MS = 60_000;

/**
 * A @fastify/rate-limit store on the app's database (docs/decisions/014-rate-limits.md): counts survive a restart and are
 * shared by every instance on one PostgreSQL. Time is the app's clock, so tests can move it.
 * Keys already carry the policy and rule (see plugins/rate-limits.ts), so child() shares the
 * store. Ended windows are purged about once a minute per instance.
 */
export function databaseRateLimitStore(deps: { db: Kysely<Database>; clock: Clock; log: FastifyBaseLogger }) {
  let lastPurge = 0;
  return class DatabaseRateLimitStore implements Store {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const now = deps.clock.now();
      const purge =
        now.getTime() - lastPurge >= PURGE_EVERY_MS
          ? ((lastPurge = now.getTime()), deleteExpiredCounters(deps.db, now))
          : Promise.resolve();
      purge
        .then(() => incrementCounter(deps.db, key, now, timeWindow))
        .then(
          ({ count, expiresAt }) =>
            callback(null, { current: count, ttl: Math.max(0, Date.parse(expiresAt) - now.getTime()) }),
          (err: Error & { code?: unknown }) => {
            // The limiter lets the request through (skipOnError); the request itself then meets
            // the database and answers for its state. Logged without the key (it holds an address).
            deps.log.warn({ code: err.code }, 'rate-limit store unavailable');
            callback(err);
          },
        );
    }

    child(): Store {
      return this;
    }
  };
}
