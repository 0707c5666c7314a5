import type { org as indonesian } from '../id/org.js';
import type { Translation } from '../shape.js';

/** UI text: org. */
export const org: Translation<typeof indonesian> = {
  placeholder: '—',
};
