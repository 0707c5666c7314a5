import type { Insertable, Kysely, Selectable } from 'kysely';
import type {
  AssessmentDraftsTable,
  AssessmentResultsTable,
  ConsentsTable,
  Database,
  ResultSharesTable,
} from '../../../db/schema.js';
import { batchesOf } from '../../../db/batches.js';

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
  /** Lets the requests for help those results raised forget them (help's own change). */
  forgetInRequests: (ids: string[]) => Promise<void>,
): Promise<number> {
  let erased = 0;
  for (const batch of batchesOf(resultIds)) {
    let owned = db
      .selectFrom('assessment_results')
      .select('id')
      .where('agency_id', '=', scope.agencyId)
      .where('id', 'in', batch);
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
    await forgetInRequests(ids);
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

/* ------------------------------------------------------------- sharing */

/** The active share of a result with a counsellor, if any. */
export async function findActiveShare(db: Kysely<Database>, resultId: string, counsellorId: string) {
  return db
    .selectFrom('result_shares')
    .select('id')
    .where('result_id', '=', resultId)
    .where('counsellor_id', '=', counsellorId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function insertShare(db: Kysely<Database>, row: Insertable<ResultSharesTable>): Promise<void> {
  await db.insertInto('result_shares').values(row).execute();
}

/** Stops one share and marks its consent withdrawn (kept as evidence). */
export async function revokeShare(db: Kysely<Database>, shareId: string, consentId: string, at: string): Promise<void> {
  await db.updateTable('result_shares').set({ revoked_at: at }).where('id', '=', shareId).execute();
  await db
    .updateTable('consents')
    .set({ withdrawn_at: at })
    .where('id', '=', consentId)
    .where('withdrawn_at', 'is', null)
    .execute();
}

/** The person's consent history, newest first, with the counsellor's name for shares. */
export async function findConsentHistory(db: Kysely<Database>, personId: string) {
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
      'consents.subject_id',
      'c.full_name as counsellor_name',
      'consents.granted_at',
      'consents.withdrawn_at',
    ])
    .where('consents.person_id', '=', personId)
    .orderBy('consents.granted_at', 'desc')
    .orderBy('consents.id', 'desc')
    .execute();
}

/**
 * "Who looked at my data": audit entries about the person by someone else, newest first, from
 * `before` on (a recorded read of the audit log; table-owners.ts).
 */
export async function findAccessLog(
  db: Kysely<Database>,
  q: { agencyId: string; personId: string; before?: { occurredAt: string; id: string }; limit: number },
) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('people as a', 'a.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.occurred_at',
      'audit_log.action',
      'audit_log.actor_id',
      'a.full_name as actor_name',
      'audit_log.actor_role',
      'audit_log.purpose',
      'audit_log.resource_type',
      'audit_log.resource_id',
    ])
    .where('audit_log.agency_id', '=', q.agencyId)
    .where('audit_log.subject_id', '=', q.personId)
    .where('audit_log.actor_id', 'is not', null)
    .where('audit_log.actor_id', '!=', q.personId);
  const before = q.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('audit_log.occurred_at', '<', before.occurredAt),
        eb.and([eb('audit_log.occurred_at', '=', before.occurredAt), eb('audit_log.id', '<', before.id)]),
      ]),
    );
  }
  return query.orderBy('audit_log.occurred_at', 'desc').orderBy('audit_log.id', 'desc').limit(q.limit).execute();
}

/** Active shares addressed to this counsellor in their agency, with the owner's name and unit. */
function sharedWith(db: Kysely<Database>, agencyId: string, counsellorId: string) {
  return db
    .selectFrom('result_shares as s')
    .innerJoin('assessment_results as r', 'r.id', 's.result_id')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .innerJoin('org_units as u', 'u.id', 'p.unit_id')
    .select(['s.person_id', 'p.full_name as person_name', 'u.name as unit_name'])
    .where('s.agency_id', '=', agencyId)
    .where('s.counsellor_id', '=', counsellorId)
    .where('s.revoked_at', 'is', null);
}

/**
 * The counsellor's inbox (optionally one person's shares only), with what triage needs in the
 * clear (band, crisis answer, care step) and whether this counsellor has opened each share: an
 * opening is an audited read, so "opened" is looked up in the audit log (a recorded read;
 * table-owners.ts). Ordered by the service, most urgent first.
 */
export async function findSharedWith(db: Kysely<Database>, agencyId: string, counsellorId: string, personId?: string) {
  let query = sharedWith(db, agencyId, counsellorId)
    .select((eb) => [
      's.id as share_id',
      's.granted_at',
      'r.instrument_id',
      'r.created_at as result_created_at',
      'r.band',
      'r.crisis',
      'r.care_step',
      eb
        .exists(
          eb
            .selectFrom('audit_log as v')
            .select('v.id')
            .where('v.agency_id', '=', agencyId)
            .where('v.actor_id', '=', counsellorId)
            .where('v.action', '=', 'assessment.shared_result_viewed')
            .where('v.resource_type', '=', 'result_share')
            .whereRef('v.resource_id', '=', 's.id'),
        )
        .as('opened'),
    ])
    .orderBy('r.created_at', 'desc')
    .orderBy('s.id', 'desc');
  if (personId) query = query.where('s.person_id', '=', personId);
  const rows = await query.execute();
  // SQLite answers EXISTS as 0/1, PostgreSQL as a boolean.
  return rows.map((r) => ({ ...r, opened: Boolean(Number(r.opened)) }));
}

/** One active share addressed to this counsellor; revoked or someone else's are not found. */
export async function findSharedOne(db: Kysely<Database>, agencyId: string, counsellorId: string, shareId: string) {
  return sharedWith(db, agencyId, counsellorId)
    .select(['s.id as share_id', 's.result_id'])
    .where('s.id', '=', shareId)
    .executeTakeFirst();
}

/** The retention schedule: erases the agency's drafts last saved before `cutoff`; answers how many. */
export async function eraseDraftsBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
  const result = await db
    .deleteFrom('assessment_drafts')
    .where('agency_id', '=', agencyId)
    .where('updated_at', '<', cutoff)
    .executeTakeFirstOrThrow();
  return Number(result.numDeletedRows);
}

/**
 * The results shared with a counsellor and not revoked, by client, newest result first: instrument,
 * band and date only — no answers, no total (the counsellor's caseload, docs/decisions/047-caseload.md).
 * One read whatever the caseload's size (index result_shares_counsellor).
 */
export async function findSharedSummariesFor(db: Kysely<Database>, agencyId: string, counsellorId: string) {
  return db
    .selectFrom('result_shares as s')
    .innerJoin('assessment_results as r', 'r.id', 's.result_id')
    .select(['s.person_id', 'r.instrument_id', 'r.band', 'r.created_at'])
    .where('s.agency_id', '=', agencyId)
    .where('s.counsellor_id', '=', counsellorId)
    .where('s.revoked_at', 'is', null)
    .orderBy('r.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
}
