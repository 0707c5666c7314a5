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
import { AppError, notFound, unprocessable } from '../../http/errors.js';
import { isUniqueViolation } from '../../plugins/error-handler.js';
import { assertContact, type CrisisService } from '../support/crisis.service.js';
import { assertConsent } from '../my-data/consent-gate.js';
import type { AuditOrigin, AuditService } from '../audit/audit.service.js';
import { scoreSubmission } from './assessment-answers.js';
import {
  deleteDraft,
  eraseResults,
  findContactRequestIds,
  findOwnResult,
  findOwnResults,
  findResultByKey,
  findSharesOfResults,
  insertConsent,
  insertResult,
  type ResultRow,
} from './assessments.repository.js';
import { buildFhirBundle, type FhirBundle } from './fhir-export.js';
import { openAnswers, openResult, presentResult, presentResultSummary } from './results.presenter.js';

type Me = SessionState['person'];

/**
 * A person's own screening results (issue 3, items 3, 4 and 7). Only the person reads them: every
 * query here is keyed by the person's id, and no other role has a route to them (PRIVACY.md §1.1).
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
      audit: AuditService;
    },
  ) {}

  /**
   * Scores and stores a submission, records the consent shown, and — in the same transaction, as
   * an outbox — any crisis request. Idempotent on (person, submissionKey) through the unique
   * index: a retry returns the stored result and stores nothing twice (PRIVACY.md §5).
   */
  async submit(me: Me, body: SubmitBody): Promise<{ created: boolean; view: ResultView }> {
    const { db } = this.deps;
    const { result, answers } = scoreSubmission(body.instrumentId, body.answers, body.servesPublic);
    assertContact(body.contactRequest);
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
    const contactIds = await findContactRequestIds(
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
      // The same erasure as My data's (issue 7): no row keeps the result's id or any value of it.
      await eraseResults(trx, { agencyId: me.agencyId, personId: me.id }, [id], clock.now().toISOString());
    });
  }

  /** Every result of the person as a FHIR R4 Bundle, ready to show a health facility (issue 3, item 7). */
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
    const { clock, keys, crisis } = this.deps;
    const agency = await trx
      .selectFrom('agencies')
      .select('disclosed_safety_outreach')
      .where('id', '=', me.agencyId)
      .executeTakeFirstOrThrow();
    const outreach = agency.disclosed_safety_outreach === 1;
    // The person must have read the text that matches the agency's setting right now (UU PDP Art. 22).
    if (body.consentVersion !== assessmentConsentVersion(outreach)) throw unprocessable('consent_required');
    // Withdrawn on My data (issue 7): nothing new is kept until the person gives consent again there.
    await assertConsent(trx, me.id, 'store_results');
    if (body.campaignId) await assertConsent(trx, me.id, 'campaign_participation');
    if (body.campaignId) await this.assertCampaign(trx, me, body.campaignId, body.instrumentId);
    const person = await trx
      .selectFrom('people')
      .select('unit_id')
      .where('id', '=', me.id)
      .where('agency_id', '=', me.agencyId)
      .executeTakeFirst();
    if (!person) throw notFound();
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
    const base = { agencyId: me.agencyId, personId: me.id, unitId: person.unit_id, resultId: row.id };
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
      findContactRequestIds(db, [row.id]),
    ]);
    return presentResult(row, openResult(this.deps.keys, row), locale, shares, contactIds.get(row.id) ?? null);
  }

  /** A campaign answer counts only from an invited person while the campaign is open for that instrument. */
  private async assertCampaign(
    trx: Kysely<Database>,
    me: Me,
    campaignId: string,
    instrumentId: InstrumentId,
  ): Promise<void> {
    const campaign = await trx
      .selectFrom('campaign_members')
      .innerJoin('campaigns', 'campaigns.id', 'campaign_members.campaign_id')
      .select(['campaigns.status', 'campaigns.instrument_ids', 'campaigns.agency_id'])
      .where('campaign_members.campaign_id', '=', campaignId)
      .where('campaign_members.person_id', '=', me.id)
      .executeTakeFirst();
    if (!campaign || campaign.agency_id !== me.agencyId) throw new AppError(403, 'not_invited');
    const instruments = JSON.parse(campaign.instrument_ids) as string[];
    if (campaign.status !== 'open' || !instruments.includes(instrumentId)) throw unprocessable('campaign_not_open');
  }
}
