import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/access/permissions.js';
import type { Locale } from '../../i18n/locales.js';
import type { Translate } from '../../i18n/translator.js';

/** The signed-in person behind a request. */
export interface SessionState {
  sessionId: string;
  stage: 'full' | 'two_factor' | 'two_factor_setup';
  csrfToken: string;
  createdAt: string;
  actor: Actor;
  person: {
    id: string;
    agencyId: string;
    unitId: string;
    fullName: string;
    locale: Locale;
  };
}

/** What every handler may know about its request, kept beside (not on) the Fastify request. */
export interface RequestContext {
  requestId: string;
  locale: Locale;
  t: Translate;
  session: SessionState | null;
  ip: string;
  userAgent: string | null;
}

const contexts = new WeakMap<FastifyRequest, RequestContext>();

export function setContext(request: FastifyRequest, context: RequestContext): void {
  contexts.set(request, context);
}

/** The request's context; set by the context plugin in onRequest, before any route code runs. */
export function ctx(request: FastifyRequest): RequestContext {
  const c = contexts.get(request);
  if (!c) throw new Error('request context missing: is the context plugin registered?');
  return c;
}

/** The signed-in session with two-factor done; routes with a permission can rely on it. */
export function session(request: FastifyRequest): SessionState {
  const s = ctx(request).session;
  if (!s) throw new Error('route without a session guard asked for the session');
  return s;
}

/** The actor of a fully signed-in request. */
export function actor(request: FastifyRequest): Actor {
  return session(request).actor;
}
