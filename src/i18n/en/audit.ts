import type { audit as indonesian } from '../id/audit.js';
import type { Translation } from '../shape.js';

/** UI text: audit. */
export const audit: Translation<typeof indonesian> = {
  placeholder: '—',
};
