import { sql, type Kysely } from 'kysely';

/**
 * The person's self-care plan (habits and their daily ticks) and their time management (tasks in an
 * Eisenhower matrix, day-planner blocks, weekly reviews); docs/decisions/035-self-care-and-plan.md.
 *
 * All of it belongs to one person and is read only by them (docs/privacy.md §1.1): every row carries
 * the person and their agency, and every query is keyed by both. What the person writes in their own
 * words (a habit of their own, a task, a block, a review) is sealed with the key ring like the safety
 * plan; only what the screens count and sort by stays in the clear (area, frequency, quadrant, days).
 * Ids are made by the client (random UUIDs), so a retried create is stored once on its own key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('habits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text')
    .addColumn('title_enc', 'text')
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('times_per_week', 'integer')
    .addColumn('weekdays', 'text')
    .addColumn('reminder_time', 'text')
    .addColumn('last_reminded_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addCheckConstraint('habits_title', sql`suggestion is not null or title_enc is not null`)
    .execute();
  await db.schema.createIndex('habits_person').on('habits').columns(['person_id', 'agency_id']).execute();
  await db.schema.createIndex('habits_reminder').on('habits').column('reminder_time').execute();

  await db.schema
    .createTable('habit_ticks')
    .addColumn('habit_id', 'text', (c) => c.notNull().references('habits.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('habit_ticks_pk', ['habit_id', 'day'])
    .execute();
  await db.schema.createIndex('habit_ticks_person_day').on('habit_ticks').columns(['person_id', 'day']).execute();

  await db.schema
    .createTable('plan_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('title_enc', 'text', (c) => c.notNull())
    .addColumn('quadrant', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_tasks_person').on('plan_tasks').columns(['person_id', 'agency_id']).execute();

  await db.schema
    .createTable('plan_blocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_enc', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_blocks_person_day').on('plan_blocks').columns(['person_id', 'day']).execute();

  await db.schema
    .createTable('plan_reviews')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('review_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_reviews_pk', ['person_id', 'week'])
    .execute();
}
