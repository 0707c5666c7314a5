import type { Kysely } from 'kysely';
import type { Database, EmailOutboxTable } from '../../../db/schema.js';
import type { Insertable } from 'kysely';

/** One outbox row. */
export async function findEmail(db: Kysely<Database>, id: string) {
  return db.selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks an email sent and wipes its sealed text in the same statement. */
export async function markEmailSent(db: Kysely<Database>, id: string, attempts: number, now: string): Promise<void> {
  await db
    .updateTable('email_outbox')
    .set({ status: 'sent', sent_at: now, attempts, last_error: null, secret_body_enc: null })
    .where('id', '=', id)
    .execute();
}

/** Keeps an email pending after a failed attempt, with the error for the operator. */
export async function markEmailFailed(
  db: Kysely<Database>,
  id: string,
  attempts: number,
  error: string,
): Promise<void> {
  await db
    .updateTable('email_outbox')
    .set({ status: 'pending', attempts, last_error: error })
    .where('id', '=', id)
    .execute();
}

/** Cancels unsent emails of one template to one address and wipes their sealed text. */
export async function cancelUnsentEmails(db: Kysely<Database>, to: string, template: string): Promise<void> {
  await db
    .updateTable('email_outbox')
    .set({ status: 'cancelled', secret_body_enc: null })
    .where('to_address', '=', to)
    .where('template', '=', template)
    .where('status', 'in', ['pending', 'held'])
    .execute();
}

/** Wipes the sealed text of every email created before `cutoff`, sent or not. */
export async function wipeSecretsBefore(db: Kysely<Database>, cutoff: string): Promise<void> {
  await db
    .updateTable('email_outbox')
    .set({ secret_body_enc: null })
    .where('created_at', '<', cutoff)
    .where('secret_body_enc', 'is not', null)
    .execute();
}

/** One page of the agency's outbox, newest first, and the total, without the templates left out. */
export async function findOutboxPage(
  db: Kysely<Database>,
  agencyId: string,
  limit: number,
  offset: number,
  leftOut: readonly string[],
) {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('email_outbox')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('template', 'not in', leftOut)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('email_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', '=', agencyId)
      .where('template', 'not in', leftOut)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Stores one email in the outbox. */
export async function insertEmail(db: Kysely<Database>, row: Insertable<EmailOutboxTable>): Promise<void> {
  await db.insertInto('email_outbox').values(row).execute();
}
