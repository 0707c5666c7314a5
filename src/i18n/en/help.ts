import type { help as indonesian } from '../id/help.js';
import type { Translation } from '../shape.js';

/** UI text: help. */
export const help: Translation<typeof indonesian> = {
  placeholder: '—',
};
