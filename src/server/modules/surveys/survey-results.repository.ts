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

/** Replaces a survey's stored views in one transaction's worth of statements (the caller's). */
export async function saveResultViews(
  db: Kysely<Database>,
  surveyId: string,
  views: ReadonlyArray<{ viewKey: string; body: string }>,
  computedAt: string,
): Promise<void> {
  await db.deleteFrom('survey_results').where('survey_id', '=', surveyId).execute();
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

/** The stored results of a reopened survey are stale: gone until it closes again. */
export async function dropResultViews(db: Kysely<Database>, surveyId: string): Promise<void> {
  await db.deleteFrom('survey_results').where('survey_id', '=', surveyId).execute();
  await db.updateTable('surveys').set({ results_at: null }).where('id', '=', surveyId).execute();
}
