import type { setup as indonesian } from '../id/setup.js';
import type { Translation } from '../shape.js';

/** UI text: setup. */
export const setup: Translation<typeof indonesian> = {
  placeholder: '—',
};
