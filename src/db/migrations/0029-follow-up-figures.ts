import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../connection.js';

/**
 * An action's follow-up figures, kept once worked out (docs/surveys.md#the-loop): what the next
 * wave says about the action and how its theme moved, read from the two waves' stored results.
 * Working them out parses both waves' whole stored views (about 13 MB each at 1,000 units), so an
 * action's page did that on every view. The row names the two results it came from
 * (`before_results_at`, `after_results_at`): when either wave's results are computed again, the
 * row no longer matches and the figures are worked out anew. Aggregates only, copied from stored
 * results that already obey the anonymity threshold.
 */
export async function up(db: Kysely<unknown>, _kind: DatabaseKind): Promise<void> {
  await db.schema
    .createTable('survey_action_follow_ups')
    .addColumn('action_id', 'text', (c) => c.notNull())
    .addColumn('next_survey_id', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('before_results_at', 'text', (c) => c.notNull())
    .addColumn('after_results_at', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_action_follow_ups_pk', ['action_id', 'next_survey_id'])
    .execute();
}
