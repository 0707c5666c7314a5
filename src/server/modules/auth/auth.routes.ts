import { z } from 'zod';
import {
  sessionIdParams,
  sessionListItem,
  sessionProbeView,
  signInBody,
  signInResult,
} from '../../../contracts/auth.js';
import { okResponse } from '../../../contracts/common.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { ctx, session } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { readCookie, setHostCookie } from '../../http/cookies.js';
import { responses } from '../../http/responses.js';
import { clearSessionCookie, setSessionCookie } from '../../plugins/request-context.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS } from './sign-in.service.js';
import { presentSession } from './session-view.js';

const tags = ['auth'];

/** Sign-in, sign-out, the current session and the person's sessions. */
export function registerAuthRoutes(app: App, services: Services): void {
  app.post(
    '/api/v1/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in with NIP or email and password',
        body: signInBody,
        response: responses({ 200: signInResult }),
      },
      config: access('public', { carriesSecrets: true }),
    },
    async (request, reply) => {
      const c = ctx(request);
      const result = await services.signIn.signIn({
        identifier: request.body.identifier,
        password: request.body.password,
        ip: c.ip,
        userAgent: c.userAgent,
        deviceCookie: readCookie(request, DEVICE_COOKIE),
        previousSessionId: c.session?.sessionId ?? null,
        requestId: c.requestId,
      });
      setSessionCookie(request, reply, result.token);
      // Path=/ (not /api/v1/auth) because the `__Host-` prefix requires it when cookies are Secure.
      setHostCookie(request, reply, DEVICE_COOKIE, result.deviceCookie, {
        sameSite: 'strict',
        maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
      });
      // Browsers may still hold one set at the old, narrower path: sent first, it would shadow this one.
      reply.clearCookie(DEVICE_COOKIE, { path: '/api/v1/auth' });
      return { stage: result.stage };
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags,
        summary: 'The signed-in person, roles and CSRF token, or { stage: "signed_out" }',
        description:
          'The probe the web app starts with: answers 200 whether or not someone is signed in (an expired or ' +
          'revoked session reads as signed out). Every other route answers 401 without a session.',
        response: responses({ 200: sessionProbeView }),
      },
      config: access('public'),
    },
    async (request) => {
      const current = ctx(request).session;
      if (!current) return { stage: 'signed_out' as const };
      return presentSession({ db: services.db.db, directory: services.directory }, current);
    },
  );

  app.post(
    '/api/v1/auth/sign-out',
    {
      schema: { tags, summary: 'Sign out of this browser', response: responses({ 200: okResponse }) },
      config: access('signed-in:partial'),
    },
    async (request, reply) => {
      const s = session(request);
      await services.sessions.end(s.sessionId);
      await services.audit.record({ ...auditOrigin(request), action: 'auth.sign_out', subjectId: s.person.id });
      clearSessionCookie(request, reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/sign-out-everywhere',
    {
      schema: {
        tags,
        summary: 'Sign out of every browser, this one included',
        response: responses({ 200: z.object({ ended: z.number().int() }) }),
      },
      config: access('signed-in'),
    },
    async (request, reply) => {
      const s = session(request);
      const ended = await services.sessions.endAllFor(s.person.id);
      await services.audit.record({
        ...auditOrigin(request),
        action: 'auth.sign_out_everywhere',
        subjectId: s.person.id,
        details: { ended },
      });
      clearSessionCookie(request, reply);
      return { ended };
    },
  );

  app.get(
    '/api/v1/auth/sessions',
    {
      schema: {
        tags,
        summary: 'My active sessions',
        response: responses({ 200: z.object({ items: z.array(sessionListItem) }) }),
      },
      config: access('signed-in'),
    },
    async (request) => {
      const s = session(request);
      const rows = await services.sessions.listFor(s.person.id);
      return {
        items: rows.map((r) => ({
          id: r.id.slice(0, 16),
          current: r.id === s.sessionId,
          createdAt: r.created_at,
          lastSeenAt: r.last_seen_at,
          ip: r.ip,
          userAgent: r.user_agent,
        })),
      };
    },
  );

  app.delete(
    '/api/v1/auth/sessions/:id',
    {
      schema: {
        tags,
        summary: 'End one of my sessions',
        params: sessionIdParams,
        response: responses({ 200: okResponse }),
      },
      config: access('signed-in'),
    },
    async (request) => {
      const s = session(request);
      const target = (await services.sessions.listFor(s.person.id)).find((r) => r.id.startsWith(request.params.id));
      if (!target) throw notFound();
      await services.sessions.end(target.id);
      await services.audit.record({ ...auditOrigin(request), action: 'auth.session_revoked', subjectId: s.person.id });
      return { ok: true as const };
    },
  );
}
