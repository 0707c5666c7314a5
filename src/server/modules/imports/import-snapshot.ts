import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { normalizeNip } from '../../../domain/org/nip.js';
import { batchesOf } from './batches.js';
import { TableReader, type ImportTable } from './import-table.js';
import type { ExistingPerson, PeopleSnapshot } from './people-import.js';
import type { UnitsSnapshot } from './units-import.js';

/** The agency's units and time zone, for checking a units file. */
export async function loadUnitsSnapshot(db: Kysely<Database>, agencyId: string): Promise<UnitsSnapshot> {
  const [agency, units] = await Promise.all([
    db.selectFrom('agencies').select('time_zone').where('id', '=', agencyId).executeTakeFirstOrThrow(),
    db
      .selectFrom('org_units')
      .select(['id', 'parent_id', 'code', 'name', 'time_zone', 'is_active'])
      .where('agency_id', '=', agencyId)
      .execute(),
  ]);
  return {
    agencyTimeZone: agency.time_zone,
    units: units.map((u) => ({
      id: u.id,
      parentId: u.parent_id,
      code: u.code,
      name: u.name,
      timeZone: u.time_zone,
      isActive: u.is_active === 1,
    })),
  };
}

const PERSON_COLUMNS = [
  'id',
  'agency_id',
  'nip',
  'email',
  'email_normalized',
  'full_name',
  'phone',
  'position',
  'employment_type',
  'unit_id',
  'manager_id',
  'is_active',
] as const;

/**
 * What a people file is checked against: the agency's units and reporting line, and whoever in
 * the install holds a NIP or email address the file mentions — looked up in batches, never row by row.
 */
export async function loadPeopleSnapshot(
  db: Kysely<Database>,
  agencyId: string,
  table: ImportTable,
): Promise<PeopleSnapshot> {
  const reader = new TableReader(table);
  const nips = new Set<string>();
  const emails = new Set<string>();
  for (let i = 0; i < reader.size; i++) {
    for (const column of ['nip', 'nip_atasan']) {
      const nip = normalizeNip(reader.cell(i, column));
      if (/^\d{1,40}$/.test(nip)) nips.add(nip);
    }
    const email = reader.cell(i, 'email').toLowerCase();
    if (email) emails.add(email);
  }
  const [units, edges] = await Promise.all([
    db.selectFrom('org_units').select(['id', 'code', 'is_active']).where('agency_id', '=', agencyId).execute(),
    db.selectFrom('people').select(['id', 'manager_id']).where('agency_id', '=', agencyId).execute(),
  ]);
  const peopleByNip = new Map<string, ExistingPerson>();
  const peopleByEmail = new Map<string, ExistingPerson>();
  for (const batch of batchesOf([...nips])) {
    const rows = await db.selectFrom('people').select(PERSON_COLUMNS).where('nip', 'in', batch).execute();
    for (const row of rows) peopleByNip.set(row.nip as string, existingPerson(row));
  }
  for (const batch of batchesOf([...emails])) {
    const rows = await db.selectFrom('people').select(PERSON_COLUMNS).where('email_normalized', 'in', batch).execute();
    for (const row of rows) peopleByEmail.set(row.email_normalized as string, existingPerson(row));
  }
  return {
    agencyId,
    unitsByCode: new Map(units.map((u) => [u.code, { id: u.id, isActive: u.is_active === 1 }])),
    peopleByNip,
    peopleByEmail,
    managerOf: new Map(edges.map((e) => [e.id, e.manager_id])),
  };
}

function existingPerson(row: {
  id: string;
  agency_id: string;
  nip: string | null;
  email: string | null;
  full_name: string;
  phone: string | null;
  position: string | null;
  employment_type: string;
  unit_id: string;
  manager_id: string | null;
  is_active: number;
}): ExistingPerson {
  return {
    id: row.id,
    agencyId: row.agency_id,
    nip: row.nip,
    email: row.email,
    fullName: row.full_name,
    phone: row.phone,
    position: row.position,
    employmentType: row.employment_type,
    unitId: row.unit_id,
    managerId: row.manager_id,
    isActive: row.is_active === 1,
  };
}
