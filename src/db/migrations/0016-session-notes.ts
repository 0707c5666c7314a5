import { sql, type Kysely } from 'kysely';

/**
 * Session notes, encrypted and separate (docs/decisions/041-session-notes.md).
 *
 * - `agency_data_keys`: one random 256-bit data key per agency at a time, stored only wrapped
 *   (AES-256-GCM) by the server's note-wrapping key, which is derived from the instance secret and
 *   never stored. Retired keys stay until no ciphertext names them (rotation re-encrypts first).
 *   At most one unretired key per agency (a partial unique index, so two first notes racing in a new
 *   agency cannot make two keys).
 * - `session_notes`: a counsellor's note per appointment, each field sealed separately under the
 *   agency's data key with the note id and the field name as associated data; `key_id` names the
 *   key every field is sealed with (rotation finds the rows to re-encrypt by it). No foreign key to
 *   `appointments`: a note is a clinical record with its own, longer retention, and outlives the
 *   booking row that the booking module erases on its own schedule; it keeps the session's time and
 *   both people itself. One note per appointment (unique), so a retried save is stored once.
 * - `break_glass_grants`: a clinical supervisor's time-boxed opening of one client's notes, with
 *   the sealed reason.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agency_data_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('key_id', 'text', (c) => c.notNull().unique())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('wrapping_key_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema
    .createIndex('agency_data_keys_active')
    .on('agency_data_keys')
    .column('agency_id')
    .unique()
    .where(sql.ref('retired_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('session_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('appointment_id', 'text', (c) => c.notNull().unique())
    .addColumn('counsellor_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('session_at', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('soap', 'free')`))
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('subjective_enc', 'text')
    .addColumn('objective_enc', 'text')
    .addColumn('assessment_enc', 'text')
    .addColumn('plan_enc', 'text')
    .addColumn('body_enc', 'text')
    .addColumn('withheld', 'integer', (c) => c.notNull().check(sql`withheld in (0, 1)`))
    .addColumn('withheld_reason_enc', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('session_notes_client')
    .on('session_notes')
    .columns(['agency_id', 'client_id', 'session_at'])
    .execute();
  await db.schema.createIndex('session_notes_key').on('session_notes').columns(['agency_id', 'key_id']).execute();

  await db.schema
    .createTable('break_glass_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('supervisor_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('reason_enc', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addCheckConstraint('break_glass_grants_order', sql`opened_at < expires_at`)
    .execute();
  await db.schema
    .createIndex('break_glass_grants_supervisor')
    .on('break_glass_grants')
    .columns(['agency_id', 'supervisor_id', 'expires_at'])
    .execute();
}
