import type { AnswerProblem } from './types.js';

/** An item the person was not asked (the CBI client scale for someone who does not serve the public). */
export interface NotAskedProblem {
  item: number;
  code: 'not_asked';
  params: Record<string, unknown>;
}

/** One field problem as the API reports it: the answer's path, a message key and its parameters. */
export interface AnswerIssue {
  path: string;
  key: string;
  params: Record<string, unknown>;
}

/**
 * Says which item is wrong and why, never a guess (docs/instruments.md §15): one issue per
 * problem with the path of the answer (`answers.<index>`, 0-based like every other path) and a
 * message naming the item (1-based, as printed on the form). The API answers them as a 422
 * `answers_invalid`.
 */
export function answerIssues(
  problems: ReadonlyArray<AnswerProblem | NotAskedProblem>,
  field = 'answers',
): AnswerIssue[] {
  return problems.map((p) => ({
    path: p.item === null ? field : `${field}.${p.item - 1}`,
    key: `answers.${p.code}`,
    params: {
      ...p.params,
      ...(p.item === null ? {} : { item: p.item }),
      ...(Array.isArray(p.params.allowed) ? { allowed: p.params.allowed.join(', ') } : {}),
    },
  }));
}
