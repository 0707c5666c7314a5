import { z } from 'zod';
import {
  campaignBody,
  campaignExportQuery,
  campaignList,
  campaignParams,
  campaignStats,
  campaignView,
  myCampaignList,
  type CampaignStats,
} from '../../../contracts/campaigns.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor, ctx } from '../../http/context.js';
import { limits, rateLimited } from '../../http/rate-limit.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['campaigns'];

/**
 * Screening campaigns. Admin routes answer campaigns and suppressed aggregates only; no route
 * here can return a person next to a result (docs/privacy.md §1.1–1.2).
 */
export function registerCampaignRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/campaigns',
    {
      schema: {
        tags,
        summary: 'Campaigns of my agency that reach into my units, newest first',
        response: responses({ 200: campaignList }),
      },
      config: access('manage:campaign:unit'),
    },
    async (request) => ({ items: await services.campaigns.list(actor(request)) }),
  );

  app.post(
    '/api/v1/campaigns',
    {
      schema: { tags, summary: 'Draft a campaign', body: campaignBody, response: responses({ 201: campaignView }) },
      config: access('manage:campaign:unit'),
    },
    async (request, reply) => reply.status(201).send(await services.campaigns.create(actor(request), request.body)),
  );

  app.get(
    '/api/v1/campaigns/:id',
    {
      schema: { tags, summary: 'One campaign', params: campaignParams, response: responses({ 200: campaignView }) },
      config: access('manage:campaign:unit'),
    },
    async (request) => services.campaigns.get(actor(request), request.params.id),
  );

  app.patch(
    '/api/v1/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Replace the fields of a draft campaign',
        params: campaignParams,
        body: campaignBody,
        response: responses({ 200: campaignView }),
      },
      config: access('manage:campaign:unit'),
    },
    async (request) => services.campaigns.update(actor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/campaigns/:id/launch',
    {
      schema: {
        tags,
        summary:
          'Open a draft: invite the active people of the chosen units (membership and threshold are fixed from now on)',
        params: campaignParams,
        response: responses({ 200: campaignView }),
      },
      config: access('manage:campaign:unit'),
    },
    async (request) =>
      services.campaigns.launch(actor(request), request.params.id, auditOrigin(request, 'manage:campaign:unit')),
  );

  app.post(
    '/api/v1/campaigns/:id/close',
    {
      schema: {
        tags,
        summary: 'Close an open campaign and publish its final figures',
        params: campaignParams,
        response: responses({ 200: campaignView }),
      },
      config: access('manage:campaign:unit'),
    },
    async (request) =>
      services.campaigns.close(actor(request), request.params.id, auditOrigin(request, 'manage:campaign:unit')),
  );

  app.get(
    '/api/v1/campaigns/:id/stats',
    {
      schema: {
        tags,
        summary:
          'Participation and band distributions per unit, under the anonymity rules (counts under k and cells that would reveal them are null)',
        params: campaignParams,
        response: responses({ 200: campaignStats }),
      },
      // An aggregate view: limited per person and per agency (docs/decisions/014-rate-limits.md), on top of A7's snapshots.
      config: { ...access('read:campaign-aggregate:unit'), ...rateLimited(limits.figures) },
    },
    // The service answers JSON text it built once per publication and serialised with this very
    // contract (docs/decisions/027-campaign-view-cost.md), so it is sent as it is: Fastify passes a
    // string with a JSON content type through untouched (the cast only tells the type provider).
    async (request, reply) => {
      const json = await services.campaigns.stats.viewJson(
        actor(request),
        request.params.id,
        auditOrigin(request, 'read:campaign-aggregate:unit'),
      );
      return reply.header('content-type', 'application/json; charset=utf-8').send(json as unknown as CampaignStats);
    },
  );

  app.get(
    '/api/v1/campaigns/:id/stats/export',
    {
      schema: {
        tags,
        summary:
          'The campaign report as XLSX or PDF: exactly the cells the stats answer shows (same publication, same suppression), audited',
        params: campaignParams,
        querystring: campaignExportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf'],
        response: responses({ 200: z.unknown().describe('The report file, as an attachment') }),
      },
      // Figures in another shape: the same limits as viewing them (docs/decisions/024-campaign-reports.md).
      config: { ...access('read:campaign-aggregate:unit'), ...rateLimited(limits.figures) },
    },
    async (request, reply) => {
      const file = await services.campaigns.stats.export(
        actor(request),
        request.params.id,
        auditOrigin(request, 'read:campaign-aggregate:unit'),
        request.query.format,
        ctx(request).locale,
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.get(
    '/api/v1/me/campaigns',
    {
      schema: {
        tags,
        summary: 'Open campaigns I am invited to, with the instruments I have completed',
        response: responses({ 200: myCampaignList }),
      },
      config: access('take:assessment:own'),
    },
    async (request) => services.campaigns.mine(actor(request)),
  );
}
