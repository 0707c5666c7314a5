import type { Database } from '../../db/schema.js';

/**
 * Who owns which table (docs/decisions/016-module-boundaries.md). Only the owner writes a table and
 * only the owner's repositories read it, with two kinds of exception listed below: the org
 * directory read model, and recorded cross-module reads. `table-owners.test.ts` checks every
 * `*.repository.ts` against this file.
 */
export type TableName = keyof Database;

/** Server modules, plus the two places outside modules that own a table (`plugins`, `http`). */
export type Owner =
  | 'agency'
  | 'articles'
  | 'assessments'
  | 'audit'
  | 'boundaries'
  | 'auth'
  | 'campaigns'
  | 'check-ins'
  | 'dpo'
  | 'help'
  | 'imports'
  | 'jobs'
  | 'mail'
  | 'my-data'
  | 'notifications'
  | 'org'
  | 'safety-plan'
  | 'habits'
  | 'planner'
  | 'booking'
  | 'notes'
  | 'consent'
  | 'referrals'
  | 'peer-groups'
  | 'return-to-work'
  | 'surveys'
  | 'committee'
  | 'focus-groups'
  | 'suggestions'
  | 'survey-actions'
  | 'setup'
  | 'plugins'
  | 'http';

export const TABLE_OWNERS: Record<TableName, Owner> = {
  agencies: 'agency',
  org_units: 'org',
  people: 'org',
  role_assignments: 'org',
  role_requests: 'org',
  credentials: 'auth',
  recovery_codes: 'auth',
  sessions: 'auth',
  auth_tokens: 'auth',
  sign_in_throttle: 'auth',
  recovery_holds: 'auth',
  instance_state: 'setup',
  audit_log: 'audit',
  email_outbox: 'mail',
  jobs: 'jobs',
  imports: 'imports',
  assessment_drafts: 'assessments',
  assessment_results: 'assessments',
  consents: 'assessments',
  result_shares: 'assessments',
  help_contacts: 'help',
  crisis_requests: 'help',
  safety_plans: 'safety-plan',
  agency_articles: 'articles',
  check_ins: 'check-ins',
  habits: 'habits',
  habit_ticks: 'habits',
  plan_tasks: 'planner',
  plan_blocks: 'planner',
  plan_reviews: 'planner',
  counsellor_profiles: 'booking',
  counsellor_availability: 'booking',
  counsellor_exceptions: 'booking',
  appointments: 'booking',
  agency_data_keys: 'notes',
  session_notes: 'notes',
  break_glass_grants: 'notes',
  counselling_consents: 'consent',
  referrals: 'referrals',
  peer_groups: 'peer-groups',
  peer_group_members: 'peer-groups',
  peer_group_cancellations: 'peer-groups',
  return_plans: 'return-to-work',
  return_plan_checkins: 'return-to-work',
  surveys: 'surveys',
  survey_profiles: 'surveys',
  survey_members: 'surveys',
  survey_participation: 'surveys',
  survey_pending: 'surveys',
  survey_responses: 'surveys',
  survey_comments: 'surveys',
  survey_tallies: 'surveys',
  survey_results: 'surveys',
  committee_members: 'committee',
  committee_meetings: 'committee',
  focus_groups: 'focus-groups',
  focus_group_invitations: 'focus-groups',
  suggestion_daily: 'suggestions',
  suggestion_pending: 'suggestions',
  suggestion_releases: 'suggestions',
  suggestions: 'suggestions',
  survey_publications: 'survey-actions',
  survey_actions: 'survey-actions',
  survey_action_notes: 'survey-actions',
  survey_action_follow_ups: 'survey-actions',
  notifications: 'notifications',
  campaigns: 'campaigns',
  campaign_members: 'campaigns',
  campaign_stat_snapshots: 'campaigns',
  campaign_publications: 'campaigns',
  data_requests: 'my-data',
  consent_choices: 'my-data',
  denied_reads: 'dpo',
  dpo_alerts: 'dpo',
  processing_activities: 'dpo',
  breaches: 'dpo',
  retention_policies: 'dpo',
  retention_runs: 'dpo',
  idempotency_keys: 'plugins',
  rate_limit_counters: 'http',
  agency_calendar_days: 'boundaries',
  agency_ramadan: 'boundaries',
  personal_boundaries: 'boundaries',
};

/**
 * The org directory read model: who works where, in which agency, holding which role. Any module's
 * repository may read these tables (never write them) where a join is needed for one query;
 * stand-alone lookups go through `OrgDirectory` (org/index.ts).
 */
export const READ_MODEL_TABLES: readonly TableName[] = ['agencies', 'org_units', 'people', 'role_assignments'];

/** A read of another module's table that is neither the read model nor through the owner's service. */
export interface RecordedRead {
  /** The module (or `plugins` / `http`) whose repository reads the table. */
  module: string;
  table: TableName;
  why: string;
}

export const RECORDED_READS: readonly RecordedRead[] = [
  {
    module: 'committee',
    table: 'surveys',
    why: 'An agenda item or a focus group links to a survey theme: the titles and theme names of the agency’s surveys past their draft are read to offer and label the link; never a result (docs/decisions/053-committee-and-focus-groups.md).',
  },
  // --- Core modules (org, auth, agency, imports, platform, setup, audit, mail, jobs, health) ---
  {
    module: 'org',
    table: 'credentials',
    why: 'The people list and the person record show, for a whole page in one query, who has signed up and who uses two-step sign-in.',
  },
  {
    module: 'org',
    table: 'auth_tokens',
    why: 'The people list and the person record show, for a whole page in one query, whose invitation is still pending.',
  },
  {
    module: 'agency',
    table: 'credentials',
    why: "The admin's home page counts the agency's signed-up people in one query (a count, no secret is read).",
  },
  {
    module: 'agency',
    table: 'auth_tokens',
    why: "The admin's home page counts the agency's pending invitations in one query (a count, no token is read).",
  },
  // --- Assessments, campaigns, DPO, my data, help, safety plan, counselling ---
  {
    module: 'assessments',
    table: 'audit_log',
    why: "The person's access log ('who looked at my data') pages through audit entries about them written by someone else, with each reader's name, in one keyset query; a counsellor's shared-results list marks as new the shares they have no audited opening of yet.",
  },
  {
    module: 'campaigns',
    table: 'assessment_results',
    why: 'Campaign statistics, progress and the reminder sweep count members’ results per unit and instrument in one SQL pass; only suppressed aggregates leave the query.',
  },
  {
    module: 'campaigns',
    table: 'audit_log',
    why: 'A statistics view is audited once per publication: whether this reader already saw these very figures is looked up in the audit log.',
  },
  {
    module: 'campaigns',
    table: 'notifications',
    why: 'A campaign message job checks its dedupe key under the member lock, in the transaction that then writes the notification (through NotificationService) and queues the email.',
  },
  {
    module: 'campaigns',
    table: 'jobs',
    why: 'The reminder sweep skips reminders already queued (waiting for working hours) by their dedupe keys, in one query per campaign.',
  },
  {
    module: 'dpo',
    table: 'audit_log',
    why: "The DPO's unusual-exports alert counts audited exports per reader across agencies since a moment, in one aggregate.",
  },
  {
    module: 'my-data',
    table: 'sessions',
    why: "The person's copy of their data lists their own sessions (devices and times; never the token or CSRF secret).",
  },
  {
    module: 'my-data',
    table: 'notifications',
    why: "The person's copy of their data lists their own in-app notifications.",
  },
  {
    module: 'my-data',
    table: 'audit_log',
    why: "The person's copy of their data lists the audit entries about them and by them, with the actors' names.",
  },
  {
    module: 'help',
    table: 'jobs',
    why: 'The crisis outbox alarm counts undelivered crisis.notify jobs and the age of the oldest in one aggregate (a request for help must reach a counsellor within minutes).',
  },
  {
    module: 'notes',
    table: 'appointments',
    why: "A session note hangs on an appointment: writing or opening one reads that appointment's counsellor, client, time and status in the same query, keyed by the agency and the signed-in counsellor (docs/decisions/041-session-notes.md); nothing else of the booking is read.",
  },
  {
    module: 'survey-actions',
    table: 'surveys',
    why: 'A publication and its actions hang on a closed survey: its agency, target units, frozen unit tree, themes and member count are read with them (docs/decisions/051-survey-publication-and-actions.md).',
  },
  {
    module: 'survey-actions',
    table: 'survey_results',
    why: 'Publishing copies the figures of the stored, already suppressed results view; it never recomputes one.',
  },
  {
    module: 'survey-actions',
    table: 'survey_members',
    why: 'The frozen members of a survey are its publication’s audience: who is notified and who may read it (their unit then, for the actions of their unit subtree).',
  },
];

/** Writes to another module's table that are allowed on purpose (docs/decisions/016-module-boundaries.md). */
export const WRITE_EXCEPTIONS: readonly { module: string; why: string }[] = [
  {
    module: 'cli/demo',
    why: 'The demo seeder (`teduh demo`) fills an empty install with a whole fictional agency in bulk; it is not a path real data takes.',
  },
];
