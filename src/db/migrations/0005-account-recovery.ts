import { sql, type Kysely } from 'kysely';

/**
 * Account recovery nobody else can use (docs/decisions/011-account-recovery.md).
 *
 *  - `email_outbox.secret_body_enc`: the full text of an email that carries a secret link
 *    (invitation, reset, confirmation), sealed with the key ring and wiped once the email is sent.
 *    `body_text` keeps only the redacted text that the agency admin may read.
 *  - `recovery_holds`: after an admin changes a person's email, no password reset can be asked for
 *    or completed until the hold ends (24 h) or the person confirms from their old address.
 *
 * Emails stored before this migration carried live links in `body_text`, readable by agency
 * admins: their links are redacted here, and every unused invitation or reset link is voided
 * (an admin may have read it). Admins send invitations again; people ask for a new reset.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('email_outbox').addColumn('secret_body_enc', 'text').execute();

  await db.schema
    .createTable('recovery_holds')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .execute();

  const held = await sql<{ id: string; body_text: string }>`
    select id, body_text from email_outbox where template in ('invite', 'reset')
  `.execute(db);
  for (const row of held.rows) {
    await sql`update email_outbox set body_text = ${redactLinks(row.body_text)} where id = ${row.id}`.execute(db);
  }
  const now = new Date().toISOString();
  await sql`update auth_tokens set used_at = ${now} where used_at is null and purpose in ('invite', 'reset')`.execute(
    db,
  );
}

function redactLinks(text: string): string {
  return text.replace(/https?:\/\/\S+/g, '[…]');
}
