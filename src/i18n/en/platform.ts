import type { platform as indonesian } from '../id/platform.js';
import type { Translation } from '../shape.js';

/** UI text: platform. */
export const platform: Translation<typeof indonesian> = {
  placeholder: '—',
};
