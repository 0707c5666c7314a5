import { sql, type Kysely } from 'kysely';

/**
 * The person's own safety plan (rencana keselamatan; Stanley & Brown 2012): one per person.
 *
 * The plan is health data that only its owner reads, so the whole of it is one encrypted JSON
 * text, sealed with the same key ring as assessment answers; nothing about it is kept in the clear.
 * `version` counts saves, so an edit started from an older version is refused instead of
 * silently overwriting a newer one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('safety_plans')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('plan_enc', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
