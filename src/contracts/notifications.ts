import { z } from 'zod';
import { idSchema } from './common.js';

/** In-app notifications: the bell and the notifications page. */
export const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  /** Ids and titles only; the web app words the message from the kind. */
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** Held outside the person's hours (docs/boundaries.md): not new until this moment; null once delivered. */
  heldUntil: z.string().nullable(),
});
export const notificationList = z.object({ items: z.array(notificationView), unread: z.number().int() });
export const notificationParams = z.object({ id: idSchema });
