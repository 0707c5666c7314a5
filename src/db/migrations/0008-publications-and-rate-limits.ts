import type { Kysely } from 'kysely';

/**
 * Rate limits (docs/decisions/014-rate-limits.md): one counter per key and window, shared
 * by every app instance on the database. `expires_at` is ISO-8601 UTC text, so the purge of
 * expired windows compares strings on both databases. Campaign publications (A7, A13) need no
 * new column: their history travels in campaign_stat_snapshots.payload.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_counters_expires').on('rate_limit_counters').column('expires_at').execute();
}
