import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { i18n } from 'i18next';
import { isLocale, localeFromAcceptLanguage, type Locale } from '../../i18n/locales.js';
import { translatorFor } from '../../i18n/translator.js';
import type { App } from '../app-types.js';
import { setContext, type RequestContext } from '../http/context.js';
import { clearHostCookie, installCookiePolicy, readCookie, setHostCookie } from '../http/cookies.js';
import type { SessionService } from '../modules/auth/index.js';

export const SESSION_COOKIE = 'teduh_session';
export const LOCALE_COOKIE = 'teduh_lang';

/** Incoming ids from a trusted proxy are kept so a request can be traced end to end. */
export function requestIdOf(raw: { headers: Record<string, string | string[] | undefined> }): string {
  const incoming = raw.headers['x-request-id'];
  return typeof incoming === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
}

/**
 * What the request log keeps of a request: method and path only. Query strings (people search
 * terms), tokens in invitation and reset links, and client addresses are personal data or secrets.
 */
export function serializeRequest(req: { method: string; url: string; id?: string }) {
  const path = req.url.split('?')[0] ?? '';
  return {
    method: req.method,
    // API paths and the web app's pages alike: /invite/<token> opened in a browser is logged too.
    url: path.replace(
      /\/(invitations|password-reset|email-change|invite|reset-password|confirm-email-change)\/[^/]+/,
      '/$1/:token',
    ),
    id: req.id,
  };
}

/**
 * First hook of every request: request id, language, and the signed-in session if any. The
 * context is set before the session is looked up, so even a database failure is answered in the
 * person's language.
 */
export function installRequestContext(
  app: App,
  deps: { i18n: i18n; sessions: SessionService; secureCookies: boolean },
): void {
  // Before the session is read: the cookie's name depends on it (`__Host-` when Secure).
  installCookiePolicy(app, deps.secureCookies);
  const translators = new Map<Locale, ReturnType<typeof translatorFor>>();
  const translate = (locale: Locale) => {
    let t = translators.get(locale);
    if (!t) translators.set(locale, (t = translatorFor(deps.i18n, locale)));
    return t;
  };

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const cookieLocale = request.cookies[LOCALE_COOKIE];
    const locale = isLocale(cookieLocale) ? cookieLocale : localeFromAcceptLanguage(request.headers['accept-language']);
    const context: RequestContext = {
      requestId: request.id,
      locale,
      t: translate(locale),
      session: null,
      ip: request.ip,
      userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null,
    };
    setContext(request, context);
    reply.header('x-request-id', context.requestId);

    const token = readCookie(request, SESSION_COOKIE);
    if (token && request.url.startsWith('/api/')) {
      context.session = await deps.sessions.resolve(token);
      // A signed-in person's own choice of language wins over the browser's.
      if (context.session) {
        context.locale = context.session.person.locale;
        context.t = translate(context.locale);
      }
    }
  });
}

/**
 * Sets the session cookie: httpOnly, SameSite=Lax, and Secure with the `__Host-` name whenever
 * cookies are Secure (http/cookies.ts).
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  setHostCookie(request, reply, SESSION_COOKIE, token, { sameSite: 'lax' });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  clearHostCookie(request, reply, SESSION_COOKIE, 'lax');
}
