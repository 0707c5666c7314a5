import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app-types.js';

/**
 * Cookie names and the Secure flag (docs/decisions/011-account-recovery.md). When cookies are Secure — PUBLIC_URL is
 * https, or this request came over https (through a trusted proxy) — the session and device
 * cookies carry the `__Host-` prefix: the browser then accepts them only with Secure, Path=/ and no
 * Domain, so a sibling subdomain or a plain-http page cannot plant or shadow them. Over plain http
 * (local development) they keep plain names, since a browser refuses `__Host-` without Secure.
 * A request that is Secure reads only the prefixed name, never the plain one an attacker may toss in.
 */
const secureRequests = new WeakSet<FastifyRequest>();

/** Decides, first thing for each request, whether its cookies are Secure. */
export function installCookiePolicy(app: App, secureCookies: boolean): void {
  app.addHook('onRequest', async (request) => {
    if (secureCookies || request.protocol === 'https') secureRequests.add(request);
  });
}

/** Whether cookies set on this request are Secure (and `__Host-` named). */
export function cookiesAreSecure(request: FastifyRequest): boolean {
  return secureRequests.has(request);
}

/** The name a cookie has on this request: `__Host-<base>` when Secure, `<base>` otherwise. */
export function cookieName(request: FastifyRequest, base: string): string {
  return cookiesAreSecure(request) ? `__Host-${base}` : base;
}

/** Reads a cookie by its base name, under the name this request's policy gives it. */
export function readCookie(request: FastifyRequest, base: string): string | undefined {
  return request.cookies[cookieName(request, base)];
}

/** Sets an httpOnly cookie on Path=/ with no Domain, as the `__Host-` prefix requires. */
export function setHostCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  base: string,
  value: string,
  options: { sameSite: 'lax' | 'strict'; maxAge?: number },
): void {
  reply.setCookie(cookieName(request, base), value, {
    path: '/',
    httpOnly: true,
    secure: cookiesAreSecure(request),
    ...options,
  });
}

/** Clears a cookie set with setHostCookie. */
export function clearHostCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  base: string,
  sameSite: 'lax' | 'strict',
): void {
  reply.clearCookie(cookieName(request, base), {
    path: '/',
    httpOnly: true,
    sameSite,
    secure: cookiesAreSecure(request),
  });
}
