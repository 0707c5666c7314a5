import { z } from 'zod';
import { pingDatabase } from '../../../db/connection.js';
import { crisisOutboxState } from '../support/crisis-outbox-watch.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import type { Services } from '../../services.js';

const status = z.object({ status: z.enum(['ok', 'unavailable']), version: z.string() });
const outboxStatus = z.object({ status: z.enum(['ok', 'delayed']) });

/**
 * Liveness (/healthz: the process answers) and readiness (/readyz: the database answers and we are
 * not shutting down). A load balancer stops sending traffic when /readyz turns 503.
 */
export function registerHealthRoutes(app: App, services: Services, state: { shuttingDown: boolean }): void {
  app.get(
    '/healthz',
    { schema: { tags: ['operations'], summary: 'Liveness', response: { 200: status } }, config: access('public') },
    async () => ({ status: 'ok' as const, version: services.version }),
  );

  // For uptime monitors: 503 while a request for help waits too long for delivery. Only the
  // status is public; how many and how late goes to the error log (crisis-outbox-watch.ts).
  app.get(
    '/healthz/crisis-outbox',
    {
      schema: { tags: ['operations'], summary: 'Crisis outbox delivery', response: { 200: outboxStatus, 503: outboxStatus } },
      config: access('public'),
    },
    async (_request, reply) => {
      const state = await crisisOutboxState(services.db.db, services.clock.now(), services.config.crisisAlertMinutes);
      return reply.status(state.status === 'ok' ? 200 : 503).send({ status: state.status });
    },
  );

  app.get(
    '/readyz',
    { schema: { tags: ['operations'], summary: 'Readiness', response: { 200: status, 503: status } }, config: access('public') },
    async (_request, reply) => {
      if (state.shuttingDown) return reply.status(503).send({ status: 'unavailable' as const, version: services.version });
      try {
        await pingDatabase(services.db);
        return { status: 'ok' as const, version: services.version };
      } catch {
        reply.header('retry-after', '5');
        return reply.status(503).send({ status: 'unavailable' as const, version: services.version });
      }
    },
  );
}
