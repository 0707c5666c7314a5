import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** Stores a person's password hash, creating their credentials row if needed. */
export async function upsertPasswordHash(
  db: Kysely<Database>,
  personId: string,
  hash: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('credentials')
    .values({
      person_id: personId,
      password_hash: hash,
      password_changed_at: now,
      totp_secret_enc: null,
      totp_pending_enc: null,
      totp_enabled_at: null,
      totp_last_step: null,
    })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ password_hash: hash, password_changed_at: now }))
    .execute();
}

export async function findCredentials(db: Kysely<Database>, personId: string) {
  return db.selectFrom('credentials').selectAll().where('person_id', '=', personId).executeTakeFirst();
}
