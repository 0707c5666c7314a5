/**
 * The retention schedule (UU PDP art. 42–44; decision 012): how long each class of data is kept, with
 * bounds the DPO may move it within. Pure data and rules; the nightly job in the DPO module deletes
 * what is past its time. The audit log is not here: it is append-only (a database trigger refuses
 * deletes) and kept longer than the data it describes.
 */
export const RETENTION_CLASSES = [
  'assessment_results',
  'assessment_drafts',
  'crisis_requests_closed',
  'notifications',
  'sessions',
  'denied_reads',
  'email_outbox',
  'check_ins',
  'habit_ticks',
  'time_management',
  'appointments',
  'session_notes',
  'referrals',
  'peer_groups',
  'return_plans',
] as const;

export type RetentionClass = (typeof RETENTION_CLASSES)[number];

export interface RetentionRule {
  /** Default days kept. */
  days: number;
  /** The DPO may not go below this (a person must be able to see and export their data) … */
  minDays: number;
  /** … nor above this (keeping health data longer than needed is itself a breach of art. 43). */
  maxDays: number;
}

/** Defaults and safe bounds per class, in days. */
export const RETENTION_RULES: Record<RetentionClass, RetentionRule> = {
  assessment_results: { days: 730, minDays: 90, maxDays: 1825 },
  assessment_drafts: { days: 30, minDays: 7, maxDays: 180 },
  crisis_requests_closed: { days: 365, minDays: 90, maxDays: 1825 },
  notifications: { days: 180, minDays: 30, maxDays: 730 },
  sessions: { days: 90, minDays: 30, maxDays: 365 },
  denied_reads: { days: 90, minDays: 30, maxDays: 365 },
  email_outbox: { days: 90, minDays: 14, maxDays: 365 },
  // The person's own everyday records (docs/decisions/039-everyday-edges.md). Never below a year
  // and a day where a screen looks back a year: the insights of check-ins chart 365 days and the
  // weekly reviews keep 52 weeks of history.
  check_ins: { days: 730, minDays: 366, maxDays: 1825 },
  habit_ticks: { days: 730, minDays: 90, maxDays: 1825 },
  time_management: { days: 730, minDays: 366, maxDays: 1825 },
  // Counselling appointments (docs/decisions/040-booking.md), counted from when they ended, so a
  // booking still ahead is never touched. At least a year and a day: a client and counsellor look
  // back on the past year's sessions, and the person can erase theirs at any time under My data.
  appointments: { days: 730, minDays: 366, maxDays: 1825 },
  // Counsellors' session notes (docs/decisions/041-session-notes.md): a clinical record, counted from
  // the client's last session with a note, and a client's notes go together. Rekam medis are kept at
  // least 25 years after the last visit (Permenkes 24/2022), so that is the default and the most; an
  // agency whose counselling is not a health service facility may go down to five years on its DPO's
  // legal advice, never below (a counsellor must be able to look back over a long course of care).
  session_notes: { days: 9131, minDays: 1826, maxDays: 9131 },
  // Referral letters (docs/decisions/044-referrals.md), counted from the letter's last valid day, so
  // a letter still valid is never touched. At least a year and a day after it lapses: the client
  // and the counsellor can still see where care went; the person can erase theirs at any time.
  referrals: { days: 730, minDays: 366, maxDays: 1825 },
  // Peer groups (docs/decisions/045-peer-groups-and-return-to-work.md), counted from when the
  // facilitator closed the group; the group goes with its memberships and called-off dates, and a
  // called-off date of an open group goes once it is that far behind. An open group is never touched.
  // A membership says only that someone took part under a display name: a year is enough to look back.
  peer_groups: { days: 365, minDays: 90, maxDays: 1825 },
  // Return-to-work plans (decision 045), counted from when the counsellor closed the plan, with its
  // check-in points. At least a year and a day: the client and the counsellor look back on how the
  // return went, and the client can erase theirs at any time under My data. An open plan is never touched.
  return_plans: { days: 730, minDays: 366, maxDays: 1825 },
};

/**
 * The lawful basis of keeping each class, UU PDP Pasal 20 ayat (2): (a) explicit consent, (c) a
 * legal obligation, (d) vital interests, (e) a public task or authority, (f) legitimate interests.
 * The person's own everyday records rest on their choice to keep them (a): they can delete any of
 * them, or all of them under My data, at any moment.
 */
export const LEGAL_BASES = [
  'consent',
  'legal_obligation',
  'vital_interest',
  'public_task',
  'legitimate_interest',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const RETENTION_LEGAL_BASIS: Record<RetentionClass, LegalBasis> = {
  assessment_results: 'consent',
  assessment_drafts: 'consent',
  crisis_requests_closed: 'vital_interest',
  notifications: 'public_task',
  sessions: 'legitimate_interest',
  denied_reads: 'legal_obligation',
  email_outbox: 'public_task',
  check_ins: 'consent',
  habit_ticks: 'consent',
  time_management: 'consent',
  appointments: 'consent',
  session_notes: 'legal_obligation',
  referrals: 'consent',
  peer_groups: 'consent',
  return_plans: 'consent',
};

/** How long the append-only audit log is kept (HIPAA §164.316(b)(2)(i): six years), for display. */
export const AUDIT_LOG_RETENTION_DAYS = 6 * 365;

export function isRetentionClass(value: string): value is RetentionClass {
  return (RETENTION_CLASSES as readonly string[]).includes(value);
}

/** Whether `days` lies within the class's safe bounds. */
export function isWithinBounds(dataClass: RetentionClass, days: number): boolean {
  const rule = RETENTION_RULES[dataClass];
  return Number.isInteger(days) && days >= rule.minDays && days <= rule.maxDays;
}

/** The instant before which rows of the class are past retention. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
}
