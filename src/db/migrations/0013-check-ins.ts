import { sql, type Kysely } from 'kysely';

/**
 * Daily check-ins (docs/decisions/032-check-ins.md): one row per person and local day in the
 * person's unit time zone. The scales stay in the clear because the person's own trends and
 * insights chart them (a year of one person's days is one range read on the unique index
 * `(person_id, local_date)`); the private note and the tags, which the person writes in their own
 * words, are sealed together in `details_enc` with the key ring, like assessment answers.
 *
 * `client_key` is the Idempotency-Key of the write that last changed the row, so a retried submit
 * is stored once even when it arrives after the first was acknowledged (privacy.md §5).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('check_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('mood', 'integer', (c) => c.notNull().check(sql`mood between 1 and 5`))
    .addColumn('stress', 'integer', (c) => c.check(sql`stress between 1 and 5`))
    .addColumn('energy', 'integer', (c) => c.check(sql`energy between 1 and 5`))
    .addColumn('sleep_minutes', 'integer', (c) => c.check(sql`sleep_minutes between 0 and 1440`))
    .addColumn('sleep_quality', 'integer', (c) => c.check(sql`sleep_quality between 1 and 5`))
    .addColumn('activity_minutes', 'integer', (c) => c.check(sql`activity_minutes between 0 and 1440`))
    .addColumn('workload', 'text', (c) => c.check(sql`workload in ('light', 'right', 'heavy')`))
    .addColumn('details_enc', 'text')
    .addColumn('client_key', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('check_ins_person_day')
    .on('check_ins')
    .columns(['person_id', 'local_date'])
    .unique()
    .execute();
}
