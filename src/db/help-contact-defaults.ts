import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { DEFAULT_HELP_CONTACTS } from '../domain/help/help-contacts.js';

type HelpContactsDb = Kysely<{ help_contacts: Record<string, unknown> }>;

/**
 * Gives an agency the national crisis and help contacts of docs/instruments.md §16. Used when an agency is
 * created (set-up, platform, demo) and by the migration for agencies that already existed.
 */
export async function insertDefaultHelpContacts<DB>(db: Kysely<DB>, agencyId: string, now: string): Promise<void> {
  await (db as unknown as HelpContactsDb)
    .insertInto('help_contacts')
    .values(
      DEFAULT_HELP_CONTACTS.map((c, i) => ({
        id: crypto.randomUUID(),
        agency_id: agencyId,
        kind: c.kind,
        preset: c.preset,
        // Presets take their names from the message catalogue, in the reader's language.
        name: c.preset,
        description: null,
        phone: c.phone,
        url: c.url,
        hours: c.hours,
        sort_order: i,
        is_active: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}
