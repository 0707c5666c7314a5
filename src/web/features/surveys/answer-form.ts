import { answerProblems, normaliseAnswers } from '../../../domain/surveys/answers.js';
import type { SurveyDefinition } from '../../../domain/surveys/definition.js';
import type { AnswerValue } from '../../../domain/surveys/tally.js';
import type { FieldErrors } from '../../api/client.js';
import type { MessageKey, TranslateFn } from '../../i18n.js';

/** What the person has chosen or typed so far, by question id. */
export type Answers = Record<string, AnswerValue>;

/** A multiple-choice answer with one option turned on or off, in the order the options are listed. */
export function toggleChoice(
  current: AnswerValue | undefined,
  optionId: string,
  on: boolean,
  order: readonly string[],
): string[] {
  const chosen = new Set(Array.isArray(current) ? current : []);
  if (on) chosen.add(optionId);
  else chosen.delete(optionId);
  return order.filter((id) => chosen.has(id));
}

/**
 * The form's own check, with the server's rules (answerProblems): one message per question, in the
 * person's words. Blank answers are dropped first, as the server stores them.
 */
export function answerErrors(def: SurveyDefinition, answers: Answers, t: TranslateFn): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of answerProblems(def, normaliseAnswers(answers))) {
    if (!(problem.questionId in errors)) errors[problem.questionId] = t(`validation.${problem.code}` as MessageKey);
  }
  return errors;
}

/** The server's 422 details (`answers.<questionId>`) as errors by question id; others under `_form`. */
export function serverAnswerErrors(fieldErrors: FieldErrors): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const questionId = path.startsWith('answers.') ? path.slice('answers.'.length) : '_form';
    if (!(questionId in errors)) errors[questionId] = message;
  }
  return errors;
}
