import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from '../../../db/connection.js';
import type { Database } from '../../../db/schema.js';

/** Whether a key of the install's own state is set (set-up done, demo loaded…). */
export async function hasInstanceState(db: Kysely<Database>, key: string): Promise<boolean> {
  return Boolean(await db.selectFrom('instance_state').select('key').where('key', '=', key).executeTakeFirst());
}

/** Sets a key once: a second, concurrent insert of the same key fails on the primary key. */
export async function insertInstanceState(
  db: Kysely<Database>,
  key: string,
  value: string,
  now: string,
): Promise<void> {
  await db.insertInto('instance_state').values({ key, value, updated_at: now }).execute();
}

/*
 * The readiness probe (health module) proves with these two that the database takes writes; the
 * rows are setup's, so the writes live here.
 */

/** The instance_state row the readiness probe rewrites: a committed write proves commits reach the disk. */
const HEARTBEAT_KEY = 'readiness_heartbeat';
/** A row that is inserted and always rolled back: it never exists outside the probe's transaction. */
const ALLOCATION_KEY = 'readiness_allocation_probe';

/** Thrown inside the allocation probe to make Kysely roll it back. */
class RollBack extends Error {}

/**
 * Commits one small write (an upsert of a single row). Fails with the database's own error when
 * it accepts no writes: read-only file or mount, hot standby or `default_transaction_read_only`
 * (25006), disk full (SQLITE_FULL, 53100), disk errors, a held write lock.
 */
export async function writeHeartbeat(db: Kysely<Database>, now: string): Promise<void> {
  await db
    .insertInto('instance_state')
    .values({ key: HEARTBEAT_KEY, value: now, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: now, updated_at: now }))
    .execute();
}

/**
 * SQLite only: can the file grow by a page? Inserts a row as large as a page inside a transaction
 * and rolls it back, so nothing stays behind (not even a free page that later writes could use,
 * which would make the next probe pass while the file is full). The heartbeat alone rewrites a
 * row in place and can succeed on a full database while every insert fails.
 */
export async function probePageAllocation(db: Kysely<Database>, kind: DatabaseKind): Promise<void> {
  if (kind !== 'sqlite') return;
  try {
    await db.transaction().execute(async (trx) => {
      const pageSize = await sql<{ page_size: number }>`pragma page_size`.execute(trx);
      const bytes = Number(pageSize.rows[0]?.page_size ?? 4096);
      await trx
        .insertInto('instance_state')
        .values({ key: ALLOCATION_KEY, value: 'x'.repeat(bytes), updated_at: '' })
        .execute();
      throw new RollBack();
    });
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
  }
}
