import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { roleGrantView } from '../../../contracts/auth.js';
import type { Database, RoleAssignmentRow } from '../../../db/schema.js';
import type { Role } from '../../../domain/access/roles.js';

export type RoleGrantView = z.infer<typeof roleGrantView>;

export type RoleAssignment = RoleAssignmentRow;

/** A person's grants with the names of the units they are limited to. */
export async function findGrantViews(
  db: Kysely<Database>,
  agencyId: string,
  personId: string,
): Promise<RoleGrantView[]> {
  const rows = await db
    .selectFrom('role_assignments as r')
    .leftJoin('org_units as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'r.role', 'r.unit_id', 'u.name as unit_name'])
    .where('r.agency_id', '=', agencyId)
    .where('r.person_id', '=', personId)
    .orderBy('r.role')
    .orderBy('r.granted_at')
    .execute();
  return rows.map((g) => ({ id: g.id, role: g.role as Role, unitId: g.unit_id, unitName: g.unit_name }));
}

/** A person's stored grants, as rows. */
export async function findAssignments(
  db: Kysely<Database>,
  agencyId: string,
  personId: string,
): Promise<RoleAssignment[]> {
  return db
    .selectFrom('role_assignments')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('person_id', '=', personId)
    .execute();
}

/** Stores one grant. */
export async function insertAssignment(db: Kysely<Database>, row: RoleAssignment): Promise<void> {
  await db.insertInto('role_assignments').values(row).execute();
}

/** Removes one grant of the agency. */
export async function deleteAssignment(db: Kysely<Database>, agencyId: string, id: string): Promise<void> {
  await db.deleteFrom('role_assignments').where('agency_id', '=', agencyId).where('id', '=', id).execute();
}
