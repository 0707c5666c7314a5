import { z } from 'zod';
import {
  DESTINATION_LEVELS,
  LETTER_FIELDS,
  STATUSES,
  VALID_DAYS,
  destinationsFor,
  normalizeBpjsNumber,
  type DestinationLevel,
  type LetterField,
  type ReferralStatus,
} from '../domain/referrals/referrals.js';
import { idSchema, optionalText } from './common.js';

/**
 * Referrals on the BPJS path (docs/decisions/044-referrals.md). A referral is seen by its client and
 * by the counsellor who prepared it, and by no one else; the letter prints only what the client
 * approved (docs/privacy.md §1.1).
 */

export { DESTINATION_LEVELS, LETTER_FIELDS, STATUSES, VALID_DAYS, destinationsFor };
export type { DestinationLevel, LetterField, ReferralStatus };

export const MAX_REFERRAL_REASON = 1500;
export const MAX_DESTINATION_NAME = 160;
export const MAX_SCORES = 6;

const level = z.enum(DESTINATION_LEVELS, { message: 'invalid_option' });
const fields = z.array(z.enum(LETTER_FIELDS, { message: 'invalid_option' })).max(LETTER_FIELDS.length);
const bpjsNumber = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return null;
    const n = normalizeBpjsNumber(v);
    if (!n) ctx.addIssue({ code: 'custom', message: 'referrals.bpjs_number' });
    return n ?? z.NEVER;
  })
  .nullable()
  .optional();
const scoreIds = z.array(idSchema).max(MAX_SCORES);

/** The client prepares a letter for themself, to take to their FKTP; approved as they write it. */
export const selfReferralBody = z
  .object({
    destinationLevel: level,
    destinationName: optionalText(MAX_DESTINATION_NAME),
    reason: optionalText(MAX_REFERRAL_REASON),
    bpjsNumber,
    scoreIds: scoreIds.default([]),
    approvedFields: fields,
  })
  .strict()
  .refine((b) => destinationsFor('client').includes(b.destinationLevel), {
    path: ['destinationLevel'],
    message: 'referrals.self_to_fktp',
  });
export type SelfReferralBody = z.infer<typeof selfReferralBody>;

/** A counsellor prepares a letter for a client of theirs; it prints nothing until the client approves. */
export const counsellorReferralBody = z
  .object({
    clientId: idSchema,
    destinationLevel: level,
    destinationName: optionalText(MAX_DESTINATION_NAME),
    reason: z.string().trim().min(1, 'required').max(MAX_REFERRAL_REASON),
  })
  .strict();
export type CounsellorReferralBody = z.infer<typeof counsellorReferralBody>;

/** The client chooses what goes into the letter (and types the BPJS number, chooses the scores). */
export const approvalBody = z.object({ approvedFields: fields, bpjsNumber, scoreIds: scoreIds.optional() }).strict();
export type ApprovalBody = z.infer<typeof approvalBody>;

export const statusBody = z
  .object({ status: z.enum(['given', 'visited', 'closed', 'cancelled'], { message: 'invalid_option' }) })
  .strict();
export type StatusBody = z.infer<typeof statusBody>;

export const letterQuery = z.object({ lang: z.enum(['id', 'en']).optional() }).strict();

const status = z.enum(STATUSES);
const expiry = z.object({
  kind: z.enum(['valid', 'expires_today', 'expired']),
  daysLeft: z.number().int().nullable(),
  soon: z.boolean(),
});

export const referralScore = z.object({
  instrumentId: z.string(),
  total: z.number().nullable(),
  bandLabel: z.string().nullable(),
  takenAt: z.string(),
});
export type ReferralScore = z.infer<typeof referralScore>;

const common = {
  id: z.string(),
  preparedBy: z.enum(['client', 'counsellor']),
  destinationLevel: level,
  destinationName: z.string().nullable(),
  reason: z.string().nullable(),
  approvedFields: z.array(z.enum(LETTER_FIELDS)),
  approvedAt: z.string().nullable(),
  status,
  nextStatuses: z.array(status),
  issuedOn: z.string(),
  expiresOn: z.string(),
  expiry,
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** The client's own referral: everything it holds, so they see what they approve. */
export const referralView = z.object({
  ...common,
  counsellorName: z.string().nullable(),
  bpjsNumber: z.string().nullable(),
  scores: z.array(referralScore),
  /** Whether the letter can be downloaded: the client approved its fields. */
  letterReady: z.boolean(),
  /** What the identity block would show if approved (for the live preview). */
  identity: z.object({ name: z.string(), birthDate: z.string().nullable() }),
});
export type ReferralView = z.infer<typeof referralView>;
export const referralList = z.object({ items: z.array(referralView) });
export type ReferralList = z.infer<typeof referralList>;

/** The counsellor's view of a referral they prepared: never the BPJS number or the client's scores. */
export const counsellorReferralView = z.object({
  ...common,
  clientId: z.string(),
  clientName: z.string(),
  letterReady: z.boolean(),
});
export type CounsellorReferralView = z.infer<typeof counsellorReferralView>;
export const counsellorReferralList = z.object({ items: z.array(counsellorReferralView) });
export type CounsellorReferralList = z.infer<typeof counsellorReferralList>;

/** The client's latest score per instrument they may choose to include. */
export const scoreChoices = z.object({ items: z.array(referralScore.extend({ id: z.string() })) });
export type ScoreChoices = z.infer<typeof scoreChoices>;

/** The counsellor's clients: people with an appointment with them. */
export const referralClients = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });
export type ReferralClients = z.infer<typeof referralClients>;
