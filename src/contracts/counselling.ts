import { z } from 'zod';
import { MODES } from '../domain/booking/slots.js';
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
  /** When the person was first reached: a session scheduled, or the request closed (decision 043). */
  firstContactAt: z.string().nullable(),
  /** The first session a counsellor scheduled from this request, while it is not cancelled. */
  firstAppointment: z
    .object({
      id: idSchema,
      start: z.string(),
      end: z.string(),
      mode: z.enum(MODES),
      status: z.enum(['booked', 'cancelled', 'completed', 'no_show']),
      /** Whether the reader is its counsellor (only they may open it in their calendar). */
      mine: z.boolean(),
    })
    .nullable(),
});
/**
 * Newest first, one page of them; `total` is how many match, `nextCursor` opens the next page
 * (keyset paging: a request arriving meanwhile never shifts a page). `firstContact` is the team's
 * median time to first contact over the last 30 days (docs/decisions/043-counsellor-workspace.md).
 */
export const crisisRequestList = z.object({
  items: z.array(crisisRequestView),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
  firstContact: z.object({
    medianMinutes: z.number().int().nullable(),
    count: z.number().int(),
    days: z.number().int(),
  }),
});
/** The most requests one page holds (and the page the API gives when none is asked for). */
export const URGENT_PAGE_MAX = 200;
/** The page the web app asks for. */
export const URGENT_PAGE_SIZE = 50;
export const crisisRequestQuery = z.object({
  status: z.enum(['open', 'acknowledged', 'closed', 'active']).default('active'),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'invalid_format')
    .optional(),
  limit: z.coerce.number().int().min(1).max(URGENT_PAGE_MAX).default(URGENT_PAGE_MAX),
});
export const crisisRequestParams = z.object({ id: idSchema });

/** A first session for the person behind a request: one of the counsellor's own free slots. */
export const firstAppointmentBody = z
  .object({
    start: z.iso.datetime({ offset: true, message: 'invalid_format' }),
    mode: z.enum(MODES, { message: 'invalid_option' }),
  })
  .strict();
export type FirstAppointmentBody = z.infer<typeof firstAppointmentBody>;
