import { sql, type Kysely } from 'kysely';

/**
 * Booking reminders by email (docs/decisions/049-counselling-journey.md).
 *
 * `appointments.reminder_email`: whether the client asked for the reminders they chose to come by
 * email too, besides the bell. 0 for every existing booking: nobody is emailed who did not ask.
 * The sweep already reads booked rows by status and start (`appointments_status_start`), so no new
 * index is needed; the sent marks stay the two `reminded_*_at` columns, claimed once for both
 * channels in one transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('appointments')
    .addColumn('reminder_email', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`reminder_email in (0, 1)`),
    )
    .execute();
}
