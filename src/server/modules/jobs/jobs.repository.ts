import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from '../../../db/connection.js';
import type { Database, JobRow } from '../../../db/schema.js';
import { newId } from '../../crypto.js';
import { eachBatch } from '../../../db/batches.js';

export interface NewJob {
  kind: string;
  payload: unknown;
  runAt?: Date;
  /** A second enqueue with the same key is ignored: the job exists once. */
  dedupeKey?: string;
  maxAttempts?: number;
}

/**
 * Adds a job. Call it inside the transaction of the change that needs it (transactional outbox):
 * the job exists if and only if the change committed.
 */
export async function enqueueJob(db: Kysely<Database>, job: NewJob, now: Date): Promise<void> {
  await enqueueJobs(db, [job], now);
}

/**
 * Adds many jobs with multi-row inserts (one per member of a campaign, say), with the same
 * rules as enqueueJob: a job whose dedupe key exists is skipped. Inside a transaction, all or none.
 */
export async function enqueueJobs(db: Kysely<Database>, jobs: readonly NewJob[], now: Date): Promise<void> {
  await eachBatch(jobs, (batch) =>
    db
      .insertInto('jobs')
      .values(
        batch.map((job) => ({
          id: newId(),
          kind: job.kind,
          payload: JSON.stringify(job.payload ?? null),
          run_at: (job.runAt ?? now).toISOString(),
          attempts: 0,
          max_attempts: job.maxAttempts ?? 8,
          locked_by: null,
          locked_until: null,
          completed_at: null,
          failed_at: null,
          last_error: null,
          dedupe_key: job.dedupeKey ?? null,
          created_at: now.toISOString(),
        })),
      )
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute(),
  );
}

/**
 * Claims up to `limit` due jobs for one worker with a lease. On PostgreSQL the inner select uses
 * FOR UPDATE SKIP LOCKED, so two app instances never claim the same job; on SQLite the single
 * writer already serializes the claim.
 */
export async function claimDueJobs(
  db: Kysely<Database>,
  kind: DatabaseKind,
  workerId: string,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<JobRow[]> {
  const nowIso = now.toISOString();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  return db.transaction().execute(async (trx) => {
    let due = trx
      .selectFrom('jobs')
      .select('id')
      .where('completed_at', 'is', null)
      .where('failed_at', 'is', null)
      .where('run_at', '<=', nowIso)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
      .orderBy('run_at')
      .limit(limit);
    if (kind === 'postgres') due = due.forUpdate().skipLocked();
    const ids = (await due.execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    await trx
      .updateTable('jobs')
      .set({ locked_by: workerId, locked_until: leaseUntil, attempts: sql`attempts + 1` })
      .where('id', 'in', ids)
      .execute();
    return trx.selectFrom('jobs').selectAll().where('id', 'in', ids).where('locked_by', '=', workerId).execute();
  });
}

/** Extends a claimed job's lease while it is still being worked on (a long job, see JobRunner). */
export async function renewLease(db: Kysely<Database>, id: string, workerId: string, until: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ locked_until: until.toISOString() })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('completed_at', 'is', null)
    .execute();
}

export async function completeJob(db: Kysely<Database>, id: string, workerId: string, now: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ completed_at: now.toISOString(), locked_by: null, locked_until: null, last_error: null })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

/** Schedules a retry with exponential back-off, or gives up after max_attempts. */
export async function failJob(
  db: Kysely<Database>,
  job: JobRow,
  workerId: string,
  now: Date,
  error: string,
): Promise<void> {
  const giveUp = job.attempts >= job.max_attempts;
  const backoffMs = Math.min(2 ** job.attempts * 5_000, 3_600_000);
  await db
    .updateTable('jobs')
    .set({
      locked_by: null,
      locked_until: null,
      last_error: error.slice(0, 500),
      run_at: new Date(now.getTime() + backoffMs).toISOString(),
      failed_at: giveUp ? now.toISOString() : null,
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .execute();
}

/** Replaces a finished job's payload with null: for payloads that held personal data (a sealed reset identifier, say). */
export async function wipeJobPayload(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable('jobs').set({ payload: 'null' }).where('id', '=', id).execute();
}
