import { z } from 'zod';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { retryAfterHeader, UNAVAILABLE_RETRY_SECONDS } from '../../http/retry-after.js';
import type { Services } from '../../services.js';
import { ReadinessService } from './readiness.service.js';

const status = z.object({ status: z.enum(['ok', 'unavailable']), version: z.string() });
/** `unknown`: the database did not answer, so nobody can say whether help is being delivered. */
const outboxStatus = z.object({ status: z.enum(['ok', 'delayed', 'unknown']) });

/**
 * Liveness (/healthz: the process answers) and readiness (/readyz: a write to the database can
 * succeed and we are not shutting down). A load balancer stops sending traffic when /readyz turns
 * 503; a supervisor restarts the process only when /healthz stops answering (docs/operations.md).
 */
export function registerHealthRoutes(app: App, services: Services, state: { shuttingDown: boolean }): void {
  const readiness = new ReadinessService({ db: services.db, clock: services.clock, log: app.log });

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
      schema: {
        tags: ['operations'],
        summary: 'Crisis outbox delivery',
        response: { 200: outboxStatus, 503: outboxStatus },
      },
      config: access('public'),
    },
    async (request, reply) => {
      let state;
      try {
        state = await services.crisisOutbox();
      } catch (err) {
        // The monitor must hear "not ok" in its own shape, not a 500 from a body that does not fit.
        request.log.warn(
          { db: { code: (err as { code?: unknown }).code, message: (err as Error).message } },
          'crisis outbox state unknown',
        );
        reply.header('retry-after', retryAfterHeader(UNAVAILABLE_RETRY_SECONDS));
        return reply.status(503).send({ status: 'unknown' as const });
      }
      return reply.status(state.status === 'ok' ? 200 : 503).send({ status: state.status });
    },
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: can a write succeed now (cached for a second)',
        response: { 200: status, 503: status },
      },
      config: access('public'),
    },
    async (_request, reply) => {
      const unavailable = () =>
        reply
          .status(503)
          .header('retry-after', retryAfterHeader(UNAVAILABLE_RETRY_SECONDS))
          .header('cache-control', 'no-store')
          .send({ status: 'unavailable' as const, version: services.version });
      if (state.shuttingDown) return unavailable();
      // Why it is not ready goes to the log (readiness.service.ts), not to the public answer.
      const answer = await readiness.check();
      if (!answer.ready) return unavailable();
      return reply.header('cache-control', 'no-store').send({ status: 'ok' as const, version: services.version });
    },
  );
}
