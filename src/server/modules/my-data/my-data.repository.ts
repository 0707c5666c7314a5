import { sql, type Kysely, type Selectable } from 'kysely';
import type { DatabaseKind } from '../../../db/connection.js';
import type { ConsentChoicesTable, Database, DataRequestsTable } from '../../../db/schema.js';

/**
 * Queries of "My data" (docs/decisions/013-data-rights.md). Every read is keyed by the signed-in person and their agency:
 * there is no parameter here by which one person's rows could be asked for by another.
 */

export type DataRequestRow = Selectable<DataRequestsTable>;
export type ConsentChoiceRow = Selectable<ConsentChoicesTable>;
type Db = Kysely<Database>;

/* ------------------------------------------------------------- reading */

/** The person's profile with the names of their unit and manager. */
export async function findProfile(db: Db, personId: string, agencyId: string) {
  return db
    .selectFrom('people as p')
    .innerJoin('org_units as u', 'u.id', 'p.unit_id')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .leftJoin('people as m', 'm.id', 'p.manager_id')
    .select([
      'p.id',
      'p.full_name',
      'p.preferred_name',
      'p.nip',
      'p.email',
      'p.phone',
      'p.position',
      'p.employment_type',
      'p.locale',
      'p.is_active',
      'p.created_at',
      'p.updated_at',
      'u.name as unit_name',
      'u.time_zone',
      'a.name as agency_name',
      'm.full_name as manager_name',
    ])
    .where('p.id', '=', personId)
    .where('p.agency_id', '=', agencyId)
    .executeTakeFirst();
}

/** The person's role grants, with the unit a grant is limited to. */
export async function findRoleGrants(db: Db, personId: string, agencyId: string) {
  return db
    .selectFrom('role_assignments as r')
    .leftJoin('org_units as u', 'u.id', 'r.unit_id')
    .select(['r.role', 'u.name as unit_name', 'r.granted_at'])
    .where('r.person_id', '=', personId)
    .where('r.agency_id', '=', agencyId)
    .orderBy('r.granted_at')
    .execute();
}

/** The person's standing choices per purpose. */
export async function findConsentChoices(db: Db, personId: string): Promise<ConsentChoiceRow[]> {
  return db.selectFrom('consent_choices').selectAll().where('person_id', '=', personId).execute();
}

/** One standing choice, if the person made one. */
export async function findConsentChoice(
  db: Db,
  personId: string,
  purpose: string,
): Promise<ConsentChoiceRow | undefined> {
  return db
    .selectFrom('consent_choices')
    .selectAll()
    .where('person_id', '=', personId)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

/** The person's sessions without their secrets (the id is a token hash; the CSRF token stays out). */
export async function findSessions(db: Db, personId: string) {
  return db
    .selectFrom('sessions')
    .select(['created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent', 'stage'])
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** The person's in-app notifications. */
export async function findNotifications(db: Db, personId: string, agencyId: string) {
  return db
    .selectFrom('notifications')
    .select(['kind', 'payload', 'created_at', 'read_at', 'held_until'])
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .orderBy('created_at', 'desc')
    .execute();
}

/**
 * The audit entries about the person. `byOthers` keeps those written by someone else (who read
 * what of mine, with their names and roles); otherwise the person's own actions. Only names of
 * actors are joined: nothing else of anyone else.
 */
export async function findAuditAbout(db: Db, personId: string, agencyId: string, byOthers: boolean) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('people as a', 'a.id', 'audit_log.actor_id')
    .select([
      'audit_log.occurred_at',
      'audit_log.action',
      'a.full_name as actor_name',
      'audit_log.actor_role',
      'audit_log.purpose',
      'audit_log.resource_type',
      'audit_log.outcome',
    ])
    .where('audit_log.agency_id', '=', agencyId);
  q = byOthers
    ? q
        .where('audit_log.subject_id', '=', personId)
        .where('audit_log.actor_id', 'is not', null)
        .where('audit_log.actor_id', '!=', personId)
    : q.where('audit_log.actor_id', '=', personId);
  return q.orderBy('audit_log.occurred_at', 'desc').orderBy('audit_log.id', 'desc').limit(5000).execute();
}

/* ------------------------------------------------------------ requests */

/** Records a data-subject request (UU PDP art. 14). */
export async function insertDataRequest(db: Db, row: DataRequestRow): Promise<void> {
  await db.insertInto('data_requests').values(row).execute();
}

/** The person's requests, newest first. */
export async function findDataRequests(db: Db, personId: string, agencyId: string): Promise<DataRequestRow[]> {
  return db
    .selectFrom('data_requests')
    .selectAll()
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
}

/** Correction requests of an agency (the agency admin's list), open ones first, with the person's name. */
export async function findCorrectionRequests(db: Db, agencyId: string) {
  return db
    .selectFrom('data_requests as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select([
      'r.id',
      'r.person_id',
      'p.full_name as person_name',
      'r.status',
      'r.details',
      'r.created_at',
      'r.completed_at',
      'r.resolution_note',
    ])
    .where('r.agency_id', '=', agencyId)
    .where('r.kind', '=', 'correction')
    .orderBy(sql`case when r.status = 'open' then 0 else 1 end`)
    .orderBy('r.created_at', 'desc')
    .limit(500)
    .execute();
}

/** One correction request of the agency. */
export async function findCorrectionRequest(db: Db, agencyId: string, id: string): Promise<DataRequestRow | undefined> {
  return db
    .selectFrom('data_requests')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('kind', '=', 'correction')
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Answers an open correction request; false when it was already answered. */
export async function resolveCorrectionRequest(
  db: Db,
  id: string,
  change: { status: string; resolvedBy: string; note: string | null; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('data_requests')
    .set({
      status: change.status,
      resolved_by: change.resolvedBy,
      resolution_note: change.note,
      completed_at: change.at,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/* ------------------------------------------------------------- consent */

/** Sets the person's standing choice for a purpose. */
export async function upsertConsentChoice(db: Db, row: ConsentChoiceRow): Promise<void> {
  await db
    .insertInto('consent_choices')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['person_id', 'purpose']).doUpdateSet({ granted: row.granted, changed_at: row.changed_at }),
    )
    .execute();
}

/* ------------------------------------------------------------- erasure */

/**
 * SQLite keeps deleted rows' bytes in free pages and in the write-ahead log until they are reused.
 * Before an erasure the connection zeroes what it deletes (`secure_delete`); after it, the log is
 * checkpointed and truncated, so the erased values are gone from the files on disk too.
 */
export async function prepareSecureDelete(db: Db, kind: DatabaseKind): Promise<void> {
  if (kind === 'sqlite') await sql`PRAGMA secure_delete = ON`.execute(db);
}

/** See prepareSecureDelete. */
export async function flushErasure(db: Db, kind: DatabaseKind): Promise<void> {
  if (kind === 'sqlite') await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}
