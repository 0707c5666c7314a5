import type { Kysely } from 'kysely';
import type { Database, NewPerson, OrgUnitRow } from '../../../db/schema.js';
import { sortParentsFirst } from '../../../domain/org/unit-tree.js';
import { newId } from '../../crypto.js';
import {
  insertPeopleInBatches,
  insertUnitsInBatches,
  searchTextOf,
  updatePeopleInBatches,
  updateUnitsInBatches,
} from '../org/index.js';
import type { ManagerLink, PeopleOutcome, PersonValues } from './people-import.js';
import type { ParentLink, UnitsOutcome } from './units-import.js';

/*
 * Turns a checked file into rows for the org module's bulk path (org/people-batch.repository.ts):
 * thousands of rows in a handful of statements, written by the owner of the tables.
 */

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
  await insertPeopleInBatches(db, rows);
  await updatePeopleInBatches(
    db,
    agencyId,
    outcome.updates.map((u) => ({
      id: u.id,
      values: { ...personColumns(u.values), manager_id: managerId(u.manager) },
    })),
    now,
  );
  const managed = outcome.creates.filter((c) => c.manager.kind !== 'none');
  await updatePeopleInBatches(
    db,
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
  await insertUnitsInBatches(
    db,
    sortParentsFirst(rows).map((r) => r.row),
  );
  await updateUnitsInBatches(
    db,
    agencyId,
    outcome.updates.map((u) => ({
      id: u.id,
      values: { name: u.name, parent_id: parentId(u.parent), time_zone: u.timeZone },
    })),
    now,
  );
  return { created: rows.length, updated: outcome.updates.length };
}
