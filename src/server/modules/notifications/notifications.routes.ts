import { okResponse } from '../../../contracts/common.js';
import { notificationList, notificationParams } from '../../../contracts/notifications.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';

const tags = ['notifications'];

/** The bell: in-app notifications of the signed-in person (campaign invitations, urgent-queue alerts). */
export function registerNotificationRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/me/notifications',
    {
      schema: {
        tags,
        summary: 'My latest 50 notifications and the unread count',
        response: responses({ 200: notificationList }),
      },
      config: access('signed-in'),
    },
    async (request) => services.notifications.list(session(request).person.id),
  );

  app.post(
    '/api/v1/me/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: notificationParams,
        response: responses({ 200: okResponse }),
      },
      config: access('signed-in'),
    },
    async (request) => {
      await services.notifications.markRead(session(request).person.id, request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/me/notifications/read-all',
    {
      schema: { tags, summary: 'Mark all my notifications read', response: responses({ 200: okResponse }) },
      config: access('signed-in'),
    },
    async (request) => {
      await services.notifications.markAllRead(session(request).person.id);
      return { ok: true as const };
    },
  );
}
