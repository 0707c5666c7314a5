import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/*
 * The agency's disclosed safety outreach switch, a column of `agencies`. Help reads it from the org
 * directory and changes it (with its own audit entry) through this function, wired into
 * HelpContactsService as its OutreachSetting in services.ts.
 */

export async function updateOutreach(db: Kysely<Database>, agencyId: string, on: boolean, at: string): Promise<void> {
  await db
    .updateTable('agencies')
    .set({ disclosed_safety_outreach: on ? 1 : 0, updated_at: at })
    .where('id', '=', agencyId)
    .execute();
}
