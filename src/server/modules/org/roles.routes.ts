import { idParams, okResponse } from '../../../contracts/common.js';
import { grantList, grantParams, roleGrantBody } from '../../../contracts/org.js';
import { roleGrantView } from '../../../contracts/auth.js';
import { roleRequestView } from '../../../contracts/role-requests.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['org'];

/** Role grants of a person. */
export function registerRoleRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/people/:id/roles',
    {
      schema: { tags, summary: "A person's role grants", params: idParams, response: responses({ 200: grantList }) },
      config: access('manage:role:agency'),
    },
    async (request) => services.roles.list(actor(request), request.params.id),
  );

  app.post(
    '/api/v1/people/:id/roles',
    {
      schema: {
        tags,
        summary:
          'Grant a role, agency-wide or (manager, wellbeing admin, counsellor) limited to a unit subtree. Roles that read health data or approve those who do answer 202: a request that a second person must approve',
        params: idParams,
        body: roleGrantBody,
        response: responses({ 201: roleGrantView, 202: roleRequestView }),
      },
      config: access('manage:role:agency'),
    },
    async (request, reply) => {
      const outcome = await services.roles.grant(
        actor(request),
        request.params.id,
        request.body,
        auditOrigin(request, 'manage:role:agency'),
      );
      return 'granted' in outcome ? reply.status(201).send(outcome.granted) : reply.status(202).send(outcome.requested);
    },
  );

  app.delete(
    '/api/v1/people/:id/roles/:grantId',
    {
      schema: { tags, summary: 'Revoke a role grant', params: grantParams, response: responses({ 200: okResponse }) },
      config: access('manage:role:agency'),
    },
    async (request) => {
      await services.roles.revoke(
        actor(request),
        request.params.id,
        request.params.grantId,
        auditOrigin(request, 'manage:role:agency'),
      );
      return { ok: true as const };
    },
  );
}
