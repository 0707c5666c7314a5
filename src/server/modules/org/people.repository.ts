import type { Kysely } from 'kysely';
import type { Database, NewPerson, PersonRow, PersonUpdate } from '../../../db/schema.js';
import type { RoleGrant } from '../../../domain/access/roles.js';
import { isRole } from '../../../domain/access/roles.js';

/** Lowercased text the people search matches against (name, NIP, email). */
export function searchTextOf(p: { full_name: string; nip: string | null; email: string | null }): string {
  return [p.full_name, p.nip ?? '', p.email ?? ''].join(' ').toLowerCase();
}

export async function findPersonById(db: Kysely<Database>, agencyId: string, id: string): Promise<PersonRow | undefined> {
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

export async function updatePerson(db: Kysely<Database>, agencyId: string, id: string, patch: PersonUpdate): Promise<void> {
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
