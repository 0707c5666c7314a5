import type { Kysely } from 'kysely';
import type { AgencyRow, Database, OrgUnitRow, PersonRow } from '../../../db/schema.js';
import { collectBatches } from '../../../db/batches.js';

/*
 * The org directory's own queries: stand-alone lookups other modules need about agencies, units,
 * people and their roles (docs/decisions/016-module-boundaries.md). Read only.
 */

/** One person by id, whatever their agency (a token or a session names them). */
export async function findPersonAnywhere(db: Kysely<Database>, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAgency(db: Kysely<Database>, id: string): Promise<AgencyRow | undefined> {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every agency of the install, by name. */
export async function listAgencies(db: Kysely<Database>): Promise<AgencyRow[]> {
  return db.selectFrom('agencies').selectAll().orderBy('name').execute();
}

/** One unit by id. */
export async function findUnitById(db: Kysely<Database>, id: string): Promise<OrgUnitRow | undefined> {
  return db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The agency's top unit (the one without a parent). */
export async function findRootUnit(db: Kysely<Database>, agencyId: string): Promise<OrgUnitRow | undefined> {
  return db
    .selectFrom('org_units')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('parent_id', 'is', null)
    .executeTakeFirst();
}

/** A person's grants with the names of the units they are limited to, by role. */
export async function findGrantsWithUnitNames(db: Kysely<Database>, personId: string) {
  return db
    .selectFrom('role_assignments as r')
    .leftJoin('org_units as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'r.role', 'r.unit_id', 'u.name as unit_name'])
    .where('r.person_id', '=', personId)
    .orderBy('r.role')
    .execute();
}

/** Names of some people of one agency. */
export async function findNamesOf(db: Kysely<Database>, agencyId: string, ids: string[]): Promise<Map<string, string>> {
  const rows = await collectBatches(ids, (batch) =>
    db
      .selectFrom('people')
      .select(['id', 'full_name'])
      .where('agency_id', '=', agencyId)
      .where('id', 'in', batch)
      .execute(),
  );
  return new Map(rows.map((p) => [p.id, p.full_name]));
}

/** The fields an import compares with a file's rows. */
const IMPORT_PERSON_COLUMNS = [
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

/** Whoever in the install holds one of these NIPs, in batches. */
export async function findPeopleByNips(db: Kysely<Database>, nips: string[]) {
  return collectBatches(nips, (batch) =>
    db.selectFrom('people').select(IMPORT_PERSON_COLUMNS).where('nip', 'in', batch).execute(),
  );
}

/** Whoever in the install holds one of these (lowercased) email addresses, in batches. */
export async function findPeopleByEmails(db: Kysely<Database>, emails: string[]) {
  return collectBatches(emails, (batch) =>
    db.selectFrom('people').select(IMPORT_PERSON_COLUMNS).where('email_normalized', 'in', batch).execute(),
  );
}

/** The agency's reporting lines: every person with their manager. */
export async function findReportingLines(db: Kysely<Database>, agencyId: string) {
  return db.selectFrom('people').select(['id', 'manager_id']).where('agency_id', '=', agencyId).execute();
}

/** Active people and active units per agency, for the platform's list of agencies. */
export async function countActiveByAgency(db: Kysely<Database>) {
  const [people, units] = await Promise.all([
    db
      .selectFrom('people')
      .select(['agency_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('is_active', '=', 1)
      .groupBy('agency_id')
      .execute(),
    db
      .selectFrom('org_units')
      .select(['agency_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('is_active', '=', 1)
      .groupBy('agency_id')
      .execute(),
  ]);
  return { people, units };
}

/** Active units and people (all, and active) of one agency, for the admin's home page. */
export async function countAgencyOrg(db: Kysely<Database>, agencyId: string) {
  const [units, people] = await Promise.all([
    db
      .selectFrom('org_units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', '=', agencyId)
      .where('is_active', '=', 1)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('people')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('is_active').as('active')])
      .where('agency_id', '=', agencyId)
      .executeTakeFirstOrThrow(),
  ]);
  return { units: Number(units.n), people: Number(people.n), activePeople: Number(people.active ?? 0) };
}

/**
 * Active people of the agency holding one of the roles; with `unitId`, only grants for that unit
 * or agency-wide ones (no unit).
 */
export async function findRoleHolders(db: Kysely<Database>, agencyId: string, roles: string[], unitId?: string) {
  let q = db
    .selectFrom('role_assignments as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['p.id', 'p.full_name', 'p.email', 'p.locale', 'r.role', 'r.unit_id'])
    .where('r.agency_id', '=', agencyId)
    .where('r.role', 'in', roles)
    .where('p.is_active', '=', 1);
  if (unitId !== undefined) q = q.where((eb) => eb.or([eb('r.unit_id', 'is', null), eb('r.unit_id', '=', unitId)]));
  return q.orderBy('p.full_name').orderBy('p.id').execute();
}
