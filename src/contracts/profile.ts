import { z } from 'zod';
import { PREFERRED_NAME_MAX } from '../domain/org/preferred-name.js';
import { localeSchema } from './common.js';

/**
 * The short name a person is greeted by ("nama panggilan"): letters of any script, spaces,
 * apostrophes, dots and hyphens; empty clears it (the greeting falls back to the first name).
 */
export const preferredNameSchema = z
  .string()
  .trim()
  .max(PREFERRED_NAME_MAX)
  .regex(/^[\p{L}\p{M}' .-]*$/u, 'invalid_format')
  .transform((v) => (v === '' ? null : v.replace(/\s+/g, ' ')));

/** What a person changes about themselves on the profile page (credentials stay with auth). */
export const profileUpdateBody = z
  .object({ locale: localeSchema.optional(), preferredName: preferredNameSchema.nullable().optional() })
  .refine((b) => b.locale !== undefined || b.preferredName !== undefined, { message: 'required', path: ['locale'] });
export type ProfileUpdateBody = z.infer<typeof profileUpdateBody>;
