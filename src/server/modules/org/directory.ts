import type { Kysely } from 'kysely';
import type { AgencyRow, Database, OrgUnitRow, PersonRow } from '../../../db/schema.js';
import type { Role, RoleGrant } from '../../../domain/access/roles.js';
import {
  countActiveByAgency,
  countAgencyOrg,
  findAgency,
  findGrantsWithUnitNames,
  findNamesOf,
  findPeopleByEmails,
  findPeopleByNips,
  findPersonAnywhere,
  findReportingLines,
  findRoleHolders,
  findRootUnit,
  findUnitById,
  listAgencies,
} from './directory.repository.js';
import { findGrantsOf, findPeopleByIds, findPersonById, findPersonBySignInIdentifier } from './people.repository.js';
import { findUnitsOf } from './units.repository.js';

/**
 * The org directory: the one read model of shared organisation data (agencies, units, people and
 * their roles) that other modules call for stand-alone lookups (docs/decisions/016-module-boundaries.md).
 * It only reads. Every method takes an optional `db`: inside the caller's transaction, pass it.
 */
export class OrgDirectory {
  constructor(private readonly deps: { db: Kysely<Database> }) {}

  /** A person of the agency; undefined when they are not there. */
  person(agencyId: string, id: string, db: Kysely<Database> = this.deps.db): Promise<PersonRow | undefined> {
    return findPersonById(db, agencyId, id);
  }

  /** A person by id, whatever their agency (a token or a session names them). */
  personAnywhere(id: string, db: Kysely<Database> = this.deps.db): Promise<PersonRow | undefined> {
    return findPersonAnywhere(db, id);
  }

  /** A person by the identifier typed at sign-in: a NIP or an email address. */
  personBySignInIdentifier(
    identifier: { nip: string } | { email: string },
    db: Kysely<Database> = this.deps.db,
  ): Promise<PersonRow | undefined> {
    return findPersonBySignInIdentifier(db, identifier);
  }

  /** People of one agency by id, in batches. */
  peopleByIds(agencyId: string, ids: string[], db: Kysely<Database> = this.deps.db): Promise<PersonRow[]> {
    return findPeopleByIds(db, agencyId, ids);
  }

  /** Names of some people of one agency, by id. */
  namesOf(agencyId: string, ids: string[], db: Kysely<Database> = this.deps.db): Promise<Map<string, string>> {
    return ids.length === 0 ? Promise.resolve(new Map()) : findNamesOf(db, agencyId, ids);
  }

  /** A person's role grants (employee is implied and not stored). */
  grantsOf(personId: string, db: Kysely<Database> = this.deps.db): Promise<RoleGrant[]> {
    return findGrantsOf(db, personId);
  }

  /** A person's grants with the names of the units they are limited to. */
  async grantViewsOf(personId: string, db: Kysely<Database> = this.deps.db) {
    const rows = await findGrantsWithUnitNames(db, personId);
    return rows.map((g) => ({ id: g.id, role: g.role as Role, unitId: g.unit_id, unitName: g.unit_name }));
  }

  agency(agencyId: string, db: Kysely<Database> = this.deps.db): Promise<AgencyRow | undefined> {
    return findAgency(db, agencyId);
  }

  /** The agency, which must exist (it is named by a row that references it). */
  async agencyOrThrow(agencyId: string, db: Kysely<Database> = this.deps.db): Promise<AgencyRow> {
    const agency = await findAgency(db, agencyId);
    if (!agency) throw new Error(`agency ${agencyId} not found`);
    return agency;
  }

  /** Every agency of the install, by name. */
  agencies(db: Kysely<Database> = this.deps.db): Promise<AgencyRow[]> {
    return listAgencies(db);
  }

  unit(unitId: string, db: Kysely<Database> = this.deps.db): Promise<OrgUnitRow | undefined> {
    return findUnitById(db, unitId);
  }

  /** Every unit of the agency, inactive ones included. */
  unitsOf(agencyId: string, db: Kysely<Database> = this.deps.db): Promise<OrgUnitRow[]> {
    return findUnitsOf(db, agencyId);
  }

  /** The agency's top unit. */
  rootUnit(agencyId: string, db: Kysely<Database> = this.deps.db): Promise<OrgUnitRow | undefined> {
    return findRootUnit(db, agencyId);
  }

  /** Whoever in the install holds one of these NIPs or (lowercased) email addresses. */
  peopleByNips(nips: string[], db: Kysely<Database> = this.deps.db) {
    return findPeopleByNips(db, nips);
  }

  peopleByEmails(emails: string[], db: Kysely<Database> = this.deps.db) {
    return findPeopleByEmails(db, emails);
  }

  /** The agency's reporting lines: every person with their manager. */
  reportingLines(agencyId: string, db: Kysely<Database> = this.deps.db) {
    return findReportingLines(db, agencyId);
  }

  /** Active people and units per agency. */
  activeCountsByAgency(db: Kysely<Database> = this.deps.db) {
    return countActiveByAgency(db);
  }

  /** Active units, people and active people of one agency. */
  agencyCounts(agencyId: string, db: Kysely<Database> = this.deps.db) {
    return countAgencyOrg(db, agencyId);
  }

  /** Active people holding one of the roles in the agency; with `unitId`, for that unit or agency-wide. */
  roleHolders(agencyId: string, roles: readonly Role[], unitId?: string, db: Kysely<Database> = this.deps.db) {
    return findRoleHolders(db, agencyId, [...roles], unitId);
  }
}
