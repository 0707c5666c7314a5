import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

export interface ThrottleRow {
  key: string;
  failures: number;
  window_started_at: string;
  blocked_until: string | null;
}

export async function findThrottleRows(db: Kysely<Database>, keys: string[]): Promise<ThrottleRow[]> {
  return db.selectFrom('sign_in_throttle').selectAll().where('key', 'in', keys).execute();
}

export async function findThrottleRow(db: Kysely<Database>, key: string): Promise<ThrottleRow | undefined> {
  return db.selectFrom('sign_in_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function upsertThrottleRow(db: Kysely<Database>, row: ThrottleRow): Promise<void> {
  const { key, ...values } = row;
  await db
    .insertInto('sign_in_throttle')
    .values({ key, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}

export async function deleteThrottleRows(db: Kysely<Database>, keys: string[]): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', 'in', keys).execute();
}

/** Drops counters whose window started before the cutoff and that block no longer (or never did). */
export async function deleteStaleThrottleRows(db: Kysely<Database>, cutoff: string): Promise<void> {
  await db
    .deleteFrom('sign_in_throttle')
    .where('window_started_at', '<', cutoff)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', cutoff)]))
    .execute();
}
