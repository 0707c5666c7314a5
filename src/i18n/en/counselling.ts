import type { counselling as indonesian } from '../id/counselling.js';
import type { Translation } from '../shape.js';

/** UI text: counselling. */
export const counselling: Translation<typeof indonesian> = {
  placeholder: '—',
};
