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
  | 'assessments'
  | 'audit'
  | 'auth'
  | 'campaigns'
  | 'dpo'
  | 'help'
  | 'imports'
  | 'jobs'
  | 'mail'
  | 'my-data'
  | 'notifications'
  | 'org'
  | 'safety-plan'
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
  notifications: 'notifications',
  campaigns: 'campaigns',
  campaign_members: 'campaigns',
  campaign_stat_snapshots: 'campaigns',
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
  // --- Assessments, campaigns, DPO, my data, help, safety plan, counselling (part S2 adds its reads here) ---
];

/** Writes to another module's table that are allowed on purpose (docs/decisions/016-module-boundaries.md). */
export const WRITE_EXCEPTIONS: readonly { module: string; why: string }[] = [
  {
    module: 'cli/demo',
    why: 'The demo seeder (`teduh demo`) fills an empty install with a whole fictional agency in bulk; it is not a path real data takes.',
  },
];
