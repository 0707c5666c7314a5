// First: zod's configuration must precede every schema (see zod-setup.ts).
import './zod-setup.js';
import { z } from 'zod';
import { agencyView } from './agency.js';
import { invitedFirstAdminSchema, newAgencySchema, rootUnitSchema } from './setup.js';

/** The platform operator's view of the agencies on this instance. */
export const platformAgencyView = agencyView.extend({
  people: z.number().int(),
  units: z.number().int(),
  createdAt: z.string(),
});

/** A new agency by the platform admin: the first admin is invited by email instead of given a password. */
export const newAgencyBody = z.object({
  agency: newAgencySchema,
  rootUnit: rootUnitSchema,
  admin: invitedFirstAdminSchema,
});
