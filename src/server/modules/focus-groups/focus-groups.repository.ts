import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, FocusGroupsTable } from '../../../db/schema.js';

export type FocusGroupRow = Selectable<FocusGroupsTable>;

export function findGroup(db: Kysely<Database>, agencyId: string, id: string) {
  return db
    .selectFrom('focus_groups')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertGroup(db: Kysely<Database>, row: Insertable<FocusGroupsTable>): Promise<void> {
  await db.insertInto('focus_groups').values(row).execute();
}

export async function updateGroup(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  changes: Updateable<FocusGroupsTable>,
): Promise<void> {
  await db.updateTable('focus_groups').set(changes).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

/** The agency's focus groups, newest first (index `focus_groups_agency`). */
export function listOfAgency(db: Kysely<Database>, agencyId: string) {
  return db
    .selectFrom('focus_groups')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('starts_at', 'desc')
    .limit(200)
    .execute();
}

/**
 * The groups a person sees: those they are invited to, those they facilitate, and those whose summary
 * was published to staff (indexes `focus_group_invitations_of_person`, `focus_groups_facilitator`).
 */
export function listForPerson(db: Kysely<Database>, agencyId: string, personId: string) {
  return db
    .selectFrom('focus_groups')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where((eb) =>
      eb.or([
        eb('facilitator_id', '=', personId),
        eb('summary_published_at', 'is not', null),
        eb(
          'id',
          'in',
          eb.selectFrom('focus_group_invitations').select('focus_group_id').where('person_id', '=', personId),
        ),
      ]),
    )
    .orderBy('starts_at', 'desc')
    .limit(100)
    .execute();
}

export function answersOf(db: Kysely<Database>, personId: string, groupIds: readonly string[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('focus_group_invitations')
    .select(['focus_group_id', 'answer'])
    .where('person_id', '=', personId)
    .where('focus_group_id', 'in', groupIds)
    .execute();
}

export function findInvitation(db: Kysely<Database>, groupId: string, personId: string) {
  return db
    .selectFrom('focus_group_invitations')
    .selectAll()
    .where('focus_group_id', '=', groupId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function invitedPersonIds(db: Kysely<Database>, groupId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('focus_group_invitations')
    .select('person_id')
    .where('focus_group_id', '=', groupId)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

export async function insertInvitations(
  db: Kysely<Database>,
  rows: ReadonlyArray<{ id: string; focus_group_id: string; agency_id: string; person_id: string; invited_at: string }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('focus_group_invitations')
      .values(rows.slice(i, i + 200).map((r) => ({ ...r, answer: 'pending', answered_at: null })))
      .onConflict((oc) => oc.columns(['focus_group_id', 'person_id']).doNothing())
      .execute();
}

export async function setAnswer(db: Kysely<Database>, id: string, answer: string, at: string): Promise<void> {
  await db.updateTable('focus_group_invitations').set({ answer, answered_at: at }).where('id', '=', id).execute();
}

/** How many invitations have each answer; counts cast in SQL (PostgreSQL returns them as strings). */
export async function answerCounts(db: Kysely<Database>, groupId: string) {
  const rows = await db
    .selectFrom('focus_group_invitations')
    .select(['answer', sql<number>`cast(count(*) as integer)`.as('n')])
    .where('focus_group_id', '=', groupId)
    .groupBy('answer')
    .execute();
  const of = (a: string) => Number(rows.find((r) => r.answer === a)?.n ?? 0);
  return { pending: of('pending'), accepted: of('accepted'), declined: of('declined') };
}

/** Who accepted, by name, for the facilitator and the admin only. */
export function acceptedPeople(db: Kysely<Database>, groupId: string) {
  return db
    .selectFrom('focus_group_invitations as i')
    .innerJoin('people as p', 'p.id', 'i.person_id')
    .select(['p.id', 'p.full_name'])
    .where('i.focus_group_id', '=', groupId)
    .where('i.answer', '=', 'accepted')
    .orderBy('p.full_name')
    .execute();
}

/** Everyone invited with their names: the words the published summary masks. */
export async function invitedNames(db: Kysely<Database>, groupId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('focus_group_invitations as i')
    .innerJoin('people as p', 'p.id', 'i.person_id')
    .select('p.full_name')
    .where('i.focus_group_id', '=', groupId)
    .execute();
  return rows.map((r) => r.full_name);
}

export async function acceptedPersonIds(db: Kysely<Database>, groupId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('focus_group_invitations')
    .select('person_id')
    .where('focus_group_id', '=', groupId)
    .where('answer', '=', 'accepted')
    .execute();
  return rows.map((r) => r.person_id);
}

/**
 * Takes a seat: raises the count only while below capacity, in one statement, so two accepts racing
 * for the last seat cannot both pass. Says whether a seat was taken.
 */
export async function takeSeat(db: Kysely<Database>, id: string): Promise<boolean> {
  const r = await db
    .updateTable('focus_groups')
    .set({ accepted_count: sql`accepted_count + 1` })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .whereRef('accepted_count', '<', 'capacity')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function releaseSeat(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('focus_groups')
    .set({ accepted_count: sql`accepted_count - 1` })
    .where('id', '=', id)
    .where('accepted_count', '>', 0)
    .execute();
}

/** Active people of the agency in the given units (the org read model), by id. */
export function activePeopleIn(db: Kysely<Database>, agencyId: string, unitIds: readonly string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('is_active', '=', 1)
    .where('unit_id', 'in', unitIds)
    .orderBy('id')
    .execute();
}

/** Scheduled groups starting within the window, for the reminder sweep (index `focus_groups_upcoming`). */
export function startingBetween(db: Kysely<Database>, from: string, to: string) {
  return db
    .selectFrom('focus_groups')
    .selectAll()
    .where('status', '=', 'scheduled')
    .where('starts_at', '>', from)
    .where('starts_at', '<=', to)
    .execute();
}
