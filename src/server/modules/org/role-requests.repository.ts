import type { Kysely } from 'kysely';
import type { Database, RoleRequestsTable } from '../../../db/schema.js';
import type { Role } from '../../../domain/access/roles.js';

export type RoleRequestRow = RoleRequestsTable;

/** A request with the names a view needs. */
export interface RoleRequestDetail extends RoleRequestRow {
  person_name: string;
  unit_name: string | null;
  requester_name: string;
  decider_name: string | null;
}

function detailQuery(db: Kysely<Database>) {
  return db
    .selectFrom('role_requests as q')
    .innerJoin('people as p', 'p.id', 'q.person_id')
    .innerJoin('people as r', 'r.id', 'q.requested_by')
    .leftJoin('people as d', 'd.id', 'q.decided_by')
    .leftJoin('org_units as u', 'u.id', 'q.unit_id')
    .selectAll('q')
    .select([
      'p.full_name as person_name',
      'u.name as unit_name',
      'r.full_name as requester_name',
      'd.full_name as decider_name',
    ]);
}

/** Stores a new request. */
export async function insertRoleRequest(db: Kysely<Database>, row: RoleRequestRow): Promise<void> {
  await db.insertInto('role_requests').values(row).execute();
}

/** One request of the agency (null agency: any agency, for the platform admin's fallback). */
export async function findRoleRequest(
  db: Kysely<Database>,
  agencyId: string | null,
  id: string,
): Promise<RoleRequestDetail | undefined> {
  let q = detailQuery(db).where('q.id', '=', id);
  if (agencyId !== null) q = q.where('q.agency_id', '=', agencyId);
  return q.executeTakeFirst();
}

/** The agency's requests, newest first, optionally of one status. */
export async function listRoleRequests(
  db: Kysely<Database>,
  agencyId: string,
  status?: string,
): Promise<RoleRequestDetail[]> {
  let q = detailQuery(db).where('q.agency_id', '=', agencyId);
  if (status) q = q.where('q.status', '=', status);
  return q.orderBy('q.requested_at', 'desc').orderBy('q.id').limit(200).execute();
}

/** Pending requests of one person. */
export async function listPendingOf(
  db: Kysely<Database>,
  agencyId: string,
  personId: string,
): Promise<RoleRequestDetail[]> {
  return detailQuery(db)
    .where('q.agency_id', '=', agencyId)
    .where('q.person_id', '=', personId)
    .where('q.status', '=', 'pending')
    .orderBy('q.requested_at')
    .execute();
}

/** Pending requests in every agency, for the platform admin's fallback list. */
export async function listPendingEverywhere(db: Kysely<Database>): Promise<RoleRequestDetail[]> {
  return detailQuery(db).where('q.status', '=', 'pending').orderBy('q.requested_at').limit(500).execute();
}

/** Records a decision; only a pending request changes (the caller checks the count). */
export async function decideRoleRequest(
  db: Kysely<Database>,
  id: string,
  patch: { status: string; decided_by: string | null; decided_at: string; assignment_id?: string | null },
): Promise<number> {
  const result = await db
    .updateTable('role_requests')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Pending requests past their expiry. */
export async function findExpiredPending(db: Kysely<Database>, now: string): Promise<RoleRequestRow[]> {
  return db
    .selectFrom('role_requests')
    .selectAll()
    .where('status', '=', 'pending')
    .where('expires_at', '<=', now)
    .limit(500)
    .execute();
}

/**
 * Active people of the agency, other than `except`, whose approved grants let them approve:
 * agency admins and DPOs.
 */
export async function findApprovers(
  db: Kysely<Database>,
  agencyId: string,
  except: readonly string[] = [],
): Promise<Array<{ id: string; email: string | null; locale: string; full_name: string; role: string }>> {
  let q = db
    .selectFrom('role_assignments as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(['p.id', 'p.email', 'p.locale', 'p.full_name', 'a.role'])
    .where('a.agency_id', '=', agencyId)
    .where('a.role', 'in', ['agency_admin', 'dpo'])
    .where('p.is_active', '=', 1);
  if (except.length > 0) q = q.where('p.id', 'not in', [...except]);
  return q.execute();
}

/** Active approvers (agency admins and DPOs) of several agencies at once, by id. */
export async function findApproverIdsIn(
  db: Kysely<Database>,
  agencyIds: readonly string[],
): Promise<Array<{ agency_id: string; id: string }>> {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom('role_assignments as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(['a.agency_id', 'p.id'])
    .where('a.agency_id', 'in', [...agencyIds])
    .where('a.role', 'in', ['agency_admin', 'dpo'])
    .where('p.is_active', '=', 1)
    .execute();
}

/** Active DPOs of the agency. */
export async function findDpos(db: Kysely<Database>, agencyId: string) {
  return db
    .selectFrom('role_assignments as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(['p.id', 'p.email', 'p.locale', 'p.full_name'])
    .where('a.agency_id', '=', agencyId)
    .where('a.role', '=', 'dpo')
    .where('p.is_active', '=', 1)
    .execute();
}

/** The approved grants of the given roles in the agency, active people only, with the approver. */
export async function findGrantsOfRoles(db: Kysely<Database>, agencyId: string, roles: readonly Role[]) {
  return db
    .selectFrom('role_assignments as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .leftJoin('org_units as u', 'u.id', 'a.unit_id')
    .leftJoin('role_requests as q', 'q.assignment_id', 'a.id')
    .leftJoin('people as d', 'd.id', 'q.decided_by')
    .select([
      'p.id as person_id',
      'p.full_name',
      'p.position',
      'a.role',
      'u.name as unit_name',
      'a.granted_at',
      'd.full_name as approver_name',
    ])
    .where('a.agency_id', '=', agencyId)
    .where('a.role', 'in', [...roles])
    .where('p.is_active', '=', 1)
    .orderBy('a.role')
    .orderBy('p.full_name')
    .execute();
}
