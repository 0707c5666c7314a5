import { z } from 'zod';
import { MODES } from '../domain/booking/slots.js';
import { CONSENT_KINDS } from '../domain/consent/consent.js';
import { CASELOAD_FILTERS, MAX_CASELOAD_SEARCH } from '../domain/counselling/caseload.js';
import { STATUSES } from '../domain/referrals/referrals.js';
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

// --- The caseload (docs/decisions/047-caseload.md) -------------------------------------------------

/** Active clients (an appointment ahead or a session in the last 90 days) or all; a name search. */
export const caseloadQuery = z
  .object({
    filter: z.enum(CASELOAD_FILTERS, { message: 'invalid_option' }).default('active'),
    q: z.string().trim().max(MAX_CASELOAD_SEARCH).optional(),
  })
  .strict();
export type CaseloadQuery = z.infer<typeof caseloadQuery>;

/**
 * One client and a summary of their record with this counsellor. Only what the client's record
 * shows this counsellor anyway: no answers, no totals, no notes, no reasons.
 */
export const caseloadItem = z.object({
  client: z.object({ id: z.string(), fullName: z.string() }),
  /** An appointment ahead, or a session in the last ACTIVE_WINDOW_DAYS days. */
  active: z.boolean(),
  nextAppointment: z
    .object({
      id: z.string(),
      start: z.string(),
      end: z.string(),
      mode: z.enum(MODES),
      status: z.enum(['booked']),
      confirmed: z.boolean(),
    })
    .nullable(),
  /** Booked appointments ahead the counsellor has not confirmed yet. */
  toConfirm: z.number().int(),
  /** Start of the last session held (completed). */
  lastSessionAt: z.string().nullable(),
  sessionsHeld: z.number().int(),
  noShows: z.number().int(),
  shared: z.object({
    count: z.number().int(),
    latest: z.object({ instrumentId: z.string(), band: z.string().nullable(), takenAt: z.string() }).nullable(),
  }),
  /** The kinds of consent to this counsellor in force now. */
  consents: z.array(z.enum(CONSENT_KINDS)),
  /** The latest open referral this counsellor prepared for the client. */
  referral: z
    .object({
      status: z.enum(STATUSES),
      expiresOn: z.string(),
      expiry: z.object({
        kind: z.enum(['valid', 'expires_today', 'expired']),
        daysLeft: z.number().int().nullable(),
        soon: z.boolean(),
      }),
    })
    .nullable(),
  returnPlan: z.object({ state: z.enum(['awaiting_agreement', 'agreed', 'closed']), startDate: z.string() }).nullable(),
});
export type CaseloadItem = z.infer<typeof caseloadItem>;

/** The clients in reading order; `total` counts every client the counsellor relates to, before any filter. */
export const caseloadList = z.object({
  items: z.array(caseloadItem),
  total: z.number().int(),
  activeWindowDays: z.number().int(),
  timeZone: z.string(),
});
export type CaseloadList = z.infer<typeof caseloadList>;
