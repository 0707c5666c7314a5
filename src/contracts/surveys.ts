import { z } from 'zod';
import { idSchema, requiredText } from './common.js';
import {
  LIKERT_POINTS,
  pathSegments,
  SURVEY_LIMITS,
  validateDefinition,
  type SurveyDefinition,
} from '../domain/surveys/definition.js';
import { SETTINGS } from '../domain/surveys/templates/template.js';
import { TEMPLATE_IDS } from '../domain/surveys/templates/index.js';

/**
 * Anonymous climate surveys (docs/surveys.md, docs/decisions/048-climate-surveys.md). Admin views
 * carry surveys, definitions and suppressed aggregates; the employee's views carry only whether
 * they have answered. No schema here has a field that could put a person beside an answer.
 */
export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export const EMPLOYMENT_TYPES = ['pns', 'pppk', 'non_asn'] as const;

// ── Definitions ──────────────────────────────────────────────────────────────────────────────

const localText = z.object({
  id: z.string().max(SURVEY_LIMITS.textMaxLength),
  en: z.string().max(SURVEY_LIMITS.textMaxLength),
});
const slug = z.string().max(SURVEY_LIMITS.idLength);
const base = { id: slug, text: localText, required: z.boolean(), help: localText.optional() };

const question = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('likert'),
    points: z.union(LIKERT_POINTS.map((p) => z.literal(p)) as [z.ZodLiteral<5>, z.ZodLiteral<7>]),
    labels: z.array(localText).max(7),
    reverse: z.literal(true).optional(),
    themeId: slug.optional(),
    followsAction: idSchema.optional(),
  }),
  z.object({ ...base, kind: z.literal('scale'), lowLabel: localText, highLabel: localText, themeId: slug.optional() }),
  z.object({
    ...base,
    kind: z.literal('single'),
    options: z.array(z.object({ id: slug, label: localText })).max(SURVEY_LIMITS.options + 1),
  }),
  z.object({
    ...base,
    kind: z.literal('multiple'),
    options: z.array(z.object({ id: slug, label: localText })).max(SURVEY_LIMITS.options + 1),
    maxChoices: z.number().int().optional(),
  }),
  z.object({ ...base, kind: z.literal('text'), maxLength: z.number().int() }),
]);

export const surveySection = z.object({
  id: slug,
  title: localText,
  intro: localText.optional(),
  questions: z.array(question).max(SURVEY_LIMITS.questions + 1),
});

const definitionShape = z.object({
  themes: z.array(z.object({ id: slug, name: localText, description: localText })).max(60),
  sections: z.array(surveySection).max(SURVEY_LIMITS.sections + 1),
});

/** A definition as the builder sends it: the shape here, the meaning in validateDefinition. */
export const surveyDefinition = definitionShape.superRefine((def, ctx) => {
  for (const problem of validateDefinition(def as SurveyDefinition))
    ctx.addIssue({ code: 'custom', message: problem.code, path: pathSegments(problem.path) });
});
export type SurveyDefinitionBody = z.infer<typeof surveyDefinition>;

// ── Templates ────────────────────────────────────────────────────────────────────────────────

export const surveyTemplateList = z.object({
  items: z.array(
    z.object({
      id: z.enum(TEMPLATE_IDS as [string, ...string[]]),
      name: localText,
      summary: localText,
      minutes: z.number().int(),
      questionCount: z.number().int(),
      themes: z.array(z.object({ id: z.string(), name: localText })),
      variants: z.array(z.enum(SETTINGS)),
    }),
  ),
});

// ── Surveys (wellbeing admin) ───────────────────────────────────────────────────────────────

const surveyFields = {
  title: requiredText(200),
  /** Each unit includes its sub-units. */
  unitIds: z.array(idSchema).min(1).max(200),
  /** Empty or absent: every employment type. */
  employmentTypes: z.array(z.enum(EMPLOYMENT_TYPES)).max(3).optional(),
  /** ISO dates, read in the agency's time zone: opens at the start of the day, closes at its end. */
  opensOn: z.iso.date(),
  closesOn: z.iso.date(),
  /** The earlier wave its results are compared with (same agency, closed). */
  previousSurveyId: idSchema.nullable().optional(),
};

export const surveyCreateBody = z
  .object({
    ...surveyFields,
    templateId: z.enum(TEMPLATE_IDS as [string, ...string[]]),
    variant: z.enum(SETTINGS).default('administration'),
  })
  .refine((s) => s.closesOn >= s.opensOn, { message: 'surveys.closes_before_opens', path: ['closesOn'] });
export type SurveyCreateBody = z.infer<typeof surveyCreateBody>;

/** A draft's fields; the definition too, while nobody has been asked. */
export const surveyUpdateBody = z
  .object({ ...surveyFields, definition: surveyDefinition.optional() })
  .refine((s) => s.closesOn >= s.opensOn, { message: 'surveys.closes_before_opens', path: ['closesOn'] });
export type SurveyUpdateBody = z.infer<typeof surveyUpdateBody>;

/** Reopening a closed survey is an exception, so it needs a reason, which the audit log keeps. */
export const surveyReopenBody = z.object({ reason: requiredText(500), closesOn: z.iso.date() });
export type SurveyReopenBody = z.infer<typeof surveyReopenBody>;

export const surveyParams = z.object({ id: idSchema });

export const surveyView = z.object({
  id: z.string(),
  title: z.string(),
  templateId: z.string().nullable(),
  variant: z.enum(SETTINGS).nullable(),
  status: z.enum(SURVEY_STATUSES),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  employmentTypes: z.array(z.enum(EMPLOYMENT_TYPES)),
  opensOn: z.string(),
  closesOn: z.string(),
  previousSurveyId: z.string().nullable(),
  questionCount: z.number().int(),
  /** Frozen at opening (A9); null while a draft. */
  threshold: z.number().int().nullable(),
  /** People asked, frozen at opening (A8); 0 while a draft. Organisational data, shown in full. */
  memberCount: z.number().int(),
  createdAt: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type SurveyView = z.infer<typeof surveyView>;
export const surveyDetail = surveyView.extend({ definition: definitionShape });
export type SurveyDetail = z.infer<typeof surveyDetail>;
export const surveyList = z.object({ items: z.array(surveyView) });

/** A count that may be withheld: null means fewer than k, or hidden so that another small group stays hidden. */
const maybeCount = z.number().int().nullable();

/**
 * How many have answered, per unit of the frozen tree, under A1–A5; republished only after k new
 * answers or at close (A7), so two looks a minute apart cannot tell who just answered.
 */
export const surveyProgress = z.object({
  surveyId: z.string(),
  threshold: z.number().int(),
  publishedAt: z.string(),
  memberCount: z.number().int(),
  answered: maybeCount,
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      parentId: z.string().nullable(),
      depth: z.number().int(),
      members: z.number().int(),
      answered: maybeCount,
    }),
  ),
});
export type SurveyProgress = z.infer<typeof surveyProgress>;

// ── The employee's side ──────────────────────────────────────────────────────────────────────

export const mySurvey = z.object({
  id: z.string(),
  title: z.string(),
  closesOn: z.string(),
  questionCount: z.number().int(),
  minutes: z.number().int(),
  answered: z.boolean(),
});
export const mySurveyList = z.object({ items: z.array(mySurvey) });
export const mySurveyDetail = mySurvey.extend({ definition: definitionShape });
export type MySurveyDetail = z.infer<typeof mySurveyDetail>;

/**
 * Answers keyed by question id: a point or score as a number, a single choice's option id, the
 * option ids of a multiple choice, free text. Checked against the frozen definition by the server
 * (answerProblems) and by the form, with the same rules.
 */
export const surveyAnswersBody = z.object({
  answers: z.record(
    slug,
    z.union([z.number().int(), z.string().max(SURVEY_LIMITS.textMaxLength), z.array(slug).max(SURVEY_LIMITS.options)]),
  ),
});
export type SurveyAnswersBody = z.infer<typeof surveyAnswersBody>;

// ── Results (wellbeing admin) ────────────────────────────────────────────────────────────────

/**
 * A figure of the results: its value, or null with the reason it is withheld —
 * `below_threshold` (fewer than k), `complementary` (hidden so that another small group stays
 * hidden), `depends_on_withheld` (computed from a withheld count), `uniform` (a mean that would
 * say everyone gave the same answer). docs/surveys.md#results-and-anonymity.
 */
export const resultFigure = z.object({
  value: z.number().nullable(),
  withheld: z.enum(['below_threshold', 'complementary', 'depends_on_withheld', 'uniform']).nullable(),
});
export type ResultFigureView = z.infer<typeof resultFigure>;

export const SURVEY_BANDS = ['unfavourable', 'neutral', 'favourable'] as const;
export const FILTER_ATTRIBUTES = ['employmentType', 'ageBand', 'serviceBand'] as const;

const questionResult = z.discriminatedUnion('kind', [
  z.object({
    questionId: z.string(),
    kind: z.enum(['likert', 'scale']),
    n: resultFigure,
    bands: z.array(z.object({ band: z.enum(SURVEY_BANDS), count: resultFigure })),
    /** Favourable ÷ n, 0..1. */
    favourableShare: resultFigure,
    /** On the question's own scale after reversal (1..points, or 0–10). */
    mean: resultFigure,
  }),
  z.object({
    questionId: z.string(),
    kind: z.literal('single'),
    n: resultFigure,
    options: z.array(z.object({ optionId: z.string(), count: resultFigure, share: resultFigure })),
  }),
  z.object({
    questionId: z.string(),
    kind: z.literal('multiple'),
    n: resultFigure,
    options: z.array(
      z.object({ optionId: z.string(), chosen: resultFigure, notChosen: resultFigure, share: resultFigure }),
    ),
  }),
  z.object({ questionId: z.string(), kind: z.literal('text'), n: resultFigure }),
]);
export type QuestionResultView = z.infer<typeof questionResult>;

const themeResult = z.object({
  themeId: z.string(),
  /** Favourable answers ÷ answers over the theme's items, 0..1. */
  favourableShare: resultFigure,
  /** The mean of the items' means rescaled to 0–100. */
  score: resultFigure,
});

export const nodeResult = z.object({
  /** A unit id, or `survey-total` for everyone asked. */
  nodeId: z.string(),
  unitName: z.string(),
  parentId: z.string().nullable(),
  depth: z.number().int(),
  /** People asked here (organisational data, shown in full). */
  members: z.number().int(),
  respondents: resultFigure,
  questions: z.array(questionResult),
  themes: z.array(themeResult),
});
export type NodeResultView = z.infer<typeof nodeResult>;

export const surveyResultsQuery = z.object({
  /** One breakdown at a time: `employmentType:pns`, `ageBand:30-39`, `serviceBand:5-14`. */
  filter: z
    .string()
    .regex(/^(employmentType|ageBand|serviceBand):[\w<+-]{1,20}$/, 'surveys.invalid_filter')
    .optional(),
});

/**
 * The results of a closed survey, computed once when it closed (A7: they never move), for the
 * viewer's units, under A1–A7 and A13 with complementary suppression across the unit tree and
 * every filter (docs/surveys.md#results-and-anonymity).
 */
export const surveyResults = z.object({
  surveyId: z.string(),
  title: z.string(),
  threshold: z.number().int(),
  commentThreshold: z.number().int(),
  computedAt: z.string(),
  filter: z.object({ attribute: z.enum(FILTER_ATTRIBUTES), value: z.string() }).nullable(),
  /** The breakdowns on offer: each attribute with the values some profile keeps. */
  filters: z.array(z.object({ attribute: z.enum(FILTER_ATTRIBUTES), values: z.array(z.string()) })),
  total: nodeResult,
  rows: z.array(nodeResult),
  /**
   * The earlier wave's figures for the same questions and themes, as that wave published them
   * (the same filter): the whole survey and each unit present in both. Null when there is none.
   */
  previous: z
    .object({
      surveyId: z.string(),
      title: z.string(),
      closedAt: z.string().nullable(),
      total: nodeResult,
      rows: z.array(nodeResult),
    })
    .nullable(),
});
export type SurveyResultsView = z.infer<typeof surveyResults>;

/** Comments of the groups of at least k_c respondents, masked, shuffled, dateless (A2, A10). */
export const surveyCommentsQuery = z.object({ unit: z.string().max(60).optional() });
export const surveyComments = z.object({
  surveyId: z.string(),
  commentThreshold: z.number().int(),
  groups: z.array(
    z.object({
      nodeId: z.string(),
      unitName: z.string(),
      questions: z.array(z.object({ questionId: z.string(), texts: z.array(z.string()) })),
    }),
  ),
});
export type SurveyCommentsView = z.infer<typeof surveyComments>;

/** The results as a spreadsheet or an A4 document: exactly the cells of the same view (docs/surveys.md#exports). */
export const surveyResultsExportQuery = surveyResultsQuery.extend({ format: z.enum(['xlsx', 'pdf']) });
