import { queryOptions } from '@tanstack/react-query';
import type {
  AppointmentList,
  AppointmentView,
  AvailabilityBody,
  BookingBody,
  CancelBody,
  CounsellorAppointmentList,
  CounsellorList,
  CounsellorQuery,
  CounsellorView,
  ExceptionBody,
  OwnProfileView,
  ProfileBody,
  ReminderEmailView,
  RemindersBody,
  RescheduleBody,
  SlotList,
  SlotView,
} from '../../contracts/booking.js';
import { api } from './client.js';

export type {
  AppointmentList,
  AppointmentView,
  AvailabilityBody,
  BookingBody,
  CounsellorAppointmentList,
  CounsellorView,
  ExceptionBody,
  OwnProfileView,
  ProfileBody,
  ReminderEmailView,
  RemindersBody,
  SlotList,
  SlotView,
};

/** Where each call of the booking contract goes (src/contracts/booking.ts). */
export const BOOKING_PATHS = {
  counsellors: '/api/v1/booking/counsellors',
  slots: (id: string) => `/api/v1/booking/counsellors/${encodeURIComponent(id)}/slots`,
  appointments: '/api/v1/booking/appointments',
  appointment: (id: string) => `/api/v1/booking/appointments/${encodeURIComponent(id)}`,
  reminders: (id: string) => `/api/v1/booking/appointments/${encodeURIComponent(id)}/reminders`,
  /** Whether my reminders can come by email (docs/decisions/049-counselling-journey.md). */
  reminderEmail: '/api/v1/booking/reminder-email',
  /** The .ics file of a booking: a plain link with `download`. */
  ics: (id: string) => `/api/v1/booking/appointments/${encodeURIComponent(id)}/ics`,
  profile: '/api/v1/counsellor/profile',
  availability: '/api/v1/counsellor/availability',
  exceptions: '/api/v1/counsellor/exceptions',
  counsellorAppointments: '/api/v1/counsellor/appointments',
} as const;

export const bookingKeys = {
  all: ['booking'] as const,
  counsellors: (q: CounsellorQuery) => ['booking', 'counsellors', q] as const,
  slots: (id: string) => ['booking', 'slots', id] as const,
  mine: ['booking', 'mine'] as const,
  reminderEmail: ['booking', 'reminder-email'] as const,
  profile: ['booking', 'profile'] as const,
  counsellorList: (from: string | undefined, days: number) => ['booking', 'counsellor-list', from, days] as const,
};

export const counsellorsQuery = (q: CounsellorQuery) =>
  queryOptions({
    queryKey: bookingKeys.counsellors(q),
    queryFn: () => api.get<CounsellorList>(BOOKING_PATHS.counsellors, { kind: q.kind, mode: q.mode }),
  });

export const slotsQuery = (counsellorId: string) =>
  queryOptions({
    queryKey: bookingKeys.slots(counsellorId),
    queryFn: () => api.get<SlotList>(BOOKING_PATHS.slots(counsellorId)),
    staleTime: 0,
  });

export const myAppointmentsQuery = queryOptions({
  queryKey: bookingKeys.mine,
  queryFn: () => api.get<AppointmentList>(BOOKING_PATHS.appointments),
});

export const reminderEmailQuery = queryOptions({
  queryKey: bookingKeys.reminderEmail,
  queryFn: () => api.get<ReminderEmailView>(BOOKING_PATHS.reminderEmail),
});

/** Changes which reminders a booking has and whether they come by email too; the same again changes nothing. */
export function setReminders(id: string, body: RemindersBody): Promise<AppointmentView> {
  return api.put<AppointmentView>(BOOKING_PATHS.reminders(id), body);
}

/** Books a slot; the key goes with a retry, so the booking is stored once. */
export function bookSlot(body: BookingBody, idempotencyKey: string): Promise<AppointmentView> {
  return api.post<AppointmentView>(BOOKING_PATHS.appointments, body, { idempotencyKey });
}

export function rescheduleAppointment(id: string, body: RescheduleBody): Promise<AppointmentView> {
  return api.post<AppointmentView>(`${BOOKING_PATHS.appointment(id)}/reschedule`, body);
}

export function cancelAppointment(id: string, body: CancelBody): Promise<AppointmentView> {
  return api.post<AppointmentView>(`${BOOKING_PATHS.appointment(id)}/cancel`, body);
}

// --- The counsellor ---------------------------------------------------------------------------------

export const ownProfileQuery = queryOptions({
  queryKey: bookingKeys.profile,
  queryFn: () => api.get<OwnProfileView>(BOOKING_PATHS.profile),
});

export function saveProfile(body: ProfileBody): Promise<OwnProfileView> {
  return api.put<OwnProfileView>(BOOKING_PATHS.profile, body);
}

export function saveAvailability(body: AvailabilityBody): Promise<OwnProfileView> {
  return api.put<OwnProfileView>(BOOKING_PATHS.availability, body);
}

export function addException(body: ExceptionBody): Promise<OwnProfileView> {
  return api.post<OwnProfileView>(BOOKING_PATHS.exceptions, body);
}

export function removeException(id: string): Promise<OwnProfileView> {
  return api.delete<OwnProfileView>(`${BOOKING_PATHS.exceptions}/${encodeURIComponent(id)}`);
}

export const counsellorAppointmentsQuery = (from: string | undefined, days: number) =>
  queryOptions({
    queryKey: bookingKeys.counsellorList(from, days),
    queryFn: () => api.get<CounsellorAppointmentList>(BOOKING_PATHS.counsellorAppointments, { from, days }),
  });

export function confirmAppointment(id: string): Promise<{ ok: true }> {
  return api.post<{ ok: true }>(`${BOOKING_PATHS.counsellorAppointments}/${encodeURIComponent(id)}/confirm`);
}

/** The counsellor records how a session went (docs/decisions/043-counsellor-workspace.md). */
export function setAppointmentStatus(id: string, status: 'completed' | 'no_show', key: string): Promise<{ ok: true }> {
  return api.post<{ ok: true }>(
    `${BOOKING_PATHS.counsellorAppointments}/${encodeURIComponent(id)}/status`,
    { status },
    { idempotencyKey: key },
  );
}

/** The counsellor cancels a booking with them; the client is told. */
export function counsellorCancelAppointment(id: string, reason: string | null): Promise<{ ok: true }> {
  return api.post<{ ok: true }>(`${BOOKING_PATHS.counsellorAppointments}/${encodeURIComponent(id)}/cancel`, {
    reason,
  });
}
