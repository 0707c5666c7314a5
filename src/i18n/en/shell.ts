import type { shell as indonesian } from '../id/shell.js';
import type { Translation } from '../shape.js';

/** UI text: shell. */
export const shell: Translation<typeof indonesian> = {
  placeholder: '—',
};
