import { z } from 'zod';
import { optionalEmail, optionalText, requiredText, timeZoneSchema } from './common.js';
import { AGENCY_KINDS } from './setup.js';

export const agencyView = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(AGENCY_KINDS),
  timeZone: z.string(),
  anonymityThreshold: z.number().int(),
  dpoName: z.string().nullable(),
  dpoEmail: z.string().nullable(),
  /** When on, a crisis answer is told to the duty counsellors; the consent text before every assessment says so. */
  disclosedSafetyOutreach: z.boolean(),
});
export type AgencyView = z.infer<typeof agencyView>;

/** Settings an agency admin may change. The anonymity threshold can be raised, never below 5. */
export const agencySettingsBody = z.object({
  name: requiredText(200),
  shortName: requiredText(40),
  timeZone: timeZoneSchema,
  anonymityThreshold: z.number().int().min(5).max(100),
  dpoName: optionalText(200),
  dpoEmail: optionalEmail,
});

export const outboxItem = z.object({
  id: z.string(),
  to: z.string(),
  template: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const outboxQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const agencyStats = z.object({
  units: z.number().int(),
  people: z.number().int(),
  activePeople: z.number().int(),
  signedUp: z.number().int(),
  pendingInvitations: z.number().int(),
});
