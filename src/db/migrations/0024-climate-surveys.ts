import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from '../connection.js';

/**
 * Anonymous climate surveys (docs/decisions/048-climate-surveys.md).
 *
 * - `surveys`: an agency's survey: its definition (sections, questions, themes; frozen when it
 *   opens), the target units and employment types, the dates, and from opening on the frozen
 *   thresholds (k for figures, 10 for comments; A9) and the count of answers made readable.
 * - `survey_profiles`: the respondent profiles fixed at opening (unit, employment type, age band,
 *   service band, each possibly "any") with how many members hold each, always at least k.
 * - `survey_members`: who was asked, with their unit then and their profile (A8). The agency's
 *   people and units may change later; a survey's tree does not.
 * - `survey_participation`: who has answered, and nothing else: no time, no link to an answer.
 * - `survey_pending`: answers waiting, sealed with a key only the server can derive.
 * - `survey_responses`: readable answers: a random id, the survey, a profile, the answers; no
 *   person, no time. `survey_comments`: their free text, masked, with the profile only.
 * - `survey_tallies`: per survey, profile, question and value, how many chose it (value -1: how
 *   many answered the question). Every figure is read from here.
 *
 * On SQLite the tables a person could be traced through are WITHOUT ROWID, so their rows sit in
 * key order (random ids, or the person's id), not in the order they were written. PostgreSQL's
 * heap keeps insertion order; the batches of decision 048 are what protects there.
 */
export async function up(db: Kysely<unknown>, kind: DatabaseKind): Promise<void> {
  const keyOrdered = kind === 'sqlite' ? sql`without rowid` : sql``;

  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text')
    .addColumn('variant', 'text')
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'open', 'closed')`))
    .addColumn('target_unit_ids', 'text', (c) => c.notNull())
    .addColumn('employment_types', 'text')
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('previous_survey_id', 'text', (c) => c.references('surveys.id'))
    .addColumn('threshold', 'integer', (c) => c.check(sql`threshold >= 5`))
    .addColumn('comment_threshold', 'integer', (c) => c.check(sql`comment_threshold >= 10`))
    .addColumn('member_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('moved_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('units', 'text')
    .addColumn('progress', 'text')
    .addColumn('results_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('surveys_agency').on('surveys').columns(['agency_id', 'status']).execute();
  // The closing sweep looks for open surveys of every agency.
  await db.schema.createIndex('surveys_status').on('surveys').columns(['status']).execute();

  await db.schema
    .createTable('survey_profiles')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('profile_key', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('employment_type', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('service_band', 'text', (c) => c.notNull())
    .addColumn('member_count', 'integer', (c) => c.notNull().check(sql`member_count >= 5`))
    .addPrimaryKeyConstraint('survey_profiles_pk', ['survey_id', 'profile_key'])
    .execute();

  await db.schema
    .createTable('survey_members')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('profile_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_members_pk', ['survey_id', 'person_id'])
    .execute();
  await db.schema.createIndex('survey_members_unit').on('survey_members').columns(['survey_id', 'unit_id']).execute();
  await db.schema.createIndex('survey_members_person').on('survey_members').columns(['person_id']).execute();

  await db.schema
    .createTable('survey_participation')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('survey_participation_pk', ['survey_id', 'person_id'])
    .modifyEnd(keyOrdered)
    .execute();
  await db.schema
    .createIndex('survey_participation_person')
    .on('survey_participation')
    .columns(['person_id'])
    .execute();

  await db.schema
    .createTable('survey_pending')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('sealed', 'text', (c) => c.notNull())
    .modifyEnd(keyOrdered)
    .execute();
  await db.schema.createIndex('survey_pending_survey').on('survey_pending').columns(['survey_id']).execute();

  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('profile_key', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .modifyEnd(keyOrdered)
    .execute();
  await db.schema.createIndex('survey_responses_survey').on('survey_responses').columns(['survey_id']).execute();

  await db.schema
    .createTable('survey_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('profile_key', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .modifyEnd(keyOrdered)
    .execute();
  await db.schema
    .createIndex('survey_comments_question')
    .on('survey_comments')
    .columns(['survey_id', 'question_id'])
    .execute();

  await db.schema
    .createTable('survey_tallies')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('profile_key', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
    .addPrimaryKeyConstraint('survey_tallies_pk', ['survey_id', 'profile_key', 'question_id', 'value'])
    .execute();

  // The results of a closed survey, computed once when it closes (A7): one row per view (everyone,
  // or one value of one breakdown) and one of the comment groups, each the JSON the screens read.
  await db.schema
    .createTable('survey_results')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('view_key', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_results_pk', ['survey_id', 'view_key'])
    .execute();
}
