import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../domain/auth/password-policy.js';
import { emailSchema, nipInput, requiredText, timeZoneSchema } from './common.js';

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
export const firstAdminSchema = z.object({
  fullName: requiredText(200),
  email: emailSchema,
  employmentType: z.enum(['pns', 'pppk', 'non_asn']),
  nip: nipInput.optional(),
  password: z.string().min(1, 'required').max(MAX_PASSWORD_LENGTH, 'password.too_long'),
});

export const setupBody = z.object({
  agency: newAgencySchema,
  rootUnit: rootUnitSchema,
  admin: firstAdminSchema,
});
export type SetupInput = z.infer<typeof setupBody>;

export const setupStatus = z.object({ needsSetup: z.boolean() });
