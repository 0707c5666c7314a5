import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type {
  AppointmentsTable,
  CounsellorAvailabilityTable,
  CounsellorExceptionsTable,
  CounsellorProfilesTable,
  Database,
} from '../../../db/schema.js';

export type ProfileRow = Selectable<CounsellorProfilesTable>;
export type RuleRow = Selectable<CounsellorAvailabilityTable>;
export type ExceptionRow = Selectable<CounsellorExceptionsTable>;
export type AppointmentRow = Selectable<AppointmentsTable>;

/** A bookable counsellor: an active profile of a person who still holds the counsellor role. */
export interface ListedCounsellor extends ProfileRow {
  full_name: string;
  time_zone: string;
}

// --- Profiles, rules and exceptions ---------------------------------------------------------------

export async function findProfile(db: Kysely<Database>, agencyId: string, personId: string) {
  return db
    .selectFrom('counsellor_profiles')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function upsertProfile(db: Kysely<Database>, row: Insertable<CounsellorProfilesTable>): Promise<void> {
  const { person_id: _id, agency_id: _agency, created_at: _created, ...changes } = row;
  await db
    .insertInto('counsellor_profiles')
    .values(row)
    .onConflict((oc) => oc.column('person_id').doUpdateSet(changes))
    .execute();
}

export async function rulesOf(db: Kysely<Database>, agencyId: string, counsellorIds: readonly string[]) {
  if (counsellorIds.length === 0) return [];
  return db
    .selectFrom('counsellor_availability')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('counsellor_id', 'in', counsellorIds)
    .orderBy('weekday')
    .orderBy('start_time')
    .execute();
}

export async function replaceRules(
  db: Kysely<Database>,
  agencyId: string,
  counsellorId: string,
  rows: readonly Insertable<CounsellorAvailabilityTable>[],
): Promise<void> {
  await db
    .deleteFrom('counsellor_availability')
    .where('agency_id', '=', agencyId)
    .where('counsellor_id', '=', counsellorId)
    .execute();
  if (rows.length > 0)
    await db
      .insertInto('counsellor_availability')
      .values([...rows])
      .execute();
}

/** Exceptions that end on or after `from` (older ones no longer matter). */
export async function exceptionsOf(
  db: Kysely<Database>,
  agencyId: string,
  counsellorIds: readonly string[],
  from: string,
) {
  if (counsellorIds.length === 0) return [];
  return db
    .selectFrom('counsellor_exceptions')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('counsellor_id', 'in', counsellorIds)
    .where('ends_on', '>=', from)
    .orderBy('starts_on')
    .execute();
}

export async function findException(db: Kysely<Database>, id: string) {
  return db.selectFrom('counsellor_exceptions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertException(db: Kysely<Database>, row: Insertable<CounsellorExceptionsTable>) {
  await db.insertInto('counsellor_exceptions').values(row).execute();
}

export async function deleteException(
  db: Kysely<Database>,
  agencyId: string,
  counsellorId: string,
  id: string,
): Promise<number> {
  const r = await db
    .deleteFrom('counsellor_exceptions')
    .where('id', '=', id)
    .where('agency_id', '=', agencyId)
    .where('counsellor_id', '=', counsellorId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * The agency's bookable counsellors in one query: an active profile, an active person who still
 * holds the counsellor role, with their name and unit time zone (the org directory read model).
 */
export async function listBookable(
  db: Kysely<Database>,
  agencyId: string,
  filter: { kind?: string; personId?: string } = {},
): Promise<ListedCounsellor[]> {
  let q = db
    .selectFrom('counsellor_profiles as p')
    .innerJoin('people', 'people.id', 'p.person_id')
    .innerJoin('org_units', 'org_units.id', 'people.unit_id')
    .selectAll('p')
    .select(['people.full_name as full_name', 'org_units.time_zone as time_zone'])
    .where('p.agency_id', '=', agencyId)
    .where('p.active', '=', 1)
    .where('people.is_active', '=', 1)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_assignments')
          .select('role_assignments.id')
          .whereRef('role_assignments.person_id', '=', 'p.person_id')
          .where('role_assignments.agency_id', '=', agencyId)
          .where('role_assignments.role', '=', 'counsellor'),
      ),
    );
  if (filter.kind) q = q.where('p.kind', '=', filter.kind);
  if (filter.personId) q = q.where('p.person_id', '=', filter.personId);
  return q.orderBy('people.full_name').execute();
}

// --- Appointments ----------------------------------------------------------------------------------

/** Booked intervals of these counsellors that meet [fromUtc, toUtc), in one query. */
export async function bookedBetween(
  db: Kysely<Database>,
  agencyId: string,
  counsellorIds: readonly string[],
  fromUtc: string,
  toUtc: string,
) {
  if (counsellorIds.length === 0) return [];
  return db
    .selectFrom('appointments')
    .select(['id', 'counsellor_id', 'start_utc', 'end_utc'])
    .where('agency_id', '=', agencyId)
    .where('counsellor_id', 'in', counsellorIds)
    .where('status', '=', 'booked')
    .where('start_utc', '<', toUtc)
    .where('end_utc', '>', fromUtc)
    .orderBy('start_utc')
    .execute();
}

export async function insertAppointment(db: Kysely<Database>, row: Insertable<AppointmentsTable>): Promise<void> {
  await db.insertInto('appointments').values(row).execute();
}

export async function findByClientKey(db: Kysely<Database>, clientId: string, key: string) {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('client_key', '=', key)
    .executeTakeFirst();
}

/** One appointment of the agency, whoever it belongs to (the service checks it is the caller's). */
export async function findAppointment(db: Kysely<Database>, agencyId: string, id: string) {
  return db
    .selectFrom('appointments')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The client's appointments from `sinceUtc`, with what they show of each counsellor, in one query. */
export async function listOfClient(
  db: Kysely<Database>,
  agencyId: string,
  clientId: string,
  sinceUtc: string,
  id?: string,
) {
  let q = db
    .selectFrom('appointments')
    .innerJoin('counsellor_profiles as p', 'p.person_id', 'appointments.counsellor_id')
    .innerJoin('people as c', 'c.id', 'appointments.counsellor_id')
    .innerJoin('org_units as u', 'u.id', 'c.unit_id')
    .selectAll('appointments')
    .select([
      'c.full_name as counsellor_name',
      'p.kind as counsellor_kind',
      'p.locations as counsellor_locations',
      'u.time_zone as counsellor_time_zone',
    ])
    .where('appointments.agency_id', '=', agencyId)
    .where('appointments.client_id', '=', clientId);
  q = id ? q.where('appointments.id', '=', id) : q.where('appointments.end_utc', '>=', sinceUtc);
  return q.orderBy('appointments.start_utc').limit(100).execute();
}
export type ClientAppointmentRow = Awaited<ReturnType<typeof listOfClient>>[number];

export async function listOfCounsellor(
  db: Kysely<Database>,
  agencyId: string,
  counsellorId: string,
  fromUtc: string,
  toUtc: string,
) {
  return db
    .selectFrom('appointments')
    .innerJoin('people', 'people.id', 'appointments.client_id')
    .selectAll('appointments')
    .select('people.full_name as client_name')
    .where('appointments.agency_id', '=', agencyId)
    .where('appointments.counsellor_id', '=', counsellorId)
    .where('appointments.start_utc', '<', toUtc)
    .where('appointments.start_utc', '>=', fromUtc)
    .orderBy('appointments.start_utc')
    .execute();
}

export async function updateAppointment(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  changes: Partial<Omit<AppointmentRow, 'id' | 'agency_id' | 'client_id' | 'counsellor_id' | 'client_key'>>,
): Promise<number> {
  const r = await db
    .updateTable('appointments')
    .set(changes)
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The live (not cancelled) first appointments scheduled from these requests for help, in one query. */
export async function firstAppointmentsOf(db: Kysely<Database>, agencyId: string, requestIds: readonly string[]) {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('appointments')
    .select(['id', 'crisis_request_id', 'counsellor_id', 'start_utc', 'end_utc', 'mode', 'status'])
    .where('agency_id', '=', agencyId)
    .where('crisis_request_id', 'in', requestIds)
    .where('status', '!=', 'cancelled')
    .execute();
}

/** Booked appointments starting within (now, until]: the reminder sweep's candidates. */
export async function bookedStartingBy(db: Kysely<Database>, nowUtc: string, untilUtc: string) {
  // The client's address, language, clock and agency come from the org read model in the same
  // query, for the reminders that go by email too (decision 049): no lookup per row.
  return db
    .selectFrom('appointments')
    .innerJoin('people as p', 'p.id', 'appointments.client_id')
    .innerJoin('org_units as u', 'u.id', 'p.unit_id')
    .innerJoin('agencies as a', 'a.id', 'appointments.agency_id')
    .select([
      'appointments.id',
      'appointments.agency_id',
      'appointments.client_id',
      'appointments.start_utc',
      'appointments.reminders',
      'appointments.reminder_email',
      'appointments.reminded_day_before_at',
      'appointments.reminded_hour_before_at',
      'p.full_name as client_name',
      'p.email as client_email',
      'p.locale as client_locale',
      'p.is_active as client_active',
      'u.time_zone as client_time_zone',
      'a.name as agency_name',
    ])
    .where('appointments.status', '=', 'booked')
    .where('appointments.start_utc', '>', nowUtc)
    .where('appointments.start_utc', '<=', untilUtc)
    .execute();
}
export type DueReminderRow = Awaited<ReturnType<typeof bookedStartingBy>>[number];

/** Marks one reminder sent, once: false when another sweep (or a cancellation) got there first. */
export async function claimReminder(
  db: Kysely<Database>,
  id: string,
  kind: 'day_before' | 'hour_before',
  at: string,
): Promise<boolean> {
  const column = kind === 'day_before' ? 'reminded_day_before_at' : 'reminded_hour_before_at';
  const r = await db
    .updateTable('appointments')
    .set({ [column]: at })
    .where('id', '=', id)
    .where('status', '=', 'booked')
    .where(column, 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// --- The client's data rights and the retention schedule --------------------------------------------

/** Every appointment of the client, with the counsellor's name and kind (My data's copy). */
export async function allOfClient(db: Kysely<Database>, agencyId: string, clientId: string) {
  return db
    .selectFrom('appointments')
    .innerJoin('people as c', 'c.id', 'appointments.counsellor_id')
    .leftJoin('counsellor_profiles as p', 'p.person_id', 'appointments.counsellor_id')
    .selectAll('appointments')
    .select(['c.full_name as counsellor_name', 'p.kind as counsellor_kind'])
    .where('appointments.agency_id', '=', agencyId)
    .where('appointments.client_id', '=', clientId)
    .orderBy('appointments.start_utc')
    .execute();
}

/** The client's booked appointments still ahead (an erasure cancels them: their counsellors are told). */
export async function bookedAheadOfClient(db: Kysely<Database>, agencyId: string, clientId: string, nowUtc: string) {
  return db
    .selectFrom('appointments')
    .select(['id', 'agency_id', 'counsellor_id', 'start_utc', 'updated_at'])
    .where('agency_id', '=', agencyId)
    .where('client_id', '=', clientId)
    .where('status', '=', 'booked')
    .where('start_utc', '>', nowUtc)
    .execute();
}

/** How many appointments the client has, whatever their status. */
export async function countOfClient(db: Kysely<Database>, agencyId: string, clientId: string): Promise<number> {
  const row = await db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('agency_id', '=', agencyId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Erases every appointment of the client — a booked one too, which frees its slot; answers how many. */
export async function deleteOfClient(db: Kysely<Database>, agencyId: string, clientId: string): Promise<number> {
  const r = await db
    .deleteFrom('appointments')
    .where('agency_id', '=', agencyId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The retention schedule: erases the agency's appointments that ended before `cutoff`. */
export async function deleteEndedBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
  const r = await db
    .deleteFrom('appointments')
    .where('agency_id', '=', agencyId)
    .where('end_utc', '<', cutoff)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

// --- Read by the referrals module (docs/decisions/044-referrals.md) ----------------------------

/** Whether the client has (or had) any appointment with the counsellor, whatever its status. */
export async function hasAppointmentWith(
  db: Kysely<Database>,
  agencyId: string,
  counsellorId: string,
  clientId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('appointments')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('counsellor_id', '=', counsellorId)
    .where('client_id', '=', clientId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The counsellor's clients (anyone with an appointment with them since `sinceUtc`), by name. */
export async function clientsOfCounsellor(
  db: Kysely<Database>,
  agencyId: string,
  counsellorId: string,
  sinceUtc: string,
): Promise<Array<{ id: string; name: string }>> {
  return db
    .selectFrom('appointments')
    .innerJoin('people as p', 'p.id', 'appointments.client_id')
    .select(['p.id as id', 'p.full_name as name'])
    .distinct()
    .where('appointments.agency_id', '=', agencyId)
    .where('appointments.counsellor_id', '=', counsellorId)
    .where('appointments.end_utc', '>=', sinceUtc)
    .orderBy('p.full_name')
    .limit(300)
    .execute();
}

/** The people who ever booked this counsellor (any status): the counsellor's clients. */
export async function clientIdsOf(db: Kysely<Database>, agencyId: string, counsellorId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('appointments')
    .select('client_id')
    .distinct()
    .where('agency_id', '=', agencyId)
    .where('counsellor_id', '=', counsellorId)
    .execute();
  return rows.map((r) => r.client_id);
}

// --- The counsellor's caseload (docs/decisions/047-caseload.md) ---------------------------------

/** One client's appointments with the counsellor, summed up. */
export interface CaseloadTotalsRow {
  client_id: string;
  held: number;
  no_shows: number;
  /** Start of the last session held (completed). */
  last_held: string | null;
  /** Start of the last appointment due by now that was not cancelled (held, missed or unrecorded). */
  last_seen: string | null;
}

/**
 * Every client of the counsellor (any appointment, whatever its status) with their sessions held,
 * no-shows and last sessions: one grouped read over the counsellor's appointments (index
 * appointments_counsellor_start), counts cast in SQL so PostgreSQL answers numbers.
 */
export async function caseloadTotalsOf(
  db: Kysely<Database>,
  agencyId: string,
  counsellorId: string,
  nowUtc: string,
): Promise<CaseloadTotalsRow[]> {
  return db
    .selectFrom('appointments')
    .select([
      'client_id',
      sql<number>`cast(sum(case when status = 'completed' then 1 else 0 end) as integer)`.as('held'),
      sql<number>`cast(sum(case when status = 'no_show' then 1 else 0 end) as integer)`.as('no_shows'),
      sql<string | null>`max(case when status = 'completed' then start_utc end)`.as('last_held'),
      sql<string | null>`max(case when status <> 'cancelled' and start_utc <= ${nowUtc} then start_utc end)`.as(
        'last_seen',
      ),
    ])
    .where('agency_id', '=', agencyId)
    .where('counsellor_id', '=', counsellorId)
    .groupBy('client_id')
    .execute();
}

/** The counsellor's booked appointments not yet started, soonest first (the caseload's next sessions). */
export async function bookedAheadOfCounsellor(
  db: Kysely<Database>,
  agencyId: string,
  counsellorId: string,
  nowUtc: string,
) {
  return db
    .selectFrom('appointments')
    .select(['id', 'client_id', 'start_utc', 'end_utc', 'mode', 'status', 'confirmed_at'])
    .where('agency_id', '=', agencyId)
    .where('counsellor_id', '=', counsellorId)
    .where('start_utc', '>=', nowUtc)
    .where('status', '=', 'booked')
    .orderBy('start_utc')
    .orderBy('id')
    .execute();
}
