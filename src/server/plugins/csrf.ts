import type { FastifyRequest } from 'fastify';
import type { App } from '../app-types.js';
import { ctx } from '../http/context.js';
import { AppError } from '../http/errors.js';
import { safeEqual } from '../crypto.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * CSRF defence for cookie-authenticated writes (ASVS 4.2.2): a per-session synchronizer token in
 * the `X-CSRF-Token` header, which another site cannot read, plus an Origin check that also covers
 * the sign-in form. SameSite=Lax on the cookie is a third layer.
 */
export function installCsrfProtection(app: App, publicUrl: string): void {
  const allowedOrigins = new Set([new URL(publicUrl).origin]);
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    const origin = request.headers.origin;
    if (origin && origin !== 'null' && origin !== originOf(request) && !allowedOrigins.has(origin)) {
      throw new AppError(403, 'csrf');
    }
    const session = ctx(request).session;
    if (!session) return;
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) throw new AppError(403, 'csrf');
  });
}
