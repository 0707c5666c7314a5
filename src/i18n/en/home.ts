import type { home as indonesian } from '../id/home.js';
import type { Translation } from '../shape.js';

/** UI text: home. */
export const home: Translation<typeof indonesian> = {
  placeholder: '—',
};
