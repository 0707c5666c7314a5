import type { SafetyPlanContent } from '../../../contracts/safety-plan.js';
import type { MyDataView } from '../../../contracts/my-data.js';
import { nextStepFor } from '../../../domain/assessments/next-step.js';
import { INSTRUMENTS } from '../../../domain/instruments/catalog.js';
import type { InstrumentId } from '../../../domain/instruments/types.js';
import type { Locale } from '../../../i18n/locales.js';
import type { KeyRing } from '../../crypto.js';
import { openAnswers, openResult, type AssessmentService } from '../assessments/index.js';
import type { CampaignService } from '../campaigns/index.js';
import type { SurveyService } from '../surveys/index.js';
import type { SuggestionService } from '../suggestions/index.js';
import type { CrisisService } from '../help/index.js';
import { bandLabelOf } from '../instruments/index.js';
import type { SafetyPlanRow } from '../safety-plan/index.js';
import type { HabitService } from '../habits/index.js';
import type { PlannerService } from '../planner/index.js';
import type { CheckInService } from '../check-ins/index.js';
import type { BookingService } from '../booking/index.js';
import type { NotesService } from '../notes/index.js';
import type { ConsentService } from '../consent/index.js';
import type { ReferralService } from '../referrals/index.js';
import type { PeerGroupService } from '../peer-groups/index.js';
import type { ReturnToWorkService } from '../return-to-work/index.js';
import type {
  ConsentChoiceRow,
  findAuditAbout,
  findNotifications,
  findProfile,
  findRoleGrants,
  findSessions,
} from './my-data.repository.js';

type Rows<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export interface ExportSources {
  keys: KeyRing;
  locale: Locale;
  now: string;
  profile: NonNullable<Rows<typeof findProfile>>;
  grants: Rows<typeof findRoleGrants>;
  results: Awaited<ReturnType<AssessmentService['ownResults']>>;
  drafts: Awaited<ReturnType<AssessmentService['ownDrafts']>>;
  plan: SafetyPlanRow | undefined;
  help: Awaited<ReturnType<CrisisService['ownRequests']>>;
  shares: Awaited<ReturnType<AssessmentService['ownShares']>>;
  consents: Awaited<ReturnType<AssessmentService['consentRecords']>>;
  choices: ConsentChoiceRow[];
  sessions: Rows<typeof findSessions>;
  notifications: Rows<typeof findNotifications>;
  campaigns: Awaited<ReturnType<CampaignService['membershipsOf']>>;
  accessLog: Rows<typeof findAuditAbout>;
  activity: Rows<typeof findAuditAbout>;
  requests: MyDataView['requests'];
  /** The self-care plan and time management (docs/decisions/035-self-care-and-plan.md). */
  habits: Awaited<ReturnType<HabitService['ownCopy']>>;
  planner: Awaited<ReturnType<PlannerService['ownCopy']>>;
  checkIns: Awaited<ReturnType<CheckInService['ownCopy']>>;
  personalHours: { start: string; end: string } | null;
  /** Counselling appointments as a client (docs/decisions/040-booking.md). */
  appointments: Awaited<ReturnType<BookingService['ownCopy']>>;
  /** Counsellors' session notes about the person; a withheld one only as such (docs/decisions/041-session-notes.md). */
  sessionNotes: Awaited<ReturnType<NotesService['ownCopy']>>;
  /** Consents to counsellors (docs/decisions/042-counselling-consent.md). */
  counsellingConsents: Awaited<ReturnType<ConsentService['ownCopy']>>;
  /** Referral letters as a client (docs/decisions/044-referrals.md). */
  referrals: Awaited<ReturnType<ReferralService['ownCopy']>>;
  /** Peer-group memberships and return-to-work plans (docs/decisions/045-peer-groups-and-return-to-work.md). */
  peerGroupMemberships: Awaited<ReturnType<PeerGroupService['ownCopy']>>;
  returnPlans: Awaited<ReturnType<ReturnToWorkService['ownCopy']>>;
  /** Climate surveys asked and whether answered (docs/decisions/048-climate-surveys.md). */
  surveys: Awaited<ReturnType<SurveyService['ownCopy']>>;
  /** The suggestion box (docs/decisions/052-suggestion-box.md): today's count only. */
  suggestions: Awaited<ReturnType<SuggestionService['ownCopy']>>;
}

/**
 * The machine-readable copy (UU PDP art. 13): plain JSON with stable English keys, times in
 * ISO-8601 UTC. About anyone else it holds only names: of the people who read my data, of the
 * counsellors I shared with, of my manager — never their ids, contacts or anything of theirs.
 */
export function buildExport(s: ExportSources) {
  const open = (sealed: string | null) => (sealed ? s.keys.decrypt(sealed) : null);
  const instrumentName = (id: string) => INSTRUMENTS[id as InstrumentId]?.name[s.locale] ?? id;
  return {
    format: 'teduh.my-data',
    formatVersion: 1,
    generatedAt: s.now,
    language: s.locale,
    profile: {
      fullName: s.profile.full_name,
      preferredName: s.profile.preferred_name,
      nip: s.profile.nip,
      email: s.profile.email,
      phone: s.profile.phone,
      position: s.profile.position,
      employmentType: s.profile.employment_type,
      unit: s.profile.unit_name,
      timeZone: s.profile.time_zone,
      agency: s.profile.agency_name,
      manager: s.profile.manager_name,
      language: s.profile.locale,
      active: s.profile.is_active === 1,
      createdAt: s.profile.created_at,
      updatedAt: s.profile.updated_at,
    },
    roleGrants: s.grants.map((g) => ({ role: g.role, unit: g.unit_name, grantedAt: g.granted_at })),
    assessmentResults: s.results.map((r) => {
      const result = openResult(s.keys, r);
      return {
        id: r.id,
        instrumentId: r.instrument_id,
        instrument: instrumentName(r.instrument_id),
        instrumentVersion: r.instrument_version,
        createdAt: r.created_at,
        partOfCampaign: r.campaign_id !== null,
        answers: openAnswers(s.keys, r.answers_enc),
        result,
        band: bandLabelOf(INSTRUMENTS[r.instrument_id as InstrumentId], result.band, s.locale),
        nextStep: nextStepFor(result).step,
      };
    }),
    drafts: s.drafts.map((d) => ({
      instrumentId: d.instrument_id,
      instrument: instrumentName(d.instrument_id),
      answers: openAnswers(s.keys, d.answers_enc),
      currentIndex: d.current_index,
      updatedAt: d.updated_at,
    })),
    safetyPlan: s.plan
      ? {
          version: s.plan.version,
          plan: JSON.parse(s.keys.decrypt(s.plan.plan_enc)) as SafetyPlanContent,
          createdAt: s.plan.created_at,
          updatedAt: s.plan.updated_at,
        }
      : null,
    helpRequests: s.help.map((h) => ({
      id: h.id,
      source: h.source,
      contactMethod: h.contact_method,
      contact: open(h.contact_enc),
      preferredTime: h.preferred_time,
      note: open(h.note_enc),
      status: h.status,
      createdAt: h.created_at,
      acknowledgedAt: h.acknowledged_at,
      closedAt: h.closed_at,
    })),
    shares: s.shares.map((x) => ({
      resultId: x.result_id,
      counsellor: x.counsellor_name,
      grantedAt: x.granted_at,
      revokedAt: x.revoked_at,
    })),
    consents: s.consents.map((c) => ({
      purpose: c.purpose,
      textVersion: c.text_version,
      channel: c.channel,
      counsellor: c.counsellor_name,
      grantedAt: c.granted_at,
      withdrawnAt: c.withdrawn_at,
    })),
    consentChoices: s.choices.map((c) => ({ purpose: c.purpose, granted: c.granted === 1, changedAt: c.changed_at })),
    sessions: s.sessions.map((x) => ({
      createdAt: x.created_at,
      lastSeenAt: x.last_seen_at,
      expiresAt: x.expires_at,
      ipAddress: x.ip,
      browser: x.user_agent,
    })),
    notifications: s.notifications.map((n) => ({
      kind: n.kind,
      content: withoutIds(JSON.parse(n.payload) as Record<string, unknown>),
      createdAt: n.created_at,
      readAt: n.read_at,
      /** Held outside the person's hours until then; null once delivered (docs/boundaries.md). */
      heldUntil: n.held_until,
    })),
    campaignInvitations: s.campaigns.map((c) => ({
      campaign: c.title,
      status: c.status,
      invitedAt: c.invited_at,
      lastRemindedAt: c.last_reminded_at,
    })),
    accessLog: s.accessLog.map((e) => ({
      occurredAt: e.occurred_at,
      action: e.action,
      by: e.actor_name,
      role: e.actor_role,
      purpose: e.purpose,
      record: e.resource_type,
    })),
    myActivity: s.activity.map((e) => ({ occurredAt: e.occurred_at, action: e.action, outcome: e.outcome })),
    dataRequests: s.requests,
    checkIns: s.checkIns,
    selfCare: { habits: s.habits },
    timeManagement: s.planner,
    /** My own hours for routine messages and the day planner; null: the agency's hours. */
    personalHours: s.personalHours,
    /** Counselling appointments as a client; times in UTC, the reason and cancellation words their own. */
    counsellingAppointments: s.appointments,
    /**
     * Counsellors' notes of my sessions, in words. A note its counsellor withheld from my copy (UU PDP
     * art. 33) appears with its date, `withheld: true` and the reason, never its content.
     */
    sessionNotes: s.sessionNotes,
    /** Consents to counsellors, with the version and SHA-256 of the words agreed to; counsellors by name. */
    counsellingConsents: s.counsellingConsents,
    /** Referral letters as a client: where to, the words, the card number and scores, and what the letter may print. */
    referrals: s.referrals,
    /** The peer groups I joined: the group's topic and the display name I chose. */
    peerGroupMemberships: s.peerGroupMemberships,
    /** Return-to-work plans as the client: dates, workload, check-ins and the evaluation, opened. */
    returnToWorkPlans: s.returnPlans,
    /** Surveys I was asked and whether I answered; the answers carry no name, so they cannot be found again. */
    surveys: s.surveys,
    /** Suggestions I sent today (kept for the day only, to limit sends); what I wrote carries no name and cannot be found again. */
    suggestionsSentToday: s.suggestions.sentToday,
  };
}

/**
 * A notification's content without record ids: a counsellor's alert names someone else's request
 * by id, and an export holds nothing of anyone else.
 */
function withoutIds(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([key]) => !/id$/i.test(key)));
}

export type MyDataExport = ReturnType<typeof buildExport>;
