import { z } from 'zod';
import { CONSENT_PURPOSES } from '../domain/data-rights/purposes.js';
import { idSchema } from './common.js';

/**
 * "My data" (docs/decisions/013-data-rights.md): the person's own data rights — a copy of everything, consent per purpose,
 * erasure of their health data, and correction requests for the fields the HR import owns.
 */

export const consentPurposeSchema = z.enum(CONSENT_PURPOSES);
export const purposeParams = z.object({ purpose: consentPurposeSchema });

export const consentRecordView = z.object({
  id: z.string(),
  /** The stored purpose, e.g. `self_assessment_outreach` under the `store_results` purpose. */
  recordPurpose: z.string(),
  textVersion: z.string(),
  channel: z.string(),
  counsellorName: z.string().nullable(),
  grantedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});

export const purposeView = z.object({
  purpose: consentPurposeSchema,
  /** Whether processing for this purpose goes on now. */
  active: z.boolean(),
  /** Whether the person chose (granted or withdrew) on the My data page; false = the default. */
  chosen: z.boolean(),
  changedAt: z.string().nullable(),
  /** Text version a new grant records (null for shares, which are granted one by one). */
  grantVersion: z.string().nullable(),
  records: z.array(consentRecordView),
});

export const DATA_REQUEST_KINDS = ['export', 'correction', 'consent_withdrawal', 'consent_grant', 'erasure'] as const;

export const dataRequestView = z.object({
  id: z.string(),
  kind: z.enum(DATA_REQUEST_KINDS),
  status: z.enum(['completed', 'open', 'resolved', 'rejected']),
  details: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
});

export const holdingsView = z.object({
  results: z.number().int(),
  drafts: z.number().int(),
  safetyPlan: z.boolean(),
  closedHelpRequests: z.number().int(),
  openHelpRequests: z.number().int(),
  activeShares: z.number().int(),
  /** Daily check-ins. */
  checkIns: z.number().int(),
  /** Habits, tasks, day blocks and weekly reviews: the self-care plan and time management. */
  everyday: z.number().int(),
  /** Counselling appointments as a client: past, cancelled and booked. */
  appointments: z.number().int(),
  /** Referral letters as a client, whoever prepared them (docs/decisions/044-referrals.md). */
  referrals: z.number().int(),
  /** Peer groups I am a member of (docs/decisions/045-peer-groups-and-return-to-work.md). */
  peerGroups: z.number().int(),
  /** Return-to-work plans made with me as the client. */
  returnPlans: z.number().int(),
});

export const myDataView = z.object({
  holdings: holdingsView,
  purposes: z.array(purposeView),
  requests: z.array(dataRequestView),
});
export type MyDataView = z.infer<typeof myDataView>;

export const grantBody = z.object({
  /** The version of the purpose's text the person read and agreed to. */
  textVersion: z.string().min(1).max(40),
});

/* --------------------------------------------------------------- erasure */

export const ERASURE_SCOPES = ['all', 'result', 'drafts', 'safety_plan', 'closed_help_requests'] as const;

export const erasureBody = z
  .object({
    scope: z.enum(ERASURE_SCOPES),
    /** With scope `result`: which of my results. */
    resultId: idSchema.optional(),
  })
  .refine((b) => b.scope !== 'result' || b.resultId !== undefined, { path: ['resultId'], message: 'required' });
export type ErasureBody = z.infer<typeof erasureBody>;

export const erasureView = z.object({
  erased: z.object({
    results: z.number().int(),
    drafts: z.number().int(),
    safetyPlan: z.number().int(),
    closedHelpRequests: z.number().int(),
    checkIns: z.number().int(),
    everyday: z.number().int(),
    appointments: z.number().int(),
    referrals: z.number().int(),
    peerGroups: z.number().int(),
    returnPlans: z.number().int(),
  }),
  /** Open requests for help that stay while a counsellor may be acting on them. */
  keptOpenHelpRequests: z.number().int(),
  requestId: z.string(),
});
export type ErasureView = z.infer<typeof erasureView>;

/* ------------------------------------------------------------ correction */

/** Profile fields the agency's HR import owns: the person asks the agency admin to correct them. */
export const CORRECTABLE_FIELDS = [
  'full_name',
  'nip',
  'email',
  'phone',
  'position',
  'unit',
  'manager',
  'employment_type',
] as const;

export const correctionBody = z.object({
  field: z.enum(CORRECTABLE_FIELDS),
  requestedValue: z.string().trim().min(1, 'required').max(200),
  reason: z.string().trim().max(500).optional(),
});
export type CorrectionBody = z.infer<typeof correctionBody>;

export const correctionItem = z.object({
  id: z.string(),
  person: z.object({ id: z.string(), fullName: z.string() }),
  field: z.enum(CORRECTABLE_FIELDS),
  requestedValue: z.string(),
  reason: z.string().nullable(),
  status: z.enum(['open', 'resolved', 'rejected']),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
});
export const correctionList = z.object({ items: z.array(correctionItem) });

export const resolveCorrectionBody = z.object({
  outcome: z.enum(['resolved', 'rejected']),
  note: z.string().trim().max(500).optional(),
});
