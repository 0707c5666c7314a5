import { sql, type Kysely } from 'kysely';

/**
 * Referrals on the BPJS path (docs/decisions/044-referrals.md). One row per letter, prepared by the
 * client's counsellor or by the client themself, addressed to a level of care (FKTP or hospital).
 * What the receiving clinician reads — the destination's name, the reason, the BPJS number the client
 * typed and the screening scores they chose — is sealed with the key ring like an appointment's
 * reason; only the level, the status and the dates stay in the clear. `approved_fields` lists what the
 * client allowed into the letter (comma-separated, '' for nothing yet); nothing else ever prints.
 * `client_key` is the Idempotency-Key of the request that made it, unique per author, so a retried
 * create is stored once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('prepared_by', 'text', (c) => c.notNull().check(sql`prepared_by in ('client', 'counsellor')`))
    .addColumn('destination_level', 'text', (c) =>
      c
        .notNull()
        .check(sql`destination_level in ('puskesmas', 'klinik_pratama', 'rs_psikolog_klinis', 'rs_psikiater')`),
    )
    .addColumn('destination_name_enc', 'text')
    .addColumn('reason_enc', 'text')
    .addColumn('bpjs_number_enc', 'text')
    .addColumn('scores_enc', 'text')
    .addColumn('approved_fields', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('prepared', 'given', 'visited', 'closed', 'cancelled')`),
    )
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('given_at', 'text')
    .addColumn('visited_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('client_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('referrals_expiry_order', sql`issued_on <= expires_on`)
    .execute();
  await db.schema
    .createIndex('referrals_author_key')
    .on('referrals')
    .columns(['author_id', 'client_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('referrals_client')
    .on('referrals')
    .columns(['agency_id', 'client_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('referrals_author')
    .on('referrals')
    .columns(['agency_id', 'author_id', 'created_at'])
    .execute();
  // The retention schedule counts from the letter's expiry.
  await db.schema.createIndex('referrals_expiry').on('referrals').columns(['agency_id', 'expires_on']).execute();
}
