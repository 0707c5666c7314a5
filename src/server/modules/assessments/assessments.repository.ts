import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AssessmentDraftsTable, AssessmentResultsTable, ConsentsTable, Database } from '../../../db/schema.js';

export type DraftRow = Selectable<AssessmentDraftsTable>;
export type ResultRow = Selectable<AssessmentResultsTable>;

/* --------------------------------------------------------------- drafts */

/** A person's draft of one instrument. */
export async function findDraft(
  db: Kysely<Database>,
  personId: string,
  instrumentId: string,
): Promise<DraftRow | undefined> {
  return db
    .selectFrom('assessment_drafts')
    .selectAll()
    .where('person_id', '=', personId)
    .where('instrument_id', '=', instrumentId)
    .executeTakeFirst();
}

/** All of a person's drafts, last saved first. */
export async function findDrafts(db: Kysely<Database>, personId: string): Promise<DraftRow[]> {
  return db
    .selectFrom('assessment_drafts')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('updated_at', 'desc')
    .execute();
}

/** One draft per person and instrument: a later save replaces the earlier one. */
export async function upsertDraft(db: Kysely<Database>, row: Insertable<AssessmentDraftsTable>): Promise<void> {
  await db
    .insertInto('assessment_drafts')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['person_id', 'instrument_id']).doUpdateSet({
        instrument_version: row.instrument_version,
        campaign_id: row.campaign_id ?? null,
        answers_enc: row.answers_enc,
        current_index: row.current_index,
        serves_public: row.serves_public,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Removes a person's draft of one instrument; answers how many rows went (0 or 1). */
export async function deleteDraft(db: Kysely<Database>, personId: string, instrumentId: string): Promise<number> {
  const result = await db
    .deleteFrom('assessment_drafts')
    .where('person_id', '=', personId)
    .where('instrument_id', '=', instrumentId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/* -------------------------------------------------------------- results */

/** A person's own result; another person's id is simply not found. */
export async function findOwnResult(
  db: Kysely<Database>,
  personId: string,
  id: string,
): Promise<ResultRow | undefined> {
  return db
    .selectFrom('assessment_results')
    .selectAll()
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The result a submission key already stored, if any (idempotent submit). */
export async function findResultByKey(
  db: Kysely<Database>,
  personId: string,
  submissionKey: string,
): Promise<ResultRow | undefined> {
  return db
    .selectFrom('assessment_results')
    .selectAll()
    .where('person_id', '=', personId)
    .where('submission_key', '=', submissionKey)
    .executeTakeFirst();
}

/** History, newest first. */
export async function findOwnResults(
  db: Kysely<Database>,
  personId: string,
  instrumentId?: string,
): Promise<ResultRow[]> {
  let q = db.selectFrom('assessment_results').selectAll().where('person_id', '=', personId);
  if (instrumentId) q = q.where('instrument_id', '=', instrumentId);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** Stores one result row (answers and result object already encrypted). */
export async function insertResult(db: Kysely<Database>, row: Insertable<AssessmentResultsTable>): Promise<void> {
  await db.insertInto('assessment_results').values(row).execute();
}

/** The "please contact me" request each result carried, if any (not the outreach notices). */
export async function findContactRequestIds(db: Kysely<Database>, resultIds: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  if (resultIds.length === 0) return map;
  const rows = await db
    .selectFrom('crisis_requests')
    .select(['id', 'result_id'])
    .where('result_id', 'in', resultIds)
    .where('source', '=', 'assessment')
    .execute();
  for (const r of rows) if (r.result_id) map.set(r.result_id, r.id);
  return map;
}

/* ------------------------------------------------------------- consents */

/** Records one consent (UU PDP Art. 22: written, distinguishable, versioned). */
export async function insertConsent(db: Kysely<Database>, row: Insertable<ConsentsTable>): Promise<void> {
  await db.insertInto('consents').values(row).execute();
}

/* --------------------------------------------------------------- shares */

export interface ShareRow {
  id: string;
  result_id: string;
  person_id: string;
  counsellor_id: string;
  counsellor_name: string;
  consent_id: string;
  granted_at: string;
  revoked_at: string | null;
}

function sharesQuery(db: Kysely<Database>) {
  return db
    .selectFrom('result_shares as s')
    .innerJoin('people as c', 'c.id', 's.counsellor_id')
    .select([
      's.id',
      's.result_id',
      's.person_id',
      's.counsellor_id',
      'c.full_name as counsellor_name',
      's.consent_id',
      's.granted_at',
      's.revoked_at',
    ]);
}

/** Shares of the given results, oldest first, revoked ones included (the person's history). */
export async function findSharesOfResults(db: Kysely<Database>, resultIds: string[]): Promise<ShareRow[]> {
  if (resultIds.length === 0) return [];
  return sharesQuery(db).where('s.result_id', 'in', resultIds).orderBy('s.granted_at').orderBy('s.id').execute();
}

/** One share of a person's own result; someone else's is not found. */
export async function findOwnShare(
  db: Kysely<Database>,
  personId: string,
  resultId: string,
  shareId: string,
): Promise<ShareRow | undefined> {
  return sharesQuery(db)
    .where('s.person_id', '=', personId)
    .where('s.result_id', '=', resultId)
    .where('s.id', '=', shareId)
    .executeTakeFirst();
}

/**
 * Erases results and every trace of them: shares end (with their consents withdrawn), consent
 * records stay as evidence but no longer name the result, a request for help no longer points at
 * it. One path for the person's own erasure and for the retention schedule, so neither leaves a
 * result id behind. `personId` limits it to one person's results; the agency always does.
 */
export async function eraseResults(
  db: Kysely<Database>,
  scope: { agencyId: string; personId?: string },
  resultIds: string[],
  at: string,
): Promise<number> {
  let erased = 0;
  // Chunks keep every statement inside both databases' parameter limits.
  for (let i = 0; i < resultIds.length; i += 200) {
    let owned = db
      .selectFrom('assessment_results')
      .select('id')
      .where('agency_id', '=', scope.agencyId)
      .where('id', 'in', resultIds.slice(i, i + 200));
    if (scope.personId) owned = owned.where('person_id', '=', scope.personId);
    // Only ids that are really there (and the person's, when one is named) are touched below.
    const ids = (await owned.execute()).map((r) => r.id);
    if (ids.length === 0) continue;
    const shareConsents = (
      await db.selectFrom('result_shares').select('consent_id').where('result_id', 'in', ids).execute()
    ).map((s) => s.consent_id);
    if (shareConsents.length > 0)
      await db
        .updateTable('consents')
        .set({ withdrawn_at: at })
        .where('id', 'in', shareConsents)
        .where('withdrawn_at', 'is', null)
        .execute();
    const resultConsents = db
      .updateTable('consents')
      .where('subject_type', '=', 'assessment_result')
      .where('subject_id', 'in', ids);
    await resultConsents.set({ withdrawn_at: at }).where('withdrawn_at', 'is', null).execute();
    await resultConsents.set({ subject_id: null }).execute();
    await db.deleteFrom('result_shares').where('result_id', 'in', ids).execute();
    await db.updateTable('crisis_requests').set({ result_id: null }).where('result_id', 'in', ids).execute();
    erased += Number(
      (await db.deleteFrom('assessment_results').where('id', 'in', ids).executeTakeFirst()).numDeletedRows,
    );
  }
  return erased;
}

/** Ids of the agency's results stored before `cutoff` (the retention schedule's candidates). */
export async function findResultIdsBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<string[]> {
  const rows = await db
    .selectFrom('assessment_results')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('created_at', '<', cutoff)
    .execute();
  return rows.map((r) => r.id);
}
