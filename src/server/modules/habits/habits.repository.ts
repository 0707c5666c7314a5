import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Database, HabitsTable } from '../../../db/schema.js';

export type HabitRow = Selectable<HabitsTable>;
export type HabitTickRow = { habit_id: string; day: string };

/** A habit by id: any owner, so that a create can tell a retry from an id that is not the person's. */
export function findHabitAnyOwner(db: Kysely<Database>, id: string): Promise<HabitRow | undefined> {
  return db.selectFrom('habits').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One of the person's own habits still in their plan; keyed by person and agency, so no other id reaches it. */
export function findOwnHabit(
  db: Kysely<Database>,
  personId: string,
  agencyId: string,
  id: string,
): Promise<HabitRow | undefined> {
  return db
    .selectFrom('habits')
    .selectAll()
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

/** The person's habits in their plan, oldest first. */
export function listOwnHabits(db: Kysely<Database>, personId: string, agencyId: string): Promise<HabitRow[]> {
  return db
    .selectFrom('habits')
    .selectAll()
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .where('archived_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countOwnHabits(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
  const row = await db
    .selectFrom('habits')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertHabit(db: Kysely<Database>, row: Insertable<HabitsTable>): Promise<void> {
  await db.insertInto('habits').values(row).execute();
}

export async function updateOwnHabit(
  db: Kysely<Database>,
  personId: string,
  agencyId: string,
  id: string,
  set: Updateable<HabitsTable>,
): Promise<number> {
  const result = await db
    .updateTable('habits')
    .set(set)
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The person's ticks from `since` on (local days), for the habits given. */
export function ticksSince(db: Kysely<Database>, personId: string, since: string): Promise<HabitTickRow[]> {
  return db
    .selectFrom('habit_ticks')
    .select(['habit_id', 'day'])
    .where('person_id', '=', personId)
    .where('day', '>=', since)
    .orderBy('day')
    .execute();
}

/** A tick stored once: a retried tick finds the row and adds nothing. */
export async function insertTick(
  db: Kysely<Database>,
  row: { habitId: string; personId: string; day: string; now: string },
): Promise<void> {
  await db
    .insertInto('habit_ticks')
    .values({ habit_id: row.habitId, person_id: row.personId, day: row.day, created_at: row.now })
    .onConflict((oc) => oc.columns(['habit_id', 'day']).doNothing())
    .execute();
}

export async function deleteTick(db: Kysely<Database>, habitId: string, personId: string, day: string): Promise<void> {
  await db
    .deleteFrom('habit_ticks')
    .where('habit_id', '=', habitId)
    .where('person_id', '=', personId)
    .where('day', '=', day)
    .execute();
}

/** Removing a habit removes its ticks: nothing of it is kept. */
export async function deleteHabitFully(
  db: Kysely<Database>,
  personId: string,
  agencyId: string,
  id: string,
): Promise<number> {
  await db.deleteFrom('habit_ticks').where('habit_id', '=', id).where('person_id', '=', personId).execute();
  const result = await db
    .deleteFrom('habits')
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Habits with a reminder, with their person's unit time zone (the org read model), for the reminder sweep. */
export function habitsWithReminders(db: Kysely<Database>) {
  return db
    .selectFrom('habits')
    .innerJoin('people', 'people.id', 'habits.person_id')
    .innerJoin('org_units', 'org_units.id', 'people.unit_id')
    .select([
      'habits.id',
      'habits.person_id',
      'habits.agency_id',
      'habits.frequency',
      'habits.weekdays',
      'habits.times_per_week',
      'habits.reminder_time',
      'habits.last_reminded_on',
      'org_units.time_zone',
    ])
    .where('habits.reminder_time', 'is not', null)
    .where('habits.archived_at', 'is', null)
    .where('people.is_active', '=', 1)
    .execute();
}

export function hasTick(db: Kysely<Database>, habitId: string, day: string) {
  return db
    .selectFrom('habit_ticks')
    .select('day')
    .where('habit_id', '=', habitId)
    .where('day', '=', day)
    .executeTakeFirst();
}

/** Marks the day reminded, only if no other instance did first; answers whether this one did. */
export async function claimReminder(db: Kysely<Database>, habitId: string, day: string): Promise<boolean> {
  const result = await db
    .updateTable('habits')
    .set({ last_reminded_on: day })
    .where('id', '=', habitId)
    .where((eb) => eb.or([eb('last_reminded_on', 'is', null), eb('last_reminded_on', '<', day)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many habits the person keeps (My data's overview). */
export async function countHabitsOf(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
  const row = await db
    .selectFrom('habits')
    .select(sql<number>`cast(count(*) as integer)`.as('n'))
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Erases every habit of the person with its ticks (My data, erase everything); answers how many habits. */
export async function deleteHabitsOf(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
  await db.deleteFrom('habit_ticks').where('person_id', '=', personId).execute();
  const result = await db
    .deleteFrom('habits')
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The retention schedule: erases the ticks of the agency's habits on days before `cutoffDay`. */
export async function deleteTicksBefore(db: Kysely<Database>, agencyId: string, cutoffDay: string): Promise<number> {
  const result = await db
    .deleteFrom('habit_ticks')
    .where('day', '<', cutoffDay)
    .where('habit_id', 'in', db.selectFrom('habits').select('id').where('agency_id', '=', agencyId))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
