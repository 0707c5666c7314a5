import type { common as indonesian } from '../id/common.js';
import type { Translation } from '../shape.js';

/** UI text: common. */
export const common: Translation<typeof indonesian> = {
  placeholder: '—',
};
