import type { Insertable, Kysely } from 'kysely';
import type { Database, IdempotencyKeysTable } from '../../db/schema.js';

/** Claims a key: fails with a unique violation when (scope, key) exists. */
export async function insertIdempotencyKey(db: Kysely<Database>, row: Insertable<IdempotencyKeysTable>): Promise<void> {
  await db.insertInto('idempotency_keys').values(row).execute();
}

export async function findIdempotencyKey(db: Kysely<Database>, scope: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', scope)
    .where('idem_key', '=', key)
    .executeTakeFirst();
}

/** Stores the final answer of the request that claimed the key. */
export async function storeIdempotentAnswer(
  db: Kysely<Database>,
  id: string,
  statusCode: number,
  responseBody: string | null,
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status_code: statusCode, response_body: responseBody })
    .where('id', '=', id)
    .execute();
}

/** Lets a key go (the answer was not final: the client may retry with it). */
export async function deleteIdempotencyKey(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('id', '=', id).execute();
}

/** Deletes keys created before the cutoff. */
export async function deleteIdempotencyKeysBefore(db: Kysely<Database>, cutoff: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).execute();
}
