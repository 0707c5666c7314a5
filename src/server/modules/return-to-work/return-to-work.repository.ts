import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, ReturnPlanCheckinsTable, ReturnPlansTable } from '../../../db/schema.js';

export type PlanRow = Selectable<ReturnPlansTable>;
export type CheckinRow = Selectable<ReturnPlanCheckinsTable>;

export async function findPlan(db: Kysely<Database>, agencyId: string, id: string) {
  return db
    .selectFrom('return_plans')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A plan by id whatever its agency: a retried create must not take another's id. */
export async function findPlanAnywhere(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('return_plans')
    .select(['id', 'agency_id', 'counsellor_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function plansOfCounsellor(db: Kysely<Database>, agencyId: string, counsellorId: string) {
  return db
    .selectFrom('return_plans')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('counsellor_id', '=', counsellorId)
    .orderBy('start_date', 'desc')
    .execute();
}

export async function plansOfClient(db: Kysely<Database>, agencyId: string, clientId: string) {
  return db
    .selectFrom('return_plans')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('client_id', '=', clientId)
    .orderBy('start_date', 'desc')
    .execute();
}

/**
 * Plans whose client consents to show the manager the schedule they agreed to, and which are still
 * open: the only rows a manager's view is made from (the caller narrows them to the manager's units).
 */
export async function sharedOpenPlans(db: Kysely<Database>, agencyId: string) {
  return db
    .selectFrom('return_plans')
    .select(['id', 'client_id', 'start_date', 'steps'])
    .where('agency_id', '=', agencyId)
    .where('share_with_manager', '=', 1)
    .where('closed_at', 'is', null)
    .whereRef('agreed_version', '=', 'version')
    .orderBy('start_date')
    .execute();
}

export async function insertPlan(db: Kysely<Database>, row: Insertable<ReturnPlansTable>): Promise<void> {
  await db.insertInto('return_plans').values(row).execute();
}

export async function updatePlan(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  changes: Updateable<ReturnPlansTable>,
): Promise<void> {
  await db.updateTable('return_plans').set(changes).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

/** Records agreement only to the version the client read: a plan changed meanwhile is not agreed. */
export async function agreeTo(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  clientId: string,
  version: number,
  changes: Updateable<ReturnPlansTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('return_plans')
    .set(changes)
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .where('client_id', '=', clientId)
    .where('version', '=', version)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function checkinsOf(db: Kysely<Database>, planIds: readonly string[]) {
  if (planIds.length === 0) return [];
  return db.selectFrom('return_plan_checkins').selectAll().where('plan_id', 'in', planIds).orderBy('due_on').execute();
}

export async function replaceCheckins(
  db: Kysely<Database>,
  planId: string,
  rows: readonly Insertable<ReturnPlanCheckinsTable>[],
): Promise<void> {
  await db.deleteFrom('return_plan_checkins').where('plan_id', '=', planId).execute();
  if (rows.length > 0)
    await db
      .insertInto('return_plan_checkins')
      .values([...rows])
      .execute();
}

export async function countOfClient(db: Kysely<Database>, agencyId: string, clientId: string): Promise<number> {
  const row = await db
    .selectFrom('return_plans')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('agency_id', '=', agencyId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Erases the plans of a client with their check-ins; answers how many plans. */
export async function deleteOfClient(db: Kysely<Database>, agencyId: string, clientId: string): Promise<number> {
  const ids = (
    await db
      .selectFrom('return_plans')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('client_id', '=', clientId)
      .execute()
  ).map((r) => r.id);
  return deletePlans(db, ids);
}

/** Erases the agency's plans closed before the cutoff (the retention schedule). */
export async function deleteClosedBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
  const ids = (
    await db
      .selectFrom('return_plans')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('closed_at', '<', cutoff)
      .execute()
  ).map((r) => r.id);
  return deletePlans(db, ids);
}

async function deletePlans(db: Kysely<Database>, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  await db.deleteFrom('return_plan_checkins').where('plan_id', 'in', ids).execute();
  const r = await db.deleteFrom('return_plans').where('id', 'in', ids).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Check-in points not yet done of open plans, due between two days (inclusive), with their client:
 * the reminder sweep's rows (index `return_plan_checkins_due`).
 */
export async function checkinsDueBetween(db: Kysely<Database>, from: string, to: string) {
  return db
    .selectFrom('return_plan_checkins as c')
    .innerJoin('return_plans as p', 'p.id', 'c.plan_id')
    .select(['c.id', 'c.plan_id', 'c.due_on', 'p.agency_id', 'p.client_id'])
    .where('c.due_on', '>=', from)
    .where('c.due_on', '<=', to)
    .where('c.done_at', 'is', null)
    .where('p.closed_at', 'is', null)
    .execute();
}
