import { z } from 'zod';
import {
  BOOKING_HORIZON_DAYS,
  COUNSELLOR_KINDS,
  MODES,
  REMINDERS,
  type ChangeVerdict,
} from '../domain/booking/slots.js';
import { idSchema, optionalText } from './common.js';

/**
 * Counsellors, their availability and booking (docs/decisions/040-booking.md). A booking is seen by
 * its client and its counsellor only; no route lets a manager, HR or an admin read one
 * (docs/privacy.md §1.1).
 */

export { COUNSELLOR_KINDS, MODES, REMINDERS, BOOKING_HORIZON_DAYS };
export type { ChangeVerdict };

export const LANGUAGES = ['id', 'en', 'jv', 'su', 'ban', 'mad', 'min', 'bug'] as const;
export const MAX_REASON = 500;
export const MAX_INTRODUCTION = 600;
export const MAX_RULES = 28;

const localDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'invalid_format');
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_format');
const instant = z.iso.datetime({ offset: true, message: 'invalid_format' });

const kind = z.enum(COUNSELLOR_KINDS, { message: 'invalid_option' });
const mode = z.enum(MODES, { message: 'invalid_option' });
const modes = z.array(mode).min(1, 'booking.mode_required').max(MODES.length);

// --- The counsellor's own profile and availability -------------------------------------------

export const profileBody = z
  .object({
    kind,
    languages: z
      .array(z.enum(LANGUAGES, { message: 'invalid_option' }))
      .min(1, 'required')
      .max(LANGUAGES.length),
    modes,
    locations: z.array(z.string().trim().min(1, 'required').max(120)).max(5),
    introduction: z.string().trim().min(1, 'required').max(MAX_INTRODUCTION),
    provider: optionalText(120),
    slotMinutes: z.number().int().min(15).max(180),
    active: z.boolean(),
  })
  .strict();
export type ProfileBody = z.infer<typeof profileBody>;

export const availabilityRule = z
  .object({ weekday: z.number().int().min(1).max(7), start: localTime, end: localTime, modes })
  .strict()
  .refine((r) => r.start < r.end, { path: ['end'], message: 'booking.end_before_start' });

export const availabilityBody = z.object({ rules: z.array(availabilityRule).max(MAX_RULES) }).strict();
export type AvailabilityBody = z.infer<typeof availabilityBody>;

export const exceptionBody = z
  .object({ id: idSchema, startsOn: localDay, endsOn: localDay, kind: z.enum(['leave', 'away']) })
  .strict()
  .refine((e) => e.startsOn <= e.endsOn, { path: ['endsOn'], message: 'booking.end_before_start' });
export type ExceptionBody = z.infer<typeof exceptionBody>;

const profileFields = {
  kind,
  languages: z.array(z.string()),
  modes: z.array(mode),
  locations: z.array(z.string()),
  introduction: z.string(),
  provider: z.string().nullable(),
  slotMinutes: z.number().int(),
};

export const ownProfileView = z.object({
  timeZone: z.string(),
  profile: z.object({ ...profileFields, active: z.boolean() }).nullable(),
  rules: z.array(availabilityRule),
  exceptions: z.array(
    z.object({ id: idSchema, startsOn: z.string(), endsOn: z.string(), kind: z.enum(['leave', 'away']) }),
  ),
});
export type OwnProfileView = z.infer<typeof ownProfileView>;

// --- What an employee sees ----------------------------------------------------------------------

export const counsellorQuery = z.object({ kind: kind.optional(), mode: mode.optional() }).strict();
export type CounsellorQuery = z.infer<typeof counsellorQuery>;

export const counsellorView = z.object({
  id: idSchema,
  name: z.string(),
  timeZone: z.string(),
  ...profileFields,
  /** The first free slot within the month, so the list can say "first opening …". */
  nextFree: z.string().nullable(),
});
export type CounsellorView = z.infer<typeof counsellorView>;
export const counsellorList = z.object({ items: z.array(counsellorView) });
export type CounsellorList = z.infer<typeof counsellorList>;

export const slotsQuery = z.object({ from: localDay.optional() }).strict();
export const slotView = z.object({ start: z.string(), end: z.string(), modes: z.array(mode) });
export type SlotView = z.infer<typeof slotView>;
export const slotList = z.object({
  counsellorId: idSchema,
  /** The counsellor's unit zone (rules are in it) and the client's own (slots are shown in it). */
  timeZone: z.string(),
  clientTimeZone: z.string(),
  from: z.string(),
  to: z.string(),
  slots: z.array(slotView),
});
export type SlotList = z.infer<typeof slotList>;

const reminders = z.array(z.enum(REMINDERS, { message: 'invalid_option' })).max(REMINDERS.length);

export const bookingBody = z
  .object({
    counsellorId: idSchema,
    start: instant,
    mode,
    reason: optionalText(MAX_REASON),
    reminders,
    /** The chosen reminders also by email (decision 049); without it, in the app only. */
    reminderEmail: z.boolean().optional(),
  })
  .strict();
export type BookingBody = z.infer<typeof bookingBody>;

/** The client changes their reminders later: which ones, and whether by email too (decision 049). */
export const remindersBody = z.object({ reminders, email: z.boolean() }).strict();
export type RemindersBody = z.infer<typeof remindersBody>;

/**
 * Whether reminders can go by email to this person now: `available`, or why not — they have no
 * address, they said no to email on My data, or the install sends no email (docs/decisions/049-counselling-journey.md).
 */
export const REMINDER_EMAIL_STATUSES = ['available', 'no_address', 'consent_withdrawn', 'not_configured'] as const;
export const reminderEmailView = z.object({ status: z.enum(REMINDER_EMAIL_STATUSES) });
export type ReminderEmailView = z.infer<typeof reminderEmailView>;

export const rescheduleBody = z.object({ start: instant, mode: mode.optional() }).strict();
export type RescheduleBody = z.infer<typeof rescheduleBody>;

export const cancelBody = z.object({ reason: optionalText(300) }).strict();
export type CancelBody = z.infer<typeof cancelBody>;

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'completed', 'no_show'] as const;
const status = z.enum(APPOINTMENT_STATUSES);

export const appointmentView = z.object({
  id: idSchema,
  counsellor: z.object({ id: idSchema, name: z.string(), kind, timeZone: z.string() }),
  start: z.string(),
  end: z.string(),
  mode,
  status,
  reason: z.string().nullable(),
  reminders: z.array(z.enum(REMINDERS)),
  /** Whether the reminders also go by email (decision 049). */
  reminderEmail: z.boolean(),
  confirmed: z.boolean(),
  cancelledBy: z.enum(['client', 'counsellor']).nullable(),
  /** Whether the client may still move or cancel it themselves (decision 040). */
  change: z.enum(['allowed', 'too_late', 'past']),
  locations: z.array(z.string()),
});
export type AppointmentView = z.infer<typeof appointmentView>;
export const appointmentList = z.object({ items: z.array(appointmentView) });
export type AppointmentList = z.infer<typeof appointmentList>;

// --- The counsellor's list ----------------------------------------------------------------------

export const counsellorAppointmentsQuery = z
  .object({ from: localDay.optional(), days: z.coerce.number().int().min(1).max(7).optional() })
  .strict();
export type CounsellorAppointmentsQuery = z.infer<typeof counsellorAppointmentsQuery>;

export const counsellorAppointmentView = z.object({
  id: idSchema,
  client: z.object({ id: idSchema, name: z.string() }),
  start: z.string(),
  end: z.string(),
  mode,
  status,
  reason: z.string().nullable(),
  confirmed: z.boolean(),
});
export type CounsellorAppointmentView = z.infer<typeof counsellorAppointmentView>;
export const counsellorAppointmentList = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  items: z.array(counsellorAppointmentView),
});
export type CounsellorAppointmentList = z.infer<typeof counsellorAppointmentList>;

/**
 * What the counsellor records once a session's time has come (docs/decisions/043-counsellor-workspace.md):
 * held, or the client did not come. A no-show may be corrected to completed on the same day.
 */
export const OUTCOME_STATUSES = ['completed', 'no_show'] as const;
export const appointmentStatusBody = z
  .object({ status: z.enum(OUTCOME_STATUSES, { message: 'invalid_option' }) })
  .strict();
export type AppointmentStatusBody = z.infer<typeof appointmentStatusBody>;
