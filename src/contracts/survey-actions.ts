import { z } from 'zod';
import { idSchema, requiredText } from './common.js';
import { resultFigure, surveySection } from './surveys.js';
import { ACTION_STATUSES } from '../domain/survey-actions/actions.js';
import { MAX_SELECTED } from '../domain/survey-actions/publication.js';

/**
 * Publication of a closed survey's results to its staff, and the action plans decided on them
 * (docs/decisions/051-survey-publication-and-actions.md). Figures here are copies of the stored,
 * already suppressed results cells: a withheld figure is null with its reason, shown as "—".
 */
export { ACTION_STATUSES };
export const PUBLICATION_STATUSES = ['none', 'draft', 'published', 'unpublished'] as const;
/** The whole survey, as a result cell's node. */
export const SURVEY_TOTAL_NODE = 'survey-total';

const localText = z.object({ id: z.string(), en: z.string() });
const themeList = z.array(z.object({ id: z.string(), name: localText }));
const nodeId = z.union([z.literal(SURVEY_TOTAL_NODE), idSchema]);

// ── The loop between waves (docs/surveys.md#the-loop) ──────────────────────────────────────────

const themeFigures = z.object({ favourableShare: resultFigure, score: resultFigure });
/** An action's figures across two waves, copied from their stored results; "—" where withheld. */
export const followUpFigures = z.object({
  actionId: z.string(),
  /** "Did it help?" in the next wave, all its respondents; null if that wave did not ask. */
  helped: z.object({ n: resultFigure, favourableShare: resultFigure }).nullable(),
  before: themeFigures.nullable(),
  after: themeFigures.nullable(),
  /** Favourable share after − before, in percentage points; null unless both are shown. */
  change: z.number().nullable(),
});
export type FollowUpFiguresView = z.infer<typeof followUpFigures>;

/** The previous wave's actions that a publication's survey asked about, with their figures. */
const followUpItem = z.object({
  action: z.object({
    id: z.string(),
    title: z.string(),
    unitName: z.string(),
    themeName: localText,
    status: z.enum(ACTION_STATUSES),
  }),
  figures: followUpFigures,
});
export type FollowUpItem = z.infer<typeof followUpItem>;
/** A next wave's word on the previous wave's actions; null when it names no previous wave or asked about none. */
const followUpOfWave = z.object({ previousTitle: z.string(), items: z.array(followUpItem) }).nullable();
export type FollowUpOfWave = z.infer<typeof followUpOfWave>;

/** For the builder of a next wave: one question per action shared after the previous wave. */
export const followUpSectionView = z.object({
  previous: z.object({ id: z.string(), title: z.string() }),
  /** Shared, not cancelled actions of the previous wave; the section asks about at most 20. */
  actionCount: z.number().int(),
  section: surveySection.nullable(),
});
export type FollowUpSectionView = z.infer<typeof followUpSectionView>;

// ── Publication (wellbeing admin) ─────────────────────────────────────────────────────────────

/** "What we heard" and the cells chosen; saving while published updates it without notifying. */
export const publicationBody = z.object({
  summary: requiredText(4000),
  /** Cells as `nodeId|themeId`; only cells the results serve are accepted (422 otherwise). */
  figures: z.array(z.string().max(120)).max(MAX_SELECTED),
});
export type PublicationBody = z.infer<typeof publicationBody>;

/** Taking a publication down is an exception: its reason is kept in the audit log. */
export const unpublishBody = z.object({ reason: requiredText(500) });
export type UnpublishBody = z.infer<typeof unpublishBody>;

const publicationCell = z.object({
  nodeId: z.string(),
  unitName: z.string(),
  depth: z.number().int(),
  themeId: z.string(),
  favourableShare: resultFigure,
  score: resultFigure,
  served: z.boolean(),
});

export const publicationAdminView = z.object({
  surveyId: z.string(),
  title: z.string(),
  status: z.enum(PUBLICATION_STATUSES),
  summary: z.string(),
  /** The chosen cells; for a survey never saved, every served cell (transparent by default). */
  selected: z.array(z.string()),
  publishedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  unpublishedReason: z.string().nullable(),
  /** Who will see it: the survey's frozen members, and its units. */
  audience: z.object({ members: z.number().int(), units: z.array(z.string()) }),
  themes: themeList,
  cells: z.array(publicationCell),
  /** What the loop adds when published: the previous wave's actions this survey asked about. */
  followUp: followUpOfWave,
});
export type PublicationAdminView = z.infer<typeof publicationAdminView>;

// ── Actions (wellbeing admin) ─────────────────────────────────────────────────────────────────

const actionFields = {
  title: requiredText(200),
  description: z.string().trim().max(4000),
  /** Who carries it, as a role or unit ("Kepala Subbagian Umum"): it outlasts the person in it. */
  owner: requiredText(200),
  dueOn: z.iso.date(),
  /** Whole rupiah, or null for no budget line; a negative amount is refused (422). */
  budget: z.number().int().nullable(),
  status: z.enum(ACTION_STATUSES),
  /** Shown to the staff of the action's unit subtree through the publication. */
  published: z.boolean(),
};

export const actionCreateBody = z.object({ ...actionFields, nodeId, themeId: z.string().min(1).max(40) });
export type ActionCreateBody = z.infer<typeof actionCreateBody>;
export const actionUpdateBody = z.object(actionFields);
export type ActionUpdateBody = z.infer<typeof actionUpdateBody>;

export const actionNoteBody = z.object({ notedOn: z.iso.date(), text: requiredText(2000) });
export type ActionNoteBody = z.infer<typeof actionNoteBody>;

export const actionListQuery = z.object({
  status: z.enum(ACTION_STATUSES).optional(),
  surveyId: idSchema.optional(),
});

export const actionParams = z.object({ id: idSchema });

export const actionView = z.object({
  id: z.string(),
  surveyId: z.string(),
  surveyTitle: z.string(),
  nodeId: z.string(),
  /** The unit's name; empty for the whole survey. */
  unitName: z.string(),
  themeId: z.string(),
  themeName: localText,
  title: z.string(),
  description: z.string(),
  owner: z.string(),
  dueOn: z.string(),
  budget: z.number().int().nullable(),
  status: z.enum(ACTION_STATUSES),
  published: z.boolean(),
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActionView = z.infer<typeof actionView>;
export const actionList = z.object({ items: z.array(actionView) });

const note = z.object({ id: z.string(), notedOn: z.string(), text: z.string() });
export const actionDetail = actionView.extend({
  notes: z.array(note.extend({ authorName: z.string(), createdAt: z.string() })),
  /** Once a next wave is closed: its answer to "did it help?" and the theme's change, from stored results. */
  followUp: z.object({ surveyId: z.string(), title: z.string(), figures: followUpFigures }).nullable(),
});
export type ActionDetail = z.infer<typeof actionDetail>;

// ── The staff's side ──────────────────────────────────────────────────────────────────────────

export const myPublicationList = z.object({
  items: z.array(z.object({ surveyId: z.string(), title: z.string(), publishedAt: z.string(), updatedAt: z.string() })),
});

/**
 * A publication as a member of the survey reads it: the summary, the figures published (copied,
 * never recomputed), and the published actions of their unit subtree and of the whole survey,
 * with their progress. Nothing here says who answered.
 */
export const myPublication = z.object({
  surveyId: z.string(),
  title: z.string(),
  summary: z.string(),
  publishedAt: z.string(),
  updatedAt: z.string(),
  themes: themeList,
  /** The whole survey's row (every theme, "—" where nothing is published) and units with figures. */
  rows: z.array(
    z.object({
      nodeId: z.string(),
      unitName: z.string(),
      themes: z.array(z.object({ themeId: z.string(), favourableShare: resultFigure, score: resultFigure })),
    }),
  ),
  actions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      owner: z.string(),
      dueOn: z.string(),
      budget: z.number().int().nullable(),
      status: z.enum(ACTION_STATUSES),
      unitName: z.string(),
      themeName: localText,
      notes: z.array(note),
      /** What the next wave's publication says about it, once that is published. */
      followUp: z.object({ title: z.string(), figures: followUpFigures }).nullable(),
    }),
  ),
  /** The previous wave's actions this survey asked about, as published with it. */
  followUp: followUpOfWave,
});
export type MyPublication = z.infer<typeof myPublication>;
