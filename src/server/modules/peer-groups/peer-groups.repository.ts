import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, PeerGroupMembersTable, PeerGroupsTable } from '../../../db/schema.js';

export type GroupRow = Selectable<PeerGroupsTable>;
export type MemberRow = Selectable<PeerGroupMembersTable>;

export async function findGroup(db: Kysely<Database>, agencyId: string, id: string) {
  return db
    .selectFrom('peer_groups')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A group by id whatever its agency: a retried create must not take another's id. */
export async function findGroupAnywhere(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('peer_groups')
    .select(['id', 'agency_id', 'facilitator_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Open groups of the agency, and those the person is a member of whatever their state. */
export async function listForEmployee(db: Kysely<Database>, agencyId: string, personId: string) {
  return db
    .selectFrom('peer_groups')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'open'),
        eb('id', 'in', eb.selectFrom('peer_group_members').select('group_id').where('person_id', '=', personId)),
      ]),
    )
    .orderBy('topic')
    .execute();
}

export async function listOfFacilitator(db: Kysely<Database>, agencyId: string, facilitatorId: string) {
  return db
    .selectFrom('peer_groups')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('facilitator_id', '=', facilitatorId)
    .orderBy('status', 'desc')
    .orderBy('topic')
    .execute();
}

export async function insertGroup(db: Kysely<Database>, row: Insertable<PeerGroupsTable>): Promise<void> {
  await db.insertInto('peer_groups').values(row).execute();
}

export async function updateGroup(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  changes: Updateable<PeerGroupsTable>,
): Promise<void> {
  await db.updateTable('peer_groups').set(changes).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

/**
 * Takes a seat: raises the count only while it is below the capacity, in one statement, so two
 * joins racing for the last seat cannot both pass (the row is locked by the first; the second sees
 * the raised count). Returns whether a seat was taken.
 */
export async function takeSeat(db: Kysely<Database>, agencyId: string, id: string): Promise<boolean> {
  const result = await db
    .updateTable('peer_groups')
    .set({ member_count: sql`member_count + 1` })
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .whereRef('member_count', '<', 'capacity')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseSeats(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  for (const id of ids)
    await db
      .updateTable('peer_groups')
      .set({ member_count: sql`member_count - 1` })
      .where('id', '=', id)
      .where('member_count', '>', 0)
      .execute();
}

export async function insertMember(db: Kysely<Database>, row: Insertable<PeerGroupMembersTable>): Promise<void> {
  await db.insertInto('peer_group_members').values(row).execute();
}

export async function findMembership(db: Kysely<Database>, groupId: string, personId: string) {
  return db
    .selectFrom('peer_group_members')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function membershipsOf(db: Kysely<Database>, personId: string, groupIds?: readonly string[]) {
  if (groupIds && groupIds.length === 0) return [];
  let q = db.selectFrom('peer_group_members').selectAll().where('person_id', '=', personId);
  if (groupIds) q = q.where('group_id', 'in', groupIds);
  return q.execute();
}

export async function deleteMembership(db: Kysely<Database>, groupId: string, personId: string): Promise<number> {
  const result = await db
    .deleteFrom('peer_group_members')
    .where('group_id', '=', groupId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function membersOf(db: Kysely<Database>, groupId: string) {
  return db
    .selectFrom('peer_group_members')
    .select(['id', 'display_name', 'joined_at'])
    .where('group_id', '=', groupId)
    .orderBy('joined_at')
    .execute();
}

/** The people in a group, to tell them of a change; the facilitator's own reads use `membersOf`. */
export async function memberPersonIds(db: Kysely<Database>, groupId: string): Promise<string[]> {
  const rows = await db.selectFrom('peer_group_members').select('person_id').where('group_id', '=', groupId).execute();
  return rows.map((r) => r.person_id);
}

export async function cancelledDates(db: Kysely<Database>, groupIds: readonly string[], from: string) {
  if (groupIds.length === 0) return [];
  return db
    .selectFrom('peer_group_cancellations')
    .select(['group_id', 'session_date'])
    .where('group_id', 'in', groupIds)
    .where('session_date', '>=', from)
    .execute();
}

export async function insertCancellation(
  db: Kysely<Database>,
  row: { id: string; group_id: string; agency_id: string; session_date: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('peer_group_cancellations')
    .values(row)
    .onConflict((oc) => oc.columns(['group_id', 'session_date']).doNothing())
    .execute();
}

/** The person's memberships with their groups' topics, for their own copy of their data. */
export async function ownMemberships(db: Kysely<Database>, agencyId: string, personId: string) {
  return db
    .selectFrom('peer_group_members as m')
    .innerJoin('peer_groups as g', 'g.id', 'm.group_id')
    .select(['g.topic', 'm.display_name', 'm.joined_at'])
    .where('m.person_id', '=', personId)
    .where('g.agency_id', '=', agencyId)
    .orderBy('m.joined_at')
    .execute();
}

export async function countOwn(db: Kysely<Database>, personId: string): Promise<number> {
  const row = await db
    .selectFrom('peer_group_members')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Removes all of a person's memberships, giving their seats back. */
export async function deleteAllOf(db: Kysely<Database>, personId: string): Promise<number> {
  const rows = await db.selectFrom('peer_group_members').select('group_id').where('person_id', '=', personId).execute();
  if (rows.length === 0) return 0;
  await db.deleteFrom('peer_group_members').where('person_id', '=', personId).execute();
  await releaseSeats(
    db,
    rows.map((r) => r.group_id),
  );
  return rows.length;
}

/**
 * The retention schedule: the agency's groups closed before the cutoff go with their memberships and
 * called-off dates; a called-off date of a group still open goes once its day is before the cutoff.
 * Answers how many rows went. Reads by the agency's groups (index `peer_groups_agency`) and their
 * dates (`peer_group_cancellations_date`), so no table is scanned.
 */
export async function deleteClosedBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
  const groups = await db
    .selectFrom('peer_groups')
    .select(['id', 'status', 'updated_at'])
    .where('agency_id', '=', agencyId)
    .execute();
  if (groups.length === 0) return 0;
  const past = groups.filter((g) => g.status === 'closed' && g.updated_at < cutoff).map((g) => g.id);
  const open = groups.filter((g) => !past.includes(g.id)).map((g) => g.id);
  let erased = 0;
  if (open.length > 0) {
    const r = await db
      .deleteFrom('peer_group_cancellations')
      .where('group_id', 'in', open)
      .where('session_date', '<', cutoff.slice(0, 10))
      .executeTakeFirst();
    erased += Number(r.numDeletedRows);
  }
  if (past.length === 0) return erased;
  for (const table of ['peer_group_members', 'peer_group_cancellations'] as const) {
    const r = await db.deleteFrom(table).where('group_id', 'in', past).executeTakeFirst();
    erased += Number(r.numDeletedRows);
  }
  const r = await db.deleteFrom('peer_groups').where('id', 'in', past).executeTakeFirst();
  return erased + Number(r.numDeletedRows);
}
