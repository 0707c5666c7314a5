import type { Kysely } from 'kysely';

/**
 * The person's own data rights (docs/decisions/013-data-rights.md; UU PDP art. 5–9, 13, 14, 22, 32).
 *
 * - `data_requests`: every export, correction request, consent withdrawal and erasure is a
 *   recorded request with its times (art. 14). `details` is JSON of names and counts only — never
 *   a health value, never the id of an erased result.
 * - `consent_choices`: the person's current standing choice per purpose (granted or withdrawn).
 *   The evidence stays in `consents` (who agreed to which text version, when, withdrawn when);
 *   this table is what the code checks before processing, so a withdrawal takes effect at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    /** 'export' | 'correction' | 'consent_withdrawal' | 'consent_grant' | 'erasure' */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** 'completed' (done at once) | 'open' | 'resolved' | 'rejected' (correction requests) */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolution_note', 'text')
    .execute();
  await db.schema
    .createIndex('data_requests_person')
    .on('data_requests')
    .columns(['person_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('data_requests_agency_kind')
    .on('data_requests')
    .columns(['agency_id', 'kind', 'status'])
    .execute();

  await db.schema
    .createTable('consent_choices')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    /** 1 granted, 0 withdrawn. */
    .addColumn('granted', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consent_choices_pk', ['person_id', 'purpose'])
    .execute();
}
