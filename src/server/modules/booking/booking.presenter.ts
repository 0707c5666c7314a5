import type {
  AppointmentView,
  ChangeVerdict,
  CounsellorAppointmentView,
  CounsellorView,
} from '../../../contracts/booking.js';
import type { Mode, Reminder } from '../../../domain/booking/slots.js';
import type { AppointmentRow, ClientAppointmentRow, ListedCounsellor } from './booking.repository.js';

/** Rows → views: each answer lists its fields, so a new column never leaks by accident. */

const split = (v: string): string[] => (v === '' ? [] : v.split(','));
type Kind = CounsellorView['kind'];
type Status = AppointmentView['status'];

export function presentCounsellor(c: ListedCounsellor, nextFree: string | null): CounsellorView {
  return {
    id: c.person_id,
    name: c.full_name,
    timeZone: c.time_zone,
    kind: c.kind as Kind,
    languages: split(c.languages),
    modes: split(c.modes) as Mode[],
    locations: JSON.parse(c.locations) as string[],
    introduction: c.introduction,
    provider: c.provider,
    slotMinutes: c.slot_minutes,
    nextFree,
  };
}

/** The client's view: their own reason, never the counsellor's cancellation words. */
export function presentClientAppointment(
  row: ClientAppointmentRow,
  reason: string | null,
  change: ChangeVerdict,
): AppointmentView {
  return {
    id: row.id,
    counsellor: {
      id: row.counsellor_id,
      name: row.counsellor_name,
      kind: row.counsellor_kind as Kind,
      timeZone: row.counsellor_time_zone,
    },
    start: row.start_utc,
    end: row.end_utc,
    mode: row.mode as Mode,
    status: row.status as Status,
    reason,
    reminders: split(row.reminders) as Reminder[],
    reminderEmail: row.reminder_email === 1,
    confirmed: row.confirmed_at !== null,
    cancelledBy: row.cancelled_by as AppointmentView['cancelledBy'],
    change,
    locations: JSON.parse(row.counsellor_locations) as string[],
  };
}

/** The counsellor's view: the client's name and the reason written for them. */
export function presentCounsellorAppointment(
  row: AppointmentRow & { client_name: string },
  reason: string | null,
): CounsellorAppointmentView {
  return {
    id: row.id,
    client: { id: row.client_id, name: row.client_name },
    start: row.start_utc,
    end: row.end_utc,
    mode: row.mode as Mode,
    status: row.status as Status,
    reason,
    confirmed: row.confirmed_at !== null,
  };
}
