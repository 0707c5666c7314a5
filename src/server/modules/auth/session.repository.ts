import type { Kysely } from 'kysely';
import type { Database, SessionRow } from '../../../db/schema.js';

export async function insertSession(db: Kysely<Database>, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSession(db: Kysely<Database>, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, id: string, lastSeenAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Signs a person out everywhere, optionally keeping the current session. */
export async function deleteSessionsOf(db: Kysely<Database>, personId: string, exceptId?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('person_id', '=', personId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const result = await q.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findSessionsOf(db: Kysely<Database>, personId: string): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string, idleCutoff: string): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
