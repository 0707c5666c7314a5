import { z } from 'zod';
import { contactRequestBody } from './help.js';
import { CARE_STEPS } from '../domain/assessments/next-step.js';
import { idSchema } from './common.js';
import { answersSchema, instrumentIdSchema, scoreResultView } from './instruments.js';

/**
 * A person's own screening (docs/self-assessment.md). Every route here is `own`: a person
 * reads and writes only their own drafts, results, shares and consents.
 */

/* -------------------------------------------------------------- drafts */

export const draftParams = z.object({ instrumentId: instrumentIdSchema });

export const draftBody = z.object({
  answers: answersSchema,
  /** Where the person was, so "resume" opens the same question. */
  currentIndex: z.number().int().min(0).max(100),
  /** CBI: whether the person serves the public directly (asks the client scale). */
  servesPublic: z.boolean().default(true),
  campaignId: idSchema.nullable().default(null),
});

export const draftView = z.object({
  instrumentId: instrumentIdSchema,
  instrumentVersion: z.string(),
  answers: z.array(z.number().nullable()),
  currentIndex: z.number().int(),
  servesPublic: z.boolean(),
  campaignId: z.string().nullable(),
  updatedAt: z.string(),
});
export type DraftView = z.infer<typeof draftView>;
export const draftList = z.object({ items: z.array(draftView) });

/* ----------------------------------------------------------- submission */

export const submitBody = z.object({
  instrumentId: instrumentIdSchema,
  answers: answersSchema,
  servesPublic: z.boolean().default(true),
  campaignId: idSchema.nullable().default(null),
  /**
   * Chosen by the client once per form: a retried submit with the same key returns the stored
   * result instead of storing a second one (docs/privacy.md §5).
   */
  submissionKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'invalid_format'),
  /** The version of the consent text shown before the form (recorded, UU PDP Art. 22). */
  consentVersion: z.string().min(1).max(40),
  /** Written in the same transaction as the result, through the outbox, so it is never lost. */
  contactRequest: contactRequestBody.nullable().default(null),
});
export type SubmitBody = z.infer<typeof submitBody>;

export const nextStepView = z.object({
  crisis: z.boolean(),
  step: z.enum(CARE_STEPS).nullable(),
  followUp: instrumentIdSchema.nullable(),
  urgentFollowUp: z.boolean(),
});

export const shareView = z.object({
  id: z.string(),
  counsellor: z.object({ id: z.string(), fullName: z.string() }),
  grantedAt: z.string(),
  revokedAt: z.string().nullable(),
});

export const resultView = z.object({
  id: z.string(),
  instrumentId: instrumentIdSchema,
  instrumentVersion: z.string(),
  createdAt: z.string(),
  result: scoreResultView,
  /** The band in the reader's language (null when incomplete or CBI). */
  bandLabel: z.string().nullable(),
  nextStep: nextStepView,
  campaignId: z.string().nullable(),
  shares: z.array(shareView),
  /** Present when the submission carried a contact request. */
  contactRequestId: z.string().nullable(),
});
export type ResultView = z.infer<typeof resultView>;

export const resultListQuery = z.object({ instrumentId: instrumentIdSchema.optional() });

/** History: newest first, with what the trend chart needs. */
export const resultSummary = resultView.omit({ shares: true });
export const resultList = z.object({ items: z.array(resultSummary) });

export const resultParams = z.object({ id: idSchema });
export const shareParams = z.object({ id: idSchema, shareId: idSchema });

/* -------------------------------------------------------------- sharing */

export const shareBody = z.object({
  counsellorId: idSchema,
  /** The version of the sharing consent text the person agreed to. */
  consentVersion: z.string().min(1).max(40),
});

export const counsellorOption = z.object({
  id: z.string(),
  fullName: z.string(),
  position: z.string().nullable(),
  unitName: z.string(),
});
export const counsellorList = z.object({ items: z.array(counsellorOption) });

export const consentView = z.object({
  id: z.string(),
  purpose: z.string(),
  textVersion: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  /** For a share: to whom. */
  counsellorName: z.string().nullable(),
  grantedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export const consentList = z.object({ items: z.array(consentView) });

/** "Who looked at my data": reads of my records by someone else, from the audit log. */
/**
 * One entry: repeated reads by the same reader of the same record within an hour are one entry
 * with their count, from `firstAt` to `occurredAt` (the audit log keeps every row;
 * docs/decisions/023-grouped-reads-and-overdue-requests.md).
 */
export const accessLogEntry = z.object({
  id: z.string(),
  occurredAt: z.string(),
  firstAt: z.string(),
  count: z.number().int().min(1),
  action: z.string(),
  actor: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  actorRole: z.string().nullable(),
  purpose: z.string().nullable(),
  resourceType: z.string().nullable(),
});
export const accessLog = z.object({ items: z.array(accessLogEntry), nextCursor: z.string().nullable() });
export const accessLogQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/* ----------------------------------------------------- counsellor side */

/**
 * One share in the counsellor's inbox, with what triage needs: the band in words, the care step it
 * points to (its severity across instruments), a crisis answer, and whether this counsellor has
 * opened it yet. The list comes most urgent first: crisis, then care step, then newest.
 */
export const sharedResultItem = z.object({
  shareId: z.string(),
  person: z.object({ id: z.string(), fullName: z.string(), unitName: z.string() }),
  instrumentId: instrumentIdSchema,
  resultCreatedAt: z.string(),
  grantedAt: z.string(),
  band: z.string().nullable(),
  bandLabel: z.string().nullable(),
  careStep: z.enum(CARE_STEPS).nullable(),
  crisis: z.boolean(),
  isNew: z.boolean(),
});
export const sharedResultList = z.object({ items: z.array(sharedResultItem) });
export const sharedResultParams = z.object({ shareId: idSchema });
export const sharedResultView = z.object({
  shareId: z.string(),
  person: z.object({ id: z.string(), fullName: z.string(), unitName: z.string() }),
  result: resultSummary,
  answers: z.array(z.number().nullable()),
  /** The person's requests for help in this counsellor's units, newest first (each read is audited). */
  requests: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['open', 'acknowledged', 'closed']),
      createdAt: z.string(),
      source: z.enum(['assessment', 'help_button', 'disclosed_outreach']),
    }),
  ),
  /** The person's other results shared with this counsellor, most urgent first. */
  earlier: z.array(sharedResultItem),
});
