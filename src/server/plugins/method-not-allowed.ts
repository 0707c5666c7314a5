import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app-types.js';
import { ctx } from '../http/context.js';

interface KnownPath {
  pattern: RegExp;
  methods: Set<string>;
}

/** A route pattern (`/api/v1/me/assessments/:id`, `/files/*`) as a regular expression for a path. */
export function patternOf(url: string): RegExp {
  const parts = url.split('/').map((segment) => {
    if (segment === '*') return '.*';
    if (segment.startsWith(':')) return '[^/]+';
    return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${parts.join('/')}$`);
}

/**
 * 405 Method Not Allowed with an `Allow` header for a known path asked with a method it does not
 * take (RFC 9110 §15.5.6), instead of a 404 that says the address does not exist. Must be
 * installed before the routes (it learns them as they are added) and after the request context
 * (the answer is localized, in the API's error shape).
 */
export function installMethodNotAllowed(app: App): void {
  const known = new Map<string, KnownPath>();
  app.addHook('onRoute', (route) => {
    const entry = known.get(route.url) ?? { pattern: patternOf(route.url), methods: new Set<string>() };
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) entry.methods.add(String(method));
    // Fastify answers HEAD for every GET route by itself.
    if (entry.methods.has('GET')) entry.methods.add('HEAD');
    known.set(route.url, entry);
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.is404) return;
    const path = request.url.split('?')[0] ?? '';
    const allowed = new Set<string>();
    for (const entry of known.values()) {
      if (entry.pattern.test(path)) for (const m of entry.methods) allowed.add(m);
    }
    if (allowed.size === 0 || allowed.has(request.method)) return;
    const allow = [...allowed].sort().join(', ');
    const c = ctx(request);
    return reply
      .status(405)
      .header('allow', allow)
      .send({
        error: {
          code: 'method_not_allowed',
          message: c.t('errors.method_not_allowed', { method: request.method, allowed: allow }),
          requestId: c.requestId,
        },
      });
  });
}
