import type { profile as indonesian } from '../id/profile.js';
import type { Translation } from '../shape.js';

/** UI text: profile. */
export const profile: Translation<typeof indonesian> = {
  placeholder: '—',
};
