import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from '../connection.js';

/**
 * The anonymous suggestion box (docs/decisions/052-suggestion-box.md, docs/suggestion-box.md).
 *
 * - `suggestion_daily`: how many suggestions a person sent on one local day, and a hash of the
 *   Idempotency-Key of the last one (so a retried send is stored once). No text, no time, no id of
 *   a suggestion. Only today's rows are kept.
 * - `suggestion_pending`: suggestions waiting, sealed with a key derived from the instance secret;
 *   a random id and the agency, nothing else.
 * - `suggestion_releases`: each release of an agency: its sequence number, its week (a Monday) and
 *   how many it held (at least k).
 * - `suggestions`: the released texts, masked, under fresh random ids, with their release, topic,
 *   the wellbeing team's public reply and whether they were hidden (with the reason).
 *
 * On SQLite the tables a person could be traced through are WITHOUT ROWID, so rows sit in key
 * order (random ids, or person and day), not in the order they were written. On PostgreSQL a
 * release writes its rows in a shuffled order (decision 052).
 */
export async function up(db: Kysely<unknown>, kind: DatabaseKind): Promise<void> {
  const keyOrdered = kind === 'sqlite' ? sql`without rowid` : sql``;

  await db.schema
    .createTable('suggestion_daily')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
    .addColumn('last_key', 'text')
    .addPrimaryKeyConstraint('suggestion_daily_pk', ['person_id', 'day'])
    .modifyEnd(keyOrdered)
    .execute();
  // The sweep deletes the days gone by.
  await db.schema.createIndex('suggestion_daily_day').on('suggestion_daily').columns(['day']).execute();

  await db.schema
    .createTable('suggestion_pending')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('sealed', 'text', (c) => c.notNull())
    .modifyEnd(keyOrdered)
    .execute();
  await db.schema.createIndex('suggestion_pending_agency').on('suggestion_pending').columns(['agency_id']).execute();

  await db.schema
    .createTable('suggestion_releases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('week_of', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 5`))
    .execute();
  await db.schema
    .createIndex('suggestion_releases_agency_seq')
    .on('suggestion_releases')
    .columns(['agency_id', 'seq'])
    .unique()
    .execute();

  await db.schema
    .createTable('suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('release_id', 'text', (c) => c.notNull().references('suggestion_releases.id'))
    .addColumn('release_seq', 'integer', (c) => c.notNull())
    .addColumn('week_of', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('hidden_reason', 'text')
    .addColumn('hidden_at', 'text')
    .modifyEnd(keyOrdered)
    .execute();
  // The board and the admin's list: an agency's suggestions, newest release first, by topic.
  await db.schema
    .createIndex('suggestions_agency_release')
    .on('suggestions')
    .columns(['agency_id', 'release_seq', 'id'])
    .execute();
  await db.schema
    .createIndex('suggestions_agency_topic')
    .on('suggestions')
    .columns(['agency_id', 'topic', 'release_seq'])
    .execute();
  await db.schema.createIndex('suggestions_release').on('suggestions').columns(['release_id']).execute();
}
