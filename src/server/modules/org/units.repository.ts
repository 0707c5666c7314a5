import type { Kysely } from 'kysely';
import type { Database, OrgUnitRow } from '../../../db/schema.js';
import type { UnitNode } from '../../../domain/org/unit-tree.js';

/** Every unit of the agency, inactive ones included. */
export async function findUnitsOf(db: Kysely<Database>, agencyId: string): Promise<OrgUnitRow[]> {
  return db
    .selectFrom('org_units')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The agency's tree as bare links, for path, subtree and cycle checks. */
export async function findUnitTree(db: Kysely<Database>, agencyId: string): Promise<UnitNode[]> {
  const rows = await db.selectFrom('org_units').select(['id', 'parent_id']).where('agency_id', '=', agencyId).execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id }));
}

/** One unit of the agency. */
export async function findUnit(db: Kysely<Database>, agencyId: string, id: string): Promise<OrgUnitRow | undefined> {
  return db
    .selectFrom('org_units')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The unit of the agency with this code. */
export async function findUnitByCode(
  db: Kysely<Database>,
  agencyId: string,
  code: string,
): Promise<OrgUnitRow | undefined> {
  return db
    .selectFrom('org_units')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Active people per unit (directly in it, not in sub-units), in one grouped query. */
export async function countActivePeopleByUnit(
  db: Kysely<Database>,
  agencyId: string,
  unitId?: string,
): Promise<Map<string, number>> {
  let query = db
    .selectFrom('people')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('agency_id', '=', agencyId)
    .where('is_active', '=', 1);
  if (unitId) query = query.where('unit_id', '=', unitId);
  const rows = await query.groupBy('unit_id').execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}

/** Active units directly below a unit. */
export async function countActiveChildren(db: Kysely<Database>, agencyId: string, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('org_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', '=', agencyId)
    .where('parent_id', '=', unitId)
    .where('is_active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Stores a new unit. */
export async function insertUnit(db: Kysely<Database>, row: OrgUnitRow): Promise<void> {
  await db.insertInto('org_units').values(row).execute();
}

/** Changes a unit of the agency. */
export async function updateUnit(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  patch: Partial<Pick<OrgUnitRow, 'name' | 'code' | 'parent_id' | 'time_zone' | 'is_active' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('org_units').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}
