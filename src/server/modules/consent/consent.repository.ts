import type { Insertable, Kysely, Selectable } from 'kysely';
import type { CounsellingConsentsTable, Database } from '../../../db/schema.js';

export type ConsentRow = Selectable<CounsellingConsentsTable>;

/** A consent with the names of its counsellor and recipient (org directory read model). */
export type NamedConsentRow = ConsentRow & { counsellor_name: string; recipient_name: string | null };

function named(db: Kysely<Database>) {
  return db
    .selectFrom('counselling_consents as c')
    .innerJoin('people as p', 'p.id', 'c.counsellor_id')
    .leftJoin('people as r', 'r.id', 'c.recipient_id')
    .selectAll('c')
    .select(['p.full_name as counsellor_name', 'r.full_name as recipient_name']);
}

/** A consent with the names of its client and recipient (the counsellor's view). */
export type ClientConsentRow = ConsentRow & { client_name: string; recipient_name: string | null };

export async function insertConsent(db: Kysely<Database>, row: Insertable<CounsellingConsentsTable>): Promise<void> {
  await db.insertInto('counselling_consents').values(row).execute();
}

/** The client's grant stored under this Idempotency-Key, if any. */
export async function findByClientKey(db: Kysely<Database>, clientId: string, key: string) {
  return db
    .selectFrom('counselling_consents')
    .select('id')
    .where('client_id', '=', clientId)
    .where('client_key', '=', key)
    .executeTakeFirst();
}

/** The client's consents, newest first, with names. */
export async function findOfClient(
  db: Kysely<Database>,
  agencyId: string,
  clientId: string,
): Promise<NamedConsentRow[]> {
  return named(db)
    .where('c.agency_id', '=', agencyId)
    .where('c.client_id', '=', clientId)
    .orderBy('c.granted_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
}

/** One of the client's own consents; someone else's is not found. */
export async function findOwn(db: Kysely<Database>, agencyId: string, clientId: string, id: string) {
  return named(db)
    .where('c.agency_id', '=', agencyId)
    .where('c.client_id', '=', clientId)
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/**
 * Consents of one counsellor not revoked and not expired at `at` (the caller still applies the
 * domain's rule; this narrows the rows). `clientId` and `kind` narrow further.
 */
export async function findLiveOfCounsellor(
  db: Kysely<Database>,
  q: { counsellorId: string; at: string; clientId?: string; kind?: string; agencyId?: string },
): Promise<ClientConsentRow[]> {
  let query = db
    .selectFrom('counselling_consents as c')
    .innerJoin('people as p', 'p.id', 'c.client_id')
    .leftJoin('people as r', 'r.id', 'c.recipient_id')
    .selectAll('c')
    .select(['p.full_name as client_name', 'r.full_name as recipient_name'])
    .where('c.counsellor_id', '=', q.counsellorId)
    .where('c.revoked_at', 'is', null)
    .where('c.expires_at', '>', q.at)
    .where('c.granted_at', '<=', q.at);
  if (q.agencyId) query = query.where('c.agency_id', '=', q.agencyId);
  if (q.clientId) query = query.where('c.client_id', '=', q.clientId);
  if (q.kind) query = query.where('c.kind', '=', q.kind);
  return query.orderBy('p.full_name').orderBy('c.kind').execute();
}

/** Revokes one consent if it is still unrevoked; answers whether a row changed. */
export async function revokeConsent(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('counselling_consents')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Every consent of the client as stored, oldest first (their copy of their data). */
export async function allOfClient(
  db: Kysely<Database>,
  agencyId: string,
  clientId: string,
): Promise<NamedConsentRow[]> {
  return named(db)
    .where('c.agency_id', '=', agencyId)
    .where('c.client_id', '=', clientId)
    .orderBy('c.granted_at')
    .orderBy('c.id')
    .execute();
}

/**
 * The client's notes_transfer consents naming `recipientId`, not revoked and not expired at `at`,
 * with the author's name (decision 050). Served by `counselling_consents_client`: a client has few.
 */
export async function findLiveTransfersTo(
  db: Kysely<Database>,
  q: { agencyId: string; clientId: string; recipientId: string; at: string },
): Promise<NamedConsentRow[]> {
  return named(db)
    .where('c.agency_id', '=', q.agencyId)
    .where('c.client_id', '=', q.clientId)
    .where('c.kind', '=', 'notes_transfer')
    .where('c.recipient_id', '=', q.recipientId)
    .where('c.revoked_at', 'is', null)
    .where('c.expires_at', '>', q.at)
    .where('c.granted_at', '<=', q.at)
    .orderBy('c.granted_at')
    .orderBy('c.id')
    .execute();
}
