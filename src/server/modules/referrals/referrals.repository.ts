import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, ReferralsTable } from '../../../db/schema.js';

export type ReferralRow = Selectable<ReferralsTable>;

/** A referral with the names a view shows (the org directory read model: people). */
export interface NamedReferralRow extends ReferralRow {
  client_name: string;
  author_name: string;
}

function named(db: Kysely<Database>) {
  return db
    .selectFrom('referrals')
    .innerJoin('people as c', 'c.id', 'referrals.client_id')
    .innerJoin('people as a', 'a.id', 'referrals.author_id')
    .selectAll('referrals')
    .select(['c.full_name as client_name', 'a.full_name as author_name']);
}

export async function insertReferral(db: Kysely<Database>, row: Insertable<ReferralsTable>): Promise<void> {
  await db.insertInto('referrals').values(row).execute();
}

export async function updateReferral(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  changes: Updateable<ReferralsTable>,
): Promise<void> {
  await db.updateTable('referrals').set(changes).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

/** A referral of the agency, by id, with its names; callers check that the actor is its client or author. */
export async function findReferral(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
): Promise<NamedReferralRow | undefined> {
  return named(db).where('referrals.agency_id', '=', agencyId).where('referrals.id', '=', id).executeTakeFirst();
}

export async function findByAuthorKey(db: Kysely<Database>, authorId: string, key: string) {
  return db
    .selectFrom('referrals')
    .select(['id', 'agency_id'])
    .where('author_id', '=', authorId)
    .where('client_key', '=', key)
    .executeTakeFirst();
}

/** The client's referrals, newest first. */
export async function listOfClient(db: Kysely<Database>, agencyId: string, clientId: string) {
  return named(db)
    .where('referrals.agency_id', '=', agencyId)
    .where('referrals.client_id', '=', clientId)
    .orderBy('referrals.created_at', 'desc')
    .limit(200)
    .execute();
}

/** The referrals a counsellor prepared, newest first. */
export async function listOfAuthor(db: Kysely<Database>, agencyId: string, authorId: string) {
  return named(db)
    .where('referrals.agency_id', '=', agencyId)
    .where('referrals.author_id', '=', authorId)
    .where('referrals.prepared_by', '=', 'counsellor')
    .orderBy('referrals.created_at', 'desc')
    .limit(300)
    .execute();
}

// --- Data rights and retention ----------------------------------------------------------------------

export async function allOfClient(db: Kysely<Database>, agencyId: string, clientId: string) {
  return named(db)
    .where('referrals.agency_id', '=', agencyId)
    .where('referrals.client_id', '=', clientId)
    .orderBy('referrals.created_at')
    .execute();
}

export async function countOfClient(db: Kysely<Database>, agencyId: string, clientId: string): Promise<number> {
  const row = await db
    .selectFrom('referrals')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('agency_id', '=', agencyId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function deleteOfClient(db: Kysely<Database>, agencyId: string, clientId: string): Promise<number> {
  const res = await db
    .deleteFrom('referrals')
    .where('agency_id', '=', agencyId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Letters whose last valid day is before the cutoff's day, whatever their status. */
export async function deleteExpiredBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
  const res = await db
    .deleteFrom('referrals')
    .where('agency_id', '=', agencyId)
    .where('expires_on', '<', cutoff.slice(0, 10))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/**
 * The open referrals a counsellor prepared (prepared, given or visited), newest first: status and
 * validity only, nothing sealed (the counsellor's caseload, docs/decisions/047-caseload.md). One read
 * whatever the caseload's size (index referrals_author).
 */
export async function openOfAuthor(db: Kysely<Database>, agencyId: string, authorId: string) {
  return db
    .selectFrom('referrals')
    .select(['client_id', 'status', 'expires_on', 'created_at'])
    .where('agency_id', '=', agencyId)
    .where('author_id', '=', authorId)
    .where('prepared_by', '=', 'counsellor')
    .where('status', 'in', ['prepared', 'given', 'visited'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
