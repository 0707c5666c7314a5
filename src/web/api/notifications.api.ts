import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { notificationList, notificationView } from '../../contracts/notifications.js';
import { api } from './client.js';

export type NotificationList = z.infer<typeof notificationList>;
export type NotificationView = z.infer<typeof notificationView>;

export const NOTIFICATION_PATHS = {
  list: '/api/v1/me/notifications',
  read: (id: string) => `/api/v1/me/notifications/${id}/read`,
  readAll: '/api/v1/me/notifications/read-all',
} as const;

/** The person's notifications; the bell polls them while the app is open. */
export const notificationsQuery = queryOptions({
  queryKey: ['notifications'] as const,
  queryFn: () => api.get<NotificationList>(NOTIFICATION_PATHS.list),
  refetchInterval: 60_000,
  staleTime: 15_000,
});

export function markRead(id: string): Promise<unknown> {
  return api.post(NOTIFICATION_PATHS.read(id));
}

export function markAllRead(): Promise<unknown> {
  return api.post(NOTIFICATION_PATHS.readAll);
}
