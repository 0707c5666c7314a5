import { z } from 'zod';
import { newAgencyBody, platformAgencyView } from '../../../contracts/platform.js';
import { invitationSent } from '../../../contracts/auth.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['platform'];

/** Agencies of a multi-agency install (platform admin only). */
export function registerPlatformRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/platform/agencies',
    {
      schema: {
        tags,
        summary: 'All agencies with their sizes',
        response: responses({ 200: z.object({ items: z.array(platformAgencyView) }) }),
      },
      config: access('read:agency:platform'),
    },
    async () => ({ items: await services.platform.list() }),
  );

  app.post(
    '/api/v1/platform/agencies',
    {
      schema: {
        tags,
        summary: 'Create an agency with its top unit; its first admin is invited by email',
        body: newAgencyBody,
        response: responses({
          201: z.object({ agencyId: z.string(), adminId: z.string(), invitation: invitationSent }),
        }),
      },
      config: access('manage:agency:platform'),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await services.platform.create(request.body, auditOrigin(request, 'manage:agency:platform'))),
  );
}
