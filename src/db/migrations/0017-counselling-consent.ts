import { sql, type Kysely } from 'kysely';

/**
 * Counselling consent (docs/decisions/042-counselling-consent.md): a client's permission to one
 * counsellor for one kind of data, limited in time and revocable at once.
 *
 * - Named `counselling_consents`, not `consents`: that table (0002) keeps the evidence of the
 *   self-check and result-sharing consents and is the assessments module's.
 * - `kind`: shared_results (PHQ-9/GAD-7 over time for measurement-based care), check_in_trends (a
 *   weekly mood and energy summary), notes_transfer (session notes may be handed to `recipient_id`,
 *   another named counsellor; required for that kind and only for it).
 * - `text_version` and `text_hash`: which words the client saw (`consent.shared_results.v1`), and
 *   the SHA-256 of those words in `text_locale`, so the record proves the text even if it changes.
 * - `expires_at` is `granted_at` plus the 3, 6 or 12 months the client chose; `revoked_at` ends it
 *   sooner. Nothing is ever deleted by a revocation: the history is the client's record.
 * - `client_key` is the Idempotency-Key of the grant, unique per client: a retried grant is stored once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('counselling_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('counsellor_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('shared_results', 'check_in_trends', 'notes_transfer')`),
    )
    .addColumn('recipient_id', 'text', (c) => c.references('people.id'))
    .addColumn('text_version', 'text', (c) => c.notNull())
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('text_locale', 'text', (c) => c.notNull())
    .addColumn('months', 'integer', (c) => c.notNull().check(sql`months in (3, 6, 12)`))
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('client_key', 'text', (c) => c.notNull())
    .addCheckConstraint('counselling_consents_recipient', sql`(kind = 'notes_transfer') = (recipient_id is not null)`)
    .addCheckConstraint('counselling_consents_order', sql`granted_at < expires_at`)
    .execute();
  await db.schema
    .createIndex('counselling_consents_client_key')
    .on('counselling_consents')
    .columns(['client_id', 'client_key'])
    .unique()
    .execute();
  // The client's page and the grant's check: their consents, newest first.
  await db.schema
    .createIndex('counselling_consents_client')
    .on('counselling_consents')
    .columns(['agency_id', 'client_id', 'granted_at'])
    .execute();
  // isActive and activeClientsOf: one counsellor's consents of a kind (the caseload of 300 in one query).
  await db.schema
    .createIndex('counselling_consents_counsellor')
    .on('counselling_consents')
    .columns(['counsellor_id', 'kind', 'expires_at'])
    .execute();
}
