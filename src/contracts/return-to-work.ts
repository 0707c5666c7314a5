import { z } from 'zod';
import { MAX_CHECKINS, MAX_STEPS, MAX_WEEKS_PER_STEP } from '../domain/return-to-work/plan.js';
import { idSchema } from './common.js';

/**
 * Return-to-work plans (docs/decisions/045-peer-groups-and-return-to-work.md). The counsellor and
 * their client make the plan; the client agrees to it; with the client's revocable consent the
 * manager of their unit sees the workload schedule and its dates, and nothing else.
 */

export { MAX_CHECKINS, MAX_STEPS, MAX_WEEKS_PER_STEP };
export const MAX_EVALUATION = 4000;
export const MAX_CHECKIN_NOTE = 1000;

const localDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'invalid_format');

export const stepSchema = z
  .object({ weeks: z.number().int().min(1).max(MAX_WEEKS_PER_STEP), percent: z.number().int().min(10).max(99) })
  .strict();

export const checkinInput = z
  .object({
    id: idSchema,
    dueOn: localDay,
    done: z.boolean(),
    note: z
      .string()
      .trim()
      .max(MAX_CHECKIN_NOTE)
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .strict();

export const planBody = z
  .object({
    startDate: localDay,
    steps: z.array(stepSchema).min(1, 'return_to_work.steps_required').max(MAX_STEPS),
    checkins: z.array(checkinInput).max(MAX_CHECKINS),
    evaluation: z
      .string()
      .trim()
      .max(MAX_EVALUATION)
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .strict();
export type PlanBody = z.infer<typeof planBody>;

/** A new plan for a client, under an id the editor made (a retried create is stored once). */
export const newPlanBody = z.intersection(z.object({ id: idSchema, clientId: idSchema }), planBody);
export type NewPlanBody = z.infer<typeof newPlanBody>;

export const agreeBody = z.object({ version: z.number().int().min(1) }).strict();
export type AgreeBody = z.infer<typeof agreeBody>;

export const shareBody = z.object({ share: z.boolean() }).strict();
export type ShareBody = z.infer<typeof shareBody>;

export const periodView = z.object({ from: z.string(), to: z.string(), percent: z.number() });

const checkinView = z.object({ id: z.string(), dueOn: z.string(), done: z.boolean(), note: z.string().nullable() });

/** The plan as the counsellor and the client see it. */
export const planView = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  counsellorName: z.string(),
  startDate: z.string(),
  steps: z.array(z.object({ weeks: z.number(), percent: z.number() })),
  periods: z.array(periodView),
  fullFrom: z.string(),
  checkins: z.array(checkinView),
  evaluation: z.string().nullable(),
  version: z.number(),
  agreedVersion: z.number().nullable(),
  agreedAt: z.string().nullable(),
  sharedWithManager: z.boolean(),
  closed: z.boolean(),
  updatedAt: z.string(),
});
export type PlanView = z.infer<typeof planView>;

export const planList = z.object({ items: z.array(planView) });
export type PlanList = z.infer<typeof planList>;

/** A client a counsellor may make a plan with (someone who booked them). */
export const clientChoice = z.object({ id: z.string(), name: z.string(), hasPlan: z.boolean() });
export const clientChoiceList = z.object({ items: z.array(clientChoice) });
export type ClientChoiceList = z.infer<typeof clientChoiceList>;

/**
 * The manager's view: whose schedule and the dated workload, nothing else — no reason, no
 * evaluation, no check-ins, no counsellor.
 */
export const teamScheduleView = z.object({
  personId: z.string(),
  personName: z.string(),
  startDate: z.string(),
  periods: z.array(periodView),
  fullFrom: z.string(),
});
export type TeamScheduleView = z.infer<typeof teamScheduleView>;
export const teamScheduleList = z.object({ items: z.array(teamScheduleView) });
export type TeamScheduleList = z.infer<typeof teamScheduleList>;
