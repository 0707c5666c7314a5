import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app-types.js';
import { ctx } from '../http/context.js';
import type { DpoService } from '../modules/dpo/index.js';

/**
 * Records denied reads of records by id, for the DPO's alerts: a signed-in person's 403 or 404 on a route whose
 * path names a record (`/:id`) is kept — the route pattern and the status, never the id asked for —
 * so the DPO sees a person probing other people's records. Runs just before the refusal is sent, so
 * the record exists when the prober sees the answer (a burst cannot outrun its own count); a failure
 * here is logged, never turned into an error for the person.
 */
export function installDeniedReadLog(app: App, dpo: DpoService): void {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.statusCode !== 403 && reply.statusCode !== 404) return payload;
    const route = request.routeOptions.url;
    if (!route || !route.includes('/:')) return payload;
    let session;
    try {
      session = ctx(request).session;
    } catch {
      return payload;
    }
    if (!session || session.stage !== 'full') return payload;
    try {
      await dpo.recordDeniedRead(session.actor, `${request.method} ${route}`, reply.statusCode);
    } catch (err) {
      request.log.warn({ error: (err as Error).message }, 'denied read not recorded');
    }
    return payload;
  });
}
