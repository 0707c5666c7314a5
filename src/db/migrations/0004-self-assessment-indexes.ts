import type { Kysely } from 'kysely';

/**
 * Indexes for the self-assessment and campaign screens, found with bench/campaign-stats.ts and
 * bench/self-assessment.ts (docs/benchmarks.md, "Self-assessment and campaigns").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One member's results in one campaign: the reminder sweep asks it once per member ("has this
  // person completed every instrument?"), each reminder job asks it again, and the campaign
  // figures look up each person's latest result per instrument. Without it SQLite answered from
  // (campaign_id, instrument_id), reading every result of the campaign for every member.
  await db.schema
    .createIndex('assessment_results_campaign_person')
    .on('assessment_results')
    .columns(['campaign_id', 'person_id', 'instrument_id', 'created_at'])
    .execute();
  // The "please contact me" request of each result in a person's history, and unlinking it when
  // the person deletes the result: without it both read the whole crisis_requests table.
  await db.schema.createIndex('crisis_requests_result').on('crisis_requests').column('result_id').execute();
}
