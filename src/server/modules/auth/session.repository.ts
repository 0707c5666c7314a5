import type { Kysely } from 'kysely';
import type { Database, SessionRow } from '../../../db/schema.js';
import { StatementCache } from '../../../db/statement-cache.js';

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

/**
 * What a request's session lookup needs, one row per grant (or one row without a grant): the
 * session, its person (left-joined, so a session whose person is gone or moved to another agency
 * is still found and can be ended), the person's role grants (the org read model) and whether they
 * have two-step sign-in. One round trip for many sessions (docs/decisions/037-check-in-submit-on-postgresql.md).
 */
export interface SessionLookupRow {
  id: string;
  person_id: string;
  agency_id: string;
  stage: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  p_id: string | null;
  p_unit_id: string | null;
  p_full_name: string | null;
  p_locale: string | null;
  p_is_active: number | null;
  grant_role: string | null;
  grant_unit_id: string | null;
  totp_enabled_at: string | null;
}

export async function findSessionsForLookup(db: Kysely<Database>, ids: readonly string[]): Promise<SessionLookupRow[]> {
  if (ids.length === 0) return [];
  return lookups.execute(db, `lookup ${ids.length}`, ids, () => lookupQuery(db, ids));
}

/** Every request runs the lookup: compiled once per number of sessions asked for (src/db/statement-cache.ts). */
const lookups = new StatementCache(500);

function lookupQuery(db: Kysely<Database>, ids: readonly string[]) {
  return db
    .selectFrom('sessions as s')
    .leftJoin('people as p', (join) => join.onRef('p.id', '=', 's.person_id').onRef('p.agency_id', '=', 's.agency_id'))
    .leftJoin('role_assignments as r', 'r.person_id', 'p.id')
    .leftJoin('credentials as c', 'c.person_id', 'p.id')
    .select([
      's.id',
      's.person_id',
      's.agency_id',
      's.stage',
      's.csrf_token',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      'p.id as p_id',
      'p.unit_id as p_unit_id',
      'p.full_name as p_full_name',
      'p.locale as p_locale',
      'p.is_active as p_is_active',
      'r.role as grant_role',
      'r.unit_id as grant_unit_id',
      'c.totp_enabled_at',
    ])
    .where('s.id', 'in', [...ids]);
}
