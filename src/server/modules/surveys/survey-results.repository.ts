import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** What the results engine reads of a closed survey, and the views it stores (migration 0024). */

export async function findProfiles(db: Kysely<Database>, surveyId: string) {
  return db
    .selectFrom('survey_profiles')
    .select(['profile_key', 'unit_id', 'employment_type', 'age_band', 'service_band', 'member_count'])
    .where('survey_id', '=', surveyId)
    .execute();
}

export async function findTallies(db: Kysely<Database>, surveyId: string) {
  return db
    .selectFrom('survey_tallies')
    .select(['profile_key', 'question_id', 'value', 'count'])
    .where('survey_id', '=', surveyId)
    .execute();
}

/** Responses per profile: how many answered at all (a profile's tallies count per question). */
export async function countResponsesByProfile(db: Kysely<Database>, surveyId: string) {
  const rows = await db
    .selectFrom('survey_responses')
    .select('profile_key')
    .select(sql<number>`cast(count(*) as integer)`.as('n'))
    .where('survey_id', '=', surveyId)
    .groupBy('profile_key')
    .execute();
  return rows.map((r) => ({ profileKey: r.profile_key, respondents: Number(r.n) }));
}

export async function findComments(db: Kysely<Database>, surveyId: string) {
  return db
    .selectFrom('survey_comments')
    .select(['question_id', 'profile_key', 'text'])
    .where('survey_id', '=', surveyId)
    .execute();
}

/**
 * What a reopened survey had shown: the counts its stored results were computed from, kept as
 * views `shown:<n>` (n = 1, 2, … per reopening) so that closing again can withhold every cell that
 * moved by too little since (docs/surveys.md#reopening). They are kept when the views are replaced.
 */
const SHOWN_PREFIX = 'shown:';

/** Replaces a survey's stored views (not what it had shown) in the caller's transaction. */
export async function saveResultViews(
  db: Kysely<Database>,
  surveyId: string,
  views: ReadonlyArray<{ viewKey: string; body: string }>,
  computedAt: string,
): Promise<void> {
  await db
    .deleteFrom('survey_results')
    .where('survey_id', '=', surveyId)
    .where('view_key', 'not like', `${SHOWN_PREFIX}%`)
    .execute();
  for (const view of views)
    await db
      .insertInto('survey_results')
      .values({ survey_id: surveyId, view_key: view.viewKey, body: view.body })
      .execute();
  await db.updateTable('surveys').set({ results_at: computedAt }).where('id', '=', surveyId).execute();
}

export async function findResultView(db: Kysely<Database>, surveyId: string, viewKey: string): Promise<string | null> {
  const row = await db
    .selectFrom('survey_results')
    .select('body')
    .where('survey_id', '=', surveyId)
    .where('view_key', '=', viewKey)
    .executeTakeFirst();
  return row?.body ?? null;
}

/** Every earlier showing of a survey, oldest first. */
export async function findShownSnapshots(db: Kysely<Database>, surveyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('survey_results')
    .select(['view_key', 'body'])
    .where('survey_id', '=', surveyId)
    .where('view_key', 'like', `${SHOWN_PREFIX}%`)
    .execute();
  const order = (key: string) => Number(key.slice(SHOWN_PREFIX.length));
  return rows.sort((a, b) => order(a.view_key) - order(b.view_key)).map((r) => r.body);
}

export async function saveShownSnapshot(
  db: Kysely<Database>,
  surveyId: string,
  sequence: number,
  body: string,
): Promise<void> {
  await db
    .insertInto('survey_results')
    .values({ survey_id: surveyId, view_key: `${SHOWN_PREFIX}${sequence}`, body })
    .execute();
}
