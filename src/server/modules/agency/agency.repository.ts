import type { Kysely } from 'kysely';
import type { AgencyRow, Database } from '../../../db/schema.js';

export async function insertAgency(db: Kysely<Database>, row: AgencyRow): Promise<void> {
  await db.insertInto('agencies').values(row).execute();
}

export async function findAgencyById(db: Kysely<Database>, id: string): Promise<AgencyRow | undefined> {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateAgency(
  db: Kysely<Database>,
  id: string,
  patch: Partial<Omit<AgencyRow, 'id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('agencies').set(patch).where('id', '=', id).execute();
}

/** How many of the agency's people have chosen a password (a recorded read of auth's credentials). */
export async function countSignedUp(db: Kysely<Database>, agencyId: string): Promise<number> {
  const row = await db
    .selectFrom('credentials')
    .innerJoin('people', 'people.id', 'credentials.person_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('people.agency_id', '=', agencyId)
    .where('credentials.password_hash', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many people of the agency hold a live invitation (a recorded read of auth's tokens). */
export async function countPendingInvitations(db: Kysely<Database>, agencyId: string, now: string): Promise<number> {
  const row = await db
    .selectFrom('auth_tokens')
    .select((eb) => eb.fn.count<number>('person_id').distinct().as('n'))
    .where('agency_id', '=', agencyId)
    .where('purpose', '=', 'invite')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
