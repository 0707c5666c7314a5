import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from '../connection.js';

/**
 * Publication of climate survey results to staff, and action plans (docs/decisions/051-survey-publication-and-actions.md).
 *
 * - `survey_publications`: one per closed survey: the admin's summary ("what we heard"), the
 *   figures chosen (keys of stored result cells), and, once published, a copy of those figures
 *   taken from the stored results (`survey_results`) at publish time — never numbers sent by a
 *   client, never recomputed.
 * - `survey_actions`: what the agency decided to do about a result cell (a theme in a unit, or in
 *   the whole survey): owner as text, due date, budget in rupiah, status, published to staff or not.
 * - `survey_action_notes`: progress notes, append-only (no update or delete path exists).
 */
export async function up(db: Kysely<unknown>, _kind: DatabaseKind): Promise<void> {
  await db.schema
    .createTable('survey_publications')
    .addColumn('survey_id', 'text', (c) => c.primaryKey().references('surveys.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published', 'unpublished')`))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('selected', 'text', (c) => c.notNull())
    .addColumn('figures', 'text')
    .addColumn('published_at', 'text')
    .addColumn('unpublished_reason', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The staff list: the published publications of the surveys a person was asked in their agency.
  await db.schema
    .createIndex('survey_publications_agency')
    .on('survey_publications')
    .columns(['agency_id', 'status'])
    .execute();

  await db.schema
    .createTable('survey_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('theme_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('budget', 'bigint', (c) => c.check(sql`budget >= 0`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('planned', 'in_progress', 'done', 'cancelled')`),
    )
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The agency's action list (by status), and the actions of one survey (its publication).
  await db.schema
    .createIndex('survey_actions_agency')
    .on('survey_actions')
    .columns(['agency_id', 'status', 'due_on'])
    .execute();
  await db.schema.createIndex('survey_actions_survey').on('survey_actions').columns(['survey_id']).execute();

  await db.schema
    .createTable('survey_action_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action_id', 'text', (c) => c.notNull().references('survey_actions.id'))
    .addColumn('noted_on', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_action_notes_action')
    .on('survey_action_notes')
    .columns(['action_id', 'created_at'])
    .execute();
}
