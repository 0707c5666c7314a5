import { sql, type Kysely } from 'kysely';

/**
 * The counsellor's workspace (docs/decisions/043-counsellor-workspace.md).
 *
 * - `appointments.crisis_request_id`: a first appointment the counsellor scheduled from a request
 *   for help. No foreign key: the person may erase a closed request, and the appointment (theirs
 *   too) then keeps an id that points at nothing, like the audit log does. One live appointment per
 *   request (a partial unique index over the rows not cancelled), so a retried "schedule" is stored
 *   once and two counsellors cannot both book a first session for the same request.
 * - `crisis_requests.first_contact_at`: when the person was first reached — a session scheduled
 *   for them, or the request closed as followed up — for the team's time to first contact.
 * - Indexes for the caseload: a counsellor's clients come from their appointments (by counsellor
 *   and start, already indexed) and from the requests they took (`acknowledged_by`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('appointments').addColumn('crisis_request_id', 'text').execute();
  await db.schema
    .createIndex('appointments_crisis_request')
    .on('appointments')
    .column('crisis_request_id')
    .unique()
    .where(sql.ref('status'), '<>', sql.lit('cancelled'))
    .execute();
  await db.schema.alterTable('crisis_requests').addColumn('first_contact_at', 'text').execute();
  await db.schema
    .createIndex('crisis_requests_acknowledged_by')
    .on('crisis_requests')
    .columns(['agency_id', 'acknowledged_by'])
    .execute();
  await db.schema
    .createIndex('crisis_requests_agency_created')
    .on('crisis_requests')
    .columns(['agency_id', 'created_at'])
    .execute();
}
