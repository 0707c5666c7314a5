import { z } from 'zod';
import { localeSchema } from './common.js';

/** What a person changes about themselves on the profile page (credentials stay with auth). */
export const profileUpdateBody = z.object({ locale: localeSchema });
