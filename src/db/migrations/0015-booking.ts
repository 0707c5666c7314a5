import { sql, type Kysely } from 'kysely';

/**
 * Counsellors, their availability and booking (docs/decisions/040-booking.md).
 *
 * - `counsellor_profiles`: one row per counsellor (their person id), what an employee sees before
 *   booking; the slot length is fixed per counsellor, so two bookings of the same slot have the same
 *   start.
 * - `counsellor_availability`: weekly rules in the counsellor's unit time zone (local `HH:MM`).
 * - `counsellor_exceptions`: leave and other days away, local date ranges (both ends included).
 * - `appointments`: a booking between a client and a counsellor, visible to those two only. The
 *   reason the client writes and a cancellation reason are sealed with the key ring, like check-in
 *   notes. No double booking under concurrency: a partial unique index on (counsellor, start) over
 *   the booked rows, so the database refuses the second of two simultaneous bookings instead of a
 *   check-then-insert that both would pass. `client_key` is the Idempotency-Key of the booking, so a
 *   retried booking is stored once (unique per client).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('counsellor_profiles')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('konselor', 'psikolog_klinis', 'psikiater', 'dokter')`),
    )
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('modes', 'text', (c) => c.notNull())
    .addColumn('locations', 'text', (c) => c.notNull())
    .addColumn('introduction', 'text', (c) => c.notNull())
    .addColumn('provider', 'text')
    .addColumn('slot_minutes', 'integer', (c) => c.notNull().check(sql`slot_minutes between 15 and 180`))
    .addColumn('active', 'integer', (c) => c.notNull().check(sql`active in (0, 1)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('counsellor_profiles_agency')
    .on('counsellor_profiles')
    .columns(['agency_id', 'active'])
    .execute();

  await db.schema
    .createTable('counsellor_availability')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('counsellor_id', 'text', (c) => c.notNull().references('counsellor_profiles.person_id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('modes', 'text', (c) => c.notNull())
    .addCheckConstraint('counsellor_availability_order', sql`start_time < end_time`)
    .execute();
  await db.schema
    .createIndex('counsellor_availability_counsellor')
    .on('counsellor_availability')
    .columns(['agency_id', 'counsellor_id'])
    .execute();

  await db.schema
    .createTable('counsellor_exceptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('counsellor_id', 'text', (c) => c.notNull().references('counsellor_profiles.person_id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('leave', 'away')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('counsellor_exceptions_order', sql`starts_on <= ends_on`)
    .execute();
  await db.schema
    .createIndex('counsellor_exceptions_counsellor')
    .on('counsellor_exceptions')
    .columns(['agency_id', 'counsellor_id', 'ends_on'])
    .execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('counsellor_id', 'text', (c) => c.notNull().references('counsellor_profiles.person_id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('start_utc', 'text', (c) => c.notNull())
    .addColumn('end_utc', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('in_person', 'video', 'phone')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('booked', 'cancelled', 'completed', 'no_show')`),
    )
    .addColumn('reason_enc', 'text')
    .addColumn('reminders', 'text', (c) => c.notNull())
    .addColumn('reminded_day_before_at', 'text')
    .addColumn('reminded_hour_before_at', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancelled_by', 'text', (c) => c.check(sql`cancelled_by in ('client', 'counsellor')`))
    .addColumn('cancel_reason_enc', 'text')
    .addColumn('client_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('appointments_order', sql`start_utc < end_utc`)
    .execute();
  // The constraint that makes double booking impossible (decision 040): one booked row per slot start.
  await db.schema
    .createIndex('appointments_booked_slot')
    .on('appointments')
    .columns(['counsellor_id', 'start_utc'])
    .unique()
    .where(sql.ref('status'), '=', sql.lit('booked'))
    .execute();
  await db.schema
    .createIndex('appointments_client_key')
    .on('appointments')
    .columns(['client_id', 'client_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('appointments_counsellor_start')
    .on('appointments')
    .columns(['agency_id', 'counsellor_id', 'start_utc'])
    .execute();
  await db.schema
    .createIndex('appointments_client_start')
    .on('appointments')
    .columns(['client_id', 'start_utc'])
    .execute();
  // The reminder sweep reads only booked rows in a time window.
  await db.schema
    .createIndex('appointments_status_start')
    .on('appointments')
    .columns(['status', 'start_utc'])
    .execute();
}
