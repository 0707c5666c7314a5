import type { QuestionKind } from '../../../../domain/surveys/definition.js';

/** The kinds a question may be added as, in the order the builder offers them. */
export const QUESTION_KINDS: readonly QuestionKind[] = ['likert', 'scale', 'single', 'multiple', 'text'];
