import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database, NewPerson, PersonRow, PersonUpdate } from '../../../db/schema.js';
import { isRole, type AssignableRole, type Role, type RoleGrant } from '../../../domain/access/roles.js';
import { collectBatches } from '../../../db/batches.js';

/** Lowercased text the people search matches against (name, NIP, email). */
export function searchTextOf(p: { full_name: string; nip: string | null; email: string | null }): string {
  return [p.full_name, p.nip ?? '', p.email ?? ''].join(' ').toLowerCase();
}

export async function findPersonById(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst();
}

/** Looks a person up by the identifier typed at sign-in: a NIP (digits) or an email address. */
export async function findPersonBySignInIdentifier(
  db: Kysely<Database>,
  identifier: { nip: string } | { email: string },
): Promise<PersonRow | undefined> {
  const q = db.selectFrom('people').selectAll();
  return 'nip' in identifier
    ? q.where('nip', '=', identifier.nip).executeTakeFirst()
    : q.where('email_normalized', '=', identifier.email.toLowerCase()).executeTakeFirst();
}

export async function insertPerson(db: Kysely<Database>, row: NewPerson): Promise<void> {
  await db.insertInto('people').values(row).execute();
}

export async function updatePerson(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  patch: PersonUpdate,
): Promise<void> {
  await db.updateTable('people').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

/** Role grants of one person (employee is implied and not stored). */
export async function findGrantsOf(db: Kysely<Database>, personId: string): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .select(['role', 'unit_id'])
    .where('person_id', '=', personId)
    .execute();
  return rows.filter((r) => isRole(r.role)).map((r) => ({ role: r.role as RoleGrant['role'], unitId: r.unit_id }));
}

/** What narrows the people list; every query is scoped by the agency. */
export interface PersonFilter {
  agencyId: string;
  /** Only people in these units; null means any unit of the agency. */
  unitIds: string[] | null;
  /** Lowercased terms, any of which may appear in search_text. */
  searchTerms: string[];
  role: AssignableRole | null;
  employmentType: string | null;
  status: 'active' | 'inactive' | 'all';
}

export type PersonWithUnit = PersonRow & { unit_name: string };

/** LIKE pattern matching `term` anywhere, with the wildcards people may type taken literally. */
function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filteredPeople(db: Kysely<Database>, f: PersonFilter) {
  let q = db.selectFrom('people as p').where('p.agency_id', '=', f.agencyId);
  if (f.unitIds) q = q.where('p.unit_id', 'in', f.unitIds);
  if (f.status !== 'all') q = q.where('p.is_active', '=', f.status === 'active' ? 1 : 0);
  if (f.employmentType) q = q.where('p.employment_type', '=', f.employmentType);
  const role = f.role;
  if (role) {
    q = q.where((eb) =>
      eb(
        'p.id',
        'in',
        eb
          .selectFrom('role_assignments as r')
          .select('r.person_id')
          .where('r.agency_id', '=', f.agencyId)
          .where('r.role', '=', role),
      ),
    );
  }
  if (f.searchTerms.length > 0) {
    q = q.where((eb) =>
      eb.or(
        f.searchTerms.map((term) => sql<SqlBool>`${eb.ref('p.search_text')} like ${containsPattern(term)} escape '\\'`),
      ),
    );
  }
  return q;
}

/** One page of people, by name then id, with their unit's name. */
export async function findPeoplePage(
  db: Kysely<Database>,
  f: PersonFilter,
  limit: number,
  offset: number,
): Promise<PersonWithUnit[]> {
  return filteredPeople(db, f)
    .innerJoin('org_units as u', 'u.id', 'p.unit_id')
    .selectAll('p')
    .select('u.name as unit_name')
    .orderBy('p.full_name')
    .orderBy('p.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** How many people match the filter, for the page total. */
export async function countPeople(db: Kysely<Database>, f: PersonFilter): Promise<number> {
  const row = await filteredPeople(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One person of the agency with their unit's name. */
export async function findPersonWithUnit(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
): Promise<PersonWithUnit | undefined> {
  return db
    .selectFrom('people as p')
    .innerJoin('org_units as u', 'u.id', 'p.unit_id')
    .selectAll('p')
    .select('u.name as unit_name')
    .where('p.agency_id', '=', agencyId)
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** Stored roles of several people at once (employee is implied and not stored). */
export async function findRolesOfPeople(db: Kysely<Database>, personIds: string[]): Promise<Map<string, Role[]>> {
  const roles = new Map<string, Role[]>();
  if (personIds.length === 0) return roles;
  const rows = await db
    .selectFrom('role_assignments')
    .select(['person_id', 'role'])
    .where('person_id', 'in', personIds)
    .execute();
  for (const r of rows) {
    if (isRole(r.role)) roles.set(r.person_id, [...(roles.get(r.person_id) ?? []), r.role]);
  }
  return roles;
}

/** Which of these people have chosen a password. */
export async function findSignedUp(db: Kysely<Database>, personIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('credentials')
    .select('person_id')
    .where('person_id', 'in', personIds)
    .where('password_hash', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

/** Which of these people hold an unused, unexpired invitation. */
export async function findPendingInvitations(
  db: Kysely<Database>,
  personIds: string[],
  now: string,
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('auth_tokens')
    .select('person_id')
    .distinct()
    .where('person_id', 'in', personIds)
    .where('purpose', '=', 'invite')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

/** Who holds a NIP anywhere in the install (NIPs are unique install-wide). */
export async function findPersonIdByNip(db: Kysely<Database>, nip: string): Promise<string | undefined> {
  const row = await db.selectFrom('people').select('id').where('nip', '=', nip).executeTakeFirst();
  return row?.id;
}

/** Who holds an email address anywhere in the install. */
export async function findPersonIdByEmail(db: Kysely<Database>, email: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('email_normalized', '=', email.toLowerCase())
    .executeTakeFirst();
  return row?.id;
}

/** The direct manager of a person in the agency; undefined when the person is not there. */
export async function findManagerIdOf(
  db: Kysely<Database>,
  agencyId: string,
  personId: string,
): Promise<string | null | undefined> {
  const row = await db
    .selectFrom('people')
    .select('manager_id')
    .where('agency_id', '=', agencyId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return row ? row.manager_id : undefined;
}

/** Active people of the agency holding agency_admin, optionally leaving one person out. */
export async function countActiveAgencyAdmins(
  db: Kysely<Database>,
  agencyId: string,
  exceptPersonId?: string,
): Promise<number> {
  let q = db
    .selectFrom('role_assignments as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select((eb) => eb.fn.count<number>('r.person_id').distinct().as('n'))
    .where('r.agency_id', '=', agencyId)
    .where('r.role', '=', 'agency_admin')
    .where('p.is_active', '=', 1);
  if (exceptPersonId) q = q.where('p.id', '!=', exceptPersonId);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** People of one agency by id, in batches (an import compares stored emails with new ones). */
export async function findPeopleByIds(db: Kysely<Database>, agencyId: string, ids: string[]): Promise<PersonRow[]> {
  return collectBatches(ids, (batch) =>
    db.selectFrom('people').selectAll().where('agency_id', '=', agencyId).where('id', 'in', batch).execute(),
  );
}

/** Whether the person uses two-step sign-in (shown on their record). */
export async function hasTwoFactorEnabled(db: Kysely<Database>, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('credentials')
    .select('totp_enabled_at')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Boolean(row?.totp_enabled_at);
}

/** Sets the short name a person is greeted by (null: the first word of their full name). */
export async function updatePreferredName(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  preferredName: string | null,
  now: string,
): Promise<void> {
  await db
    .updateTable('people')
    .set({ preferred_name: preferredName, updated_at: now })
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .execute();
}
