import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Database, PlanBlocksTable, PlanReviewsTable, PlanTasksTable } from '../../../db/schema.js';

export type TaskRow = Selectable<PlanTasksTable>;
export type BlockRow = Selectable<PlanBlocksTable>;
export type ReviewRow = Selectable<PlanReviewsTable>;

/* Tasks. Every read and write is keyed by the person and their agency; only a create looks an id up
   across owners, to tell its own retry from an id that is not the person's. */

export function findTaskAnyOwner(db: Kysely<Database>, id: string): Promise<TaskRow | undefined> {
  return db.selectFrom('plan_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOwnTask(db: Kysely<Database>, personId: string, agencyId: string, id: string) {
  return db
    .selectFrom('plan_tasks')
    .selectAll()
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
}

/** Open tasks, and those done in the last `doneSince` window, oldest first. */
export function listOwnTasks(db: Kysely<Database>, personId: string, agencyId: string, doneSince: string) {
  return db
    .selectFrom('plan_tasks')
    .selectAll()
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .where((eb) => eb.or([eb('done_at', 'is', null), eb('done_at', '>=', doneSince)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countOpenTasks(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
  const row = await db
    .selectFrom('plan_tasks')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .where('done_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertTask(db: Kysely<Database>, row: Insertable<PlanTasksTable>): Promise<void> {
  await db.insertInto('plan_tasks').values(row).execute();
}

export async function updateOwnTask(
  db: Kysely<Database>,
  personId: string,
  agencyId: string,
  id: string,
  set: Updateable<PlanTasksTable>,
): Promise<number> {
  const result = await db
    .updateTable('plan_tasks')
    .set(set)
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteOwnTask(db: Kysely<Database>, personId: string, agencyId: string, id: string) {
  const result = await db
    .deleteFrom('plan_tasks')
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/* Day-planner blocks. */

export function findBlockAnyOwner(db: Kysely<Database>, id: string): Promise<BlockRow | undefined> {
  return db.selectFrom('plan_blocks').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listOwnBlocks(db: Kysely<Database>, personId: string, agencyId: string, day: string) {
  return db
    .selectFrom('plan_blocks')
    .selectAll()
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .where('day', '=', day)
    .orderBy('start_time')
    .orderBy('id')
    .execute();
}

export async function insertBlock(db: Kysely<Database>, row: Insertable<PlanBlocksTable>): Promise<void> {
  await db.insertInto('plan_blocks').values(row).execute();
}

export async function deleteOwnBlock(db: Kysely<Database>, personId: string, agencyId: string, id: string) {
  const result = await db
    .deleteFrom('plan_blocks')
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/* Weekly reviews. */

export function listOwnReviews(db: Kysely<Database>, personId: string, agencyId: string, limit: number) {
  return db
    .selectFrom('plan_reviews')
    .selectAll()
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .orderBy('week', 'desc')
    .limit(limit)
    .execute();
}

export function findOwnReview(db: Kysely<Database>, personId: string, agencyId: string, week: string) {
  return db
    .selectFrom('plan_reviews')
    .selectAll()
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .where('week', '=', week)
    .executeTakeFirst();
}

/** Stores the week's review, replacing an earlier save of the same week (a retry stores it once). */
export async function upsertReview(db: Kysely<Database>, row: Insertable<PlanReviewsTable>): Promise<void> {
  await db
    .insertInto('plan_reviews')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['person_id', 'week']).doUpdateSet({ review_enc: row.review_enc, updated_at: row.updated_at }),
    )
    .execute();
}

/** Every task and block of the person, for their own copy. */
export function allOwnTasks(db: Kysely<Database>, personId: string, agencyId: string) {
  return db
    .selectFrom('plan_tasks')
    .selectAll()
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .orderBy('created_at')
    .execute();
}

export function allOwnBlocks(db: Kysely<Database>, personId: string, agencyId: string) {
  return db
    .selectFrom('plan_blocks')
    .selectAll()
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .orderBy('day')
    .orderBy('start_time')
    .execute();
}

const PLANNER_TABLES = ['plan_tasks', 'plan_blocks', 'plan_reviews'] as const;

/** How many tasks, day blocks and weekly reviews the person keeps (My data's overview). */
export async function countPlannerOf(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
  let total = 0;
  for (const table of PLANNER_TABLES) {
    const row = await db
      .selectFrom(table)
      .select(sql<number>`cast(count(*) as integer)`.as('n'))
      .where('person_id', '=', personId)
      .where('agency_id', '=', agencyId)
      .executeTakeFirstOrThrow();
    total += Number(row.n);
  }
  return total;
}

/** Erases the person's tasks, day blocks and weekly reviews (My data, erase everything); answers how many. */
export async function deletePlannerOf(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
  let total = 0;
  for (const table of PLANNER_TABLES) {
    const result = await db
      .deleteFrom(table)
      .where('person_id', '=', personId)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    total += Number(result.numDeletedRows);
  }
  return total;
}

/**
 * The retention schedule: erases the agency's finished tasks done before `cutoff`, blocks of days
 * before it and reviews of weeks before it (open tasks stay); answers how many rows went.
 */
export async function deletePlannerBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
  const day = cutoff.slice(0, 10);
  const tasks = await db
    .deleteFrom('plan_tasks')
    .where('agency_id', '=', agencyId)
    .where('done_at', 'is not', null)
    .where('done_at', '<', cutoff)
    .executeTakeFirst();
  const blocks = await db
    .deleteFrom('plan_blocks')
    .where('agency_id', '=', agencyId)
    .where('day', '<', day)
    .executeTakeFirst();
  const reviews = await db
    .deleteFrom('plan_reviews')
    .where('agency_id', '=', agencyId)
    .where('week', '<', day)
    .executeTakeFirst();
  return Number(tasks.numDeletedRows) + Number(blocks.numDeletedRows) + Number(reviews.numDeletedRows);
}
