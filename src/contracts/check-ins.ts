// First: zod's configuration must precede every schema (see zod-setup.ts).
import './zod-setup.js';
import { z } from 'zod';

/**
 * The daily check-in (docs/decisions/032-check-ins.md): how the person is today, in under twenty
 * seconds on a phone. Only the person reads or writes it (docs/privacy.md §1.1): every route is
 * `own`. Scales run 1–5 with the meaning written beside each; only the mood is required, so a
 * hurried day is still one tap.
 */

export const MOODS = [1, 2, 3, 4, 5] as const;
export const WORKLOADS = ['light', 'right', 'heavy'] as const;
export type Workload = (typeof WORKLOADS)[number];

/** Ready tags; the person may add their own words beside them. */
export const SUGGESTED_TAGS = [
  'rapat',
  'target',
  'lembur',
  'keluarga',
  'perjalanan_dinas',
  'sakit',
  'olahraga',
  'libur',
] as const;
export const MAX_TAGS = 12;
export const MAX_TAG = 30;
export const MAX_NOTE = 1000;
/** Days back from today that may still be changed: today and yesterday (the day after, read-only). */
export const EDITABLE_DAYS = 2;
/** The longest range one list may cover (a year and a day, for a year of trends). */
export const MAX_RANGE_DAYS = 366;

const scale = z.number().int('not_integer').min(1).max(5);
const minutes = z.number().int('not_integer').min(0).max(1440);
const tag = z
  .string()
  .trim()
  .min(1, 'required')
  .max(MAX_TAG)
  .transform((v) => v.toLocaleLowerCase('id'));

/** What the person sends; everything but the mood may be left out. */
export const checkInContent = z.object({
  mood: scale,
  stress: scale.nullable().default(null),
  energy: scale.nullable().default(null),
  sleepMinutes: minutes.nullable().default(null),
  sleepQuality: scale.nullable().default(null),
  activityMinutes: minutes.nullable().default(null),
  workload: z.enum(WORKLOADS).nullable().default(null),
  note: z
    .string()
    .trim()
    .max(MAX_NOTE)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
  tags: z
    .array(tag)
    .max(MAX_TAGS, 'check_in.too_many_tags')
    .default([])
    .transform((list) => [...new Set(list)]),
});

/** POST body: the day it is for (the person's local date) and the content. */
export const checkInBody = checkInContent.extend({ localDate: z.iso.date() });

export type CheckInContent = z.output<typeof checkInContent>;
export type CheckInBody = z.input<typeof checkInBody>;
export type CheckInInput = z.output<typeof checkInBody>;

export const checkInView = z.object({
  localDate: z.iso.date(),
  mood: z.number().int(),
  stress: z.number().int().nullable(),
  energy: z.number().int().nullable(),
  sleepMinutes: z.number().int().nullable(),
  sleepQuality: z.number().int().nullable(),
  activityMinutes: z.number().int().nullable(),
  workload: z.enum(WORKLOADS).nullable(),
  note: z.string().nullable(),
  tags: z.array(z.string()),
  /** Whether the day may still be changed (today or yesterday in the person's time zone). */
  editable: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CheckInView = z.infer<typeof checkInView>;

export const checkInListQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type CheckInListQuery = z.infer<typeof checkInListQuery>;

export const checkInList = z.object({
  /** Today in the person's unit time zone, and that zone, so the page shows the days the server counts. */
  today: z.iso.date(),
  timeZone: z.string(),
  /** The first day that may still be changed. */
  editableFrom: z.iso.date(),
  from: z.iso.date(),
  to: z.iso.date(),
  items: z.array(checkInView),
});
export type CheckInList = z.infer<typeof checkInList>;

/* Personal insights (docs/decisions/036-insights.md): computed on request, never stored. */

export const INSIGHT_DAYS = ['7', '30', '90', '365'] as const;

export const insightsQuery = z.object({
  days: z.enum(INSIGHT_DAYS).default('30'),
});
export type InsightsQuery = z.infer<typeof insightsQuery>;

const workloadCount = z.object({ light: z.number().int(), right: z.number().int(), heavy: z.number().int() });
const averages = z.object({
  days: z.number().int(),
  mood: z.number().nullable(),
  stress: z.number().nullable(),
  energy: z.number().nullable(),
  sleepMinutes: z.number().nullable(),
  activityMinutes: z.number().nullable(),
  workload: workloadCount,
});
const side = z.object({ days: z.number().int(), mean: z.number() });

export const insightsView = z.object({
  days: z.number().int(),
  today: z.iso.date(),
  timeZone: z.string(),
  /** The period shown (`from`..`today`) and the one before it, compared in `averages`. */
  from: z.iso.date(),
  previousFrom: z.iso.date(),
  /** One point per day of the period, oldest first; null where there was no check-in. */
  series: z.array(
    z.object({
      day: z.iso.date(),
      mood: z.number().int().nullable(),
      stress: z.number().int().nullable(),
      energy: z.number().int().nullable(),
      sleepMinutes: z.number().int().nullable(),
      activityMinutes: z.number().int().nullable(),
      workload: z.enum(WORKLOADS).nullable(),
    }),
  ),
  /** Runs of consecutive days within the last year (and the period before a year-long one). */
  streaks: z.object({ current: z.number().int(), longest: z.number().int() }),
  averages: z.object({ current: averages, previous: averages }),
  patterns: z.array(
    z.object({
      id: z.enum(['sleep_mood', 'workload_mood', 'workload_stress', 'activity_mood', 'tag_mood', 'weekday_mood']),
      measure: z.enum(['mood', 'stress']),
      days: z.number().int(),
      group: side,
      rest: side,
      /** The person's own tag (only theirs to see), for a tag pattern. */
      tag: z.string().nullable(),
      /** ISO weekday (1 = Monday), for a weekday pattern. */
      weekday: z.number().int().min(1).max(7).nullable(),
    }),
  ),
  nudges: z.array(
    z.object({
      id: z.enum(['very_low_mood', 'low_mood', 'heavy_workload']),
      days: z.number().int(),
      matching: z.number().int(),
      windowDays: z.number().int(),
      steps: z.array(z.enum(['help_contacts', 'self_check_phq9', 'talk_to_someone', 'plan_week', 'breathing'])),
      articles: z.array(z.string()),
    }),
  ),
  /** The thresholds the page explains ("patterns appear after 14 check-ins"). */
  minPatternDays: z.number().int(),
});
export type InsightsView = z.infer<typeof insightsView>;
