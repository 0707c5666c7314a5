import { idParams } from '../../../contracts/common.js';
import { unitCreateBody, unitList, unitUpdateBody, unitView } from '../../../contracts/org.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['org'];

/** The agency's organisation units. */
export function registerUnitRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/units',
    {
      schema: {
        tags,
        summary: 'All units of my agency (inactive ones too), parents first, with active people per unit',
        response: responses({ 200: unitList }),
      },
      config: access('read:unit:agency'),
    },
    async (request) => ({ items: await services.units.list(actor(request)) }),
  );

  app.post(
    '/api/v1/units',
    {
      schema: {
        tags,
        summary: 'Create a unit under another unit',
        body: unitCreateBody,
        response: responses({ 201: unitView }),
      },
      config: access('manage:unit:agency'),
    },
    async (request, reply) => {
      const unit = await services.units.create(
        actor(request),
        request.body,
        auditOrigin(request, 'manage:unit:agency'),
      );
      return reply.status(201).send(unit);
    },
  );

  app.patch(
    '/api/v1/units/:id',
    {
      schema: {
        tags,
        summary: 'Rename, re-code, move (parentId), change the time zone of, or (de)activate a unit',
        params: idParams,
        body: unitUpdateBody,
        response: responses({ 200: unitView }),
      },
      config: access('manage:unit:agency'),
    },
    async (request) =>
      services.units.update(
        actor(request),
        request.params.id,
        request.body,
        auditOrigin(request, 'manage:unit:agency'),
      ),
  );
}
