import { sql, type Insertable, type Kysely, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { CommitteeMeetingsTable, CommitteeMembersTable, Database } from '../../../db/schema.js';

export type MeetingRow = Selectable<CommitteeMeetingsTable>;

/** Members with their names and units in one query (the org read model), chairs first then by name. */
function membersQuery(db: Kysely<Database>, agencyId: string) {
  return db
    .selectFrom('committee_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('org_units as u', 'u.id', 'p.unit_id')
    .select(['m.id', 'm.person_id', 'm.role', 'm.term_from', 'm.term_to', 'p.full_name', 'u.name as unit_name'])
    .where('m.agency_id', '=', agencyId)
    .orderBy('p.full_name')
    .orderBy('m.term_from');
}
export type MemberRow = Awaited<ReturnType<ReturnType<typeof membersQuery>['execute']>>[number];

/** Every membership, past and future terms included (index `committee_members_agency`). */
export function allMembers(db: Kysely<Database>, agencyId: string): Promise<MemberRow[]> {
  return membersQuery(db, agencyId).execute();
}

/** Memberships whose term covers `day`, of people still active. */
export function membersOn(db: Kysely<Database>, agencyId: string, day: string): Promise<MemberRow[]> {
  return membersQuery(db, agencyId)
    .where('m.term_to', '>=', day)
    .where('m.term_from', '<=', day)
    .where('p.is_active', '=', 1)
    .execute();
}

export async function isMemberOn(db: Kysely<Database>, agencyId: string, personId: string, day: string) {
  const row = await db
    .selectFrom('committee_members')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('person_id', '=', personId)
    .where('term_from', '<=', day)
    .where('term_to', '>=', day)
    .executeTakeFirst();
  return row !== undefined;
}

export function termsOf(db: Kysely<Database>, agencyId: string, personId: string) {
  return db
    .selectFrom('committee_members')
    .select(['id', 'term_from', 'term_to'])
    .where('agency_id', '=', agencyId)
    .where('person_id', '=', personId)
    .execute();
}

export function findMember(db: Kysely<Database>, agencyId: string, id: string) {
  return db
    .selectFrom('committee_members')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertMember(db: Kysely<Database>, row: Insertable<CommitteeMembersTable>): Promise<void> {
  await db.insertInto('committee_members').values(row).execute();
}

export async function updateMember(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  changes: Updateable<CommitteeMembersTable>,
): Promise<void> {
  await db
    .updateTable('committee_members')
    .set(changes)
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .execute();
}

export async function deleteMember(db: Kysely<Database>, agencyId: string, id: string): Promise<void> {
  await db.deleteFrom('committee_members').where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

export function findMeeting(db: Kysely<Database>, agencyId: string, id: string) {
  return db
    .selectFrom('committee_meetings')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

const summaryColumns = ['id', 'title', 'starts_at', 'time_zone', 'status', 'minutes_status'] as const;

/** The agency's meetings, newest first (index `committee_meetings_agency`). */
export function listMeetings(db: Kysely<Database>, agencyId: string) {
  return db
    .selectFrom('committee_meetings')
    .select(summaryColumns)
    .where('agency_id', '=', agencyId)
    .orderBy('starts_at', 'desc')
    .limit(200)
    .execute();
}

/** Meetings with published minutes, newest first (index `committee_meetings_published`). */
export function listPublished(db: Kysely<Database>, agencyId: string) {
  return db
    .selectFrom('committee_meetings')
    .select(summaryColumns)
    .where('agency_id', '=', agencyId)
    .where('minutes_status', '=', 'published')
    .orderBy('starts_at', 'desc')
    .limit(100)
    .execute();
}

export async function insertMeeting(db: Kysely<Database>, row: Insertable<CommitteeMeetingsTable>): Promise<void> {
  await db.insertInto('committee_meetings').values(row).execute();
}

export async function updateMeeting(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  changes: Updateable<CommitteeMeetingsTable>,
): Promise<void> {
  await db
    .updateTable('committee_meetings')
    .set(changes)
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .execute();
}

/** LIKE pattern matching `term` anywhere, with the wildcards people may type taken literally. */
const containsPattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Active people of the agency whose name, NIP or email contains every word typed, with their unit:
 * the directory search of the committee and focus-group pickers. At most 20, by name.
 */
export function searchPeople(db: Kysely<Database>, agencyId: string, q: string) {
  const terms = q.toLocaleLowerCase('id').split(/\s+/).filter(Boolean).slice(0, 4);
  return db
    .selectFrom('people as p')
    .innerJoin('org_units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.full_name', 'u.name as unit_name'])
    .where('p.agency_id', '=', agencyId)
    .where('p.is_active', '=', 1)
    .where((eb) =>
      eb.and(terms.map((t) => sql<SqlBool>`${eb.ref('p.search_text')} like ${containsPattern(t)} escape '\\'`)),
    )
    .orderBy('p.full_name')
    .limit(20)
    .execute();
}

/** Surveys of the agency past their draft, with their definitions, for linking agenda items to a theme. */
export function surveysWithThemes(db: Kysely<Database>, agencyId: string) {
  return db
    .selectFrom('surveys')
    .select(['id', 'title', 'definition'])
    .where('agency_id', '=', agencyId)
    .where('status', '!=', 'draft')
    .orderBy('opens_on', 'desc')
    .limit(50)
    .execute();
}
