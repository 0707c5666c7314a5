import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../domain/auth/password-policy.js';
import { checkNip, emailSchema, nipInput, requiredText, timeZoneSchema } from './common.js';

export const AGENCY_KINDS = [
  'pemerintah_kabupaten',
  'pemerintah_kota',
  'pemerintah_provinsi',
  'kementerian',
  'lembaga',
] as const;

export const unitCodeSchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, 'unit_code');

export const newAgencySchema = z.object({
  name: requiredText(200),
  shortName: requiredText(40),
  kind: z.enum(AGENCY_KINDS),
  timeZone: timeZoneSchema,
});

export const rootUnitSchema = z.object({
  name: requiredText(200),
  code: unitCodeSchema,
});

/** The first agency admin; the NIP is optional here (an operator may be non-ASN). */
const firstAdminFields = z.object({
  fullName: requiredText(200),
  email: emailSchema,
  employmentType: z.enum(['pns', 'pppk', 'non_asn']),
  nip: nipInput.optional(),
  password: z.string().min(1, 'required').max(MAX_PASSWORD_LENGTH, 'password.too_long'),
});
/** The first agency admin with a password of their own (first-run set-up, `teduh setup`). */
export const firstAdminSchema = firstAdminFields.superRefine(checkNip);
/** The first admin named by the platform operator: invited by email, so no password here. */
export const invitedFirstAdminSchema = firstAdminFields.omit({ password: true }).superRefine(checkNip);

export const setupBody = z.object({
  agency: newAgencySchema,
  rootUnit: rootUnitSchema,
  admin: firstAdminSchema,
});
export type SetupInput = z.infer<typeof setupBody>;

export const setupStatus = z.object({ needsSetup: z.boolean() });
