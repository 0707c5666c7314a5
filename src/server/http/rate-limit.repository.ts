import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * The rate-limit counters (docs/decisions/014-rate-limits.md). One statement counts a request under
 * each of its keys: insert the key, or on conflict add one — or start a new window when the stored
 * one has ended — and return the counts. `INSERT … ON CONFLICT … DO UPDATE … RETURNING` is atomic
 * on SQLite and PostgreSQL alike, so concurrent requests on several app instances never lose a
 * count. Several keys share one commit; they must be distinct (PostgreSQL refuses to update one
 * row twice in a statement). Each row starts its own window (`windowMs`) when new or ended.
 */
export async function incrementCounters(
  db: Kysely<Database>,
  items: ReadonlyArray<{ key: string; windowMs: number }>,
  now: Date,
): Promise<Map<string, { count: number; expiresAt: string }>> {
  const nowIso = now.toISOString();
  const rows = await db
    .insertInto('rate_limit_counters')
    .values(
      items.map((i) => ({ key: i.key, count: 1, expires_at: new Date(now.getTime() + i.windowMs).toISOString() })),
    )
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb
          .case()
          .when('rate_limit_counters.expires_at', '<=', nowIso)
          .then(1)
          .else(eb('rate_limit_counters.count', '+', 1))
          .end(),
        expires_at: eb
          .case()
          .when('rate_limit_counters.expires_at', '<=', nowIso)
          .then(eb.ref('excluded.expires_at'))
          .else(eb.ref('rate_limit_counters.expires_at'))
          .end(),
      })),
    )
    .returning(['key', 'count', 'expires_at'])
    .execute();
  return new Map(rows.map((r) => [r.key, { count: Number(r.count), expiresAt: r.expires_at }]));
}

/** Forgets windows that ended before `now`. */
export async function deleteExpiredCounters(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('rate_limit_counters').where('expires_at', '<', now.toISOString()).execute();
}
