import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { pathToUnit, subtreeIds, type UnitNode } from '../../../domain/org/unit-tree.js';

/** An active counsellor of the agency, with what a person choosing one, or an email, needs. */
export interface CounsellorRow {
  id: string;
  full_name: string;
  email: string | null;
  locale: string;
  position: string | null;
  unit_name: string;
}

/** The agency's unit tree as parent links (a handful of rows even for a large agency). */
export async function findUnitNodes(db: Kysely<Database>, agencyId: string): Promise<UnitNode[]> {
  const rows = await db.selectFrom('org_units').select(['id', 'parent_id']).where('agency_id', '=', agencyId).execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id }));
}

/**
 * Active counsellors whose grant covers `unitId`: agency-wide grants, or a grant on the unit or
 * one of its ancestors (the same rule as `can(…, 'unit')` in domain/access).
 */
export async function findCounsellorsCovering(
  db: Kysely<Database>,
  agencyId: string,
  unitId: string,
): Promise<CounsellorRow[]> {
  const [grants, tree] = await Promise.all([
    db
      .selectFrom('role_assignments')
      .innerJoin('people', 'people.id', 'role_assignments.person_id')
      .innerJoin('org_units', 'org_units.id', 'people.unit_id')
      .select([
        'people.id as id',
        'people.full_name as full_name',
        'people.email as email',
        'people.locale as locale',
        'people.position as position',
        'org_units.name as unit_name',
        'role_assignments.unit_id as grant_unit_id',
      ])
      .where('role_assignments.agency_id', '=', agencyId)
      .where('role_assignments.role', '=', 'counsellor')
      .where('people.agency_id', '=', agencyId)
      .where('people.is_active', '=', 1)
      .execute(),
    findUnitNodes(db, agencyId),
  ]);
  const path = new Set(pathToUnit(tree, unitId));
  const covering = new Map<string, CounsellorRow>();
  for (const g of grants) {
    if (g.grant_unit_id !== null && !path.has(g.grant_unit_id)) continue;
    const { grant_unit_id: _grant, ...row } = g;
    covering.set(row.id, row);
  }
  return [...covering.values()].sort((a, b) => a.full_name.localeCompare(b.full_name, 'id'));
}

/** Whether the agency has any active counsellor at all (can "please contact me" reach anyone?). */
export async function agencyHasCounsellor(db: Kysely<Database>, agencyId: string): Promise<boolean> {
  const row = await db
    .selectFrom('role_assignments')
    .innerJoin('people', 'people.id', 'role_assignments.person_id')
    .select('people.id')
    .where('role_assignments.agency_id', '=', agencyId)
    .where('role_assignments.role', '=', 'counsellor')
    .where('people.is_active', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every unit inside the given grant roots (null = the whole agency stays null). */
export async function unitsWithin(
  db: Kysely<Database>,
  agencyId: string,
  roots: string[] | null,
): Promise<Set<string> | null> {
  if (roots === null) return null;
  const tree = await findUnitNodes(db, agencyId);
  const units = new Set<string>();
  for (const root of roots) for (const id of subtreeIds(tree, root)) units.add(id);
  return units;
}
