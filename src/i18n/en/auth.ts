import type { auth as indonesian } from '../id/auth.js';
import type { Translation } from '../shape.js';

/** UI text: auth. */
export const auth: Translation<typeof indonesian> = {
  placeholder: '—',
};
