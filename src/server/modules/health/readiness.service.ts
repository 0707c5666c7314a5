import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../../../db/connection.js';
import { databaseFaultOf, type DatabaseFault } from '../../../db/faults.js';
import type { Clock } from '../../clock.js';
import { probePageAllocation, writeHeartbeat } from '../setup/index.js';

export type Readiness = { ready: true } | { ready: false; reason: DatabaseFault | 'timeout' | 'unknown' };

/** A probe result is reused this long, so a flood of /readyz calls costs one write a second. */
export const READINESS_CACHE_MS = 1_000;
/** A probe that takes longer than this counts as "not ready": a load balancer must not wait on it. */
export const READINESS_TIMEOUT_MS = 2_000;

/**
 * Answers "can a write succeed right now?" (docs/decisions/015-database-faults.md): a committed
 * heartbeat write, and on SQLite a rolled-back page allocation. The answer is cached for a
 * second and concurrent callers share one probe. Changes of state are logged once, with the cause.
 */
export class ReadinessService {
  private cached: { at: number; value: Readiness } | null = null;
  private inFlight: Promise<Readiness> | null = null;
  /** A write that outlived its probe's timeout and has not finished yet: no second one is started. */
  private stuckWrite: Promise<unknown> | null = null;
  private lastState = 'ready';

  constructor(private readonly deps: { db: DatabaseHandle; clock: Clock; log: FastifyBaseLogger }) {}

  /** The current answer, from the cache when it is fresh. */
  async check(): Promise<Readiness> {
    const now = this.deps.clock.now().getTime();
    if (this.cached && now >= this.cached.at && now - this.cached.at < READINESS_CACHE_MS) return this.cached.value;
    this.inFlight ??= this.probe().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async probe(): Promise<Readiness> {
    const { db, clock } = this.deps;
    if (this.stuckWrite) {
      // The database has not finished the last probe's write: still not ready, and no pile-up.
      const value: Readiness = { ready: false, reason: 'timeout' };
      this.cached = { at: clock.now().getTime(), value };
      return value;
    }
    let timer: NodeJS.Timeout | undefined;
    let cause: unknown = null;
    const timeout = new Promise<Readiness>((resolve) => {
      timer = setTimeout(() => resolve({ ready: false, reason: 'timeout' }), READINESS_TIMEOUT_MS);
      timer.unref();
    });
    const attempt = (async (): Promise<Readiness> => {
      try {
        await writeHeartbeat(db.db, clock.now().toISOString());
        await probePageAllocation(db.db, db.kind);
        return { ready: true };
      } catch (err) {
        cause = err;
        return { ready: false, reason: databaseFaultOf(err) ?? 'unknown' };
      }
    })();
    const value = await Promise.race([attempt, timeout]).finally(() => clearTimeout(timer));
    if (!value.ready && value.reason === 'timeout') {
      this.stuckWrite = attempt.finally(() => {
        this.stuckWrite = null;
      });
    }
    this.cached = { at: clock.now().getTime(), value };
    this.logChange(value, cause);
    return value;
  }

  /** Logs when the answer changes (with the database's own words for the cause), not every second while it lasts. */
  private logChange(value: Readiness, cause: unknown): void {
    const { code, message } = (cause ?? {}) as { code?: unknown; message?: unknown };
    const state = value.ready ? 'ready' : `${value.reason}:${String(code ?? '')}`;
    if (state === this.lastState) return;
    this.lastState = state;
    if (value.ready) this.deps.log.info('readiness: the database takes writes again');
    else
      this.deps.log.error({ db: { fault: value.reason, code, message } }, 'readiness: the database cannot take writes');
  }
}
