import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/*
 * The person's own assessment data as My data needs it: their shares and consent records, the ids
 * of their results, and the changes a withdrawal or an erasure makes. My data reaches them only
 * through AssessmentService.
 */

/** The person's shares with counsellors, revoked ones included. */
export async function findShares(db: Kysely<Database>, personId: string, agencyId: string) {
  return db
    .selectFrom('result_shares as s')
    .innerJoin('people as c', 'c.id', 's.counsellor_id')
    .select([
      's.id',
      's.result_id',
      's.counsellor_id',
      'c.full_name as counsellor_name',
      's.granted_at',
      's.revoked_at',
    ])
    .where('s.person_id', '=', personId)
    .where('s.agency_id', '=', agencyId)
    .orderBy('s.granted_at')
    .execute();
}

/** Every consent record of the person, newest first, with the counsellor's name for shares. */
export async function findConsentRecords(db: Kysely<Database>, personId: string, agencyId: string) {
  return db
    .selectFrom('consents')
    .leftJoin('people as c', (join) =>
      join.onRef('c.id', '=', 'consents.subject_id').on('consents.subject_type', '=', 'counsellor'),
    )
    .select([
      'consents.id',
      'consents.purpose',
      'consents.text_version',
      'consents.subject_type',
      'consents.channel',
      'c.full_name as counsellor_name',
      'consents.granted_at',
      'consents.withdrawn_at',
    ])
    .where('consents.person_id', '=', personId)
    .where('consents.agency_id', '=', agencyId)
    .orderBy('consents.granted_at', 'desc')
    .orderBy('consents.id', 'desc')
    .execute();
}

/** The ids of the person's own results: a result id of anyone else is never among them. */
export async function findOwnResultIds(
  db: Kysely<Database>,
  personId: string,
  agencyId: string,
  only?: string,
): Promise<string[]> {
  let q = db
    .selectFrom('assessment_results')
    .select('id')
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId);
  if (only) q = q.where('id', '=', only);
  return (await q.execute()).map((r) => r.id);
}

/** Marks the person's active consent records of these purposes withdrawn; answers how many. */
export async function withdrawConsentRecords(
  db: Kysely<Database>,
  personId: string,
  recordPurposes: string[],
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('consents')
    .set({ withdrawn_at: at })
    .where('person_id', '=', personId)
    .where('purpose', 'in', recordPurposes)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A standing grant given on the My data page. */
export async function insertConsentRecord(
  db: Kysely<Database>,
  row: { id: string; agencyId: string; personId: string; purpose: string; textVersion: string; at: string },
): Promise<void> {
  await db
    .insertInto('consents')
    .values({
      id: row.id,
      agency_id: row.agencyId,
      person_id: row.personId,
      purpose: row.purpose,
      text_version: row.textVersion,
      subject_type: null,
      subject_id: null,
      channel: 'web',
      granted_at: row.at,
      withdrawn_at: null,
    })
    .execute();
}

/** Stops every active share of the person at once (sharing withdrawn as a whole). */
export async function revokeAllShares(
  db: Kysely<Database>,
  personId: string,
  agencyId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('result_shares')
    .set({ revoked_at: at })
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Takes the person's stored results out of campaign figures (campaign participation withdrawn). */
export async function detachFromCampaigns(db: Kysely<Database>, personId: string, agencyId: string): Promise<void> {
  await db
    .updateTable('assessment_results')
    .set({ campaign_id: null })
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .execute();
  await db
    .updateTable('assessment_drafts')
    .set({ campaign_id: null })
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .execute();
}

/** Erases every draft of the person; answers how many. */
export async function eraseDrafts(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
  const result = await db
    .deleteFrom('assessment_drafts')
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** How much assessment data the person holds now: results, drafts and active shares. */
export async function countOwnAssessmentData(db: Kysely<Database>, personId: string, agencyId: string) {
  const count = (table: 'assessment_results' | 'assessment_drafts') =>
    db
      .selectFrom(table)
      .select(sql<number>`cast(count(*) as integer)`.as('n'))
      .where('person_id', '=', personId)
      .where('agency_id', '=', agencyId)
      .executeTakeFirstOrThrow();
  const shares = await db
    .selectFrom('result_shares')
    .select(sql<number>`cast(count(*) as integer)`.as('n'))
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  const [results, drafts] = await Promise.all([count('assessment_results'), count('assessment_drafts')]);
  return { results: Number(results.n), drafts: Number(drafts.n), activeShares: Number(shares.n) };
}
