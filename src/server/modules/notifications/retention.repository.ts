import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** The retention schedule: erases the agency's notifications created before `cutoff`; answers how many. */
export async function eraseNotificationsBefore(
  db: Kysely<Database>,
  agencyId: string,
  cutoff: string,
): Promise<number> {
  const result = await db
    .deleteFrom('notifications')
    .where('agency_id', '=', agencyId)
    .where('created_at', '<', cutoff)
    .executeTakeFirstOrThrow();
  return Number(result.numDeletedRows);
}
