// First: zod's configuration must precede every schema (see zod-setup.ts).
import './zod-setup.js';
import { z } from 'zod';
import { normalizeNip, validateNip, type EmploymentType } from '../domain/org/nip.js';

/**
 * Shared boundary schemas: the same zod schema validates a web form and the route that receives
 * it (docs/architecture.md). Messages are keys of the `validation` i18n namespace.
 */
export const idSchema = z.uuid({ message: 'invalid_id' });

export const idParams = z.object({ id: idSchema });

export const localeSchema = z.enum(['id', 'en']);

/** Trimmed text; empty strings become undefined so optional fields stay optional. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max);

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'invalid_email' }))
  .transform((v) => v.toLowerCase());

export const optionalEmail = z
  .union([z.literal(''), emailSchema])
  .nullable()
  .optional()
  .transform((v) => (v ? v : null));

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[\d\s-]{8,20}$/, 'phone')
  .refine((v) => {
    const digits = v.replace(/\D/g, '').length;
    return digits >= 8 && digits <= 15;
  }, 'phone');

export const optionalPhone = z
  .union([z.literal(''), phoneSchema])
  .nullable()
  .optional()
  .transform((v) => (v ? v : null));

export const nipInput = z
  .string()
  .trim()
  .max(40)
  .transform((v) => normalizeNip(v));

export const timeZoneSchema = z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'], { message: 'time_zone' });

/** The error body every route may answer with. */
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  }),
});

export const okResponse = z.object({ ok: z.literal(true) });

/** Page of results with a total, for lists that page by number. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/**
 * NIP rules (domain/org/nip.ts) applied in the schema so the web form and the route give the same
 * message. `today` is the browser's or server's date; the service re-checks with the server clock.
 */
export function checkNip(
  value: { employmentType?: EmploymentType | undefined; nip?: string | null | undefined },
  ctx: z.RefinementCtx,
) {
  if (!value.employmentType) return;
  const nip = value.nip ?? '';
  if (value.employmentType === 'non_asn' && nip === '') return;
  const result = validateNip(nip, value.employmentType, new Date());
  if (!result.ok) ctx.addIssue({ code: 'custom', path: ['nip'], message: `nip.${result.problem}` });
}
