import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, SurveysTable } from '../../../db/schema.js';

/** The survey rows themselves: drafts, their state, and who was asked and has answered (counts only). */

export type SurveyRow = Selectable<SurveysTable>;

export async function insertSurvey(db: Kysely<Database>, row: SurveyRow): Promise<void> {
  await db.insertInto('surveys').values(row).execute();
}

export async function findSurvey(db: Kysely<Database>, agencyId: string, id: string): Promise<SurveyRow | undefined> {
  return db.selectFrom('surveys').selectAll().where('id', '=', id).where('agency_id', '=', agencyId).executeTakeFirst();
}

/** Newest first; the list screen shows them all (an agency runs a few a year). */
export async function findSurveysOf(db: Kysely<Database>, agencyId: string): Promise<SurveyRow[]> {
  return db
    .selectFrom('surveys')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function updateSurvey(
  db: Kysely<Database>,
  id: string,
  fromStatus: SurveyRow['status'],
  patch: Partial<SurveyRow>,
): Promise<boolean> {
  const result = await db
    .updateTable('surveys')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every open survey with its agency's zone, for the closing sweep (a handful at any time). */
export async function findOpenSurveys(db: Kysely<Database>) {
  return db
    .selectFrom('surveys')
    .innerJoin('agencies', 'agencies.id', 'surveys.agency_id')
    .selectAll('surveys')
    .select('agencies.time_zone as agency_time_zone')
    .where('surveys.status', '=', 'open')
    .execute();
}

/** The open surveys a person was asked, with whether they have answered (a yes/no, nothing more). */
export async function findOpenSurveysOfMember(db: Kysely<Database>, agencyId: string, personId: string) {
  return db
    .selectFrom('survey_members as m')
    .innerJoin('surveys as s', 's.id', 'm.survey_id')
    .leftJoin('survey_participation as p', (join) =>
      join.onRef('p.survey_id', '=', 'm.survey_id').onRef('p.person_id', '=', 'm.person_id'),
    )
    .select(['s.id', 's.title', 's.definition', 's.opens_on', 's.closes_on', 's.status', 's.template_id'])
    .select(sql<number>`case when p.person_id is null then 0 else 1 end`.as('answered'))
    .where('m.person_id', '=', personId)
    .where('s.agency_id', '=', agencyId)
    .where('s.status', '=', 'open')
    .orderBy('s.closes_on')
    .execute();
}

/** Whether the person was asked, and the profile their answer will carry. */
export async function findMembership(db: Kysely<Database>, surveyId: string, personId: string) {
  return db
    .selectFrom('survey_members')
    .select(['profile_key', 'unit_id'])
    .where('survey_id', '=', surveyId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** Members and answers per unit of the frozen membership (A8): what response rates are made of. */
export async function countParticipationByUnit(db: Kysely<Database>, surveyId: string) {
  const rows = await db
    .selectFrom('survey_members as m')
    .leftJoin('survey_participation as p', (join) =>
      join.onRef('p.survey_id', '=', 'm.survey_id').onRef('p.person_id', '=', 'm.person_id'),
    )
    .select('m.unit_id')
    .select(sql<number>`cast(count(*) as integer)`.as('members'))
    .select(sql<number>`cast(count(p.person_id) as integer)`.as('answered'))
    .where('m.survey_id', '=', surveyId)
    .groupBy('m.unit_id')
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, members: Number(r.members), answered: Number(r.answered) }));
}

/** The names comments are masked against: everyone asked (their words, not who they are). */
export async function memberNames(db: Kysely<Database>, surveyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('survey_members as m')
    .innerJoin('people', 'people.id', 'm.person_id')
    .select('people.full_name')
    .where('m.survey_id', '=', surveyId)
    .execute();
  return rows.map((r) => r.full_name);
}

/** By id alone: for work the caller has already authorised (publishing progress inside its transaction). */
export async function findSurveyById(db: Kysely<Database>, id: string): Promise<SurveyRow | undefined> {
  return db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function readProgress(db: Kysely<Database>, surveyId: string): Promise<string | null> {
  const row = await db.selectFrom('surveys').select('progress').where('id', '=', surveyId).executeTakeFirst();
  return row?.progress ?? null;
}

export async function saveProgress(db: Kysely<Database>, surveyId: string, progress: string): Promise<void> {
  await db.updateTable('surveys').set({ progress }).where('id', '=', surveyId).execute();
}

/** Everyone who has answered so far (the participation record; no answer is read). */
export async function countAnswered(db: Kysely<Database>, surveyId: string): Promise<number> {
  const row = await db
    .selectFrom('survey_participation')
    .select(sql<number>`cast(count(*) as integer)`.as('n'))
    .where('survey_id', '=', surveyId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Members not yet answered, with their unit's time zone: who a reminder goes to (the participation record only). */
export async function findMembersNotAnswered(db: Kysely<Database>, surveyId: string) {
  return db
    .selectFrom('survey_members as m')
    .innerJoin('org_units as u', 'u.id', 'm.unit_id')
    .leftJoin('survey_participation as p', (join) =>
      join.onRef('p.survey_id', '=', 'm.survey_id').onRef('p.person_id', '=', 'm.person_id'),
    )
    .select(['m.person_id as personId', 'u.time_zone as timeZone'])
    .where('m.survey_id', '=', surveyId)
    .where('p.person_id', 'is', null)
    .execute();
}

/** Whether the person has answered (a reminder job checks again just before it sends). */
export async function hasAnswered(db: Kysely<Database>, surveyId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('survey_participation')
    .select('person_id')
    .where('survey_id', '=', surveyId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The surveys a person was asked and whether they answered: all there is of them in a survey (their copy of their data). */
export async function findMembershipsOf(db: Kysely<Database>, personId: string, agencyId: string) {
  const rows = await db
    .selectFrom('survey_members as m')
    .innerJoin('surveys as s', 's.id', 'm.survey_id')
    .leftJoin('survey_participation as p', (join) =>
      join.onRef('p.survey_id', '=', 'm.survey_id').onRef('p.person_id', '=', 'm.person_id'),
    )
    .select(['s.title', 's.status', 's.opens_on', 's.closes_on'])
    .select(sql<number>`case when p.person_id is null then 0 else 1 end`.as('answered'))
    .where('m.person_id', '=', personId)
    .where('s.agency_id', '=', agencyId)
    .orderBy('s.opens_on', 'desc')
    .execute();
  return rows.map((r) => ({
    title: r.title,
    status: r.status,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    answered: Number(r.answered) === 1,
  }));
}
