import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * The rate-limit counters (docs/decisions/014-rate-limits.md). One statement counts a request: insert the key, or on
 * conflict add one — or start a new window when the stored one has ended — and return the count.
 * `INSERT … ON CONFLICT … DO UPDATE … RETURNING` is atomic on SQLite and PostgreSQL alike, so
 * concurrent requests on several app instances never lose a count.
 */
export async function incrementCounter(
  db: Kysely<Database>,
  key: string,
  now: Date,
  windowMs: number,
): Promise<{ count: number; expiresAt: string }> {
  const nowIso = now.toISOString();
  const endsAt = new Date(now.getTime() + windowMs).toISOString();
  const row = await db
    .insertInto('rate_limit_counters')
    .values({ key, count: 1, expires_at: endsAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        // Both assignments read the row as it was, so they agree on whether the window ended.
        count: eb
          .case()
          .when('rate_limit_counters.expires_at', '<=', nowIso)
          .then(1)
          .else(eb('rate_limit_counters.count', '+', 1))
          .end(),
        expires_at: eb
          .case()
          .when('rate_limit_counters.expires_at', '<=', nowIso)
          .then(endsAt)
          .else(eb.ref('rate_limit_counters.expires_at'))
          .end(),
      })),
    )
    .returning(['count', 'expires_at'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), expiresAt: row.expires_at };
}

/** Forgets windows that ended before `now`. */
export async function deleteExpiredCounters(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('rate_limit_counters').where('expires_at', '<', now.toISOString()).execute();
}
