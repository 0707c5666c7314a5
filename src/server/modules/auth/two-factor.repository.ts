import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** Keeps a new secret pending (sealed) until a code from it is confirmed; creates the credentials row if needed. */
export async function storePendingSecret(db: Kysely<Database>, personId: string, sealed: string): Promise<void> {
  await db
    .insertInto('credentials')
    .values({
      person_id: personId,
      password_hash: null,
      password_changed_at: null,
      totp_secret_enc: null,
      totp_pending_enc: sealed,
      totp_enabled_at: null,
      totp_last_step: null,
    })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ totp_pending_enc: sealed }))
    .execute();
}

/** Makes the pending secret the live one. */
export async function enableTwoFactor(
  db: Kysely<Database>,
  personId: string,
  sealed: string,
  step: number,
  now: string,
): Promise<void> {
  await db
    .updateTable('credentials')
    .set({ totp_secret_enc: sealed, totp_pending_enc: null, totp_enabled_at: now, totp_last_step: step })
    .where('person_id', '=', personId)
    .execute();
}

/** Remembers the last accepted time step: a code is accepted once. */
export async function setLastStep(db: Kysely<Database>, personId: string, step: number): Promise<void> {
  await db.updateTable('credentials').set({ totp_last_step: step }).where('person_id', '=', personId).execute();
}

/** Turns two-factor off and drops the recovery codes. */
export async function disableTwoFactor(db: Kysely<Database>, personId: string): Promise<void> {
  await db
    .updateTable('credentials')
    .set({ totp_secret_enc: null, totp_pending_enc: null, totp_enabled_at: null, totp_last_step: null })
    .where('person_id', '=', personId)
    .execute();
  await db.deleteFrom('recovery_codes').where('person_id', '=', personId).execute();
}

/** Uses one unused recovery code; says whether it was there to use. */
export async function useRecoveryCode(
  db: Kysely<Database>,
  personId: string,
  codeHash: string,
  now: string,
): Promise<boolean> {
  const used = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('person_id', '=', personId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

/** Replaces every recovery code of the person with new ones (hashes only). */
export async function replaceRecoveryCodes(
  db: Kysely<Database>,
  rows: Array<{ id: string; person_id: string; code_hash: string; created_at: string }>,
  personId: string,
): Promise<void> {
  await db.deleteFrom('recovery_codes').where('person_id', '=', personId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('recovery_codes')
    .values(rows.map((r) => ({ ...r, used_at: null })))
    .execute();
}

export async function countUnusedRecoveryCodes(db: Kysely<Database>, personId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
