import type { campaigns as indonesian } from '../id/campaigns.js';
import type { Translation } from '../shape.js';

/** UI text: campaigns. */
export const campaigns: Translation<typeof indonesian> = {
  placeholder: '—',
};
