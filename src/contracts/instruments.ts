import { z } from 'zod';
import { INSTRUMENT_IDS } from '../domain/instruments/types.js';
import { localeSchema } from './common.js';

/**
 * The scoring contract of docs/instruments.md §15 over HTTP. Texts come back in one
 * language: `?lang=id|en`, else the session's or the browser's.
 */
export const instrumentIdSchema = z.enum(INSTRUMENT_IDS);
export const instrumentParams = z.object({ id: instrumentIdSchema });
export const langQuery = z.object({ lang: localeSchema.optional() });

export const instrumentSummary = z.object({
  id: instrumentIdSchema,
  version: z.string(),
  abbreviation: z.string(),
  name: z.string(),
  measures: z.string(),
  recall: z.string().nullable(),
  minutes: z.number().int(),
  itemCount: z.number().int(),
  /** Items that trigger the crisis pathway (PHQ-9 item 9, SRQ-20 item 17). */
  hasCrisisItems: z.boolean(),
  bandsAreIndicative: z.boolean(),
  translation: z.object({ kind: z.enum(['published', 'careful_translation']), source: z.string() }),
  source: z.string(),
  licence: z.string(),
  loinc: z.object({ panel: z.string(), total: z.string().optional() }).nullable(),
});
export type InstrumentSummary = z.infer<typeof instrumentSummary>;

export const instrumentItemView = z.object({
  number: z.number().int(),
  text: z.string(),
  options: z.array(z.object({ value: z.number(), label: z.string(), loinc: z.string().optional() })),
  reverse: z.boolean(),
  subscale: z.string().nullable(),
  required: z.boolean(),
  crisis: z.boolean(),
  /** K10: not asked when item `whenItem` was answered `equals`. */
  skip: z.object({ whenItem: z.number().int(), equals: z.number() }).nullable(),
  /** CBI client scale: asked only of people who serve the public directly. */
  optionalBlock: z.string().nullable(),
  loinc: z.string().nullable(),
});

export const instrumentDefinitionView = instrumentSummary.extend({
  instructions: z.string(),
  scoringNote: z.string(),
  items: z.array(instrumentItemView),
  bands: z.array(z.object({ code: z.string(), min: z.number(), max: z.number(), label: z.string() })),
  totalRange: z.object({ min: z.number(), max: z.number() }).nullable(),
});
export type InstrumentDefinitionView = z.infer<typeof instrumentDefinitionView>;

/**
 * Answers in item order: the numeric option value as printed, or null for unanswered. Checked by
 * the domain scorer, which answers 422 naming the item and the problem.
 */
export const answersSchema = z.array(z.unknown()).max(100);
export const scoreBody = z.object({ answers: answersSchema });

const subscaleView = z.object({
  score: z.number(),
  band: z.enum(['low', 'high']),
  band4: z.enum(['low', 'moderate', 'high', 'severe']),
});

/** docs/instruments.md §15: optional keys appear only for the instruments they belong to. */
export const scoreResultView = z.object({
  instrumentId: instrumentIdSchema,
  total: z.number().nullable(),
  band: z.string().nullable(),
  crisis: z.boolean(),
  percent: z.number().nullable().optional(),
  bandAbs: z.string().nullable().optional(),
  flags: z.object({ anyItem0Or1: z.boolean() }).optional(),
  subscales: z.record(z.string(), subscaleView.nullable()).optional(),
});
export type ScoreResultView = z.infer<typeof scoreResultView>;
