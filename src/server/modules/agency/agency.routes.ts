import { agencySettingsBody, agencyStats, agencyView, outboxItem, outboxQuery } from '../../../contracts/agency.js';
import { pageOf } from '../../../contracts/common.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['agency'];

/** The agency's settings, home-page counts and email outbox. */
export function registerAgencyRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/agency',
    { schema: { tags, summary: 'My agency', response: responses({ 200: agencyView }) }, config: access('signed-in') },
    async (request) => services.agency.get(actor(request).agencyId),
  );

  app.put(
    '/api/v1/agency/settings',
    {
      schema: {
        tags,
        summary: 'Change agency settings (name, time zone, anonymity threshold ≥ 5, DPO)',
        body: agencySettingsBody,
        response: responses({ 200: agencyView }),
      },
      config: access('manage:settings:agency'),
    },
    async (request) =>
      services.agency.updateSettings(
        actor(request).agencyId,
        request.body,
        auditOrigin(request, 'manage:settings:agency'),
      ),
  );

  app.get(
    '/api/v1/agency/stats',
    {
      schema: { tags, summary: 'Counts of units, people and sign-ups', response: responses({ 200: agencyStats }) },
      config: access('read:person:agency'),
    },
    async (request) => services.agency.stats(actor(request).agencyId),
  );

  app.get(
    '/api/v1/agency/outbox',
    {
      schema: {
        tags,
        summary: 'Emails held or sent for this agency (every view is audited)',
        querystring: outboxQuery,
        response: responses({ 200: pageOf(outboxItem) }),
      },
      config: access('read:outbox:agency'),
    },
    async (request) =>
      services.agency.outbox(
        actor(request).agencyId,
        request.query.page,
        request.query.pageSize,
        auditOrigin(request, 'read:outbox:agency'),
      ),
  );
}
