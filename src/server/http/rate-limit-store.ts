import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../clock.js';
import { deleteExpiredCounters, incrementCounters } from './rate-limit.repository.js';

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
  // The rules of one request (per person and per agency, say) are counted in one statement: the
  // increments asked for in the same turn of the event loop are written together, so a request
  // pays one commit for its counters, not one per rule. A key asked for twice waits for the next batch.
  let queue: Pending[] = [];
  const flush = () => {
    const batch: Pending[] = [];
    const later: Pending[] = [];
    const keys = new Set<string>();
    for (const p of queue) (keys.has(p.key) ? later : (keys.add(p.key), batch)).push(p);
    queue = later;
    if (later.length > 0) setImmediate(flush);
    const now = deps.clock.now();
    const purge =
      now.getTime() - lastPurge >= PURGE_EVERY_MS
        ? ((lastPurge = now.getTime()), deleteExpiredCounters(deps.db, now))
        : Promise.resolve();
    purge
      .then(() => incrementCounters(deps.db, batch, now))
      .then(
        (counts) => {
          for (const p of batch) {
            const c = counts.get(p.key);
            if (c) p.callback(null, { current: c.count, ttl: Math.max(0, Date.parse(c.expiresAt) - now.getTime()) });
            else p.callback(new Error('rate-limit counter not returned'));
          }
        },
        (err: Error & { code?: unknown }) => {
          // The limiter lets the request through (skipOnError); the request itself then meets
          // the database and answers for its state. Logged without the key (it holds an address).
          deps.log.warn({ code: err.code }, 'rate-limit store unavailable');
          for (const p of batch) p.callback(err);
        },
      );
  };
  return class DatabaseRateLimitStore implements Store {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ key, windowMs: timeWindow, callback });
    }

    child(): Store {
      return this;
    }
  };
}

interface Pending {
  key: string;
  windowMs: number;
  callback: (error: Error | null, result?: { current: number; ttl: number }) => void;
}
