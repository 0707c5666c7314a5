import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { CrisisRequestsTable, Database } from '../../../db/schema.js';

/** A crisis request with the person it concerns and who acknowledged it. */
export interface CrisisRequestRow extends Omit<Selectable<CrisisRequestsTable>, 'submission_key'> {
  person_name: string;
  person_phone: string | null;
  person_email: string | null;
  unit_name: string;
  acknowledged_name: string | null;
}

export type CrisisStatusFilter = 'open' | 'acknowledged' | 'closed' | 'active';

export interface CrisisQuery {
  agencyId: string;
  status?: CrisisStatusFilter;
  id?: string;
  /** One person's requests only (a shared result's page links to them). */
  personId?: string;
  /** Units the reader's grant covers; null = the whole agency. */
  unitIds: ReadonlySet<string> | null;
  /** A counsellor never handles their own request: another one does. */
  excludePersonId: string;
  /** The page after this one (newest first): requests older than it, or as old with a later id. */
  after?: { createdAt: string; id: string };
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('crisis_requests as cr')
    .innerJoin('people as p', 'p.id', 'cr.person_id')
    .innerJoin('org_units as u', 'u.id', 'cr.unit_id')
    .leftJoin('people as ack', 'ack.id', 'cr.acknowledged_by')
    .select([
      'cr.id',
      'cr.agency_id',
      'cr.person_id',
      'cr.unit_id',
      'cr.source',
      'cr.result_id',
      'cr.contact_method',
      'cr.contact_enc',
      'cr.preferred_time',
      'cr.note_enc',
      'cr.status',
      'cr.created_at',
      'cr.acknowledged_by',
      'cr.acknowledged_at',
      'cr.closed_at',
      'cr.first_contact_at',
      'p.full_name as person_name',
      'p.phone as person_phone',
      'p.email as person_email',
      'u.name as unit_name',
      'ack.full_name as acknowledged_name',
    ]);
}

/** The requests a counsellor may see: their units only, never their own. Null when none can match. */
function matching(db: Kysely<Database>, q: CrisisQuery) {
  let query = baseQuery(db).where('cr.agency_id', '=', q.agencyId).where('cr.person_id', '!=', q.excludePersonId);
  if (q.id) query = query.where('cr.id', '=', q.id);
  if (q.personId) query = query.where('cr.person_id', '=', q.personId);
  if (q.status === 'active') query = query.where('cr.status', 'in', ['open', 'acknowledged']);
  else if (q.status) query = query.where('cr.status', '=', q.status);
  if (q.unitIds !== null) {
    if (q.unitIds.size === 0) return null;
    query = query.where('cr.unit_id', 'in', [...q.unitIds]);
  }
  const after = q.after;
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('cr.created_at', '<', after.createdAt),
        eb.and([eb('cr.created_at', '=', after.createdAt), eb('cr.id', '>', after.id)]),
      ]),
    );
  return query;
}

/** The urgent queue as a counsellor may see it, newest first (as the page says). */
export async function findCrisisRequests(
  db: Kysely<Database>,
  q: CrisisQuery,
  limit: number,
): Promise<CrisisRequestRow[]> {
  const query = matching(db, q);
  if (!query) return [];
  return query.orderBy('cr.created_at', 'desc').orderBy('cr.id').limit(limit).execute();
}

export async function countCrisisRequests(db: Kysely<Database>, q: CrisisQuery): Promise<number> {
  const query = matching(db, { ...q, after: undefined });
  if (!query) return 0;
  const row = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * When each request the reader may see, made since `since`, was made and first followed up
 * (docs/decisions/043-counsellor-workspace.md): the team's time to first contact.
 */
export async function findFirstContactTimes(
  db: Kysely<Database>,
  q: Pick<CrisisQuery, 'agencyId' | 'unitIds' | 'excludePersonId'>,
  since: string,
) {
  if (q.unitIds !== null && q.unitIds.size === 0) return [];
  let query = db
    .selectFrom('crisis_requests')
    .select(['created_at', 'first_contact_at'])
    .where('agency_id', '=', q.agencyId)
    .where('person_id', '!=', q.excludePersonId)
    .where('source', '!=', 'disclosed_outreach')
    .where('created_at', '>=', since)
    .where('first_contact_at', 'is not', null);
  if (q.unitIds !== null) query = query.where('unit_id', 'in', [...q.unitIds]);
  return query.execute();
}

/** Records the first contact once: a later one leaves the first in place. */
export async function setFirstContact(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db
    .updateTable('crisis_requests')
    .set({ first_contact_at: at })
    .where('id', '=', id)
    .where('first_contact_at', 'is', null)
    .execute();
}

/** The requests a counsellor took up (acknowledged), by person: a source of their caseload. */
export async function findTakenBy(db: Kysely<Database>, agencyId: string, counsellorId: string) {
  return db
    .selectFrom('crisis_requests')
    .select(['id', 'person_id', 'status', 'created_at', 'acknowledged_at', 'first_contact_at', 'closed_at'])
    .where('agency_id', '=', agencyId)
    .where('acknowledged_by', '=', counsellorId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** The row a client's submission key already created, if any (idempotent "please contact me"). */
export async function findCrisisRequestByKey(db: Kysely<Database>, personId: string, submissionKey: string) {
  return db
    .selectFrom('crisis_requests')
    .select(['id', 'created_at', 'source'])
    .where('person_id', '=', personId)
    .where('submission_key', '=', submissionKey)
    .executeTakeFirst();
}

/** Stores a new request (contact and note already encrypted). */
export async function insertCrisisRequest(db: Kysely<Database>, row: Insertable<CrisisRequestsTable>): Promise<void> {
  await db.insertInto('crisis_requests').values(row).execute();
}

/** What the relay needs to tell the counsellors: the request's place, status and agency name. */
export async function findRequestToNotify(db: Kysely<Database>, requestId: string) {
  return db
    .selectFrom('crisis_requests')
    .innerJoin('agencies', 'agencies.id', 'crisis_requests.agency_id')
    .select([
      'crisis_requests.id',
      'crisis_requests.agency_id',
      'crisis_requests.person_id',
      'crisis_requests.unit_id',
      'crisis_requests.status',
      'agencies.name as agency_name',
    ])
    .where('crisis_requests.id', '=', requestId)
    .executeTakeFirst();
}

/** Moves a request on (acknowledged or closed). */
export async function updateCrisisStatus(
  db: Kysely<Database>,
  id: string,
  patch: Pick<Updateable<CrisisRequestsTable>, 'status' | 'acknowledged_by' | 'acknowledged_at' | 'closed_at'>,
): Promise<void> {
  await db.updateTable('crisis_requests').set(patch).where('id', '=', id).execute();
}

/** The "please contact me" request each result carried, if any (not the outreach notices). */
export async function findContactRequestIds(db: Kysely<Database>, resultIds: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  if (resultIds.length === 0) return map;
  const rows = await db
    .selectFrom('crisis_requests')
    .select(['id', 'result_id'])
    .where('result_id', 'in', resultIds)
    .where('source', '=', 'assessment')
    .execute();
  for (const r of rows) if (r.result_id) map.set(r.result_id, r.id);
  return map;
}

/** Erased results: the requests they raised stay, but no longer name them. */
export async function detachResults(db: Kysely<Database>, resultIds: string[]): Promise<void> {
  if (resultIds.length === 0) return;
  await db.updateTable('crisis_requests').set({ result_id: null }).where('result_id', 'in', resultIds).execute();
}

/** The person's requests for help (contact and note still encrypted), newest first. */
export async function findOwnCrisisRequests(db: Kysely<Database>, personId: string, agencyId: string) {
  return db
    .selectFrom('crisis_requests')
    .select([
      'id',
      'source',
      'contact_method',
      'contact_enc',
      'preferred_time',
      'note_enc',
      'status',
      'created_at',
      'acknowledged_at',
      'closed_at',
    ])
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** How many of the person's requests are closed and how many still open. */
export async function countOwnCrisisRequests(db: Kysely<Database>, personId: string, agencyId: string) {
  const requests = await db
    .selectFrom('crisis_requests')
    .select(['status', sql<number>`cast(count(*) as integer)`.as('n')])
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .groupBy('status')
    .execute();
  const byStatus = (closed: boolean) =>
    requests.filter((r) => (r.status === 'closed') === closed).reduce((sum, r) => sum + Number(r.n), 0);
  return { closed: byStatus(true), open: byStatus(false) };
}

/** Erases the person's closed requests; open ones stay while a counsellor may be acting on them. */
export async function eraseOwnClosedCrisisRequests(
  db: Kysely<Database>,
  personId: string,
  agencyId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('crisis_requests')
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'closed')
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Erases the agency's requests closed before `cutoff` (the retention schedule). */
export async function eraseClosedCrisisRequestsBefore(
  db: Kysely<Database>,
  agencyId: string,
  cutoff: string,
): Promise<number> {
  const result = await db
    .deleteFrom('crisis_requests')
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'closed')
    .where('closed_at', '<', cutoff)
    .executeTakeFirstOrThrow();
  return Number(result.numDeletedRows);
}

/**
 * The person's latest requests for help as they see them on their home: status and times only,
 * never the contact or note, and never a disclosed-outreach notice (they did not ask for it).
 */
export async function findOwnRequestStatuses(db: Kysely<Database>, personId: string, agencyId: string, limit: number) {
  return db
    .selectFrom('crisis_requests')
    .select(['id', 'source', 'status', 'created_at', 'acknowledged_at', 'closed_at'])
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .where('source', 'in', ['assessment', 'help_button'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}
