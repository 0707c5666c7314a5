import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/*
 * The agency's disclosed safety outreach switch, a column of `agencies`. Help shows and changes it
 * (with its own audit entry) through this owner's functions, wired into HelpContactsService as its
 * OutreachSetting in services.ts.
 */

/** On or off; undefined when there is no such agency. */
export async function findOutreach(db: Kysely<Database>, agencyId: string): Promise<boolean | undefined> {
  const agency = await db
    .selectFrom('agencies')
    .select('disclosed_safety_outreach')
    .where('id', '=', agencyId)
    .executeTakeFirst();
  return agency ? agency.disclosed_safety_outreach === 1 : undefined;
}

export async function updateOutreach(db: Kysely<Database>, agencyId: string, on: boolean, at: string): Promise<void> {
  await db
    .updateTable('agencies')
    .set({ disclosed_safety_outreach: on ? 1 : 0, updated_at: at })
    .where('id', '=', agencyId)
    .execute();
}
