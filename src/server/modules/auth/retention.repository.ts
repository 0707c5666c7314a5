import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** The retention schedule: erases the agency's sessions last seen before `cutoff`; answers how many. */
export async function eraseSessionsBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('agency_id', '=', agencyId)
    .where('last_seen_at', '<', cutoff)
    .executeTakeFirstOrThrow();
  return Number(result.numDeletedRows);
}
