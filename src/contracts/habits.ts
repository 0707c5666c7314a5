import { z } from 'zod';
import { idSchema } from './common.js';

/**
 * The person's self-care plan: habits from the areas that protect mental health, each with a
 * frequency and an optional reminder, and a tick per day done (docs/decisions/035-self-care-and-plan.md).
 * Only the person reads or writes it (docs/privacy.md §1.1): every route is `own`.
 */

/** The areas, in the order the page shows them. */
export const HABIT_AREAS = ['sleep', 'food', 'movement', 'mindfulness', 'boundaries', 'connection'] as const;
export type HabitArea = (typeof HABIT_AREAS)[number];

/** Our ready suggestions per area; their words live in the `selfcare` messages. */
export const HABIT_SUGGESTIONS = {
  sleep: ['same_bedtime', 'screens_off', 'wind_down'],
  food: ['water', 'breakfast', 'lunch_away'],
  movement: ['walk', 'stretch', 'stairs'],
  mindfulness: ['breathe', 'gratitude', 'mindful_pause'],
  boundaries: ['close_laptop', 'no_chat_after_hours', 'real_break'],
  connection: ['call_family', 'hobby', 'chat_friend'],
} as const satisfies Record<HabitArea, readonly string[]>;
export type HabitSuggestion = (typeof HABIT_SUGGESTIONS)[HabitArea][number];
export const ALL_SUGGESTIONS = Object.values(HABIT_SUGGESTIONS).flat() as HabitSuggestion[];

export const HABIT_FREQUENCIES = ['daily', 'weekly', 'weekdays'] as const;
export type HabitFrequency = (typeof HABIT_FREQUENCIES)[number];

export const MAX_HABITS = 12;
export const MAX_HABIT_TITLE = 120;

export const localDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'invalid_format');
export const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_format');

const habitFields = {
  area: z.enum(HABIT_AREAS, { message: 'invalid_option' }),
  suggestion: z
    .enum(ALL_SUGGESTIONS as [HabitSuggestion, ...HabitSuggestion[]], { message: 'invalid_option' })
    .nullable(),
  title: z.string().trim().max(MAX_HABIT_TITLE).nullable(),
  frequency: z.enum(HABIT_FREQUENCIES, { message: 'invalid_option' }),
  timesPerWeek: z.number().int().min(1).max(6).nullable(),
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).nullable(),
  reminderTime: localTime.nullable(),
};

type HabitShape = {
  suggestion: string | null;
  title: string | null;
  frequency: HabitFrequency;
  timesPerWeek: number | null;
  weekdays: number[] | null;
};

/** A habit needs words (a suggestion or the person's own) and the detail its frequency asks for. */
function checkHabit(habit: HabitShape, ctx: z.RefinementCtx): void {
  if (!habit.suggestion && !habit.title) ctx.addIssue({ code: 'custom', path: ['title'], message: 'required' });
  if (habit.frequency === 'weekly' && habit.timesPerWeek === null)
    ctx.addIssue({ code: 'custom', path: ['timesPerWeek'], message: 'required' });
  if (habit.frequency === 'weekdays' && (habit.weekdays === null || habit.weekdays.length === 0))
    ctx.addIssue({ code: 'custom', path: ['weekdays'], message: 'selfcare.weekdays_required' });
}

/** POST: a new habit. The client makes the id, so a retried create is stored once. */
export const habitCreateBody = z
  .object({ id: idSchema, ...habitFields })
  .strict()
  .superRefine((h, ctx) => checkHabit(h, ctx));
export type HabitCreateBody = z.infer<typeof habitCreateBody>;

/** PUT: the habit's settings as a whole (its ticks stay). */
export const habitUpdateBody = z
  .object(habitFields)
  .strict()
  .superRefine((h, ctx) => checkHabit(h, ctx));
export type HabitUpdateBody = z.infer<typeof habitUpdateBody>;

export const habitTickParams = z.object({ id: idSchema, day: localDay });

export const habitView = z.object({
  id: z.string(),
  area: z.enum(HABIT_AREAS),
  suggestion: z.string().nullable(),
  title: z.string().nullable(),
  frequency: z.enum(HABIT_FREQUENCIES),
  timesPerWeek: z.number().int().nullable(),
  weekdays: z.array(z.number().int()).nullable(),
  reminderTime: z.string().nullable(),
  createdAt: z.string(),
  /** Local days ticked in the window the list covers (the last four weeks), oldest first. */
  ticks: z.array(z.string()),
});
export type HabitView = z.infer<typeof habitView>;

export const habitList = z.object({
  /** Today in the person's unit time zone: the day a tick is for. */
  today: z.string(),
  /** The first day the ticks cover. */
  since: z.string(),
  habits: z.array(habitView),
});
export type HabitList = z.infer<typeof habitList>;

export const tickView = z.object({ habitId: z.string(), day: z.string(), ticked: z.boolean() });
export type TickView = z.infer<typeof tickView>;
