import { z } from 'zod';
import { CONTACT_METHODS } from '../domain/help/contact-request.js';
import { idSchema } from './common.js';

/** The counsellors' urgent queue: requests for help from people in the units their grant covers. */
export const crisisRequestView = z.object({
  id: z.string(),
  createdAt: z.string(),
  source: z.enum(['assessment', 'help_button', 'disclosed_outreach']),
  status: z.enum(['open', 'acknowledged', 'closed']),
  person: z.object({
    id: z.string(),
    fullName: z.string(),
    unitName: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  contactMethod: z.enum(CONTACT_METHODS).nullable(),
  contact: z.string().nullable(),
  preferredTime: z.string().nullable(),
  note: z.string().nullable(),
  acknowledgedBy: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  acknowledgedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
/** Newest first, at most a page of them; `total` is how many match, so a full page says there are more. */
export const crisisRequestList = z.object({ items: z.array(crisisRequestView), total: z.number().int() });
export const crisisRequestQuery = z.object({
  status: z.enum(['open', 'acknowledged', 'closed', 'active']).default('active'),
});
export const crisisRequestParams = z.object({ id: idSchema });
