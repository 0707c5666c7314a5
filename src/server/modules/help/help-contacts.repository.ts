import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

export type HelpContactRow = Database['help_contacts'];

/** The agency's help contacts in their order; `activeOnly` leaves out the switched-off ones. */
export async function findHelpContacts(db: Kysely<Database>, agencyId: string, activeOnly: boolean) {
  let q = db.selectFrom('help_contacts').selectAll().where('agency_id', '=', agencyId);
  if (activeOnly) q = q.where('is_active', '=', 1);
  return q.orderBy('sort_order').orderBy('created_at').orderBy('id').execute();
}

export async function findHelpContact(db: Kysely<Database>, agencyId: string, id: string) {
  return db
    .selectFrom('help_contacts')
    .selectAll()
    .where('id', '=', id)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
}

export async function insertHelpContact(db: Kysely<Database>, row: HelpContactRow): Promise<void> {
  await db.insertInto('help_contacts').values(row).execute();
}

export async function updateHelpContact(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  patch: Omit<HelpContactRow, 'id' | 'agency_id' | 'created_at'>,
): Promise<void> {
  await db.updateTable('help_contacts').set(patch).where('id', '=', id).where('agency_id', '=', agencyId).execute();
}
