import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * The retention schedule: erases the agency's finished emails (sent, failed or held) queued before
 * `cutoff`; answers how many. Emails still waiting are never erased.
 */
export async function eraseEmailsBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
  const result = await db
    .deleteFrom('email_outbox')
    .where('agency_id', '=', agencyId)
    .where('status', 'in', ['sent', 'failed', 'held'])
    .where('created_at', '<', cutoff)
    .executeTakeFirstOrThrow();
  return Number(result.numDeletedRows);
}
