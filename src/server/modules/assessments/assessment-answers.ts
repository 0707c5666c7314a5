import { INSTRUMENTS } from '../../../domain/instruments/catalog.js';
import { findAnswerProblems, scoreAnswers } from '../../../domain/instruments/scoring.js';
import { answerIssues, type NotAskedProblem } from '../../../domain/instruments/answer-issues.js';
import type { Answer, AnswerProblem, InstrumentId, ScoreResult } from '../../../domain/instruments/types.js';
import { FieldValidationError } from '../../http/errors.js';

/** The API's 422 `answers_invalid` for answers the scorer refused, naming each item. */
export function answersInvalid(problems: ReadonlyArray<AnswerProblem | NotAskedProblem>): FieldValidationError {
  return new FieldValidationError(answerIssues(problems), 'answers_invalid');
}

/**
 * CBI client scale (docs/instruments.md §7): asked only of people who serve the public directly. For anyone
 * else those items must stay unanswered, or the client sub-scale would score questions never asked.
 */
function notAskedProblems(
  instrumentId: InstrumentId,
  answers: readonly unknown[],
  servesPublic: boolean,
): NotAskedProblem[] {
  if (servesPublic) return [];
  return INSTRUMENTS[instrumentId].items.flatMap((item, i) =>
    item.optionalBlock === 'client' && answers[i] !== null && answers[i] !== undefined
      ? [{ item: item.number, code: 'not_asked' as const, params: {} }]
      : [],
  );
}

/** Scores a submission with the exact domain scorer, or throws 422 `answers_invalid` naming each item. */
export function scoreSubmission(
  instrumentId: InstrumentId,
  answers: readonly unknown[],
  servesPublic: boolean,
): { result: ScoreResult; answers: Answer[] } {
  const outcome = scoreAnswers(instrumentId, answers);
  if (!outcome.ok) throw answersInvalid(outcome.problems);
  const notAsked = notAskedProblems(instrumentId, answers, servesPublic);
  if (notAsked.length > 0) throw answersInvalid(notAsked);
  return { result: outcome.result, answers: answers.map((a) => (a === undefined ? null : (a as Answer))) };
}

/**
 * Checks a draft: the right length and allowed values, where unanswered items are of course
 * fine (a draft is unfinished by nature), so the stored answers can always be resumed and scored.
 */
export function checkDraftAnswers(
  instrumentId: InstrumentId,
  answers: readonly unknown[],
  servesPublic: boolean,
): Answer[] {
  const problems = findAnswerProblems(INSTRUMENTS[instrumentId], answers).filter((p) => p.code !== 'required');
  if (problems.length > 0) throw answersInvalid(problems);
  const notAsked = notAskedProblems(instrumentId, answers, servesPublic);
  if (notAsked.length > 0) throw answersInvalid(notAsked);
  return answers.map((a) => (a === undefined ? null : (a as Answer)));
}
