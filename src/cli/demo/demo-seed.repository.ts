import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/*
 * The demo seeder's queries (`teduh demo`). The seeder fills an empty install with a whole
 * fictional agency in bulk, so it writes every module's tables directly: the one recorded
 * exception to table ownership (docs/decisions/016-module-boundaries.md). Real data never takes
 * this path; the app's own writes go through each table's owner.
 */

/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters. */
const BATCH_SIZE = 100;

type Table = keyof Database & string;

/** Inserts rows into one table, in batches (in the order given: parents before children). */
export async function insertDemoRows<T extends Table>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]> | readonly Insertable<Database[T]>[],
): Promise<void> {
  const all = Array.isArray(rows) ? rows : [rows];
  for (let i = 0; i < all.length; i += BATCH_SIZE) {
    const batch = all.slice(i, i + BATCH_SIZE);
    // Kysely cannot relate a generic table name to its row type; the signature above does.
    if (batch.length > 0)
      await db
        .insertInto(table)
        .values(batch as never)
        .execute();
  }
}

/** Sets an instance_state key unless it is set. */
export async function markInstance(db: Kysely<Database>, key: string, now: string): Promise<void> {
  await db
    .insertInto('instance_state')
    .values({ key, value: now, updated_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

export async function hasInstanceKey(db: Kysely<Database>, key: string): Promise<boolean> {
  return Boolean(await db.selectFrom('instance_state').select('key').where('key', '=', key).executeTakeFirst());
}

export async function countAgencies(db: Kysely<Database>): Promise<number> {
  const { count } = await db
    .selectFrom('agencies')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** The agency's top unit. */
export async function findRootUnitId(db: Kysely<Database>, agencyId: string): Promise<string> {
  const root = await db
    .selectFrom('org_units')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  return root.id;
}

/** Someone holding the role in the agency. */
export async function findHolderOf(db: Kysely<Database>, agencyId: string, role: string): Promise<string> {
  const row = await db
    .selectFrom('role_assignments')
    .select('person_id')
    .where('agency_id', '=', agencyId)
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  return row.person_id;
}

export async function findPhoneOf(db: Kysely<Database>, personId: string): Promise<string | null> {
  const row = await db.selectFrom('people').select('phone').where('id', '=', personId).executeTakeFirstOrThrow();
  return row.phone;
}

/** The agency's time zone (the demo's held reminders are timed in it). */
export async function findAgencyTimeZone(db: Kysely<Database>, agencyId: string): Promise<string> {
  const row = await db.selectFrom('agencies').select('time_zone').where('id', '=', agencyId).executeTakeFirstOrThrow();
  return row.time_zone;
}

/** The demo's held sessions (completed, already over), for their notes (docs/decisions/041-session-notes.md). */
export function heldDemoAppointments(db: Kysely<Database>, before: string) {
  return db
    .selectFrom('appointments')
    .select(['id', 'agency_id', 'counsellor_id', 'client_id', 'start_utc'])
    .where('status', '=', 'completed')
    .where('end_utc', '<', before)
    .orderBy('start_utc')
    .orderBy('id')
    .execute();
}

/** The people who have an appointment with a counsellor (the demo's return-to-work plans need a client). */
export async function clientIdsOfCounsellor(db: Kysely<Database>, counsellorId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('appointments')
    .select('client_id')
    .distinct()
    .where('counsellor_id', '=', counsellorId)
    .orderBy('client_id')
    .execute();
  return rows.map((r) => r.client_id);
}

/** Each demo agency's agency-wide wellbeing admin and root unit: who runs the demo's climate surveys, over what. */
export function demoSurveyRunners(db: Kysely<Database>) {
  return db
    .selectFrom('role_assignments as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('org_units as u', (join) => join.onRef('u.agency_id', '=', 'p.agency_id').on('u.parent_id', 'is', null))
    .select(['r.person_id', 'p.agency_id', 'u.id as root_unit_id'])
    .where('r.role', '=', 'wellbeing_admin')
    .where('r.unit_id', 'is', null)
    .orderBy('p.agency_id')
    .orderBy('r.person_id')
    .execute();
}

/** The members of a demo survey with their unit, in a fixed order (the seeded answers follow it). */
export function demoSurveyMembers(db: Kysely<Database>, surveyId: string) {
  return (
    db
      .selectFrom('survey_members as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['m.person_id', 'm.unit_id', 'p.nip'])
      .where('m.survey_id', '=', surveyId)
      // Names and NIPs come from the seeded generator; ids are random: the answers must not follow them.
      .orderBy('p.full_name')
      .orderBy('p.nip')
      .execute()
  );
}

/** Moves a demo survey's window into the past: a wave run months ago, opened and closed then. */
export async function backdateDemoSurvey(
  db: Kysely<Database>,
  surveyId: string,
  window: { opensOn: string; closesOn: string },
): Promise<void> {
  await db
    .updateTable('surveys')
    .set({
      opens_on: window.opensOn,
      closes_on: window.closesOn,
      created_at: `${window.opensOn}T01:00:00.000Z`,
      opened_at: `${window.opensOn}T01:00:00.000Z`,
      closed_at: `${window.closesOn}T10:00:00.000Z`,
      updated_at: `${window.closesOn}T10:00:00.000Z`,
    })
    .where('id', '=', surveyId)
    .execute();
}

/**
 * Staff of an agency who write the demo's suggestions, by NIP (a fixed order), leaving out the
 * documented employee so that her box is untouched (docs/decisions/052-suggestion-box.md).
 */
export async function demoSuggestionWriters(db: Kysely<Database>, agencyId: string, except: string, limit: number) {
  const rows = await db
    .selectFrom('people')
    .select(['id', 'full_name'])
    .where('agency_id', '=', agencyId)
    .where('is_active', '=', 1)
    .where('nip', 'is not', null)
    .where('nip', '<>', except)
    .orderBy('nip')
    .limit(limit)
    .execute();
  return rows;
}

/** The closed demo waves of one title, per agency, with who ran them (for their publication). */
export function demoClosedWaves(db: Kysely<Database>, title: string) {
  return db
    .selectFrom('surveys')
    .select(['id', 'agency_id', 'created_by'])
    .where('title', '=', title)
    .where('status', '=', 'closed')
    .orderBy('agency_id')
    .execute();
}
