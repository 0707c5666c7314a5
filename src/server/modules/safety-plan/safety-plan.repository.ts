import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, SafetyPlansTable } from '../../../db/schema.js';

export type SafetyPlanRow = Selectable<SafetyPlansTable>;

/** The person's plan; keyed by the person and their agency, so no other id can reach it. */
export async function findSafetyPlan(
  db: Kysely<Database>,
  personId: string,
  agencyId: string,
): Promise<SafetyPlanRow | undefined> {
  return db
    .selectFrom('safety_plans')
    .selectAll()
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
}

/** The first save. A second first save racing it fails on the primary key. */
export async function insertSafetyPlan(db: Kysely<Database>, row: Insertable<SafetyPlansTable>): Promise<void> {
  await db.insertInto('safety_plans').values(row).execute();
}

/**
 * Replaces the plan only if it is still at `fromVersion` (optimistic concurrency); answers
 * whether it did.
 */
export async function replaceSafetyPlan(
  db: Kysely<Database>,
  row: { personId: string; agencyId: string; fromVersion: number; planEnc: string; updatedAt: string },
): Promise<boolean> {
  const result = await db
    .updateTable('safety_plans')
    .set({ plan_enc: row.planEnc, version: row.fromVersion + 1, updated_at: row.updatedAt })
    .where('person_id', '=', row.personId)
    .where('agency_id', '=', row.agencyId)
    .where('version', '=', row.fromVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes the plan for good; answers how many rows went (0 or 1). */
export async function deleteSafetyPlan(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
  const result = await db
    .deleteFrom('safety_plans')
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
