import type { AnswerProblem } from '../../../domain/instruments/types.js';
import { FieldValidationError } from '../../http/errors.js';

/** An item the person was not asked (the CBI client scale for someone who does not serve the public). */
export interface NotAskedProblem {
  item: number;
  code: 'not_asked';
  params: Record<string, unknown>;
}

/**
 * Turns the scorer's problems into the API's 422 (SPEC.md §15: "a validation error that says which
 * item and why, never a guess"): code `answers_invalid`, one detail per problem with the path of
 * the answer (`answers.<index>`, 0-based like every other path) and a message naming the item
 * (1-based, as printed on the form).
 */
export function answersInvalid(
  problems: ReadonlyArray<AnswerProblem | NotAskedProblem>,
  field = 'answers',
): FieldValidationError {
  return new FieldValidationError(
    problems.map((p) => ({
      path: p.item === null ? field : `${field}.${p.item - 1}`,
      key: `answers.${p.code}`,
      params: {
        ...p.params,
        ...(p.item === null ? {} : { item: p.item }),
        ...(Array.isArray(p.params.allowed) ? { allowed: p.params.allowed.join(', ') } : {}),
      },
    })),
    'answers_invalid',
  );
}
