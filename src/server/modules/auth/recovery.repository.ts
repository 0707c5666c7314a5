import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** Whether the person has ever chosen a password (an invitation is then no longer theirs to get). */
export async function hasPassword(db: Kysely<Database>, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('credentials')
    .select('password_hash')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Boolean(row?.password_hash);
}

/** Voids every unused link of one purpose for a person; returns how many were live. */
export async function voidTokens(
  db: Kysely<Database>,
  personId: string,
  purpose: string,
  now: string,
): Promise<number> {
  const result = await db
    .updateTable('auth_tokens')
    .set({ used_at: now })
    .where('person_id', '=', personId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The person's recovery hold if it is still running at `now`. */
export async function findActiveHold(db: Kysely<Database>, personId: string, now: string) {
  return db
    .selectFrom('recovery_holds')
    .selectAll()
    .where('person_id', '=', personId)
    .where('ends_at', '>', now)
    .executeTakeFirst();
}

/** Starts (or restarts) a person's recovery hold. */
export async function upsertHold(
  db: Kysely<Database>,
  hold: {
    personId: string;
    agencyId: string;
    reason: string;
    createdBy: string | null;
    createdAt: string;
    endsAt: string;
  },
): Promise<void> {
  const values = { reason: hold.reason, created_by: hold.createdBy, created_at: hold.createdAt, ends_at: hold.endsAt };
  await db
    .insertInto('recovery_holds')
    .values({ person_id: hold.personId, agency_id: hold.agencyId, ...values })
    .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
    .execute();
}

/** Ends a person's recovery hold. */
export async function deleteHold(db: Kysely<Database>, personId: string): Promise<void> {
  await db.deleteFrom('recovery_holds').where('person_id', '=', personId).execute();
}

/** A link's row by the hash of its token and its purpose. */
export async function findTokenByHash(db: Kysely<Database>, tokenHash: string, purpose: string) {
  return db
    .selectFrom('auth_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

/** Stores a new link (its token only as a hash). */
export async function insertToken(
  db: Kysely<Database>,
  row: {
    id: string;
    person_id: string;
    agency_id: string;
    purpose: string;
    token_hash: string;
    created_by: string | null;
    created_at: string;
    expires_at: string;
  },
): Promise<void> {
  await db
    .insertInto('auth_tokens')
    .values({ ...row, used_at: null })
    .execute();
}

/** Marks a link used; false when it was used already (two tabs submitting the same link). */
export async function markTokenUsed(db: Kysely<Database>, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('auth_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
