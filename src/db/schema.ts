/**
 * Table types for Kysely. Kept by hand beside the migrations (see docs/decisions/002-database.md):
 * every column is portable between SQLite and PostgreSQL — times are ISO-8601 UTC text, flags are
 * 0/1 integers, JSON is text parsed in the repository.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** ISO-8601 UTC timestamp text, e.g. 2026-11-22T07:25:00.000Z. */
export type Timestamp = string;
/** 0 or 1. */
export type Flag = number;

export interface InstanceStateTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

export interface AgenciesTable {
  id: string;
  name: string;
  short_name: string;
  kind: string;
  time_zone: string;
  anonymity_threshold: number;
  dpo_name: string | null;
  dpo_email: string | null;
  /** 1: a crisis answer is told to the agency's duty counsellors (the consent text says so). */
  disclosed_safety_outreach: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrgUnitsTable {
  id: string;
  agency_id: string;
  parent_id: string | null;
  name: string;
  code: string;
  time_zone: string;
  is_active: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PeopleTable {
  id: string;
  agency_id: string;
  unit_id: string;
  full_name: string;
  /** The short name the person chose to be greeted by (migration 0009); null: the first word of full_name. */
  preferred_name: string | null;
  /** NIP (PNS) or NI PPPK, digits only; null for non-ASN staff such as external counsellors. */
  nip: string | null;
  email: string | null;
  /** Lowercased email, for sign-in lookup and uniqueness. */
  email_normalized: string | null;
  phone: string | null;
  position: string | null;
  employment_type: string;
  manager_id: string | null;
  is_active: Flag;
  locale: string;
  /** Lowercased name + NIP + email, for the people search. */
  search_text: string;
  deactivated_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CredentialsTable {
  person_id: string;
  password_hash: string | null;
  password_changed_at: Timestamp | null;
  /** TOTP secret, AES-256-GCM encrypted with the instance key (key id prefix). */
  totp_secret_enc: string | null;
  /** A secret being set up, not yet confirmed with a code. */
  totp_pending_enc: string | null;
  totp_enabled_at: Timestamp | null;
  /** Last accepted TOTP time step: a code is never accepted twice. */
  totp_last_step: number | null;
}

export interface RecoveryCodesTable {
  id: string;
  person_id: string;
  code_hash: string;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

export interface RoleAssignmentsTable {
  id: string;
  agency_id: string;
  person_id: string;
  role: string;
  unit_id: string | null;
  granted_by: string | null;
  granted_at: Timestamp;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  person_id: string;
  agency_id: string;
  /** 'full' | 'two_factor' (password checked, code pending) | 'two_factor_setup' (must enrol). */
  stage: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface AuthTokensTable {
  id: string;
  person_id: string;
  agency_id: string;
  /** 'invite' | 'reset' */
  purpose: string;
  token_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  blocked_until: Timestamp | null;
}

export interface AuditLogTable {
  id: string;
  agency_id: string | null;
  occurred_at: Timestamp;
  actor_id: string | null;
  actor_role: string | null;
  subject_id: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  purpose: string | null;
  outcome: string;
  request_id: string | null;
  /** JSON text of non-health details (changed field names, counts); never health values. */
  details: string | null;
}

export interface EmailOutboxTable {
  id: string;
  agency_id: string | null;
  to_address: string;
  template: string;
  subject: string;
  body_text: string;
  created_at: Timestamp;
  /** 'pending' | 'sent' | 'failed' | 'held' (no SMTP configured) | 'cancelled' (its link was voided before sending). */
  status: string;
  sent_at: Timestamp | null;
  attempts: number;
  last_error: string | null;
  /** Account recovery (decision 011): the full text of an email with a secret link, sealed; null once sent. */
  secret_body_enc: string | null;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  run_at: Timestamp;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: Timestamp | null;
  completed_at: Timestamp | null;
  failed_at: Timestamp | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
}

export interface IdempotencyKeysTable {
  id: string;
  scope: string;
  idem_key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  created_at: Timestamp;
}

export interface ImportsTable {
  id: string;
  agency_id: string;
  kind: string;
  file_name: string;
  status: string;
  total_rows: number;
  processed_rows: number;
  valid_rows: number;
  problem_count: number;
  /** JSON: the validation problems, row by row. */
  report: string | null;
  /** JSON: the parsed rows, kept until committed so a restart loses nothing. */
  rows: string | null;
  mode: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  committed_at: Timestamp | null;
  /** JSON: counts written {created, updated, skipped}. */
  result: string | null;
}

export interface AssessmentDraftsTable {
  id: string;
  agency_id: string;
  person_id: string;
  instrument_id: string;
  instrument_version: string;
  campaign_id: string | null;
  /** Encrypted JSON array of option values or null. */
  answers_enc: string;
  current_index: number;
  serves_public: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AssessmentResultsTable {
  id: string;
  agency_id: string;
  person_id: string;
  instrument_id: string;
  instrument_version: string;
  submission_key: string;
  campaign_id: string | null;
  answers_enc: string;
  /** Encrypted JSON of the docs/instruments.md §15 result object. */
  result_enc: string;
  total: number | null;
  band: string | null;
  crisis: Flag;
  care_step: string | null;
  locale: string;
  created_at: Timestamp;
}

export interface ConsentsTable {
  id: string;
  agency_id: string;
  person_id: string;
  purpose: string;
  text_version: string;
  subject_type: string | null;
  subject_id: string | null;
  channel: string;
  granted_at: Timestamp;
  withdrawn_at: Timestamp | null;
}

export interface ResultSharesTable {
  id: string;
  agency_id: string;
  result_id: string;
  person_id: string;
  counsellor_id: string;
  consent_id: string;
  granted_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface HelpContactsTable {
  id: string;
  agency_id: string;
  kind: string;
  preset: string | null;
  name: string;
  description: string | null;
  phone: string | null;
  url: string | null;
  hours: string;
  sort_order: number;
  is_active: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CrisisRequestsTable {
  id: string;
  agency_id: string;
  person_id: string;
  unit_id: string;
  source: string;
  result_id: string | null;
  contact_method: string | null;
  contact_enc: string | null;
  preferred_time: string | null;
  note_enc: string | null;
  status: string;
  submission_key: string;
  created_at: Timestamp;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** When the person was first reached: a session scheduled for them or the request closed (decision 043). */
  first_contact_at: Timestamp | null;
}

export interface NotificationsTable {
  id: string;
  agency_id: string;
  person_id: string;
  kind: string;
  payload: string;
  dedupe_key: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
  /** Held outside the person's hours (migration 0011): shown as waiting until then; null: delivered. */
  held_until: Timestamp | null;
}

/** Work-hour boundaries (migration 0011, docs/boundaries.md). */
export interface AgencyCalendarDaysTable {
  agency_id: string;
  /** `YYYY-MM-DD`, a local calendar date. */
  date: string;
  /** 'regional': a day off the agency adds; 'not_observed': a cuti bersama it works. */
  kind: 'regional' | 'not_observed';
  name: string;
  created_at: Timestamp;
}

export interface AgencyRamadanTable {
  agency_id: string;
  year: number;
  starts_on: string;
  ends_on: string;
  updated_at: Timestamp;
}

export interface PersonalBoundariesTable {
  person_id: string;
  agency_id: string;
  /** `HH:MM` local wall clock of the person's unit. */
  starts_at: string;
  ends_at: string;
  updated_at: Timestamp;
}

export interface CampaignsTable {
  id: string;
  agency_id: string;
  title: string;
  message: string | null;
  instrument_ids: string;
  unit_ids: string;
  opens_at: Timestamp;
  closes_at: Timestamp;
  reminder_every_days: number;
  status: string;
  anonymity_threshold: number | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  launched_at: Timestamp | null;
  closed_at: Timestamp | null;
}

export interface CampaignMembersTable {
  campaign_id: string;
  person_id: string;
  unit_id: string;
  invited_at: Timestamp;
  last_reminded_at: Timestamp | null;
}

export interface CampaignStatSnapshotsTable {
  campaign_id: string;
  response_count: number;
  payload: string;
  published_at: Timestamp;
  /** Result rows of the campaign at publication (decision 024): a cheap lower bound for A7's check. */
  result_rows: number;
}

/**
 * A publication's suppressed figures for one viewer scope, computed once when the snapshot is
 * published (decision 024): `figures` is the JSON of domain/anonymity's CampaignFigures.
 */
export interface CampaignPublicationsTable {
  campaign_id: string;
  /** `*` for an agency-wide viewer, otherwise the scope's unit ids, sorted and joined by commas. */
  scope_key: string;
  published_at: Timestamp;
  figures: string;
}

/** Rate limits (decision 014): requests counted per rate-limit key in a fixed window, shared by every app instance. */
export interface RateLimitCountersTable {
  /** Policy, rule and whose requests: `figures:person:<uuid>`, `sign-in:address:<ip>`. */
  key: string;
  count: number;
  /** When the window ends (ISO-8601 UTC); a later request starts a new one. */
  expires_at: Timestamp;
}

/** A counsellor's profile: what an employee sees before booking (docs/decisions/040-booking.md). */
export interface CounsellorProfilesTable {
  person_id: string;
  agency_id: string;
  /** konselor | psikolog_klinis | psikiater | dokter */
  kind: string;
  /** Language codes joined by commas, e.g. 'id,jv'. */
  languages: string;
  /** in_person | video | phone, joined by commas. */
  modes: string;
  /** JSON array of place names (in person). */
  locations: string;
  introduction: string;
  /** The external EAP provider the counsellor works for, or null for the agency's own. */
  provider: string | null;
  slot_minutes: number;
  active: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A weekly availability rule, local `HH:MM` in the counsellor's unit time zone. */
export interface CounsellorAvailabilityTable {
  id: string;
  counsellor_id: string;
  agency_id: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  start_time: string;
  end_time: string;
  modes: string;
}

/** Leave or another absence: local dates, both ends included. */
export interface CounsellorExceptionsTable {
  id: string;
  counsellor_id: string;
  agency_id: string;
  starts_on: string;
  ends_on: string;
  /** leave | away */
  kind: string;
  created_at: Timestamp;
}

/** A booking; visible to its client and its counsellor only. */
export interface AppointmentsTable {
  id: string;
  agency_id: string;
  counsellor_id: string;
  client_id: string;
  start_utc: Timestamp;
  end_utc: Timestamp;
  /** in_person | video | phone */
  mode: string;
  /** booked | cancelled | completed | no_show */
  status: string;
  /** Encrypted: what the client wrote for the counsellor. */
  reason_enc: string | null;
  /** The reminders the client chose: day_before, hour_before, joined by commas ('' for none). */
  reminders: string;
  reminded_day_before_at: Timestamp | null;
  reminded_hour_before_at: Timestamp | null;
  confirmed_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  /** client | counsellor */
  cancelled_by: string | null;
  cancel_reason_enc: string | null;
  /** The Idempotency-Key of the booking (unique per client). */
  client_key: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The request for help this first appointment answers, if the counsellor scheduled it from one (decision 043). */
  crisis_request_id: string | null;
  /** 1 when the client asked for their reminders by email too (decision 049); the bell always has them. */
  reminder_email: Generated<number>;
}

/**
 * A client's permission to one counsellor for one kind of data, time-limited and revocable
 * (docs/decisions/042-counselling-consent.md).
 */
export interface CounsellingConsentsTable {
  id: string;
  agency_id: string;
  client_id: string;
  counsellor_id: string;
  /** shared_results | check_in_trends | notes_transfer */
  kind: string;
  /** The counsellor notes may be handed to (notes_transfer only). */
  recipient_id: string | null;
  /** `consent.<kind>.v<n>`: the words the client saw. */
  text_version: string;
  /** SHA-256 (hex) of those words in `text_locale`. */
  text_hash: string;
  text_locale: string;
  /** 3 | 6 | 12 */
  months: number;
  granted_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  /** The Idempotency-Key of the grant (unique per client). */
  client_key: string;
}

/**
 * A referral letter on the BPJS path (docs/decisions/044-referrals.md): the client's and, when a
 * counsellor prepared it, that counsellor's; no one else's.
 */
export interface ReferralsTable {
  id: string;
  agency_id: string;
  client_id: string;
  /** Who prepared it: the client themself or their counsellor. */
  author_id: string;
  /** client | counsellor */
  prepared_by: string;
  /** puskesmas | klinik_pratama | rs_psikolog_klinis | rs_psikiater */
  destination_level: string;
  /** Encrypted: the facility's name, when given. */
  destination_name_enc: string | null;
  /** Encrypted: the reason and summary for the receiving clinician. */
  reason_enc: string | null;
  /** Encrypted: the BPJS card number the client typed. */
  bpjs_number_enc: string | null;
  /** Encrypted JSON: the screening scores the client chose, as they stood when chosen. */
  scores_enc: string | null;
  /** The fields the client approved for the letter, joined by commas ('' for none). */
  approved_fields: string;
  approved_at: Timestamp | null;
  /** prepared | given | visited | closed | cancelled */
  status: string;
  /** Local dates (YYYY-MM-DD) of the letter and its last valid day. */
  issued_on: string;
  expires_on: string;
  given_at: Timestamp | null;
  visited_at: Timestamp | null;
  closed_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  /** The Idempotency-Key of the create (unique per author). */
  client_key: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A peer support group (docs/decisions/045-peer-groups-and-return-to-work.md); no health data. */
export interface PeerGroupsTable {
  id: string;
  agency_id: string;
  facilitator_id: string;
  topic: string;
  description: string;
  /** weekly (weekday) | dates (dates) */
  schedule_kind: string;
  /** ISO weekday, 1 = Monday (weekly groups). */
  weekday: number | null;
  /** JSON array of local dates (dated groups; '[]' for weekly). */
  dates: string;
  /** Local `HH:MM` in time_zone. */
  start_time: string;
  duration_minutes: number;
  time_zone: string;
  /** in_person | online */
  mode: string;
  place: string | null;
  /** Shown to members and the facilitator only. */
  link: string | null;
  capacity: number;
  /** Kept by the join and leave transactions; never above capacity (a check). */
  member_count: number;
  ground_rules: string;
  /** open | closed */
  status: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A member of a peer group under the display name they chose; seen by the facilitator only. */
export interface PeerGroupMembersTable {
  id: string;
  group_id: string;
  agency_id: string;
  person_id: string;
  display_name: string;
  /** The display name lowercased and trimmed: unique per group. */
  display_key: string;
  joined_at: Timestamp;
}

/** A session date of a peer group that the facilitator called off. */
export interface PeerGroupCancellationsTable {
  id: string;
  group_id: string;
  agency_id: string;
  session_date: string;
  created_at: Timestamp;
}

/** A member of the agency's wellbeing committee (docs/decisions/053-committee-and-focus-groups.md). */
export interface CommitteeMembersTable {
  id: string;
  agency_id: string;
  person_id: string;
  /** ketua | sekretaris | anggota | perwakilan_pegawai */
  role: string;
  /** Local dates, both included. */
  term_from: string;
  term_to: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A committee meeting with its agenda and minutes (JSON); no health data. */
export interface CommitteeMeetingsTable {
  id: string;
  agency_id: string;
  title: string;
  starts_at: Timestamp;
  duration_minutes: number;
  time_zone: string;
  place: string | null;
  link: string | null;
  /** JSON array of { id, title, notes, surveyId, themeId }, in order. */
  agenda: string;
  /** scheduled | held | cancelled */
  status: string;
  /** JSON { items: [{ agendaItemId, decisions, followUps }], attendeeIds }, or null before any. */
  minutes: string | null;
  /** none | draft | published */
  minutes_status: string;
  minutes_published_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A focus group to understand a survey result; its summary holds themes heard, no names. */
export interface FocusGroupsTable {
  id: string;
  agency_id: string;
  topic: string;
  survey_id: string | null;
  theme_id: string | null;
  starts_at: Timestamp;
  duration_minutes: number;
  time_zone: string;
  place: string | null;
  link: string | null;
  capacity: number;
  facilitator_id: string;
  /** scheduled | held | cancelled */
  status: string;
  /** Kept by the answer's transaction; never above capacity (a check). */
  accepted_count: number;
  summary: string | null;
  summary_published_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An invitation to a focus group and its answer; never a reason. */
export interface FocusGroupInvitationsTable {
  id: string;
  focus_group_id: string;
  agency_id: string;
  person_id: string;
  /** pending | accepted | declined */
  answer: string;
  invited_at: Timestamp;
  answered_at: Timestamp | null;
}

/** A return-to-work plan between a counsellor and their client. */
export interface ReturnPlansTable {
  id: string;
  agency_id: string;
  client_id: string;
  counsellor_id: string;
  /** Local date the return starts. */
  start_date: string;
  /** JSON array of { weeks, percent }: the adjusted workload, in order; 100 % after the last. */
  steps: string;
  /** Raised on every change of the schedule, so an agreement names what was agreed. */
  version: number;
  agreed_version: number | null;
  agreed_at: Timestamp | null;
  agreement_text_version: string | null;
  /** The employee's consent to show the workload schedule to their unit's manager. */
  share_with_manager: number;
  share_changed_at: Timestamp | null;
  share_text_version: string | null;
  /** Encrypted: the closing evaluation. */
  evaluation_enc: string | null;
  closed_at: Timestamp | null;
  /** The counsellor's Idempotency-Key for creating the plan. */
  client_key: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A check-in point of a return-to-work plan. */
export interface ReturnPlanCheckinsTable {
  id: string;
  plan_id: string;
  agency_id: string;
  due_on: string;
  done_at: Timestamp | null;
  /** Encrypted: the counsellor's note. */
  note_enc: string | null;
}

/** A habit of the person's self-care plan (contracts/habits.ts); theirs alone. */
export interface HabitsTable {
  id: string;
  person_id: string;
  agency_id: string;
  /** sleep | food | movement | mindfulness | boundaries | connection */
  area: string;
  /** The key of one of our ready suggestions, or null for a habit in the person's own words. */
  suggestion: string | null;
  /** Encrypted: the person's own wording (null for a suggestion). */
  title_enc: string | null;
  /** daily | weekly (times_per_week) | weekdays (weekdays) */
  frequency: string;
  times_per_week: number | null;
  /** ISO weekdays joined by commas, e.g. '1,3,5'. */
  weekdays: string | null;
  /** Local `HH:MM` in the person's unit time zone, or null for no reminder. */
  reminder_time: string | null;
  /** The local day the last reminder went out, so each day reminds once. */
  last_reminded_on: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Set when the person removes the habit; its ticks go with it. */
  archived_at: Timestamp | null;
}

/** One tick: the habit was done on that local day. The primary key stores a retried tick once. */
export interface HabitTicksTable {
  habit_id: string;
  person_id: string;
  day: string;
  created_at: Timestamp;
}

/** A task of the person's own list, placed in one quadrant of the Eisenhower matrix. */
export interface PlanTasksTable {
  id: string;
  person_id: string;
  agency_id: string;
  title_enc: string;
  /** do | schedule | delegate | drop */
  quadrant: string;
  due_on: string | null;
  done_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A block of the day planner: work or buffer, local `HH:MM` times on a local day. */
export interface PlanBlocksTable {
  id: string;
  person_id: string;
  agency_id: string;
  day: string;
  start_time: string;
  end_time: string;
  /** focus | meeting | buffer */
  kind: string;
  title_enc: string | null;
  created_at: Timestamp;
}

/** The person's weekly review, one per week (the Monday that starts it). */
export interface PlanReviewsTable {
  person_id: string;
  agency_id: string;
  week: string;
  /** Encrypted JSON: done, slipped, learned, next week's top three. */
  review_enc: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SafetyPlansTable {
  /** One plan per person. */
  person_id: string;
  agency_id: string;
  /** Encrypted JSON of the plan's seven sections (contracts/safety-plan.ts). */
  plan_enc: string;
  /** 1 on the first save, +1 on each save that changed the plan. */
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// The psycho-education library (docs/decisions/034-psycho-education-library.md).
export interface AgencyArticlesTable {
  id: string;
  agency_id: string;
  title: string;
  summary: string;
  /** JSON array of lower-case tags. */
  tags: string;
  language: 'id' | 'en';
  /** The Markdown as the admin wrote it: shown only in the editor, never rendered as is. */
  body_md: string;
  /** Rendered and sanitised on each save (articles/markdown.ts). */
  body_html: string;
  status: 'draft' | 'published';
  /** 1 on creation, +1 on each change of text or status. */
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Timestamp | null;
}

/** A person's check-in of one local day (docs/decisions/032-check-ins.md). */
export interface CheckInsTable {
  id: string;
  person_id: string;
  agency_id: string;
  /** `YYYY-MM-DD` in the person's unit time zone when the day began; one row per person and day. */
  local_date: string;
  /** 1 (very low) … 5 (very good). */
  mood: number;
  /** 1 (calm) … 5 (very stressed). */
  stress: number | null;
  /** 1 (drained) … 5 (full of energy). */
  energy: number | null;
  sleep_minutes: number | null;
  /** 1 (poor) … 5 (very good). */
  sleep_quality: number | null;
  activity_minutes: number | null;
  workload: 'light' | 'right' | 'heavy' | null;
  /** Encrypted JSON `{ note, tags }` (key ring), null when the person wrote neither. */
  details_enc: string | null;
  /** Idempotency-Key of the write that last changed the row. */
  client_key: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// My data (docs/decisions/013-data-rights.md): recorded data-subject requests and standing consent choices.
export interface DataRequestsTable {
  id: string;
  agency_id: string;
  person_id: string;
  /** 'export' | 'correction' | 'consent_withdrawal' | 'consent_grant' | 'erasure' */
  kind: string;
  /** 'completed' | 'open' | 'resolved' | 'rejected' */
  status: string;
  /** JSON of names and counts; never a health value or an erased result's id. */
  details: string | null;
  created_at: Timestamp;
  completed_at: Timestamp | null;
  resolved_by: string | null;
  resolution_note: string | null;
}

export interface ConsentChoicesTable {
  person_id: string;
  purpose: string;
  agency_id: string;
  granted: Flag;
  changed_at: Timestamp;
}

/** Account recovery (docs/decisions/011-account-recovery.md): an admin changed the email; resets wait. */
export interface RecoveryHoldsTable {
  person_id: string;
  agency_id: string;
  /** 'email_changed' */
  reason: string;
  created_by: string | null;
  created_at: Timestamp;
  ends_at: Timestamp;
}

// Separation of duties and the DPO (docs/decisions/012-separation-of-duties.md; migration 0006).
export interface RoleRequestsTable {
  id: string;
  agency_id: string;
  /** The grantee. */
  person_id: string;
  role: string;
  unit_id: string | null;
  requested_by: string;
  requested_at: Timestamp;
  expires_at: Timestamp;
  /** 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'expired' */
  status: string;
  decided_by: string | null;
  decided_at: Timestamp | null;
  /** The role_assignments row written on approval. */
  assignment_id: string | null;
}

export interface DeniedReadsTable {
  id: string;
  agency_id: string;
  actor_id: string;
  /** The route pattern (e.g. /api/v1/help/requests/:id), never the id that was asked for. */
  route: string;
  status_code: number;
  occurred_at: Timestamp;
}

export interface DpoAlertsTable {
  id: string;
  agency_id: string;
  /** 'role_requested' | 'role_approved' | 'denied_reads' | 'exports' */
  kind: string;
  /** Whom the alert is about (the grantee, the prober, the exporter). */
  person_id: string | null;
  /** JSON text: role, counts, window; never a health value. */
  details: string;
  dedupe_key: string | null;
  created_at: Timestamp;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
}

export interface ProcessingActivitiesTable {
  id: string;
  agency_id: string;
  data_class: string;
  purpose: string;
  legal_basis: string;
  data_subjects: string;
  recipients: string;
  retention: string;
  security_measures: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface BreachesTable {
  id: string;
  agency_id: string;
  title: string;
  /** JSON array of data class names. */
  data_classes: string;
  discovered_at: Timestamp;
  occurred_at: Timestamp | null;
  how_found: string;
  description: string;
  affected_count: number;
  handling: string;
  /** Who the affected people may contact (the DPO's address). */
  contact: string;
  subjects_notified_at: Timestamp | null;
  authority_notified_at: Timestamp | null;
  closed_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RetentionPoliciesTable {
  agency_id: string;
  data_class: string;
  days: number;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface RetentionRunsTable {
  id: string;
  agency_id: string;
  ran_at: Timestamp;
  /** JSON text: rows deleted per data class. */
  counts: string;
}

/** A per-agency data key for session notes, stored only wrapped (docs/decisions/041-session-notes.md). */
export interface AgencyDataKeysTable {
  id: string;
  agency_id: string;
  /** Named in every ciphertext sealed with this key. */
  key_id: string;
  /** The 256-bit key sealed by the note-wrapping key (AES-256-GCM). */
  wrapped_key: string;
  wrapping_key_id: string;
  created_at: Timestamp;
  retired_at: Timestamp | null;
}

/** A counsellor's note of one appointment; every field sealed under the agency's data key. */
export interface SessionNotesTable {
  id: string;
  agency_id: string;
  appointment_id: string;
  counsellor_id: string;
  client_id: string;
  /** The session's start (UTC), kept here: the note outlives the booking row. */
  session_at: Timestamp;
  /** soap | free */
  format: string;
  /** The data key every sealed field of this row uses. */
  key_id: string;
  subjective_enc: string | null;
  objective_enc: string | null;
  assessment_enc: string | null;
  plan_enc: string | null;
  body_enc: string | null;
  /** 0/1: withheld from the client's own copy (UU PDP art. 33). */
  withheld: number;
  withheld_reason_enc: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A clinical supervisor's 60-minute opening of one client's notes. */
export interface BreakGlassGrantsTable {
  id: string;
  agency_id: string;
  supervisor_id: string;
  client_id: string;
  reason_enc: string;
  opened_at: Timestamp;
  expires_at: Timestamp;
  closed_at: Timestamp | null;
}

/** An agency's climate survey (migration 0024, docs/decisions/048-climate-surveys.md). */
export interface SurveysTable {
  id: string;
  agency_id: string;
  /** As the admin wrote it, in their language. */
  title: string;
  template_id: string | null;
  variant: string | null;
  /** The survey definition as JSON (src/domain/surveys/definition.ts); frozen when it opens. */
  definition: string;
  status: 'draft' | 'open' | 'closed';
  /** JSON array of unit ids; each counts with its subtree. */
  target_unit_ids: string;
  /** JSON array of employment types, or null for all. */
  employment_types: string | null;
  opens_on: string;
  closes_on: string;
  previous_survey_id: string | null;
  /** k for figures and for comments, frozen at opening (A9); null while a draft. */
  threshold: number | null;
  comment_threshold: number | null;
  member_count: Generated<number>;
  /** Answers made readable so far (decision 048: the k held back move at closing). */
  moved_count: Generated<number>;
  /** The unit tree the survey counts by, frozen at opening (A8): JSON of { id, parentId, row }. */
  units: string | null;
  /** The last published response rates (JSON, A7): answered per unit and in all, and when. */
  progress: string | null;
  /** When the results were computed (after closing); null before. */
  results_at: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  opened_at: Timestamp | null;
  closed_at: Timestamp | null;
}

/** A respondent profile fixed at opening, held by at least k members. */
export interface SurveyProfilesTable {
  survey_id: string;
  profile_key: string;
  unit_id: string;
  employment_type: string;
  age_band: string;
  service_band: string;
  member_count: number;
}

/** Who was asked, their unit then and their profile (A8). */
export interface SurveyMembersTable {
  survey_id: string;
  person_id: string;
  unit_id: string;
  profile_key: string;
}

/** Who has answered: no time, no link to an answer. */
export interface SurveyParticipationTable {
  survey_id: string;
  person_id: string;
}

/** An answer waiting to be moved, sealed with the survey key. */
export interface SurveyPendingTable {
  id: string;
  survey_id: string;
  sealed: string;
}

/** A readable answer: no person, no time. */
export interface SurveyResponsesTable {
  id: string;
  survey_id: string;
  profile_key: string;
  /** JSON: question id → answer. */
  answers: string;
}

/** A free-text answer, masked, with its profile only. */
export interface SurveyCommentsTable {
  id: string;
  survey_id: string;
  question_id: string;
  profile_key: string;
  text: string;
}

/** How many of a profile chose a value of a question (value -1: answered it at all). */
export interface SurveyTalliesTable {
  survey_id: string;
  profile_key: string;
  question_id: string;
  value: number;
  count: number;
}

/** One stored view of a closed survey's results, or its comment groups (view_key 'comments'). */
export interface SurveyResultsTable {
  survey_id: string;
  /** '' for everyone, 'ageBand:30-39' for one breakdown value, 'comments' for the comment groups. */
  view_key: string;
  body: string;
}

/** The anonymous suggestion box (docs/decisions/052-suggestion-box.md): a person's sends of one local day, nothing of what. */
export interface SuggestionDailyTable {
  person_id: string;
  /** Local date in the agency's time zone. */
  day: string;
  count: number;
  /** HMAC of the Idempotency-Key of the last send of the day, so a retry is stored once. */
  last_key: string | null;
}

/** A suggestion waiting for its release, sealed: no person, no time. */
export interface SuggestionPendingTable {
  id: string;
  agency_id: string;
  sealed: string;
}

/** One release of an agency's waiting suggestions (at least k of them), dated by its week only. */
export interface SuggestionReleasesTable {
  id: string;
  agency_id: string;
  seq: number;
  /** The Monday of the release's week. */
  week_of: string;
  count: number;
}

/** A released suggestion, masked, with the wellbeing team's public reply: no person, no time of writing. */
export interface SuggestionsTable {
  id: string;
  agency_id: string;
  release_id: string;
  release_seq: number;
  week_of: string;
  topic: string | null;
  text: string;
  reply: string | null;
  replied_at: string | null;
  hidden_reason: string | null;
  hidden_at: string | null;
}

/** What a closed survey publishes to its staff (migration 0025, docs/decisions/051-survey-publication-and-actions.md). */
export interface SurveyPublicationsTable {
  survey_id: string;
  agency_id: string;
  status: 'draft' | 'published' | 'unpublished';
  /** "What we heard", plain text as the admin wrote it. */
  summary: string;
  /** JSON array of the chosen cells, `nodeId|themeId`. */
  selected: string;
  /** JSON of the figures copied from the stored results when published or updated; null while a draft. */
  figures: string | null;
  /** JSON of the follow-up figures of the previous wave's actions (migration 0028), copied like `figures`. */
  follow_up: string | null;
  published_at: Timestamp | null;
  unpublished_reason: string | null;
  updated_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An action decided on a survey's result cell (a theme in a unit, or in the whole survey). */
export interface SurveyActionsTable {
  id: string;
  agency_id: string;
  survey_id: string;
  /** A unit of the survey's frozen tree, or `survey-total`. */
  node_id: string;
  theme_id: string;
  title: string;
  description: string;
  /** Who carries it: a role or unit, as text. */
  owner: string;
  due_on: string;
  /** Rupiah, whole; null when no budget line. */
  budget: number | string | null;
  status: 'planned' | 'in_progress' | 'done' | 'cancelled';
  /** 1 when staff of the action's unit see it through the publication. */
  published: number;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An action's follow-up figures once worked out, valid while both waves' results are the ones named. */
export interface SurveyActionFollowUpsTable {
  action_id: string;
  next_survey_id: string;
  agency_id: string;
  before_results_at: string;
  after_results_at: string;
  /** FollowUpFigures as JSON. */
  figures: string;
}

/** A progress note on an action: append-only. */
export interface SurveyActionNotesTable {
  id: string;
  action_id: string;
  noted_on: string;
  text: string;
  author_id: string;
  created_at: Timestamp;
}

export interface Database {
  instance_state: InstanceStateTable;
  agencies: AgenciesTable;
  org_units: OrgUnitsTable;
  people: PeopleTable;
  credentials: CredentialsTable;
  recovery_codes: RecoveryCodesTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  auth_tokens: AuthTokensTable;
  sign_in_throttle: SignInThrottleTable;
  audit_log: AuditLogTable;
  email_outbox: EmailOutboxTable;
  jobs: JobsTable;
  idempotency_keys: IdempotencyKeysTable;
  imports: ImportsTable;
  assessment_drafts: AssessmentDraftsTable;
  assessment_results: AssessmentResultsTable;
  consents: ConsentsTable;
  result_shares: ResultSharesTable;
  help_contacts: HelpContactsTable;
  crisis_requests: CrisisRequestsTable;
  notifications: NotificationsTable;
  campaigns: CampaignsTable;
  campaign_members: CampaignMembersTable;
  campaign_stat_snapshots: CampaignStatSnapshotsTable;
  campaign_publications: CampaignPublicationsTable;
  safety_plans: SafetyPlansTable;
  // The psycho-education library (docs/decisions/034-psycho-education-library.md).
  agency_articles: AgencyArticlesTable;
  // Daily check-ins (docs/decisions/032-check-ins.md).
  check_ins: CheckInsTable;
  // Rate limits (docs/decisions/014-rate-limits.md):
  rate_limit_counters: RateLimitCountersTable;
  // My data (docs/decisions/013-data-rights.md).
  data_requests: DataRequestsTable;
  consent_choices: ConsentChoicesTable;
  // Account recovery (docs/decisions/011-account-recovery.md).
  recovery_holds: RecoveryHoldsTable;
  // Separation of duties and the DPO (docs/decisions/012-separation-of-duties.md).
  role_requests: RoleRequestsTable;
  denied_reads: DeniedReadsTable;
  dpo_alerts: DpoAlertsTable;
  processing_activities: ProcessingActivitiesTable;
  breaches: BreachesTable;
  retention_policies: RetentionPoliciesTable;
  retention_runs: RetentionRunsTable;
  // Work-hour boundaries (docs/boundaries.md).
  agency_calendar_days: AgencyCalendarDaysTable;
  agency_ramadan: AgencyRamadanTable;
  personal_boundaries: PersonalBoundariesTable;
  // Self-care plan and time management (docs/decisions/035-self-care-and-plan.md).
  habits: HabitsTable;
  habit_ticks: HabitTicksTable;
  plan_tasks: PlanTasksTable;
  plan_blocks: PlanBlocksTable;
  plan_reviews: PlanReviewsTable;
  // Counsellors, availability and booking (docs/decisions/040-booking.md).
  counsellor_profiles: CounsellorProfilesTable;
  counsellor_availability: CounsellorAvailabilityTable;
  counsellor_exceptions: CounsellorExceptionsTable;
  appointments: AppointmentsTable;
  agency_data_keys: AgencyDataKeysTable;
  session_notes: SessionNotesTable;
  break_glass_grants: BreakGlassGrantsTable;
  counselling_consents: CounsellingConsentsTable;
  // Referrals on the BPJS path (docs/decisions/044-referrals.md).
  referrals: ReferralsTable;
  // Peer support groups and return-to-work plans (docs/decisions/045-peer-groups-and-return-to-work.md).
  peer_groups: PeerGroupsTable;
  peer_group_members: PeerGroupMembersTable;
  peer_group_cancellations: PeerGroupCancellationsTable;
  return_plans: ReturnPlansTable;
  return_plan_checkins: ReturnPlanCheckinsTable;
  // Anonymous climate surveys (docs/decisions/048-climate-surveys.md).
  surveys: SurveysTable;
  survey_profiles: SurveyProfilesTable;
  survey_members: SurveyMembersTable;
  survey_participation: SurveyParticipationTable;
  survey_pending: SurveyPendingTable;
  survey_responses: SurveyResponsesTable;
  survey_comments: SurveyCommentsTable;
  survey_tallies: SurveyTalliesTable;
  survey_results: SurveyResultsTable;
  survey_action_follow_ups: SurveyActionFollowUpsTable;
  // The wellbeing committee and focus groups (docs/decisions/053-committee-and-focus-groups.md).
  committee_members: CommitteeMembersTable;
  committee_meetings: CommitteeMeetingsTable;
  focus_groups: FocusGroupsTable;
  focus_group_invitations: FocusGroupInvitationsTable;
  suggestion_daily: SuggestionDailyTable;
  suggestion_pending: SuggestionPendingTable;
  suggestion_releases: SuggestionReleasesTable;
  suggestions: SuggestionsTable;
  // Publication of survey results and action plans (docs/decisions/051-survey-publication-and-actions.md).
  survey_publications: SurveyPublicationsTable;
  survey_actions: SurveyActionsTable;
  survey_action_notes: SurveyActionNotesTable;
}

export type AgencyRow = Selectable<AgenciesTable>;
export type SessionNoteRow = Selectable<SessionNotesTable>;
export type BreakGlassGrantRow = Selectable<BreakGlassGrantsTable>;
export type AgencyDataKeyRow = Selectable<AgencyDataKeysTable>;
export type OrgUnitRow = Selectable<OrgUnitsTable>;
export type PersonRow = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
export type PersonUpdate = Updateable<PeopleTable>;
export type RoleAssignmentRow = Selectable<RoleAssignmentsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type JobRow = Selectable<JobsTable>;
export type ImportRow = Selectable<ImportsTable>;
export type { Generated };
