import { cellKey, type Withheld, type WithheldReason } from '../anonymity/count-table.js';
import { thresholdOf } from '../anonymity/threshold.js';
import { movedBySmallAmount, rememberShown, type ShownHistory } from '../anonymity/time-differencing.js';
import { isScoredQuestion, SCALE_MAX, SCALE_MIN, type ScoredQuestion } from './definition.js';
import {
  BANDS,
  isServedSlice,
  RESPONDENTS,
  sliceColumn,
  SURVEY_TOTAL,
  surveyTable,
  type Band,
  type QuestionColumns,
  type Slice,
  type SurveyFilter,
  type SurveyTable,
  type SurveyTableInput,
} from './results-table.js';
import { decideInParts, prepareParts, unservedCells } from './results-components.js';
import { rescaleMean } from './scoring.js';

/**
 * The results of a climate survey (docs/surveys.md#results-and-anonymity): one object per view
 * (everyone, or one value of one attribute) from which the results page, the heat map (nodes ×
 * themes), the XLSX and the PDF are all drawn. Every figure is its true value or withheld with a
 * reason; nothing is rounded, blurred or shifted.
 *
 * The counts are decided by the anonymity engine over the whole survey table (results-table.ts) —
 * the unfiltered counts and those of every value of every attribute together, in parts that share
 * no equation (results-components.ts) — so every view is a projection of the same suppression and comparing views reveals nothing a
 * single view does not. Shares, means and theme indexes are then derived only from what is shown.
 */

/**
 * Why a figure is not shown. The engine's reasons for counts; for derived figures:
 * `depends_on_withheld` — a count it is computed from is withheld (or, for a mean, some band is
 * not known exactly); `uniform` — a mean at an end of the scale, which says everyone gave that answer.
 */
export type ResultWithheldReason = WithheldReason | 'depends_on_withheld' | 'uniform';

export interface ResultFigure {
  value: number | null;
  withheld: ResultWithheldReason | null;
}

export interface ScoredResult {
  questionId: string;
  kind: 'likert' | 'scale';
  n: ResultFigure;
  bands: { band: Band; count: ResultFigure }[];
  /** Favourable ÷ n (0..1). */
  favourableShare: ResultFigure;
  /** Mean on the question's own scale after reversal (1..points, or 0–10). */
  mean: ResultFigure;
}
export interface SingleChoiceResult {
  questionId: string;
  kind: 'single';
  n: ResultFigure;
  options: { optionId: string; count: ResultFigure; share: ResultFigure }[];
}
export interface MultipleChoiceResult {
  questionId: string;
  kind: 'multiple';
  n: ResultFigure;
  options: { optionId: string; chosen: ResultFigure; notChosen: ResultFigure; share: ResultFigure }[];
}
export interface TextResult {
  questionId: string;
  kind: 'text';
  /** Respondents who wrote something; the words are in commentGroups(). */
  n: ResultFigure;
}
export type QuestionResult = ScoredResult | SingleChoiceResult | MultipleChoiceResult | TextResult;

export interface ThemeResult {
  themeId: string;
  /** Favourable answers ÷ answers, pooled over the theme's items (0..1). */
  favourableShare: ResultFigure;
  /** The mean of the items' means rescaled to 0–100 (scoring.ts). */
  score: ResultFigure;
}

export interface NodeResult {
  /** A unit id, or SURVEY_TOTAL for the whole survey. */
  nodeId: string;
  /** The nearest row unit above, or null for a top unit (and for the total). */
  parentId: string | null;
  /** 0 for the top units and for the total. */
  depth: number;
  /** Members counted here (public; unfiltered even in a filtered view). */
  members: number;
  respondents: ResultFigure;
  questions: QuestionResult[];
  themes: ThemeResult[];
}

export interface SurveyResults {
  k: number;
  filter: SurveyFilter | null;
  total: NodeResult;
  /** The row units, parents before children. */
  rows: NodeResult[];
}

export interface SurveyResultsInput extends SurveyTableInput {
  /** The survey's frozen threshold (never below 5 whatever is passed: thresholdOf). */
  k: number;
  filter?: SurveyFilter | null;
}

/** The survey table with the engine's decision: what every view is projected from. */
export interface SuppressedSurvey {
  k: number;
  survey: SurveyTable;
  withheld: Withheld;
  themes: { themeId: string; items: QuestionColumns[] }[];
}

/**
 * Runs the anonymity engine over every count of every view, part by part. Fails closed: if the shown cells
 * broke a rule (a bug in the engine), it throws rather than answer.
 *
 * `history` is every value each cell was shown with by earlier results of the same survey (a
 * survey reopened and closed again, docs/surveys.md#reopening): a cell that moved by 1..k−1 since
 * would isolate the late answers by subtraction, so it is withheld and the rules run again, until
 * no shown cell moved by so little (A7, the guard campaigns use: time-differencing.ts).
 */
export function suppressSurvey(input: SurveyTableInput & { k: number; history?: ShownHistory }): SuppressedSurvey {
  const k = thresholdOf(input.k);
  const survey = surveyTable(input);
  // Decided part by part (respondents, then each question), each part checked before it is kept.
  const seed = unservedCells(survey);
  // The parts and their audits are cut once; a reopened survey's rounds decide them again.
  const parts = prepareParts(survey);
  let withheld = decideInParts(survey, k, seed, parts);
  const history = input.history;
  if (history)
    for (;;) {
      let moved = false;
      for (const [key, n] of survey.table.counts)
        if (!withheld.has(key) && movedBySmallAmount(history[key], n, k)) {
          seed.set(key, 'complementary');
          moved = true;
        }
      if (!moved) break;
      withheld = decideInParts(survey, k, seed, parts);
    }
  const themes = input.definition.themes.map((theme) => ({
    themeId: theme.id,
    items: survey.questions.filter((q) => isScoredQuestion(q.question) && q.question.themeId === theme.id),
  }));
  return { k, survey, withheld, themes };
}

/** The history after these results: every value shown earlier plus what these show. */
export function shownHistory(s: SuppressedSurvey, earlier: ShownHistory = {}): ShownHistory {
  return rememberShown(earlier, s.survey.table, s.withheld);
}

/** The results of one view: everyone (filter null) or one value of one attribute. */
export function surveyResults(input: SurveyResultsInput): SurveyResults {
  return projectResults(suppressSurvey(input), input.filter ?? null);
}

const withheldFigure = (reason: ResultWithheldReason): ResultFigure => ({ value: null, withheld: reason });
const shownFigure = (value: number): ResultFigure => ({ value, withheld: null });
const isShown = (f: ResultFigure): f is { value: number; withheld: null } => f.value !== null;

/**
 * One view of the suppressed survey. A filter value no profile keeps has no cells: every figure of
 * that view is withheld as below the threshold.
 */
export function projectResults(s: SuppressedSurvey, filter: SurveyFilter | null): SurveyResults {
  const slice: Slice | undefined =
    filter === null
      ? (s.survey.slices[0] as Slice)
      : s.survey.slices.find(
          (sl) => isServedSlice(sl) && sl.attribute === filter.attribute && sl.value === filter.value,
        );
  const nodeResult = (node: { id: string; parentId: string | null; depth: number }): NodeResult => {
    const count = (base: string): ResultFigure => {
      if (slice === undefined) return withheldFigure('below_threshold');
      const key = cellKey(node.id, sliceColumn(slice, base));
      const reason = s.withheld.get(key);
      if (reason) return withheldFigure(reason);
      const value = s.survey.table.counts.get(key);
      return value === undefined ? withheldFigure('below_threshold') : shownFigure(value);
    };
    const questions = s.survey.questions.map((q) => questionResult(s, q, count, node.id, slice));
    const byId = new Map(questions.map((q) => [q.questionId, q]));
    return {
      nodeId: node.id,
      parentId: node.parentId === SURVEY_TOTAL ? null : node.parentId,
      depth: Math.max(0, node.depth - 1),
      members: s.survey.members.get(node.id) ?? 0,
      respondents: count(RESPONDENTS),
      questions,
      themes: s.themes.map(({ themeId, items }) =>
        themeResult(
          themeId,
          items.map((q) => byId.get(q.question.id) as ScoredResult),
          items.map((q) => q.question as ScoredQuestion),
        ),
      ),
    };
  };
  const [total, ...rows] = s.survey.nodes.map(nodeResult);
  return { k: s.k, filter, total: total as NodeResult, rows };
}

const share = (part: ResultFigure, n: ResultFigure): ResultFigure =>
  isShown(part) && isShown(n) && n.value > 0
    ? shownFigure(part.value / n.value)
    : withheldFigure('depends_on_withheld');

function questionResult(
  s: SuppressedSurvey,
  q: QuestionColumns,
  count: (base: string) => ResultFigure,
  nodeId: string,
  slice: Slice | undefined,
): QuestionResult {
  const question = q.question;
  const n = count(q.n);
  if (isScoredQuestion(question)) {
    const bands = BANDS.map((band, i) => ({ band, count: count(q.parts[i] as string) }));
    const favourable = bands[2]?.count as ResultFigure;
    const sum = slice === undefined ? undefined : s.survey.sums.get(cellKey(nodeId, sliceColumn(slice, q.n)));
    return {
      questionId: question.id,
      kind: question.kind,
      n,
      bands,
      favourableShare: share(favourable, n),
      mean: meanFigure(question, n, bands, sum),
    };
  }
  if (question.kind === 'single')
    return {
      questionId: question.id,
      kind: 'single',
      n,
      options: question.options.map((o, i) => {
        const c = count(q.parts[i] as string);
        return { optionId: o.id, count: c, share: share(c, n) };
      }),
    };
  if (question.kind === 'multiple')
    return {
      questionId: question.id,
      kind: 'multiple',
      n,
      options: question.options.map((o, i) => {
        const chosen = count(q.parts[i] as string);
        return { optionId: o.id, chosen, notChosen: count(q.notChosen[i] as string), share: share(chosen, n) };
      }),
    };
  return { questionId: question.id, kind: 'text', n };
}

/**
 * A mean is shown only when the reader already knows every band exactly — n shown and the shown
 * bands adding up to it (a withheld band is then known to be 0) — so that it only tells how
 * answers spread inside bands of at least k people; and never at an end of the scale, which would
 * say that everyone gave the same answer (docs/surveys.md#results-and-anonymity).
 */
function meanFigure(
  question: ScoredQuestion,
  n: ResultFigure,
  bands: { count: ResultFigure }[],
  sum: number | undefined,
): ResultFigure {
  if (!isShown(n) || n.value === 0 || sum === undefined) return withheldFigure('depends_on_withheld');
  const known = bands.reduce((total, b) => total + (b.count.value ?? 0), 0);
  if (known !== n.value) return withheldFigure('depends_on_withheld');
  const mean = sum / n.value;
  const [min, max] = question.kind === 'likert' ? [1, question.points] : [SCALE_MIN, SCALE_MAX];
  if (mean <= min || mean >= max) return withheldFigure('uniform');
  return shownFigure(mean);
}

/** A theme's figures exist only when every item's figures they use are shown. */
function themeResult(themeId: string, items: ScoredResult[], questions: ScoredQuestion[]): ThemeResult {
  let answers = 0;
  let favourable = 0;
  let shareShown = items.length > 0;
  for (const item of items) {
    const fav = item.bands[2]?.count as ResultFigure;
    if (!isShown(item.n) || !isShown(fav) || item.n.value === 0) shareShown = false;
    else {
      answers += item.n.value;
      favourable += fav.value;
    }
  }
  const scoreShown = items.length > 0 && items.every((item) => isShown(item.mean));
  const rescaled = items.map((item, i) => rescaleMean(questions[i] as ScoredQuestion, item.mean.value ?? 0));
  return {
    themeId,
    favourableShare: shareShown ? shownFigure(favourable / answers) : withheldFigure('depends_on_withheld'),
    score: scoreShown
      ? shownFigure(rescaled.reduce((a, b) => a + b, 0) / rescaled.length)
      : withheldFigure('depends_on_withheld'),
  };
}
