import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../connection.js';

/**
 * The loop between survey waves (docs/surveys.md#the-loop):
 *
 * - `survey_publications.follow_up`: when a next wave is published, the figures of each earlier
 *   action it asked about (did it help, and its theme before and after) are copied here from the
 *   two waves' stored results, like the publication's other figures — never recomputed.
 * - an index to find a survey's next wave (`previous_survey_id`), which an action's page and the
 *   earlier wave's publication look up.
 */
export async function up(db: Kysely<unknown>, _kind: DatabaseKind): Promise<void> {
  await db.schema.alterTable('survey_publications').addColumn('follow_up', 'text').execute();
  await db.schema.createIndex('surveys_previous').on('surveys').columns(['agency_id', 'previous_survey_id']).execute();
}
