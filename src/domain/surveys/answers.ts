import { questionsOf, SCALE_MAX, SCALE_MIN, type Question, type SurveyDefinition } from './definition.js';
import type { AnswerValue } from './tally.js';

/**
 * Checks one respondent's answers against the survey's frozen definition (docs/surveys.md): the
 * form runs it before sending and the server before sealing, so both say the same thing. A
 * problem's `path` is the question id; its code is an i18n key.
 */
export const ANSWER_PROBLEM_CODES = [
  'surveys.answer.required',
  'surveys.answer.invalid',
  'surveys.answer.too_many_choices',
  'surveys.answer.too_long',
  'surveys.answer.unknown_question',
] as const;
export type AnswerProblemCode = (typeof ANSWER_PROBLEM_CODES)[number];

export interface AnswerProblem {
  questionId: string;
  code: AnswerProblemCode;
}

/** Blank text and empty choice lists count as not answered: optional questions may be left so. */
export function isBlank(answer: AnswerValue | undefined): boolean {
  if (answer === undefined) return true;
  if (typeof answer === 'string') return answer.trim() === '';
  return Array.isArray(answer) && answer.length === 0;
}

export function answerProblems(def: SurveyDefinition, answers: Readonly<Record<string, AnswerValue>>): AnswerProblem[] {
  const questions = questionsOf(def);
  const known = new Set(questions.map((q) => q.id));
  const problems: AnswerProblem[] = Object.keys(answers)
    .filter((id) => !known.has(id))
    .map((questionId) => ({ questionId, code: 'surveys.answer.unknown_question' }));
  for (const q of questions) {
    const answer = answers[q.id];
    if (isBlank(answer)) {
      if (q.required) problems.push({ questionId: q.id, code: 'surveys.answer.required' });
      continue;
    }
    const code = problemOf(q, answer!);
    if (code) problems.push({ questionId: q.id, code });
  }
  return problems;
}

function problemOf(q: Question, answer: AnswerValue): AnswerProblemCode | null {
  switch (q.kind) {
    case 'likert':
      return Number.isInteger(answer) && (answer as number) >= 1 && (answer as number) <= q.points
        ? null
        : 'surveys.answer.invalid';
    case 'scale':
      return Number.isInteger(answer) && (answer as number) >= SCALE_MIN && (answer as number) <= SCALE_MAX
        ? null
        : 'surveys.answer.invalid';
    case 'single':
      return typeof answer === 'string' && q.options.some((o) => o.id === answer) ? null : 'surveys.answer.invalid';
    case 'multiple': {
      if (!Array.isArray(answer)) return 'surveys.answer.invalid';
      const chosen = new Set(answer);
      if (chosen.size !== answer.length || answer.some((id) => !q.options.some((o) => o.id === id)))
        return 'surveys.answer.invalid';
      return q.maxChoices !== undefined && chosen.size > q.maxChoices ? 'surveys.answer.too_many_choices' : null;
    }
    case 'text':
      if (typeof answer !== 'string') return 'surveys.answer.invalid';
      return answer.trim().length > q.maxLength ? 'surveys.answer.too_long' : null;
  }
}

/** The answers as stored: blanks dropped, text trimmed, so a skipped question is simply absent. */
export function normaliseAnswers(answers: Readonly<Record<string, AnswerValue>>): Record<string, AnswerValue> {
  const kept: Record<string, AnswerValue> = {};
  for (const [id, answer] of Object.entries(answers)) {
    if (isBlank(answer)) continue;
    kept[id] = typeof answer === 'string' ? answer.trim() : answer;
  }
  return kept;
}
