import { z } from 'zod';
import { idSchema } from './common.js';
import { localDay, localTime } from './habits.js';

/**
 * The person's time management: a task list in an Eisenhower matrix, a day planner of time blocks,
 * and a weekly review (docs/decisions/035-self-care-and-plan.md). The Pomodoro timer and the scripts
 * live in the browser alone. Only the person reads or writes any of it (docs/privacy.md §1.1).
 */

/** The four quadrants: urgent and important, important, urgent, neither. */
export const QUADRANTS = ['do', 'schedule', 'delegate', 'drop'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const BLOCK_KINDS = ['focus', 'meeting', 'buffer'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export const MAX_TASK_TITLE = 200;
export const MAX_OPEN_TASKS = 200;
export const MAX_BLOCKS_PER_DAY = 30;
export const MAX_REVIEW_TEXT = 1500;
export const MAX_TOP = 3;

const quadrant = z.enum(QUADRANTS, { message: 'invalid_option' });
const taskTitle = z.string().trim().min(1, 'required').max(MAX_TASK_TITLE);

/** POST: a new task. The client makes the id, so a retried create is stored once. */
export const taskCreateBody = z
  .object({ id: idSchema, title: taskTitle, quadrant, dueOn: localDay.nullable().default(null) })
  .strict();
export type TaskCreateBody = z.infer<typeof taskCreateBody>;

/** PATCH: what changed (a move to another quadrant, done or not, the words, the due day). */
export const taskPatchBody = z
  .object({
    title: taskTitle.optional(),
    quadrant: quadrant.optional(),
    dueOn: localDay.nullable().optional(),
    done: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'required' });
export type TaskPatchBody = z.infer<typeof taskPatchBody>;

export const taskView = z.object({
  id: z.string(),
  title: z.string(),
  quadrant: z.enum(QUADRANTS),
  dueOn: z.string().nullable(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TaskView = z.infer<typeof taskView>;
export const taskList = z.object({ tasks: z.array(taskView) });
export type TaskList = z.infer<typeof taskList>;

/** POST: a time block of one local day. */
export const blockCreateBody = z
  .object({
    id: idSchema,
    day: localDay,
    start: localTime,
    end: localTime,
    kind: z.enum(BLOCK_KINDS, { message: 'invalid_option' }),
    title: z.string().trim().max(MAX_TASK_TITLE).nullable().default(null),
  })
  .strict()
  .refine((b) => b.end > b.start, { path: ['end'], message: 'plan.end_before_start' });
export type BlockCreateBody = z.infer<typeof blockCreateBody>;

export const blockView = z.object({
  id: z.string(),
  day: z.string(),
  start: z.string(),
  end: z.string(),
  kind: z.enum(BLOCK_KINDS),
  title: z.string().nullable(),
});
export type BlockView = z.infer<typeof blockView>;
export const dayQuery = z.object({ day: localDay });
/**
 * The person's working window on that day (domain/planner/working-day.ts): the agency's hours of
 * the date (Ramadan included), none on a weekend or day off, narrowed by the person's own hours.
 */
export const workingDayView = z.object({
  hours: z.object({ start: z.string(), end: z.string() }).nullable(),
  off: z.enum(['weekend', 'holiday']).nullable(),
  holiday: z
    .object({
      kind: z.enum(['national', 'cuti_bersama', 'regional']),
      name: z.object({ id: z.string(), en: z.string() }).nullable(),
    })
    .nullable(),
  ramadan: z.boolean(),
  personal: z.boolean(),
});
export type WorkingDayView = z.infer<typeof workingDayView>;
export const dayPlan = z.object({ day: z.string(), blocks: z.array(blockView), working: workingDayView });
export type DayPlan = z.infer<typeof dayPlan>;

const reviewText = z.string().trim().max(MAX_REVIEW_TEXT).default('');
/** PUT: the review of a week (the Monday that starts it); saving again replaces it. */
export const reviewBody = z
  .object({
    done: reviewText,
    slipped: reviewText,
    learned: reviewText,
    top: z.array(z.string().trim().min(1, 'required').max(MAX_TASK_TITLE)).max(MAX_TOP).default([]),
  })
  .strict()
  .refine((r) => r.done !== '' || r.slipped !== '' || r.learned !== '' || r.top.length > 0, {
    message: 'plan.review_empty',
  });
export type ReviewBody = z.infer<typeof reviewBody>;
export const weekParams = z.object({ week: localDay });

export const reviewView = z.object({
  week: z.string(),
  done: z.string(),
  slipped: z.string(),
  learned: z.string(),
  top: z.array(z.string()),
  updatedAt: z.string(),
});
export type ReviewView = z.infer<typeof reviewView>;
export const reviewList = z.object({ reviews: z.array(reviewView) });
export type ReviewList = z.infer<typeof reviewList>;
