import type { imports as indonesian } from '../id/imports.js';
import type { Translation } from '../shape.js';

/** UI text: imports. */
export const imports: Translation<typeof indonesian> = {
  placeholder: '—',
};
