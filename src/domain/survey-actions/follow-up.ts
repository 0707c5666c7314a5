import type { LikertQuestion, Section, SurveyDefinition } from '../surveys/definition.js';
import { questionsOf } from '../surveys/definition.js';
import type { QuestionResult, ResultFigure } from '../surveys/results.js';
import { AGREE_5, t } from '../surveys/templates/items.js';
import { cellKey, type PublicationCell } from './publication.js';

/**
 * The loop (docs/surveys.md#the-loop): the next wave asks, for each action shared with staff after
 * the previous wave, whether it helped; the action then shows that answer and how its theme moved
 * in its unit between the two waves. Every figure here is a copy of a stored, already suppressed
 * cell of one wave or the other — nothing is recomputed, and a withheld figure stays withheld.
 */

export const FOLLOW_UP_SECTION_ID = 'tindak-lanjut';
/** A long follow-up section is skipped; the most recent decisions are the ones people remember. */
export const MAX_FOLLOW_UP_QUESTIONS = 20;

export interface ActionToFollow {
  id: string;
  title: string;
  /** The unit the action is for; empty for the whole survey. */
  unitName: string;
}

/** Question ids are slugs (definition.ts); an action id is a lower-case UUID, so this is one too. */
export const followUpQuestionId = (actionId: string) => `tl-${actionId}`;

const unitSuffix = (unitName: string) => (unitName ? ` (${unitName})` : '');

function followUpQuestion(action: ActionToFollow): LikertQuestion {
  const unit = unitSuffix(action.unitName);
  return {
    id: followUpQuestionId(action.id),
    kind: 'likert',
    points: 5,
    labels: AGREE_5,
    // Optional: people outside the action's unit, or who never met it, skip it rather than guess.
    required: false,
    followsAction: action.id,
    text: t(
      `Tindakan “${action.title}”${unit} membantu memperbaiki keadaan di tempat kerja saya.`,
      `The action “${action.title}”${unit} has helped improve things where I work.`,
    ),
  };
}

/** The section that asks about the previous wave's shared actions, at most MAX_FOLLOW_UP_QUESTIONS of them. */
export function followUpSection(actions: readonly ActionToFollow[], previousTitle: string): Section {
  return {
    id: FOLLOW_UP_SECTION_ID,
    title: t('Tindak lanjut survei sebelumnya', 'Follow-up on the previous survey'),
    intro: t(
      `Setelah survei “${previousTitle}”, instansi memutuskan tindakan berikut. Apakah tindakan itu membantu? Lewati tindakan yang tidak Anda ketahui.`,
      `After the survey “${previousTitle}”, the agency decided on the actions below. Did they help? Skip any action you do not know about.`,
    ),
    questions: actions.slice(0, MAX_FOLLOW_UP_QUESTIONS).map(followUpQuestion),
  };
}

/** The definition with the follow-up section in place: an earlier one replaced where it stood, else added last. */
export function withFollowUpSection(definition: SurveyDefinition, section: Section): SurveyDefinition {
  const at = definition.sections.findIndex((s) => s.id === section.id);
  const sections =
    at === -1 ? [...definition.sections, section] : definition.sections.map((s, i) => (i === at ? section : s));
  return { ...definition, sections };
}

/** Which question of a definition asks about which action. */
export function followedActions(definition: SurveyDefinition): Map<string, string> {
  const byAction = new Map<string, string>();
  for (const q of questionsOf(definition))
    if (q.kind === 'likert' && q.followsAction !== undefined) byAction.set(q.followsAction, q.id);
  return byAction;
}

export interface ThemeFigures {
  favourableShare: ResultFigure;
  score: ResultFigure;
}

export interface FollowUpFigures {
  actionId: string;
  /** The next wave's answer to "did it help?" over all its respondents; null if it was not asked. */
  helped: { n: ResultFigure; favourableShare: ResultFigure } | null;
  /** The action's theme in its unit (or the whole survey) in its own wave; null if that cell is gone. */
  before: ThemeFigures | null;
  /** The same cell in the next wave; null when the unit or the theme is not in it. */
  after: ThemeFigures | null;
  /** after − before of the favourable share in whole percentage points as shown (47% − 42% = 5); null unless both are shown. */
  change: number | null;
}

/** A closed wave's stored results, as far as the loop reads them. */
export interface WaveResults {
  cells: readonly PublicationCell[];
  /** The whole survey's questions (the unfiltered view's total row). */
  totalQuestions: readonly QuestionResult[];
}

const themeFigures = (cell: PublicationCell | undefined): ThemeFigures | null =>
  cell ? { favourableShare: cell.favourableShare, score: cell.score } : null;

/**
 * Each action's figures across the two waves, copied from the stored cells. `nextDefinition` says
 * which question asked about which action.
 */
export function followUpFigures(
  actions: ReadonlyArray<{ id: string; nodeId: string; themeId: string }>,
  before: WaveResults,
  after: WaveResults,
  nextDefinition: SurveyDefinition,
): FollowUpFigures[] {
  const beforeCells = new Map(before.cells.map((c) => [cellKey(c.nodeId, c.themeId), c]));
  const afterCells = new Map(after.cells.map((c) => [cellKey(c.nodeId, c.themeId), c]));
  const questions = new Map(after.totalQuestions.map((q) => [q.questionId, q]));
  const asked = followedActions(nextDefinition);
  return actions.map((action) => {
    const key = cellKey(action.nodeId, action.themeId);
    const was = themeFigures(beforeCells.get(key));
    const is = themeFigures(afterCells.get(key));
    const questionId = asked.get(action.id);
    const answer = questionId === undefined ? undefined : questions.get(questionId);
    const helped =
      answer && (answer.kind === 'likert' || answer.kind === 'scale')
        ? { n: answer.n, favourableShare: answer.favourableShare }
        : null;
    return { actionId: action.id, helped, before: was, after: is, change: changeOf(was, is) };
  });
}

/** The difference of the two percentages a reader sees, so the arrow agrees with the figures beside it. */
function changeOf(was: ThemeFigures | null, is: ThemeFigures | null): number | null {
  const a = was?.favourableShare.value;
  const b = is?.favourableShare.value;
  if (a === null || a === undefined || b === null || b === undefined) return null;
  return Math.round(b * 100) - Math.round(a * 100);
}
