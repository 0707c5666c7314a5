import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * The crisis relay's undelivered jobs in one pass: how many wait, how many failed for good, and
 * when the oldest waiting one was queued. A recorded read of the jobs table (table-owners.ts).
 */
export async function findUndeliveredJobs(db: Kysely<Database>, kind: string) {
  // Undelivered jobs are few (delivered ones have completed_at set), so jobs_due keeps this cheap.
  return db
    .selectFrom('jobs')
    .select([
      sql<number>`cast(sum(case when failed_at is null then 1 else 0 end) as integer)`.as('pending'),
      sql<number>`cast(sum(case when failed_at is null then 0 else 1 end) as integer)`.as('failed'),
      sql<string | null>`min(case when failed_at is null then created_at end)`.as('oldest'),
    ])
    .where('completed_at', 'is', null)
    .where('kind', '=', kind)
    .executeTakeFirst();
}
