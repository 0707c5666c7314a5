import {
  SCALE_MAX,
  SCALE_MIN,
  isScoredQuestion,
  questionsOf,
  type LikertQuestion,
  type MultipleChoiceQuestion,
  type ScaleQuestion,
  type ScoredQuestion,
  type SingleChoiceQuestion,
  type SurveyDefinition,
} from './definition.js';

/**
 * Pure scoring of climate-survey answers (docs/surveys.md#scoring). Inputs are the answers of one
 * group, one entry per respondent, `null` when that respondent skipped the question; no anonymity
 * rule is applied here. Every figure carries its `n`, the count behind it, so that the caller can
 * withhold it under the threshold and the suppression rules of docs/privacy.md §2.
 *
 * Answers are trusted to have been checked on submission; one outside its question's range is a
 * bug upstream and throws rather than being silently dropped from a published figure.
 */

export interface PointCount {
  value: number;
  count: number;
}

/** A likert or 0–10 question: how the answers spread, their mean and the favourable share. */
export interface ScoredSummary {
  kind: 'likert' | 'scale';
  /** Respondents who answered. */
  n: number;
  /** Count per point as answered (as the labels read, before any reversal), lowest point first. */
  distribution: PointCount[];
  /** Mean on the question's own scale after reversal (1..points or 0..10); null when n = 0. */
  mean: number | null;
  /** Answers in the favourable range, after reversal. */
  favourableCount: number;
  /** favourableCount ÷ n; null when n = 0. */
  favourableShare: number | null;
}

export interface OptionCount {
  id: string;
  count: number;
  /** count ÷ n: for multiple choice the share of respondents who chose it, so shares may add up to more than 1. */
  share: number | null;
}

export interface ChoiceSummary {
  kind: 'single' | 'multiple';
  /** Respondents who answered. */
  n: number;
  options: OptionCount[];
}

/** A theme's index (docs/surveys.md#the-theme-index). */
export interface ThemeIndex {
  /** Respondents who answered at least one of the theme's items: the group size the threshold applies to. */
  n: number;
  /** Respondent-item answers pooled into the favourable share. */
  answers: number;
  /** Items with at least one answer, the ones averaged into `score`. */
  items: number;
  /** Favourable answers ÷ all answers, pooled over the items; null when nobody answered. */
  favourableShare: number | null;
  /** The mean of the items' means rescaled to 0–100; null when nobody answered. */
  score: number | null;
}

/** Point p of a negatively worded item counts as points + 1 − p, so that higher is always more favourable. */
export function reversePoint(value: number, points: number): number {
  return points + 1 - value;
}

/**
 * The lowest favourable point: the points above neutral, i.e. agree and strongly agree of 5, the
 * three agreeing points of 7.
 */
export function favourableFrom(points: number): number {
  return Math.floor(points / 2) + 2;
}

/**
 * 7 to 10 is favourable on the 0–10 scale: everything above the 0–6 that the common 0–10
 * convention (NPS) reads as unfavourable. The plain midpoint (6 and up) would count the lukewarm 6s
 * that people give when they do not want to say no; 7 keeps the share comparable with the
 * "agree or strongly agree" share of the likert items.
 */
export const SCALE_FAVOURABLE_FROM = 7;

/** The answers a question takes: 1..points for likert, 0–10 for scale. */
export function pointRange(question: ScoredQuestion): { min: number; max: number } {
  return question.kind === 'likert' ? { min: 1, max: question.points } : { min: SCALE_MIN, max: SCALE_MAX };
}

function checkPoint(question: ScoredQuestion, value: number): void {
  const { min, max } = pointRange(question);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`answer ${value} is outside ${min}..${max} of question ${question.id}`);
}

/** The answer as it counts: likert reversed for negatively worded items, scale as given. */
export function scoredValue(question: ScoredQuestion, value: number): number {
  return question.kind === 'likert' && question.reverse ? reversePoint(value, question.points) : value;
}

export function isFavourable(question: ScoredQuestion, value: number): boolean {
  const scored = scoredValue(question, value);
  return question.kind === 'likert' ? scored >= favourableFrom(question.points) : scored >= SCALE_FAVOURABLE_FROM;
}

/** A mean of the question's scale taken to 0–100, so that likert and 0–10 items average together. */
export function rescaleMean(question: ScoredQuestion, mean: number): number {
  return question.kind === 'likert' ? ((mean - 1) / (question.points - 1)) * 100 : mean * 10;
}

/** Distribution, mean and favourable share of a likert or 0–10 question. */
export function summariseScored(question: ScoredQuestion, answers: readonly (number | null)[]): ScoredSummary {
  const { min, max } = pointRange(question);
  const counts = new Array<number>(max - min + 1).fill(0);
  let n = 0;
  let sum = 0;
  let favourableCount = 0;
  for (const value of answers) {
    if (value === null) continue;
    checkPoint(question, value);
    n += 1;
    counts[value - min] = (counts[value - min] ?? 0) + 1;
    sum += scoredValue(question, value);
    if (isFavourable(question, value)) favourableCount += 1;
  }
  return {
    kind: question.kind,
    n,
    distribution: counts.map((count, i) => ({ value: min + i, count })),
    mean: n === 0 ? null : sum / n,
    favourableCount,
    favourableShare: n === 0 ? null : favourableCount / n,
  };
}

export function summariseLikert(question: LikertQuestion, answers: readonly (number | null)[]): ScoredSummary {
  return summariseScored(question, answers);
}

export function summariseScale(question: ScaleQuestion, answers: readonly (number | null)[]): ScoredSummary {
  return summariseScored(question, answers);
}

function optionIndex(question: SingleChoiceQuestion | MultipleChoiceQuestion): Map<string, number> {
  return new Map(question.options.map((option, i) => [option.id, i]));
}

function checkOption(question: SingleChoiceQuestion | MultipleChoiceQuestion, index: Map<string, number>, id: string) {
  const at = index.get(id);
  if (at === undefined) throw new RangeError(`option ${id} is not an option of question ${question.id}`);
  return at;
}

/** Count per option of a single-choice question, in the order of its options. */
export function countSingleChoice(question: SingleChoiceQuestion, answers: readonly (string | null)[]): ChoiceSummary {
  const index = optionIndex(question);
  const counts = new Array<number>(question.options.length).fill(0);
  let n = 0;
  for (const answer of answers) {
    if (answer === null) continue;
    const at = checkOption(question, index, answer);
    counts[at] = (counts[at] ?? 0) + 1;
    n += 1;
  }
  return { kind: 'single', n, options: optionCounts(question, counts, n) };
}

/**
 * For a multiple-choice question, how many respondents chose each option. A respondent who
 * answered with no option chosen ([]) counts in n; one who skipped (null) does not.
 */
export function countMultipleChoice(
  question: MultipleChoiceQuestion,
  answers: readonly (readonly string[] | null)[],
): ChoiceSummary {
  const index = optionIndex(question);
  const counts = new Array<number>(question.options.length).fill(0);
  let n = 0;
  for (const answer of answers) {
    if (answer === null) continue;
    // An option sent twice is still one respondent's choice.
    const chosen = new Set(answer.map((id) => checkOption(question, index, id)));
    if (question.maxChoices !== undefined && chosen.size > question.maxChoices)
      throw new RangeError(`${chosen.size} options chosen, at most ${question.maxChoices} allowed in ${question.id}`);
    for (const at of chosen) counts[at] = (counts[at] ?? 0) + 1;
    n += 1;
  }
  return { kind: 'multiple', n, options: optionCounts(question, counts, n) };
}

function optionCounts(
  question: SingleChoiceQuestion | MultipleChoiceQuestion,
  counts: number[],
  n: number,
): OptionCount[] {
  return question.options.map((option, i) => {
    const count = counts[i] ?? 0;
    return { id: option.id, count, share: n === 0 ? null : count / n };
  });
}

export interface ThemeItem {
  question: ScoredQuestion;
  /** One entry per respondent, in the same respondent order for every item of the theme. */
  answers: readonly (number | null)[];
}

/**
 * The index of a theme: the favourable share pooled over its answered items (each respondent-item
 * answer counts once) and the score, the mean of its items' means each rescaled to 0–100. Items
 * are averaged, not answers, so that an item many people skipped weighs as much as the others.
 */
export function themeIndex(items: readonly ThemeItem[]): ThemeIndex {
  const respondents = items[0]?.answers.length ?? 0;
  if (items.some((item) => item.answers.length !== respondents))
    throw new RangeError('every item of a theme needs one answer entry per respondent');
  const answered = new Array<boolean>(respondents).fill(false);
  let answers = 0;
  let favourable = 0;
  const rescaled: number[] = [];
  for (const { question, answers: values } of items) {
    const summary = summariseScored(question, values);
    if (summary.mean === null) continue;
    answers += summary.n;
    favourable += summary.favourableCount;
    rescaled.push(rescaleMean(question, summary.mean));
    values.forEach((value, i) => {
      if (value !== null) answered[i] = true;
    });
  }
  return {
    n: answered.filter(Boolean).length,
    answers,
    items: rescaled.length,
    favourableShare: answers === 0 ? null : favourable / answers,
    score: rescaled.length === 0 ? null : rescaled.reduce((a, b) => a + b, 0) / rescaled.length,
  };
}

/**
 * The index of every theme of a definition, from each question's answers keyed by question id. A
 * question with no entry counts as skipped by everyone.
 */
export function indexThemes(
  def: SurveyDefinition,
  answersByQuestion: ReadonlyMap<string, readonly (number | null)[]>,
): Map<string, ThemeIndex> {
  const respondents = Math.max(0, ...[...answersByQuestion.values()].map((answers) => answers.length));
  const skipped = new Array<null>(respondents).fill(null);
  const scored = questionsOf(def).filter(isScoredQuestion);
  return new Map(
    def.themes.map((theme) => [
      theme.id,
      themeIndex(
        scored
          .filter((question) => question.themeId === theme.id)
          .map((question) => ({ question, answers: answersByQuestion.get(question.id) ?? skipped })),
      ),
    ]),
  );
}
