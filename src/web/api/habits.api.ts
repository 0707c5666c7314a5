import { queryOptions } from '@tanstack/react-query';
import type { HabitCreateBody, HabitList, HabitUpdateBody, HabitView, TickView } from '../../contracts/habits.js';
import { api } from './client.js';

export type { HabitCreateBody, HabitList, HabitUpdateBody, HabitView, TickView };

/** Where each call of the habits contract goes (src/contracts/habits.ts). */
const HABITS_PATH = '/api/v1/me/habits';

export const habitsQuery = queryOptions({
  queryKey: ['habits'] as const,
  queryFn: () => api.get<HabitList>(HABITS_PATH),
});

/** The id is made here, so sending the same habit again stores it once. */
export function createHabit(body: HabitCreateBody): Promise<HabitView> {
  return api.post<HabitView>(HABITS_PATH, body);
}

export function updateHabit(id: string, body: HabitUpdateBody): Promise<HabitView> {
  return api.put<HabitView>(`${HABITS_PATH}/${encodeURIComponent(id)}`, body);
}

export function removeHabit(id: string): Promise<void> {
  return api.delete(`${HABITS_PATH}/${encodeURIComponent(id)}`);
}

/**
 * Ticks (or takes back) a day; the same call twice leaves one tick. The device's outbox passes the
 * Idempotency-Key it kept, so a replay after a lost answer is stored once.
 */
export function setTick(id: string, day: string, ticked: boolean, idempotencyKey?: string): Promise<TickView> {
  const path = `${HABITS_PATH}/${encodeURIComponent(id)}/ticks/${encodeURIComponent(day)}`;
  return ticked
    ? api.put<TickView>(path, undefined, { idempotencyKey })
    : api.delete<TickView>(path, { idempotencyKey });
}
