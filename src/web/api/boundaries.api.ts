import { queryOptions } from '@tanstack/react-query';
import type {
  BoundariesView,
  CalendarDayBody,
  CalendarDayView,
  CalendarView,
  PersonalHoursBody,
  RamadanBody,
} from '../../contracts/boundaries.js';
import { api } from './client.js';

export type { BoundariesView, CalendarDayBody, CalendarDayView, CalendarView, PersonalHoursBody, RamadanBody };

/** Where each call of the boundaries contract goes (src/contracts/boundaries.ts). */
const CALENDAR = '/api/v1/agency/calendar';
const MINE = '/api/v1/me/boundaries';

export const calendarKey = ['agency-calendar'] as const;

export const calendarQuery = (year: number) =>
  queryOptions({
    queryKey: [...calendarKey, year] as const,
    queryFn: () => api.get<CalendarView>(`${CALENDAR}?year=${year}`),
  });

export function addCalendarDay(body: CalendarDayBody, idempotencyKey: string): Promise<{ ok: true }> {
  return api.post<{ ok: true }>(`${CALENDAR}/days`, body, { idempotencyKey });
}

export function removeCalendarDay(date: string): Promise<{ ok: true }> {
  return api.delete<{ ok: true }>(`${CALENDAR}/days/${encodeURIComponent(date)}`);
}

export function saveRamadan(year: number, body: RamadanBody, idempotencyKey: string): Promise<{ ok: true }> {
  return api.put<{ ok: true }>(`${CALENDAR}/ramadan/${year}`, body, { idempotencyKey });
}

export function clearRamadan(year: number): Promise<{ ok: true }> {
  return api.delete<{ ok: true }>(`${CALENDAR}/ramadan/${year}`);
}

export const boundariesQuery = queryOptions({
  queryKey: ['my-boundaries'] as const,
  queryFn: () => api.get<BoundariesView>(MINE),
});

export function saveMyHours(body: PersonalHoursBody, idempotencyKey: string): Promise<BoundariesView> {
  return api.put<BoundariesView>(MINE, body, { idempotencyKey });
}

export function clearMyHours(): Promise<BoundariesView> {
  return api.delete<BoundariesView>(MINE);
}
