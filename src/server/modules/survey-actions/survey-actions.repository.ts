import type { Insertable, Kysely, Selectable } from 'kysely';
import type {
  Database,
  SurveyActionFollowUpsTable,
  SurveyActionsTable,
  SurveyPublicationsTable,
} from '../../../db/schema.js';

/**
 * Publications and actions (migration 0025), and what they read of their survey: its row, its
 * stored results view and its frozen members (recorded reads, table-owners.ts).
 */

export type PublicationRow = Selectable<SurveyPublicationsTable>;
export type ActionRow = Selectable<SurveyActionsTable>;

const SURVEY_COLUMNS = [
  'id',
  'agency_id',
  'title',
  'status',
  'definition',
  'target_unit_ids',
  'units',
  'member_count',
  'closed_at',
  'results_at',
  'previous_survey_id',
] as const;
export type SurveyFacts = Pick<Selectable<Database['surveys']>, (typeof SURVEY_COLUMNS)[number]>;

export async function findSurveyFacts(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
): Promise<SurveyFacts | undefined> {
  return db
    .selectFrom('surveys')
    .select(SURVEY_COLUMNS)
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findSurveysFacts(db: Kysely<Database>, agencyId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('surveys')
    .select(SURVEY_COLUMNS)
    .where('agency_id', '=', agencyId)
    .where('id', 'in', [...ids])
    .execute();
}

/**
 * The next wave of a survey whose results are stored: the latest closed survey naming it as its
 * previous wave (index surveys_previous).
 */
export async function findNextWave(
  db: Kysely<Database>,
  agencyId: string,
  surveyId: string,
): Promise<SurveyFacts | undefined> {
  return db
    .selectFrom('surveys')
    .select(SURVEY_COLUMNS)
    .where('agency_id', '=', agencyId)
    .where('previous_survey_id', '=', surveyId)
    .where('status', '=', 'closed')
    .where('results_at', 'is not', null)
    .orderBy('closed_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/**
 * The latest later wave of a survey whose publication is published, with its copied follow-up
 * figures — whatever the wave's state since (a reopened wave's publication stays up until taken down).
 */
export async function findPublishedNextWave(db: Kysely<Database>, agencyId: string, surveyId: string) {
  return db
    .selectFrom('surveys as s')
    .innerJoin('survey_publications as p', 'p.survey_id', 's.id')
    .select(['s.id', 's.title', 'p.follow_up'])
    .where('s.agency_id', '=', agencyId)
    .where('s.previous_survey_id', '=', surveyId)
    .where('p.status', '=', 'published')
    .orderBy('p.published_at', 'desc')
    .orderBy('s.id')
    .limit(1)
    .executeTakeFirst();
}

/** The stored unfiltered results view of a closed survey (JSON), as computed at closing. */
export async function findUnfilteredResults(db: Kysely<Database>, surveyId: string): Promise<string | null> {
  const row = await db
    .selectFrom('survey_results')
    .select('body')
    .where('survey_id', '=', surveyId)
    .where('view_key', '=', '')
    .executeTakeFirst();
  return row?.body ?? null;
}

// ── Publications ──────────────────────────────────────────────────────────────────────────────

export async function findPublication(db: Kysely<Database>, surveyId: string): Promise<PublicationRow | undefined> {
  return db.selectFrom('survey_publications').selectAll().where('survey_id', '=', surveyId).executeTakeFirst();
}

export async function savePublication(db: Kysely<Database>, row: Insertable<SurveyPublicationsTable>): Promise<void> {
  const { survey_id: _id, agency_id: _agency, created_at: _created, ...changes } = row;
  await db
    .insertInto('survey_publications')
    .values(row)
    .onConflict((oc) => oc.column('survey_id').doUpdateSet(changes))
    .execute();
}

/** Who a publication reaches: the survey's frozen members, with their unit's time zone. */
export async function findMembersWithZone(db: Kysely<Database>, surveyId: string) {
  return db
    .selectFrom('survey_members as m')
    .innerJoin('org_units as u', 'u.id', 'm.unit_id')
    .select(['m.person_id as personId', 'u.time_zone as timeZone'])
    .where('m.survey_id', '=', surveyId)
    .execute();
}

/** The person's unit when the survey opened, or undefined when they were not asked. */
export async function findMemberUnit(db: Kysely<Database>, surveyId: string, personId: string) {
  const row = await db
    .selectFrom('survey_members')
    .select('unit_id')
    .where('survey_id', '=', surveyId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row?.unit_id;
}

/** The published publications of the surveys the person was asked, newest first. */
export async function findPublishedForMember(db: Kysely<Database>, agencyId: string, personId: string) {
  return db
    .selectFrom('survey_publications as p')
    .innerJoin('survey_members as m', (join) =>
      join.onRef('m.survey_id', '=', 'p.survey_id').on('m.person_id', '=', personId),
    )
    .innerJoin('surveys as s', 's.id', 'p.survey_id')
    .select(['p.survey_id', 's.title', 'p.published_at', 'p.updated_at'])
    .where('p.agency_id', '=', agencyId)
    .where('p.status', '=', 'published')
    .orderBy('p.published_at', 'desc')
    .execute();
}

// ── Actions ───────────────────────────────────────────────────────────────────────────────────

export async function insertAction(db: Kysely<Database>, row: ActionRow): Promise<void> {
  await db.insertInto('survey_actions').values(row).execute();
}

export async function updateAction(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Omit<ActionRow, 'id' | 'agency_id' | 'survey_id' | 'node_id' | 'theme_id'>>,
): Promise<void> {
  await db.updateTable('survey_actions').set(changes).where('id', '=', id).execute();
}

export async function findAction(db: Kysely<Database>, agencyId: string, id: string): Promise<ActionRow | undefined> {
  return db
    .selectFrom('survey_actions')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The agency's actions, soonest due first (index survey_actions_agency / survey_actions_survey). */
export async function findActions(
  db: Kysely<Database>,
  agencyId: string,
  filter: { status?: ActionRow['status']; surveyId?: string; publishedOnly?: boolean },
): Promise<ActionRow[]> {
  let query = db.selectFrom('survey_actions').selectAll().where('agency_id', '=', agencyId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.surveyId) query = query.where('survey_id', '=', filter.surveyId);
  if (filter.publishedOnly) query = query.where('published', '=', 1);
  return query.orderBy('due_on').orderBy('id').execute();
}

export async function insertNote(
  db: Kysely<Database>,
  row: Insertable<Database['survey_action_notes']>,
): Promise<void> {
  await db.insertInto('survey_action_notes').values(row).execute();
}

/** The notes of some actions, oldest first, with their authors' names (one query for a whole list). */
export async function findNotes(db: Kysely<Database>, actionIds: readonly string[]) {
  if (actionIds.length === 0) return [];
  return db
    .selectFrom('survey_action_notes as n')
    .innerJoin('people as p', 'p.id', 'n.author_id')
    .select(['n.id', 'n.action_id', 'n.noted_on', 'n.text', 'n.created_at', 'p.full_name as author_name'])
    .where('n.action_id', 'in', [...actionIds])
    .orderBy('n.noted_on')
    .orderBy('n.created_at')
    .execute();
}

/** An action's kept follow-up figures from one next wave (migration 0029); undefined when none. */
export async function findKeptFollowUp(
  db: Kysely<Database>,
  agencyId: string,
  actionId: string,
  nextSurveyId: string,
): Promise<Selectable<SurveyActionFollowUpsTable> | undefined> {
  return db
    .selectFrom('survey_action_follow_ups')
    .selectAll()
    .where('action_id', '=', actionId)
    .where('next_survey_id', '=', nextSurveyId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
}

/** Keeps an action's follow-up figures, replacing those worked out from earlier results. */
export async function keepFollowUp(db: Kysely<Database>, row: Insertable<SurveyActionFollowUpsTable>): Promise<void> {
  await db
    .insertInto('survey_action_follow_ups')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['action_id', 'next_survey_id']).doUpdateSet({
        before_results_at: row.before_results_at,
        after_results_at: row.after_results_at,
        figures: row.figures,
      }),
    )
    .execute();
}
