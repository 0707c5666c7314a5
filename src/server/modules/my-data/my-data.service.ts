import type { i18n } from 'i18next';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  CorrectionBody,
  ErasureBody,
  ErasureView,
  MyDataView,
  correctionList,
  resolveCorrectionBody,
} from '../../../contracts/my-data.js';
import type { DatabaseKind } from '../../../db/connection.js';
import type { Database } from '../../../db/schema.js';
import {
  CONSENT_PURPOSES,
  PURPOSE_TEXTS,
  isPurposeOn,
  isStandingPurpose,
  purposeOfRecord,
  recordsOfPurpose,
  type ConsentPurposeId,
} from '../../../domain/data-rights/purposes.js';
import type { Clock } from '../../clock.js';
import { newId, type KeyRing } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { AppError, notFound, unprocessable } from '../../http/errors.js';
import type { AssessmentService } from '../assessments/index.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { CampaignService } from '../campaigns/index.js';
import type { SurveyService } from '../surveys/index.js';
import type { SuggestionService } from '../suggestions/index.js';
import type { CrisisService } from '../help/index.js';
import type { SafetyPlanService } from '../safety-plan/index.js';
import type { HabitService } from '../habits/index.js';
import type { PlannerService } from '../planner/index.js';
import type { BoundaryService } from '../boundaries/index.js';
import type { CheckInService } from '../check-ins/index.js';
import type { BookingService } from '../booking/index.js';
import type { PeerGroupService } from '../peer-groups/index.js';
import type { ReturnToWorkService } from '../return-to-work/index.js';
import type { NotesService } from '../notes/index.js';
import type { ConsentService } from '../consent/index.js';
import type { ReferralService } from '../referrals/index.js';
import { buildExport, type MyDataExport } from './export-data.js';
import { renderExportHtml } from './export-html.js';
import {
  findAuditAbout,
  findConsentChoices,
  findCorrectionRequest,
  findCorrectionRequests,
  findDataRequests,
  findNotifications,
  findProfile,
  findRoleGrants,
  findSessions,
  flushErasure,
  insertDataRequest,
  prepareSecureDelete,
  resolveCorrectionRequest,
  upsertConsentChoice,
  type DataRequestRow,
} from './my-data.repository.js';

type Me = SessionState['person'];

const parse = (text: string | null) => (text ? (JSON.parse(text) as Record<string, unknown>) : null);

/**
 * The person's own data rights (docs/decisions/013-data-rights.md; UU PDP art. 5–9, 13, 14, 22, 32, 43). Every
 * use case is keyed by the signed-in person: there is no route with another person's id. Every
 * export, withdrawal, grant, erasure and correction request is a recorded request (art. 14) and
 * an audit entry, written in the transaction of the act, with names and counts — never a health
 * value and never the id of an erased result.
 */
export class MyDataService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      kind: DatabaseKind;
      clock: Clock;
      keys: KeyRing;
      audit: AuditService;
      i18n: i18n;
      /** The owners of the person's health data: my data reads and erases it through them. */
      assessments: AssessmentService;
      campaigns: CampaignService;
      safetyPlans: SafetyPlanService;
      crisis: CrisisService;
      /** The person's self-care plan and time management, for their copy. */
      habits: HabitService;
      planner: PlannerService;
      /** The person's daily check-ins, for their copy and erasure. */
      checkIns: CheckInService;
      /** The person's own hours, for their copy. */
      boundaries: Pick<BoundaryService, 'ownHours'>;
      /** The person's counselling appointments as a client, for their copy and erasure. */
      booking: Pick<BookingService, 'ownCopy' | 'countOwn' | 'eraseOwn'>;
      /** Counsellors' session notes about the person, for their copy (never erased by them: decision 041). */
      notes: Pick<NotesService, 'ownCopy'>;
      /** The person's consents to counsellors, for their copy (docs/decisions/042-counselling-consent.md). */
      counsellingConsents: Pick<ConsentService, 'ownCopy'>;
      /** The person's referral letters as a client (docs/decisions/044-referrals.md). */
      referrals: Pick<ReferralService, 'ownCopy' | 'countOwn' | 'eraseOwn'>;
      /** Peer-group memberships and return-to-work plans (docs/decisions/045-peer-groups-and-return-to-work.md). */
      peerGroups: Pick<PeerGroupService, 'ownCopy' | 'countOwn' | 'eraseOwn'>;
      returnToWork: Pick<ReturnToWorkService, 'ownCopy' | 'countOwn' | 'eraseOwn'>;
      /** Climate surveys: which were asked and whether answered; answers are anonymous (decision 048). */
      surveys: Pick<SurveyService, 'ownCopy'>;
      /** The suggestion box: how many sent today, nothing more exists (decision 052). */
      suggestions: Pick<SuggestionService, 'ownCopy'>;
    },
  ) {}

  /** What Teduh holds (counts), my consent per purpose, and my requests. */
  async overview(me: Me): Promise<MyDataView> {
    const { db, assessments } = this.deps;
    const [holdings, records, choices, requests] = await Promise.all([
      this.holdings(db, me),
      assessments.consentRecords(db, me.id, me.agencyId),
      findConsentChoices(db, me.id),
      findDataRequests(db, me.id, me.agencyId),
    ]);
    return {
      holdings,
      purposes: CONSENT_PURPOSES.map((purpose) => {
        const choice = choices.find((c) => c.purpose === purpose);
        const mine = records.filter((r) => purposeOfRecord(r.purpose) === purpose);
        return {
          purpose,
          // A share is on while one of its consents is; the standing purposes follow the choice.
          active: isStandingPurpose(purpose) ? isPurposeOn(choice) : mine.some((r) => r.withdrawn_at === null),
          chosen: choice !== undefined,
          changedAt: choice?.changed_at ?? null,
          grantVersion: isStandingPurpose(purpose) ? PURPOSE_TEXTS[purpose] : null,
          records: mine.map((r) => ({
            id: r.id,
            recordPurpose: r.purpose,
            textVersion: r.text_version,
            channel: r.channel,
            counsellorName: r.counsellor_name,
            grantedAt: r.granted_at,
            withdrawnAt: r.withdrawn_at,
          })),
        };
      }),
      requests: requests.map(presentRequest),
    };
  }

  /**
   * Everything Teduh holds about me, decrypted for me (art. 7, 13, 32). The request and its audit
   * entry are written in the same transaction as the reads, so no export goes unrecorded.
   */
  async export(me: Me, format: 'json' | 'html', origin: AuditOrigin): Promise<{ body: string; fileName: string }> {
    const { db, clock, audit } = this.deps;
    const data = await db.transaction().execute(async (trx) => {
      const now = clock.now().toISOString();
      await insertDataRequest(trx, request(me, 'export', 'completed', { format }, now, now));
      await audit.record(
        {
          ...origin,
          action: 'my_data.exported',
          subjectId: me.id,
          resourceType: 'person',
          resourceId: me.id,
          purpose: 'data_subject_access',
          details: { format },
        },
        trx,
      );
      return this.collect(trx, me, now);
    });
    const stamp = data.generatedAt.slice(0, 10);
    if (format === 'json') return { body: JSON.stringify(data, null, 2), fileName: `teduh-data-saya-${stamp}.json` };
    return { body: renderExportHtml(data, this.deps.i18n), fileName: `teduh-data-saya-${stamp}.html` };
  }

  /**
   * Withdraws consent for a purpose (art. 9). It takes effect at once and is recorded, never
   * deleted: the consent records are marked withdrawn, the standing choice turns off, and the
   * processing stops (no new results stored; results out of campaign figures; no campaign
   * emails). Withdrawing sharing revokes every active share. Withdrawing twice records once.
   */
  async withdraw(me: Me, purpose: ConsentPurposeId, origin: AuditOrigin): Promise<MyDataView> {
    const { db, clock, audit, assessments } = this.deps;
    await db.transaction().execute(async (trx) => {
      const now = clock.now().toISOString();
      let changed: number;
      if (purpose === 'share_result') {
        const active = (await assessments.ownShares(trx, me.id, me.agencyId)).filter((s) => s.revoked_at === null);
        changed = active.length;
        if (changed > 0) await assessments.revokeAllShares(trx, me.id, me.agencyId, now);
        await assessments.withdrawConsents(trx, me.id, ['share_result'], now);
      } else {
        const choices = await findConsentChoices(trx, me.id);
        const wasOn = isPurposeOn(choices.find((c) => c.purpose === purpose));
        const records = await assessments.withdrawConsents(trx, me.id, recordsOfPurpose(purpose), now);
        changed = wasOn ? 1 : records;
        await upsertConsentChoice(trx, {
          person_id: me.id,
          purpose,
          agency_id: me.agencyId,
          granted: 0,
          changed_at: now,
        });
        if (purpose === 'campaign_participation') await assessments.detachFromCampaigns(trx, me.id, me.agencyId);
      }
      if (changed === 0) return;
      await insertDataRequest(trx, request(me, 'consent_withdrawal', 'completed', { purpose }, now, now));
      await audit.record(
        {
          ...origin,
          action: 'my_data.consent_withdrawn',
          subjectId: me.id,
          resourceType: 'consent',
          details: { purpose },
        },
        trx,
      );
    });
    return this.overview(me);
  }

  /** Gives a standing purpose again, recording the exact text version the person read (art. 22, 24). */
  async grant(me: Me, purpose: ConsentPurposeId, textVersion: string, origin: AuditOrigin): Promise<MyDataView> {
    const { db, clock, audit, assessments } = this.deps;
    // A share is given per result and counsellor, on the result's page, with its own text.
    if (!isStandingPurpose(purpose)) throw unprocessable('consent_per_share');
    if (textVersion !== PURPOSE_TEXTS[purpose]) throw unprocessable('consent_required');
    await db.transaction().execute(async (trx) => {
      const choices = await findConsentChoices(trx, me.id);
      const choice = choices.find((c) => c.purpose === purpose);
      if (choice?.granted === 1) return;
      const now = clock.now().toISOString();
      await assessments.recordConsent(trx, {
        id: newId(),
        agencyId: me.agencyId,
        personId: me.id,
        purpose,
        textVersion,
        at: now,
      });
      await upsertConsentChoice(trx, {
        person_id: me.id,
        purpose,
        agency_id: me.agencyId,
        granted: 1,
        changed_at: now,
      });
      await insertDataRequest(trx, request(me, 'consent_grant', 'completed', { purpose, textVersion }, now, now));
      await audit.record(
        {
          ...origin,
          action: 'my_data.consent_granted',
          subjectId: me.id,
          resourceType: 'consent',
          details: { purpose, textVersion },
        },
        trx,
      );
    });
    return this.overview(me);
  }

  /**
   * Erases my health data (art. 8, 43): one result, or all results, drafts, the safety plan,
   * closed requests for help, daily check-ins, habits and plans (tasks, day blocks, reviews) and
   * counselling appointments — a booking still ahead is cancelled with it, freeing the slot
   * (docs/decisions/040-booking.md). Open requests for help stay while a counsellor may be acting on
   * them. Only my own rows can be named: another person's result id is a 404 and nothing moves.
   * Repeating an erasure of everything erases nothing more and answers the same way.
   */
  async erase(me: Me, body: ErasureBody, origin: AuditOrigin): Promise<ErasureView> {
    const { db, kind, clock, audit, assessments, safetyPlans, crisis, checkIns, habits, planner, booking, referrals } =
      this.deps;
    const { peerGroups, returnToWork } = this.deps;
    await prepareSecureDelete(db, kind);
    const view = await db.transaction().execute(async (trx) => {
      const now = clock.now().toISOString();
      const all = body.scope === 'all';
      const resultIds = all
        ? await assessments.ownResultIds(trx, me.id, me.agencyId)
        : body.scope === 'result'
          ? await assessments.ownResultIds(trx, me.id, me.agencyId, body.resultId)
          : [];
      if (body.scope === 'result' && resultIds.length === 0) throw new AppError(404, 'result_not_found');
      const erased = {
        results: await assessments.eraseResults(trx, { agencyId: me.agencyId, personId: me.id }, resultIds, now),
        drafts: all || body.scope === 'drafts' ? await assessments.eraseOwnDrafts(trx, me.id, me.agencyId) : 0,
        safetyPlan: all || body.scope === 'safety_plan' ? await safetyPlans.eraseOwn(trx, me.id, me.agencyId) : 0,
        closedHelpRequests:
          all || body.scope === 'closed_help_requests' ? await crisis.eraseOwnClosed(trx, me.id, me.agencyId) : 0,
        checkIns: all ? await checkIns.eraseOwn(trx, me.id, me.agencyId) : 0,
        everyday: all
          ? (await habits.eraseOwn(trx, me.id, me.agencyId)) + (await planner.eraseOwn(trx, me.id, me.agencyId))
          : 0,
        appointments: all ? await booking.eraseOwn(trx, me.id, me.agencyId) : 0,
        referrals: all ? await referrals.eraseOwn(trx, me.id, me.agencyId) : 0,
        // The person leaves every group (their seats open) and their plans go with their check-ins.
        peerGroups: all ? await peerGroups.eraseOwn(trx, me.id) : 0,
        returnPlans: all ? await returnToWork.eraseOwn(trx, me.id, me.agencyId) : 0,
      };
      const holdings = await this.holdings(trx, me);
      const requestId = newId();
      await insertDataRequest(trx, {
        ...request(
          me,
          'erasure',
          'completed',
          { scope: body.scope, erased, keptOpenHelpRequests: holdings.openHelpRequests },
          now,
          now,
        ),
        id: requestId,
      });
      // The audit entry says that an erasure happened and of what kind; no counts, no ids, no values.
      await audit.record(
        {
          ...origin,
          action: 'my_data.erased',
          subjectId: me.id,
          resourceType: 'health_data',
          details: { scope: body.scope },
        },
        trx,
      );
      return { erased, keptOpenHelpRequests: holdings.openHelpRequests, requestId };
    });
    await flushErasure(db, kind);
    return view;
  }

  /** Asks the agency admin to correct a field the HR import owns (art. 6, 14); recorded and open. */
  async requestCorrection(me: Me, body: CorrectionBody, origin: AuditOrigin): Promise<MyDataView['requests'][number]> {
    const { db, clock, audit } = this.deps;
    return db.transaction().execute(async (trx) => {
      const now = clock.now().toISOString();
      const row = request(
        me,
        'correction',
        'open',
        { field: body.field, requestedValue: body.requestedValue, reason: body.reason ?? null },
        now,
        null,
      );
      await insertDataRequest(trx, row);
      await audit.record(
        {
          ...origin,
          action: 'my_data.correction_requested',
          subjectId: me.id,
          resourceType: 'data_request',
          resourceId: row.id,
          details: { field: body.field },
        },
        trx,
      );
      return presentRequest(row);
    });
  }

  /** The agency's correction requests, open ones first (agency admin). */
  async corrections(agencyId: string): Promise<z.infer<typeof correctionList>> {
    const rows = await findCorrectionRequests(this.deps.db, agencyId);
    return {
      items: rows.map((r) => {
        const d = (parse(r.details) ?? {}) as {
          field: z.infer<typeof correctionList>['items'][number]['field'];
          requestedValue: string;
          reason: string | null;
        };
        return {
          id: r.id,
          person: { id: r.person_id, fullName: r.person_name },
          field: d.field,
          requestedValue: d.requestedValue,
          reason: d.reason ?? null,
          status: r.status as 'open' | 'resolved' | 'rejected',
          createdAt: r.created_at,
          completedAt: r.completed_at,
          resolutionNote: r.resolution_note,
        };
      }),
    };
  }

  /** Marks a correction request done or refused, with a note the person reads. */
  async resolveCorrection(
    agencyId: string,
    id: string,
    body: z.infer<typeof resolveCorrectionBody>,
    origin: AuditOrigin,
  ): Promise<void> {
    const { db, clock, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await findCorrectionRequest(trx, agencyId, id);
      if (!row) throw notFound();
      const done = await resolveCorrectionRequest(trx, id, {
        status: body.outcome,
        resolvedBy: origin.actorId ?? '',
        note: body.note ?? null,
        at: clock.now().toISOString(),
      });
      if (!done) throw new AppError(409, 'correction_already_answered');
      await audit.record(
        {
          ...origin,
          action: 'my_data.correction_resolved',
          subjectId: row.person_id,
          resourceType: 'data_request',
          resourceId: id,
          details: { outcome: body.outcome },
        },
        trx,
      );
    });
  }

  /** How much health data the person holds now, for the My data page: counted by each owner. */
  private async holdings(db: Kysely<Database>, me: Me) {
    const { assessments, safetyPlans, crisis, checkIns, habits, planner, booking, referrals } = this.deps;
    const [own, plan, requests, days, habitCount, plannerCount, appointments, letters, peerGroups, returnPlans] =
      await Promise.all([
        assessments.countOwn(db, me.id, me.agencyId),
        safetyPlans.ownPlan(db, me.id, me.agencyId),
        crisis.countOwn(db, me.id, me.agencyId),
        checkIns.countOwn(db, me.id, me.agencyId),
        habits.countOwn(db, me.id, me.agencyId),
        planner.countOwn(db, me.id, me.agencyId),
        booking.countOwn(db, me.id, me.agencyId),
        referrals.countOwn(db, me.id, me.agencyId),
        this.deps.peerGroups.countOwn(db, me.id),
        this.deps.returnToWork.countOwn(db, me.id, me.agencyId),
      ]);
    return {
      results: own.results,
      drafts: own.drafts,
      safetyPlan: plan !== undefined,
      closedHelpRequests: requests.closed,
      openHelpRequests: requests.open,
      activeShares: own.activeShares,
      checkIns: days,
      everyday: habitCount + plannerCount,
      appointments,
      referrals: letters,
      peerGroups,
      returnPlans,
    };
  }

  /** Reads everything of mine for an export, opening what is encrypted. */
  private async collect(db: Kysely<Database>, me: Me, now: string): Promise<MyDataExport> {
    const { keys, assessments, campaigns: campaignService, safetyPlans, crisis } = this.deps;
    const profile = await findProfile(db, me.id, me.agencyId);
    if (!profile) throw notFound();
    const [
      grants,
      results,
      drafts,
      plan,
      help,
      shares,
      consents,
      choices,
      sessions,
      notifications,
      campaigns,
      accessLog,
      activity,
      requests,
      habits,
      planner,
      checkIns,
      personalHours,
      appointments,
      sessionNotes,
      counsellingConsents,
      referrals,
      peerGroupMemberships,
      returnPlans,
      surveys,
      suggestions,
    ] = await Promise.all([
      findRoleGrants(db, me.id, me.agencyId),
      assessments.ownResults(db, me.id),
      assessments.ownDrafts(db, me.id),
      safetyPlans.ownPlan(db, me.id, me.agencyId),
      crisis.ownRequests(db, me.id, me.agencyId),
      assessments.ownShares(db, me.id, me.agencyId),
      assessments.consentRecords(db, me.id, me.agencyId),
      findConsentChoices(db, me.id),
      findSessions(db, me.id),
      findNotifications(db, me.id, me.agencyId),
      campaignService.membershipsOf(db, me.id, me.agencyId),
      findAuditAbout(db, me.id, me.agencyId, true),
      findAuditAbout(db, me.id, me.agencyId, false),
      findDataRequests(db, me.id, me.agencyId),
      this.deps.habits.ownCopy(db, me),
      this.deps.planner.ownCopy(db, me),
      this.deps.checkIns.ownCopy(db, me),
      this.deps.boundaries.ownHours(db, me),
      this.deps.booking.ownCopy(db, me),
      this.deps.notes.ownCopy(db, me),
      this.deps.counsellingConsents.ownCopy(db, me),
      this.deps.referrals.ownCopy(db, me),
      this.deps.peerGroups.ownCopy(db, me),
      this.deps.returnToWork.ownCopy(db, me),
      this.deps.surveys.ownCopy(db, me),
      this.deps.suggestions.ownCopy(db, me),
    ]);
    return buildExport({
      keys,
      locale: me.locale,
      now,
      profile,
      grants,
      results,
      drafts,
      plan,
      help,
      shares,
      consents,
      choices,
      sessions,
      notifications,
      campaigns,
      accessLog,
      activity,
      requests: requests.map(presentRequest),
      habits,
      planner,
      checkIns,
      personalHours,
      appointments,
      sessionNotes,
      counsellingConsents,
      referrals,
      peerGroupMemberships,
      returnPlans,
      surveys,
      suggestions,
    });
  }
}

function request(
  me: Me,
  kind: string,
  status: string,
  details: Record<string, unknown>,
  at: string,
  completedAt: string | null,
): DataRequestRow {
  return {
    id: newId(),
    agency_id: me.agencyId,
    person_id: me.id,
    kind,
    status,
    details: JSON.stringify(details),
    created_at: at,
    completed_at: completedAt,
    resolved_by: null,
    resolution_note: null,
  };
}

function presentRequest(r: DataRequestRow): MyDataView['requests'][number] {
  return {
    id: r.id,
    kind: r.kind as MyDataView['requests'][number]['kind'],
    status: r.status as MyDataView['requests'][number]['status'],
    details: parse(r.details),
    createdAt: r.created_at,
    completedAt: r.completed_at,
    resolutionNote: r.resolution_note,
  };
}
