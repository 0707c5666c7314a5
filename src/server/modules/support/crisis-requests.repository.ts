import type { Kysely, Selectable } from 'kysely';
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
  /** Units the reader's grant covers; null = the whole agency. */
  unitIds: ReadonlySet<string> | null;
  /** A counsellor never handles their own request: another one does. */
  excludePersonId: string;
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
      'p.full_name as person_name',
      'p.phone as person_phone',
      'p.email as person_email',
      'u.name as unit_name',
      'ack.full_name as acknowledged_name',
    ]);
}

/** How many requests the urgent queue shows at once; the list says how many more there are. */
export const URGENT_QUEUE_LIMIT = 200;

/** The requests a counsellor may see: their units only, never their own. Null when none can match. */
function matching(db: Kysely<Database>, q: CrisisQuery) {
  let query = baseQuery(db).where('cr.agency_id', '=', q.agencyId).where('cr.person_id', '!=', q.excludePersonId);
  if (q.id) query = query.where('cr.id', '=', q.id);
  if (q.status === 'active') query = query.where('cr.status', 'in', ['open', 'acknowledged']);
  else if (q.status) query = query.where('cr.status', '=', q.status);
  if (q.unitIds !== null) {
    if (q.unitIds.size === 0) return null;
    query = query.where('cr.unit_id', 'in', [...q.unitIds]);
  }
  return query;
}

/** The urgent queue as a counsellor may see it, newest first (as the page says). */
export async function findCrisisRequests(
  db: Kysely<Database>,
  q: CrisisQuery,
  limit = URGENT_QUEUE_LIMIT,
): Promise<CrisisRequestRow[]> {
  const query = matching(db, q);
  if (!query) return [];
  return query.orderBy('cr.created_at', 'desc').orderBy('cr.id').limit(limit).execute();
}

export async function countCrisisRequests(db: Kysely<Database>, q: CrisisQuery): Promise<number> {
  const query = matching(db, q);
  if (!query) return 0;
  const row = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
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
