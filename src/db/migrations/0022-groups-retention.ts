import type { Kysely } from 'kysely';

/**
 * Peer groups and return-to-work plans, finished (docs/decisions/045-peer-groups-and-return-to-work.md):
 *
 * - `return_plan_checkins_due`: the hourly sweep finds the check-in points due today or tomorrow,
 *   to remind the client the day before, without reading every plan.
 * - `return_plans_closed`: the retention job finds an agency's plans closed before its cutoff.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('return_plan_checkins_due').on('return_plan_checkins').columns(['due_on']).execute();
  await db.schema.createIndex('return_plans_closed').on('return_plans').columns(['agency_id', 'closed_at']).execute();
}
