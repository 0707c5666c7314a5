import { z } from 'zod';
import {
  FOCUS_GROUP_STATUSES,
  INVITATION_ANSWERS,
  MAX_FOCUS_CAPACITY,
  MAX_SAMPLE,
  MIN_FOCUS_CAPACITY,
  MIN_SAMPLE,
} from '../domain/committee/committee.js';
import { localDay, localTime, requirePlaceOrLink, whereSchema } from './committee.js';
import { idSchema, requiredText } from './common.js';

/**
 * Focus groups (diskusi kelompok terarah) to understand a survey result
 * (docs/decisions/053-committee-and-focus-groups.md). Taking part is voluntary; who accepted is
 * known to the facilitator and the admin only; nobody records why someone declined; the summary
 * holds themes heard, never names.
 */

export { FOCUS_GROUP_STATUSES, INVITATION_ANSWERS, MIN_SAMPLE, MAX_SAMPLE };

export const focusGroupBody = z
  .object({
    topic: z.string().trim().min(3, 'required').max(120),
    surveyId: idSchema.nullish().transform((v) => v ?? null),
    themeId: z
      .string()
      .max(80)
      .nullish()
      .transform((v) => v || null),
    date: localDay,
    startTime: localTime,
    durationMinutes: z.number().int().min(15).max(480),
    ...whereSchema,
    capacity: z.number().int().min(MIN_FOCUS_CAPACITY).max(MAX_FOCUS_CAPACITY),
    facilitatorId: idSchema,
  })
  .strict()
  .superRefine(requirePlaceOrLink);
export type FocusGroupBody = z.infer<typeof focusGroupBody>;

export const inviteBody = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('sample'), unitId: idSchema, size: z.number().int().min(MIN_SAMPLE).max(MAX_SAMPLE) })
    .strict(),
  z.object({ kind: z.literal('named'), personIds: z.array(idSchema).min(1, 'required').max(MAX_SAMPLE) }).strict(),
]);
export type InviteBody = z.infer<typeof inviteBody>;

export const answerBody = z
  .object({ answer: z.enum(['accepted', 'declined'], { message: 'invalid_option' }) })
  .strict();
export type AnswerBody = z.infer<typeof answerBody>;

export const summaryBody = z.object({ summary: requiredText(6000) }).strict();
export type SummaryBody = z.infer<typeof summaryBody>;

// --- Views ---------------------------------------------------------------------------------------

export const focusGroupView = z.object({
  id: z.string(),
  topic: z.string(),
  surveyTitle: z.string().nullable(),
  themeName: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number(),
  place: z.string().nullable(),
  /** For those who accepted, the facilitator and the admin. */
  link: z.string().nullable(),
  capacity: z.number(),
  facilitatorName: z.string(),
  status: z.enum(FOCUS_GROUP_STATUSES),
  /** My answer when I am invited; null otherwise. */
  myAnswer: z.enum(INVITATION_ANSWERS).nullable(),
  full: z.boolean(),
  amFacilitator: z.boolean(),
  /** Published summaries are for all staff; the facilitator and the admin also see the draft. */
  summary: z.string().nullable(),
  summaryPublishedAt: z.string().nullable(),
});
export type FocusGroupView = z.infer<typeof focusGroupView>;

/** The facilitator's and the admin's view: who accepted (names), and counts of the rest only. */
export const focusGroupRunView = focusGroupView.extend({
  accepted: z.array(z.object({ id: z.string(), name: z.string() })),
  invited: z.number(),
  pending: z.number(),
  declined: z.number(),
});
export type FocusGroupRunView = z.infer<typeof focusGroupRunView>;

export const focusGroupList = z.object({ items: z.array(focusGroupView) });
export type FocusGroupList = z.infer<typeof focusGroupList>;

export const inviteResult = z.object({ invited: z.number(), alreadyInvited: z.number() });
export type InviteResult = z.infer<typeof inviteResult>;
