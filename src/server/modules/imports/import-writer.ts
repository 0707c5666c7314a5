import { sql, type Kysely } from 'kysely';
import type { Database, NewPerson, OrgUnitRow } from '../../../db/schema.js';
import { sortParentsFirst } from '../../../domain/org/unit-tree.js';
import { newId } from '../../crypto.js';
import { searchTextOf } from '../org/people.repository.js';
import { batchesOf } from './batches.js';
import type { ManagerLink, PeopleOutcome, PersonValues } from './people-import.js';
import type { ParentLink, UnitsOutcome } from './units-import.js';

/*
 * The bulk path of the org module: thousands of rows in a handful of statements. The single-row
 * paths (forms) live in org/*.service.ts; both keep search_text and email_normalized the same way.
 */

/** One row's new values for a batched update, by column. */
interface RowUpdate {
  id: string;
  values: Record<string, string | null>;
}

/**
 * Updates many rows with one statement per batch, joining a VALUES list on the id:
 * `UPDATE t SET c = v.column2 … FROM (VALUES (…), …) AS v WHERE t.id = v.column1`. SQLite (3.33+)
 * and PostgreSQL both run it, and both name VALUES columns column1, column2, …
 */
async function updateInBatches(
  db: Kysely<Database>,
  table: 'people' | 'org_units',
  agencyId: string,
  rows: RowUpdate[],
  now: string,
): Promise<void> {
  for (const batch of batchesOf(rows)) {
    const columns = Object.keys(batch[0]?.values ?? {});
    const tuples = batch.map((r) => sql`(${sql.join([r.id, ...columns.map((c) => r.values[c] ?? null)])})`);
    const sets = columns.map((column, i) => sql`${sql.ref(column)} = ${sql.ref(`v.column${i + 2}`)}`);
    await sql`update ${sql.table(table)} set ${sql.join([...sets, sql`${sql.ref('updated_at')} = ${now}`])}
      from (values ${sql.join(tuples)}) as v
      where ${sql.ref(`${table}.agency_id`)} = ${agencyId} and ${sql.ref(`${table}.id`)} = ${sql.ref('v.column1')}`.execute(
      db,
    );
  }
}

function personColumns(v: PersonValues) {
  return {
    full_name: v.fullName,
    employment_type: v.employmentType,
    nip: v.nip,
    email: v.email,
    email_normalized: v.email ? v.email.toLowerCase() : null,
    phone: v.phone,
    position: v.position,
    unit_id: v.unitId,
    search_text: searchTextOf({ full_name: v.fullName, nip: v.nip, email: v.email }),
  };
}

/**
 * Writes a checked people file in the caller's transaction: new people first (without managers),
 * then changes to stored people, then the managers of the new people, once everyone exists.
 */
export async function writePeople(
  db: Kysely<Database>,
  agencyId: string,
  outcome: PeopleOutcome,
  now: string,
): Promise<{ created: number; updated: number }> {
  const idOfRow = new Map(outcome.creates.map((c) => [c.index, newId()]));
  const managerId = (link: ManagerLink) =>
    link.kind === 'existing' ? link.id : link.kind === 'row' ? (idOfRow.get(link.index) as string) : null;
  const rows: NewPerson[] = outcome.creates.map((c) => ({
    id: idOfRow.get(c.index) as string,
    agency_id: agencyId,
    ...personColumns(c.values),
    manager_id: null,
    is_active: 1,
    locale: 'id',
    deactivated_at: null,
    created_at: now,
    updated_at: now,
  }));
  for (const batch of batchesOf(rows)) await db.insertInto('people').values(batch).execute();
  await updateInBatches(
    db,
    'people',
    agencyId,
    outcome.updates.map((u) => ({
      id: u.id,
      values: { ...personColumns(u.values), manager_id: managerId(u.manager) },
    })),
    now,
  );
  const managed = outcome.creates.filter((c) => c.manager.kind !== 'none');
  await updateInBatches(
    db,
    'people',
    agencyId,
    managed.map((c) => ({ id: idOfRow.get(c.index) as string, values: { manager_id: managerId(c.manager) } })),
    now,
  );
  return { created: rows.length, updated: outcome.updates.length };
}

/** Writes a checked units file in the caller's transaction: new units parents first, then changes. */
export async function writeUnits(
  db: Kysely<Database>,
  agencyId: string,
  outcome: UnitsOutcome,
  now: string,
): Promise<{ created: number; updated: number }> {
  const idOfRow = new Map(outcome.creates.map((c) => [c.index, newId()]));
  const parentId = (link: ParentLink | null) =>
    link === null ? null : link.kind === 'existing' ? link.id : (idOfRow.get(link.index) as string);
  const rows = outcome.creates.map((c) => ({
    id: idOfRow.get(c.index) as string,
    parentId: parentId(c.parent),
    row: {
      id: idOfRow.get(c.index) as string,
      agency_id: agencyId,
      parent_id: parentId(c.parent),
      name: c.name,
      code: c.code,
      time_zone: c.timeZone,
      is_active: 1,
      created_at: now,
      updated_at: now,
    } satisfies OrgUnitRow,
  }));
  // Each batch's parents are stored already, or are in the same statement.
  for (const batch of batchesOf(sortParentsFirst(rows)))
    await db
      .insertInto('org_units')
      .values(batch.map((r) => r.row))
      .execute();
  await updateInBatches(
    db,
    'org_units',
    agencyId,
    outcome.updates.map((u) => ({
      id: u.id,
      values: { name: u.name, parent_id: parentId(u.parent), time_zone: u.timeZone },
    })),
    now,
  );
  return { created: rows.length, updated: outcome.updates.length };
}
