import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Clock } from '../../clock.js';
import type { JobRunner } from '../jobs/index.js';
import { findUndeliveredJobs } from './crisis-outbox.repository.js';
import { CRISIS_NOTIFY_JOB } from './crisis.service.js';

/**
 * The alarm on the crisis outbox (docs/privacy.md §5: "alert if outbox age > N min"). A request for
 * help that has not reached a counsellor within minutes means the relay is down (no worker, a
 * database problem, a handler failing); operators must hear of it at once, not find it in a
 * weekly review. The state says how late, never whose request or why.
 */
export interface CrisisOutboxState {
  status: 'ok' | 'delayed';
  /** Requests not yet delivered (still queued or being retried). */
  pending: number;
  /** Age in whole minutes of the oldest undelivered request, or null when none waits. */
  oldestMinutes: number | null;
  /** Requests the relay gave up on after all its attempts: each needs a person to act. */
  failed: number;
}

export async function crisisOutboxState(
  db: Kysely<Database>,
  now: Date,
  alertAfterMinutes: number,
): Promise<CrisisOutboxState> {
  const row = await findUndeliveredJobs(db, CRISIS_NOTIFY_JOB);
  const pending = Number(row?.pending ?? 0);
  const failed = Number(row?.failed ?? 0);
  const oldestMinutes = row?.oldest ? Math.max(0, Math.floor((now.getTime() - Date.parse(row.oldest)) / 60_000)) : null;
  const late = oldestMinutes !== null && oldestMinutes >= alertAfterMinutes;
  return { status: late || failed > 0 ? 'delayed' : 'ok', pending, oldestMinutes, failed };
}

/** Checks the outbox every minute on the job runner and logs an error while it is delayed. */
export function watchCrisisOutbox(
  runner: JobRunner,
  deps: { db: Kysely<Database>; clock: Clock; log: FastifyBaseLogger; alertAfterMinutes: number },
): void {
  runner.every({
    name: 'crisis-outbox-watch',
    everyMs: 60_000,
    run: async () => {
      const state = await crisisOutboxState(deps.db, deps.clock.now(), deps.alertAfterMinutes);
      if (state.status === 'delayed') {
        deps.log.error(
          { alert: 'crisis_outbox_delayed', ...state, alertAfterMinutes: deps.alertAfterMinutes },
          'crisis outbox delayed: a request for help has not reached a counsellor',
        );
      }
    },
  });
}
