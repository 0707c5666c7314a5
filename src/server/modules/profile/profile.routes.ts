import { profileUpdateBody } from '../../../contracts/profile.js';
import { okResponse } from '../../../contracts/common.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import { LOCALE_COOKIE } from '../../plugins/request-context.js';
import type { Services } from '../../services.js';

const tags = ['profile'];

/** The signed-in person's own profile (the password change lives with the other credentials routes). */
export function registerProfileRoutes(app: App, services: Services): void {
  app.patch(
    '/api/v1/profile',
    {
      schema: {
        tags,
        summary: 'Change my language or the short name I am greeted by',
        body: profileUpdateBody,
        response: responses({ 200: okResponse }),
      },
      config: access('update:profile:own'),
    },
    async (request, reply) => {
      const s = session(request);
      await services.profile.update(s.person, request.body);
      if (request.body.locale) {
        reply.setCookie(LOCALE_COOKIE, request.body.locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
      }
      return { ok: true as const };
    },
  );
}
