import { z } from 'zod';
import { pingDatabase } from '../../../db/connection.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import type { Services } from '../../services.js';

const status = z.object({ status: z.enum(['ok', 'unavailable']), version: z.string() });

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
