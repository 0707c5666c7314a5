import type { assessments as indonesian } from '../id/assessments.js';
import type { Translation } from '../shape.js';

/** UI text: assessments. */
export const assessments: Translation<typeof indonesian> = {
  placeholder: '—',
};
