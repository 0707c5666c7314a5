import type { Kysely } from 'kysely';

/**
 * Work-hour boundaries (docs/boundaries.md, docs/decisions/030-work-hour-boundaries.md).
 *
 * - `agency_calendar_days`: what an agency changed in the national holiday calendar, which ships
 *   as data in `src/domain/boundaries/holidays.ts`: a regional day off it adds, or a cuti bersama
 *   it works (`not_observed`). One row per agency and date.
 * - `agency_ramadan`: the agency's Ramadan dates for one year (first and last day, included).
 * - `personal_boundaries`: a person's own, narrower hours for non-urgent messages.
 * - `notifications.held_until`: a non-urgent notification created outside the person's hours is
 *   stored at once but shown as waiting, and counted as new, only from this moment.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agency_calendar_days')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agency_calendar_days_pk', ['agency_id', 'date'])
    .execute();
  await db.schema
    .createTable('agency_ramadan')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agency_ramadan_pk', ['agency_id', 'year'])
    .execute();
  await db.schema
    .createTable('personal_boundaries')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('notifications').addColumn('held_until', 'text').execute();
}
