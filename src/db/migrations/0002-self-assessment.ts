import type { Kysely } from 'kysely';
import { insertDefaultHelpContacts } from '../help-contact-defaults.js';

/**
 * Self-assessment, the crisis pathway and screening campaigns.
 *
 * Health data lives in assessment_results and assessment_drafts, keyed by person; no admin or
 * manager route reads them. Campaign statistics are computed only as suppressed aggregates
 * (domain/anonymity). Contact details a person leaves in a crisis request are encrypted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('agencies')
    .addColumn('disclosed_safety_outreach', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // A person's unfinished form, saved as they go so they can resume on another day or device.
  await db.schema
    .createTable('assessment_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text')
    /** JSON array of option values or null, encrypted: answers are health data. */
    .addColumn('answers_enc', 'text', (c) => c.notNull())
    .addColumn('current_index', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('serves_public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_drafts_person_instrument')
    .unique()
    .on('assessment_drafts')
    .columns(['person_id', 'instrument_id'])
    .execute();

  await db.schema
    .createTable('assessment_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'text', (c) => c.notNull())
    /** The client's key for this submission: a retried submit finds the stored result. */
    .addColumn('submission_key', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text')
    .addColumn('answers_enc', 'text', (c) => c.notNull())
    /** JSON of the docs/instruments.md §15 result object, encrypted. */
    .addColumn('result_enc', 'text', (c) => c.notNull())
    /** Kept in the clear only for suppressed campaign aggregates and the person's own trend. */
    .addColumn('total', 'integer')
    .addColumn('band', 'text')
    .addColumn('crisis', 'integer', (c) => c.notNull())
    .addColumn('care_step', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_results_submission')
    .unique()
    .on('assessment_results')
    .columns(['person_id', 'submission_key'])
    .execute();
  await db.schema
    .createIndex('assessment_results_person_instrument')
    .on('assessment_results')
    .columns(['person_id', 'instrument_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('assessment_results_campaign')
    .on('assessment_results')
    .columns(['campaign_id', 'instrument_id'])
    .execute();

  // Purpose-bound, recorded consent (UU PDP Art. 20–24): versioned text, withdrawable.
  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('text_version', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .execute();
  await db.schema.createIndex('consents_person').on('consents').columns(['person_id', 'granted_at']).execute();

  // A result the person chose to show to one counsellor of their agency.
  await db.schema
    .createTable('result_shares')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('result_id', 'text', (c) => c.notNull().references('assessment_results.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('counsellor_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('consent_id', 'text', (c) => c.notNull().references('consents.id'))
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('result_shares_counsellor')
    .on('result_shares')
    .columns(['counsellor_id', 'revoked_at'])
    .execute();
  await db.schema.createIndex('result_shares_result').on('result_shares').column('result_id').execute();

  // The agency's crisis and help contacts, with their hours (docs/instruments.md §16; editable data, not code).
  await db.schema
    .createTable('help_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    /** A national default (docs/instruments.md §16), texts from the catalogue in both languages; null once edited. */
    .addColumn('preset', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('phone', 'text')
    .addColumn('url', 'text')
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('help_contacts_agency')
    .on('help_contacts')
    .columns(['agency_id', 'sort_order'])
    .execute();
  await seedDefaultHelpContacts(db);

  // "Please contact me", or a disclosed-outreach notice: only ever to the agency's counsellors.
  await db.schema
    .createTable('crisis_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    /** 'assessment' | 'help_button' | 'disclosed_outreach' */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('result_id', 'text')
    /** 'phone' | 'whatsapp' | 'email' | null for an outreach notice */
    .addColumn('contact_method', 'text')
    /** The number or address to use, encrypted. */
    .addColumn('contact_enc', 'text')
    .addColumn('preferred_time', 'text')
    .addColumn('note_enc', 'text')
    /** 'open' | 'acknowledged' | 'closed' */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submission_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('crisis_requests_agency_status')
    .on('crisis_requests')
    .columns(['agency_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('crisis_requests_submission')
    .unique()
    .on('crisis_requests')
    .columns(['person_id', 'submission_key'])
    .execute();

  // In-app notifications (campaign invitations and reminders, urgent-queue alerts).
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    /** JSON of ids and titles only: never a health value. */
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_person')
    .on('notifications')
    .columns(['person_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    /** JSON array of instrument ids. */
    .addColumn('instrument_ids', 'text', (c) => c.notNull())
    /** JSON array of unit ids; each includes its sub-units. */
    .addColumn('unit_ids', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('reminder_every_days', 'integer', (c) => c.notNull().defaultTo(0))
    /** 'draft' | 'open' | 'closed' */
    .addColumn('status', 'text', (c) => c.notNull())
    /** Frozen at launch (docs/privacy.md A9). */
    .addColumn('anonymity_threshold', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('launched_at', 'text')
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('campaigns_agency').on('campaigns').columns(['agency_id', 'created_at']).execute();

  // Who was invited, with their unit as it was at launch (docs/privacy.md A8).
  await db.schema
    .createTable('campaign_members')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('last_reminded_at', 'text')
    .addPrimaryKeyConstraint('campaign_members_pk', ['campaign_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('campaign_members_unit')
    .on('campaign_members')
    .columns(['campaign_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('campaign_members_person').on('campaign_members').column('person_id').execute();

  // The last published statistics of a campaign (docs/privacy.md A7: refreshed only after k new responses).
  await db.schema
    .createTable('campaign_stat_snapshots')
    .addColumn('campaign_id', 'text', (c) => c.primaryKey().references('campaigns.id'))
    .addColumn('response_count', 'integer', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
}

/** Agencies that existed before this migration get the national defaults too. */
async function seedDefaultHelpContacts(db: Kysely<unknown>): Promise<void> {
  const agencies = await (db as Kysely<{ agencies: { id: string } }>).selectFrom('agencies').select('id').execute();
  const now = new Date().toISOString();
  for (const agency of agencies) await insertDefaultHelpContacts(db, agency.id, now);
}
