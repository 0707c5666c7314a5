import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** Every query of the boundaries module (docs/boundaries.md). */

export async function findCalendarDays(db: Kysely<Database>, agencyId: string) {
  return db
    .selectFrom('agency_calendar_days')
    .select(['date', 'kind', 'name'])
    .where('agency_id', '=', agencyId)
    .orderBy('date')
    .execute();
}

export async function findCalendarDay(db: Kysely<Database>, agencyId: string, date: string) {
  return db
    .selectFrom('agency_calendar_days')
    .select(['date', 'kind', 'name'])
    .where('agency_id', '=', agencyId)
    .where('date', '=', date)
    .executeTakeFirst();
}

/** Adds the agency's entry for a date unless one exists; says whether it was added. */
export async function insertCalendarDay(
  db: Kysely<Database>,
  row: { agency_id: string; date: string; kind: 'regional' | 'not_observed'; name: string; created_at: string },
): Promise<boolean> {
  const result = await db
    .insertInto('agency_calendar_days')
    .values(row)
    .onConflict((oc) => oc.columns(['agency_id', 'date']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteCalendarDay(db: Kysely<Database>, agencyId: string, date: string): Promise<number> {
  const result = await db
    .deleteFrom('agency_calendar_days')
    .where('agency_id', '=', agencyId)
    .where('date', '=', date)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findRamadan(db: Kysely<Database>, agencyId: string, year: number) {
  return db
    .selectFrom('agency_ramadan')
    .select(['starts_on', 'ends_on'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function upsertRamadan(
  db: Kysely<Database>,
  row: { agency_id: string; year: number; starts_on: string; ends_on: string; updated_at: string },
): Promise<void> {
  await db
    .insertInto('agency_ramadan')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['agency_id', 'year'])
        .doUpdateSet({ starts_on: row.starts_on, ends_on: row.ends_on, updated_at: row.updated_at }),
    )
    .execute();
}

export async function deleteRamadan(db: Kysely<Database>, agencyId: string, year: number): Promise<number> {
  const result = await db
    .deleteFrom('agency_ramadan')
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findPersonalBoundary(db: Kysely<Database>, personId: string, agencyId: string) {
  return db
    .selectFrom('personal_boundaries')
    .select(['starts_at', 'ends_at'])
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
}

export async function upsertPersonalBoundary(
  db: Kysely<Database>,
  row: { person_id: string; agency_id: string; starts_at: string; ends_at: string; updated_at: string },
): Promise<void> {
  await db
    .insertInto('personal_boundaries')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('person_id')
        .doUpdateSet({ starts_at: row.starts_at, ends_at: row.ends_at, updated_at: row.updated_at }),
    )
    .execute();
}

export async function deletePersonalBoundary(
  db: Kysely<Database>,
  personId: string,
  agencyId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('personal_boundaries')
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Everything the delivery decision needs for a batch of people, in three queries whatever the
 * batch size: each person's unit time zone and own hours (the org directory read model joined),
 * then the calendar entries and Ramadan dates of their agencies.
 */
export async function loadBoundaryFacts(db: Kysely<Database>, personIds: readonly string[]) {
  if (personIds.length === 0) return { people: [], days: [], ramadan: [] };
  const people = await db
    .selectFrom('people')
    .innerJoin('org_units', 'org_units.id', 'people.unit_id')
    .leftJoin('personal_boundaries', 'personal_boundaries.person_id', 'people.id')
    .select([
      'people.id as personId',
      'people.agency_id as agencyId',
      'org_units.time_zone as timeZone',
      'personal_boundaries.starts_at as startsAt',
      'personal_boundaries.ends_at as endsAt',
    ])
    .where('people.id', 'in', [...personIds])
    .execute();
  const agencyIds = [...new Set(people.map((p) => p.agencyId))];
  if (agencyIds.length === 0) return { people, days: [], ramadan: [] };
  // One after the other: `db` is often the caller's transaction (one connection).
  const days = await db
    .selectFrom('agency_calendar_days')
    .select(['agency_id', 'date', 'kind'])
    .where('agency_id', 'in', agencyIds)
    .execute();
  const ramadan = await db
    .selectFrom('agency_ramadan')
    .select(['agency_id', 'starts_on', 'ends_on'])
    .where('agency_id', 'in', agencyIds)
    .execute();
  return { people, days, ramadan };
}
