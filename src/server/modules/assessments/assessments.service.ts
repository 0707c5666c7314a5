import { campaignBandOf } from '../../../domain/anonymity/distribution-bands.js';
import type { Kysely } from 'kysely';
import type { ResultView, SubmitBody } from '../../../contracts/assessments.js';
import type { Database } from '../../../db/schema.js';
import { assessmentConsentVersion } from '../../../domain/assessments/consent.js';
import { nextStepFor } from '../../../domain/assessments/next-step.js';
import { INSTRUMENTS } from '../../../domain/instruments/catalog.js';
import type { InstrumentId, ScoreResult } from '../../../domain/instruments/types.js';
import type { Locale } from '../../../i18n/locales.js';
import type { Clock } from '../../clock.js';
import { newId, type KeyRing } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { notFound, unprocessable } from '../../http/errors.js';
import { isUniqueViolation } from '../../plugins/error-handler.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { CampaignService } from '../campaigns/index.js';
import type { OrgDirectory } from '../org/index.js';
import type { CrisisService } from '../help/index.js';
import { assertConsent } from '../my-data/index.js';
import { scoreSubmission } from './assessment-answers.js';
import {
  deleteDraft,
  eraseDraftsBefore,
  eraseResults,
  findDrafts,
  findOwnResult,
  findOwnResults,
  findResultByKey,
  findResultIdsBefore,
  findSharedSummariesFor,
  findSharesOfResults,
  insertConsent,
  insertResult,
  type ResultRow,
} from './assessments.repository.js';
import {
  countOwnAssessmentData,
  detachFromCampaigns,
  eraseDrafts,
  findConsentRecords,
  findOwnResultIds,
  findShares,
  insertConsentRecord,
  revokeAllShares,
  withdrawConsentRecords,
} from './person-data.repository.js';
import { buildFhirBundle, type FhirBundle } from './fhir-export.js';
import { openAnswers, openResult, presentResult, presentResultSummary } from './results.presenter.js';

type Me = SessionState['person'];

/**
 * A person's own screening results (docs/self-assessment.md). Only the person reads them: every
 * query here is keyed by the person's id, and no other role has a route to them (docs/privacy.md §1.1).
 * Answers and the result object are encrypted at rest; total, band, crisis and care step stay in
 * the clear for the person's trend and the campaigns' suppressed aggregates.
 */
export class AssessmentService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      keys: KeyRing;
      crisis: CrisisService;
      campaigns: CampaignService;
      audit: AuditService;
      directory: OrgDirectory;
    },
  ) {}

  /**
   * Scores and stores a submission, records the consent shown, and — in the same transaction, as
   * an outbox — any crisis request. Idempotent on (person, submissionKey) through the unique
   * index: a retry returns the stored result and stores nothing twice (docs/privacy.md §5).
   */
  async submit(me: Me, body: SubmitBody): Promise<{ created: boolean; view: ResultView }> {
    const { db } = this.deps;
    const { result, answers } = scoreSubmission(body.instrumentId, body.answers, body.servesPublic);
    try {
      return await db.transaction().execute(async (trx) => {
        const existing = await findResultByKey(trx, me.id, body.submissionKey);
        if (existing) return { created: false, view: await this.replay(trx, me, existing, body) };
        return { created: true, view: await this.store(trx, me, body, result, answers) };
      });
    } catch (err) {
      // The same submission arrived twice at once: the unique index let one through; answer with it.
      if (!isUniqueViolation(err as { code?: unknown })) throw err;
      const existing = await findResultByKey(db, me.id, body.submissionKey);
      if (!existing) throw err;
      return { created: false, view: await this.replay(db, me, existing, body) };
    }
  }

  /** History, newest first, optionally of one instrument. */
  async list(me: Me, instrumentId: InstrumentId | undefined) {
    const { db, keys } = this.deps;
    const rows = await findOwnResults(db, me.id, instrumentId);
    const contactIds = await this.deps.crisis.contactRequestIds(
      db,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map((r) => presentResultSummary(r, openResult(keys, r), me.locale, contactIds.get(r.id) ?? null)),
    };
  }

  async get(me: Me, id: string): Promise<ResultView> {
    const row = await findOwnResult(this.deps.db, me.id, id);
    if (!row) throw notFound();
    return this.view(this.deps.db, row, me.locale);
  }

  /**
   * Deletes the person's own result and its shares for good (UU PDP Art. 8, 43). The consents stay
   * as evidence (Art. 24), marked withdrawn and no longer naming the result; a crisis request stays
   * too — someone may still need to call — but no longer points at the result.
   */
  async remove(me: Me, id: string): Promise<void> {
    const { db, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await findOwnResult(trx, me.id, id);
      if (!row) throw notFound();
      // The same erasure as My data's (docs/decisions/013-data-rights.md): no row keeps the result's id or any value of it.
      await this.eraseResults(trx, { agencyId: me.agencyId, personId: me.id }, [id], clock.now().toISOString());
    });
  }

  /** Every result of the person as a FHIR R4 Bundle, ready to show a health facility. */
  async fhirExport(me: Me, origin: AuditOrigin): Promise<FhirBundle> {
    const { db, keys, clock, audit } = this.deps;
    // Audited like every copy of personal data, so the DPO's "unusual exports" alert counts it too.
    const rows = await db.transaction().execute(async (trx) => {
      await audit.record(
        {
          ...origin,
          action: 'assessment.exported',
          subjectId: me.id,
          resourceType: 'person',
          resourceId: me.id,
          purpose: 'data_subject_access',
          details: { format: 'fhir' },
        },
        trx,
      );
      return findOwnResults(trx, me.id);
    });
    return buildFhirBundle({
      displayName: me.fullName,
      locale: me.locale,
      now: clock.now().toISOString(),
      results: rows
        .reverse()
        .map((r) => ({ row: r, result: openResult(keys, r), answers: openAnswers(keys, r.answers_enc) })),
    });
  }

  private async store(
    trx: Kysely<Database>,
    me: Me,
    body: SubmitBody,
    result: ScoreResult,
    answers: unknown[],
  ): Promise<ResultView> {
    const { clock, keys, crisis, campaigns, directory } = this.deps;
    const outreach = (await directory.agencyOrThrow(me.agencyId, trx)).disclosed_safety_outreach === 1;
    // The person must have read the text that matches the agency's setting right now (UU PDP Art. 22).
    if (body.consentVersion !== assessmentConsentVersion(outreach)) throw unprocessable('consent_required');
    // Withdrawn on My data (docs/decisions/013-data-rights.md): nothing new is kept until the person gives consent again there.
    await assertConsent(trx, me.id, 'store_results');
    if (body.campaignId) await assertConsent(trx, me.id, 'campaign_participation');
    if (body.campaignId) await campaigns.assertAnswerable(trx, me, body.campaignId, body.instrumentId);
    const unitId = (await directory.person(me.agencyId, me.id, trx))?.unit_id;
    if (!unitId) throw notFound();
    const now = clock.now().toISOString();
    const row: ResultRow = {
      id: newId(),
      agency_id: me.agencyId,
      person_id: me.id,
      instrument_id: body.instrumentId,
      instrument_version: INSTRUMENTS[body.instrumentId].version,
      submission_key: body.submissionKey,
      campaign_id: body.campaignId,
      answers_enc: keys.encrypt(JSON.stringify(answers)),
      result_enc: keys.encrypt(JSON.stringify(result)),
      total: result.total,
      // The clear band is what campaign figures count: for the CBI, which has no overall band,
      // the person's highest sub-scale band (domain/anonymity/distribution-bands.ts).
      band: campaignBandOf(result),
      crisis: result.crisis ? 1 : 0,
      care_step: nextStepFor(result).step,
      locale: me.locale,
      created_at: now,
    };
    await insertResult(trx, row);
    await insertConsent(trx, {
      id: newId(),
      agency_id: me.agencyId,
      person_id: me.id,
      purpose: outreach ? 'self_assessment_outreach' : 'self_assessment',
      text_version: body.consentVersion,
      subject_type: 'assessment_result',
      subject_id: row.id,
      channel: 'web',
      granted_at: now,
      withdrawn_at: null,
    });
    await deleteDraft(trx, me.id, body.instrumentId);
    const base = { agencyId: me.agencyId, personId: me.id, unitId, resultId: row.id };
    let contactRequestId: string | null = null;
    if (body.contactRequest) {
      const created = await crisis.createInTransaction(trx, {
        ...base,
        source: 'assessment',
        contact: body.contactRequest,
        submissionKey: `result:${body.submissionKey}`,
      });
      contactRequestId = created.id;
    } else if (result.crisis && outreach) {
      // Disclosed safety outreach: the consent text said so; the duty counsellors are told, no one else.
      await crisis.createInTransaction(trx, {
        ...base,
        source: 'disclosed_outreach',
        contact: null,
        submissionKey: `outreach:${body.submissionKey}`,
      });
    }
    return presentResult(row, result, me.locale, [], contactRequestId);
  }

  /** A retried submission: the same key must carry the same answers (Stripe semantics). */
  private async replay(db: Kysely<Database>, me: Me, existing: ResultRow, body: SubmitBody): Promise<ResultView> {
    const same =
      existing.instrument_id === body.instrumentId &&
      JSON.stringify(openAnswers(this.deps.keys, existing.answers_enc)) ===
        JSON.stringify(body.answers.map((a) => a ?? null));
    if (!same) throw unprocessable('idempotency_mismatch');
    return this.view(db, existing, me.locale);
  }

  private async view(db: Kysely<Database>, row: ResultRow, locale: Locale): Promise<ResultView> {
    const [shares, contactIds] = await Promise.all([
      findSharesOfResults(db, [row.id]),
      this.deps.crisis.contactRequestIds(db, [row.id]),
    ]);
    return presentResult(row, openResult(this.deps.keys, row), locale, shares, contactIds.get(row.id) ?? null);
  }

  /* The owner's reads and changes for My data and the retention schedule (their transaction as `db`). */

  /**
   * Erases results and every trace of them (assessments.repository.ts eraseResults); the requests
   * for help they raised stay but no longer name them. One path for the person's own erasure and
   * for the retention schedule.
   */
  eraseResults(
    db: Kysely<Database>,
    scope: { agencyId: string; personId?: string },
    resultIds: string[],
    at: string,
  ): Promise<number> {
    return eraseResults(db, scope, resultIds, at, (ids) => this.deps.crisis.forgetResults(db, ids));
  }

  /** The retention schedule: erases the agency's results stored before `cutoff`. */
  async eraseResultsBefore(db: Kysely<Database>, agencyId: string, cutoff: string, at: string): Promise<number> {
    return this.eraseResults(db, { agencyId }, await findResultIdsBefore(db, agencyId, cutoff), at);
  }

  /** The retention schedule: erases the agency's drafts last saved before `cutoff`. */
  eraseDraftsBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
    return eraseDraftsBefore(db, agencyId, cutoff);
  }

  /** The ids of the person's own results (`only`: that one, if it is theirs). */
  ownResultIds(db: Kysely<Database>, personId: string, agencyId: string, only?: string): Promise<string[]> {
    return findOwnResultIds(db, personId, agencyId, only);
  }

  /** The person's results and drafts as stored (still encrypted), for their copy. */
  ownResults(db: Kysely<Database>, personId: string): Promise<ResultRow[]> {
    return findOwnResults(db, personId);
  }

  ownDrafts(db: Kysely<Database>, personId: string) {
    return findDrafts(db, personId);
  }

  /** Erases every draft of the person; answers how many. */
  eraseOwnDrafts(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
    return eraseDrafts(db, personId, agencyId);
  }

  /** How many results, drafts and active shares the person holds now. */
  countOwn(db: Kysely<Database>, personId: string, agencyId: string) {
    return countOwnAssessmentData(db, personId, agencyId);
  }

  /** The person's shares with counsellors, revoked ones included. */
  ownShares(db: Kysely<Database>, personId: string, agencyId: string) {
    return findShares(db, personId, agencyId);
  }

  /** What the counsellor's caseload shows of results shared with them: instrument, band, date; newest first. */
  sharedSummariesFor(db: Kysely<Database>, agencyId: string, counsellorId: string) {
    return findSharedSummariesFor(db, agencyId, counsellorId);
  }

  /** Stops every active share of the person at once (sharing withdrawn as a whole). */
  revokeAllShares(db: Kysely<Database>, personId: string, agencyId: string, at: string): Promise<void> {
    return revokeAllShares(db, personId, agencyId, at);
  }

  /** Every consent record of the person, newest first, with the counsellor's name for shares. */
  consentRecords(db: Kysely<Database>, personId: string, agencyId: string) {
    return findConsentRecords(db, personId, agencyId);
  }

  /** Records a standing grant given on the My data page. */
  recordConsent(
    db: Kysely<Database>,
    row: { id: string; agencyId: string; personId: string; purpose: string; textVersion: string; at: string },
  ): Promise<void> {
    return insertConsentRecord(db, row);
  }

  /** Marks the person's active consent records of these purposes withdrawn; answers how many. */
  withdrawConsents(db: Kysely<Database>, personId: string, recordPurposes: string[], at: string): Promise<number> {
    return withdrawConsentRecords(db, personId, recordPurposes, at);
  }

  /** Takes the person's stored results and drafts out of campaign figures (participation withdrawn). */
  detachFromCampaigns(db: Kysely<Database>, personId: string, agencyId: string): Promise<void> {
    return detachFromCampaigns(db, personId, agencyId);
  }
}
