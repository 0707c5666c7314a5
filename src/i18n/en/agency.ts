import type { agency as indonesian } from '../id/agency.js';
import type { Translation } from '../shape.js';

/** UI text: agency. */
export const agency: Translation<typeof indonesian> = {
  placeholder: '—',
};
