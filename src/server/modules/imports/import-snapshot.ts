import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { normalizeNip } from '../../../domain/org/nip.js';
import type { OrgDirectory } from '../org/index.js';
import { TableReader, type ImportTable } from './import-table.js';
import type { ExistingPerson, PeopleSnapshot } from './people-import.js';
import type { UnitsSnapshot } from './units-import.js';

/** The agency's units and time zone, for checking a units file. */
export async function loadUnitsSnapshot(
  directory: OrgDirectory,
  db: Kysely<Database>,
  agencyId: string,
): Promise<UnitsSnapshot> {
  const [agency, units] = await Promise.all([directory.agencyOrThrow(agencyId, db), directory.unitsOf(agencyId, db)]);
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

/**
 * What a people file is checked against: the agency's units and reporting line, and whoever in
 * the install holds a NIP or email address the file mentions — looked up in batches, never row by row.
 */
export async function loadPeopleSnapshot(
  directory: OrgDirectory,
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
  const [units, edges] = await Promise.all([directory.unitsOf(agencyId, db), directory.reportingLines(agencyId, db)]);
  const peopleByNip = new Map<string, ExistingPerson>();
  const peopleByEmail = new Map<string, ExistingPerson>();
  for (const row of await directory.peopleByNips([...nips], db))
    peopleByNip.set(row.nip as string, existingPerson(row));
  for (const row of await directory.peopleByEmails([...emails], db))
    peopleByEmail.set(row.email_normalized as string, existingPerson(row));
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
