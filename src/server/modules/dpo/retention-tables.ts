import type { RetentionClass } from '../../../domain/privacy-office/retention.js';
import type { TableName } from '../table-owners.js';

/**
 * Every table against the retention schedule (docs/privacy.md §6; docs/decisions/039-everyday-edges.md):
 * either the retention class whose rule the nightly job applies to it, or why no clock applies —
 * kept while the account or agency exists and erased with it, append-only, or configuration that
 * holds no one's personal data. The record is exhaustive by type (a table added to `schema.ts`
 * without an entry does not compile), and `retention-schedule.test.ts` compares it with the tables
 * the migrations really create, so a migration that adds a table nobody scheduled fails the tests.
 */
export type TableRetention =
  | { class: RetentionClass }
  | {
      /** No clock: why. */
      kept: 'while_account' | 'while_agency' | 'append_only' | 'configuration' | 'short_lived' | 'consent_proof';
    };

export const TABLE_RETENTION: Record<TableName, TableRetention> = {
  instance_state: { kept: 'configuration' },
  agencies: { kept: 'while_agency' },
  org_units: { kept: 'while_agency' },
  people: { kept: 'while_account' },
  credentials: { kept: 'while_account' },
  recovery_codes: { kept: 'while_account' },
  role_assignments: { kept: 'while_account' },
  sessions: { class: 'sessions' },
  auth_tokens: { kept: 'short_lived' },
  sign_in_throttle: { kept: 'short_lived' },
  audit_log: { kept: 'append_only' },
  email_outbox: { class: 'email_outbox' },
  jobs: { kept: 'short_lived' },
  idempotency_keys: { kept: 'short_lived' },
  imports: { kept: 'while_agency' },
  assessment_drafts: { class: 'assessment_drafts' },
  assessment_results: { class: 'assessment_results' },
  consents: { kept: 'consent_proof' },
  result_shares: { class: 'assessment_results' },
  help_contacts: { kept: 'configuration' },
  crisis_requests: { class: 'crisis_requests_closed' },
  // Held notifications (held_until set) are the same rows, counted from when they were made.
  notifications: { class: 'notifications' },
  campaigns: { kept: 'while_agency' },
  campaign_members: { kept: 'while_agency' },
  campaign_stat_snapshots: { kept: 'while_agency' },
  campaign_publications: { kept: 'while_agency' },
  safety_plans: { kept: 'while_account' },
  agency_articles: { kept: 'configuration' },
  check_ins: { class: 'check_ins' },
  rate_limit_counters: { kept: 'short_lived' },
  data_requests: { kept: 'consent_proof' },
  consent_choices: { kept: 'consent_proof' },
  recovery_holds: { kept: 'short_lived' },
  role_requests: { kept: 'while_agency' },
  denied_reads: { class: 'denied_reads' },
  dpo_alerts: { kept: 'while_agency' },
  processing_activities: { kept: 'configuration' },
  breaches: { kept: 'while_agency' },
  retention_policies: { kept: 'configuration' },
  retention_runs: { kept: 'while_agency' },
  agency_calendar_days: { kept: 'configuration' },
  agency_ramadan: { kept: 'configuration' },
  // The person's own hours: a setting, kept while they keep it, erased with the account.
  personal_boundaries: { kept: 'while_account' },
  // A habit is the person's live plan (removed on its own screen); its ticks age out.
  habits: { kept: 'while_account' },
  habit_ticks: { class: 'habit_ticks' },
  plan_tasks: { class: 'time_management' },
  plan_blocks: { class: 'time_management' },
  plan_reviews: { class: 'time_management' },
  // The agency's counselling service: a counsellor's profile, weekly hours and leave. Not
  // 'while_account': no path erases an account (a person is deactivated, never deleted), and these
  // rows are not health data of the counsellor but how the agency offers counselling, so they stay
  // while the agency does. The counsellor changes or hides them on their own screen; leave that has
  // passed is no longer read (docs/decisions/040-booking.md).
  counsellor_profiles: { kept: 'while_agency' },
  counsellor_availability: { kept: 'while_agency' },
  counsellor_exceptions: { kept: 'while_agency' },
  // Counted from the appointment's end, whatever its status; a booking still ahead is never erased.
  appointments: { class: 'appointments' },
  // Session notes (docs/decisions/041-session-notes.md): counted from the client's last session with
  // a note; break-glass records go with the same clock. A data key is erased by no clock: it is kept
  // while any note may name it (rotation retires it once none does) and with the agency.
  session_notes: { class: 'session_notes' },
  break_glass_grants: { class: 'session_notes' },
  agency_data_keys: { kept: 'while_agency' },
  // A consent is the proof of what a counsellor was allowed to see and when (decision 042): kept like
  // the other consent evidence, for as long as the records it governs can exist.
  counselling_consents: { kept: 'consent_proof' },
  // Counted from the letter's expiry, whatever its status (docs/decisions/044-referrals.md).
  referrals: { class: 'referrals' },
  // Peer groups (docs/decisions/045-peer-groups-and-return-to-work.md): counted from when the group
  // was closed, the group with its memberships and called-off dates; a called-off date of an open
  // group from its own day. A member can also leave, or erase all under My data, at any time.
  peer_groups: { class: 'peer_groups' },
  peer_group_cancellations: { class: 'peer_groups' },
  peer_group_members: { class: 'peer_groups' },
  // Counted from when the counsellor closed the plan, its check-in points with it; open plans stay.
  return_plans: { class: 'return_plans' },
  return_plan_checkins: { class: 'return_plans' },
  // The wellbeing committee and focus groups (docs/decisions/053-committee-and-focus-groups.md): the
  // agency's own governance records (who sat on the committee, what it decided, what a focus group
  // heard), kept like campaigns while the agency is. They hold no health data; an invitation holds
  // only an answer (never a reason), seen by the facilitator and the admin.
  committee_members: { kept: 'while_agency' },
  committee_meetings: { kept: 'while_agency' },
  focus_groups: { kept: 'while_agency' },
  focus_group_invitations: { kept: 'while_agency' },
  // Climate surveys (decision 048): the survey and its anonymous answers and tallies are the
  // agency's; who was asked and who answered are the person's, erased with their account.
  surveys: { kept: 'while_agency' },
  survey_profiles: { kept: 'while_agency' },
  survey_members: { kept: 'while_account' },
  survey_participation: { kept: 'while_account' },
  survey_pending: { kept: 'while_agency' },
  survey_responses: { kept: 'while_agency' },
  survey_comments: { kept: 'while_agency' },
  survey_tallies: { kept: 'while_agency' },
  survey_results: { kept: 'while_agency' },
  // The suggestion box (decision 052): the texts are the agency's and name no one; the daily
  // counter is the person's and lives for its day: the release sweep deletes earlier days.
  suggestion_daily: { kept: 'short_lived' },
  suggestion_pending: { kept: 'while_agency' },
  suggestion_releases: { kept: 'while_agency' },
  suggestions: { kept: 'while_agency' },
  // What the agency published and decided about a survey: organisational records, kept with the survey.
  survey_publications: { kept: 'while_agency' },
  survey_actions: { kept: 'while_agency' },
  survey_action_notes: { kept: 'while_agency' },
  // Figures copied from stored results that already obey k (migration 0029).
  survey_action_follow_ups: { kept: 'while_agency' },
};

/** The tables a retention class covers (for the DPO's schedule and the job's counts). */
export function tablesOf(dataClass: RetentionClass): TableName[] {
  return (Object.keys(TABLE_RETENTION) as TableName[]).filter((t) => {
    const r = TABLE_RETENTION[t];
    return 'class' in r && r.class === dataClass;
  });
}
