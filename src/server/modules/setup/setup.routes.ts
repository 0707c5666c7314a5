import { setupBody, setupStatus } from '../../../contracts/setup.js';
import { signInResult } from '../../../contracts/auth.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { ctx } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import { setSessionCookie } from '../../plugins/request-context.js';
import type { Services } from '../../services.js';

const tags = ['setup'];

/** First-run set-up of an empty install. */
export function registerSetupRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/setup',
    {
      schema: {
        tags,
        summary: 'Whether this install still needs first-run set-up',
        response: responses({ 200: setupStatus }),
      },
      config: access('public'),
    },
    async () => ({ needsSetup: await services.setup.needsSetup() }),
  );

  app.post(
    '/api/v1/setup',
    {
      schema: {
        tags,
        summary: 'Create the first agency and its admin; signs the admin in',
        body: setupBody,
        response: responses({ 201: signInResult }),
      },
      config: access('public', { carriesSecrets: true }),
    },
    async (request, reply) => {
      const c = ctx(request);
      const { adminId, agencyId } = await services.setup.run(request.body, c.requestId);
      // Admins must use two-factor, so the new session starts at the enrolment step.
      const { token } = await services.sessions.start({ id: adminId, agency_id: agencyId }, 'two_factor_setup', {
        ip: c.ip,
        userAgent: c.userAgent,
      });
      setSessionCookie(request, reply, token);
      return reply.status(201).send({ stage: 'two_factor_setup' as const });
    },
  );
}
