import type { Kysely, Selectable } from 'kysely';
import type { CheckInsTable, Database } from '../../../db/schema.js';

export type InsightRow = Pick<
  Selectable<CheckInsTable>,
  | 'local_date'
  | 'mood'
  | 'stress'
  | 'energy'
  | 'sleep_minutes'
  | 'sleep_quality'
  | 'activity_minutes'
  | 'workload'
  | 'details_enc'
>;

/**
 * The columns insights need of the person's days from `from` to `to` (inclusive), oldest first:
 * one range read on the unique index (person_id, local_date) — `docs/benchmarks.md` shows the plan
 * on both databases. The agency is checked on the rows the index finds.
 */
export async function findInsightRows(
  db: Kysely<Database>,
  personId: string,
  agencyId: string,
  from: string,
  to: string,
): Promise<InsightRow[]> {
  return db
    .selectFrom('check_ins')
    .select([
      'local_date',
      'mood',
      'stress',
      'energy',
      'sleep_minutes',
      'sleep_quality',
      'activity_minutes',
      'workload',
      'details_enc',
    ])
    .where('person_id', '=', personId)
    .where('local_date', '>=', from)
    .where('local_date', '<=', to)
    .where('agency_id', '=', agencyId)
    .orderBy('local_date')
    .execute();
}
