import { z } from 'zod';
import { insightsQuery, insightsView } from '../../../contracts/check-ins.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';

const tags = ['check-ins'];
const file = z.unknown().describe('The file, as an attachment');

/**
 * The person's insights from their own check-ins and their own copy of them
 * (docs/decisions/036-insights.md). Like the check-in routes, every one is `own`, keyed by the
 * session, with no id in its path: nobody else has a route to any of it (docs/privacy.md §1.1).
 */
export function registerInsightRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/me/check-ins/insights',
    {
      schema: {
        tags,
        summary:
          'My trends over the last `days` (7, 30, 90 or 365): one point per day, streaks, averages against the period before, patterns and gentle nudges, computed on request and never stored',
        querystring: insightsQuery,
        response: responses({ 200: insightsView }),
      },
      config: access('read:check-in:own'),
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return services.insights.insights(session(request).person, request.query);
    },
  );

  for (const format of ['csv', 'json'] as const) {
    app.get(
      `/api/v1/me/check-ins/export.${format}`,
      {
        schema: {
          tags,
          summary:
            format === 'csv'
              ? 'All my check-ins as CSV (UTF-8, formula-safe), note and tags opened for me'
              : 'All my check-ins as JSON, note and tags opened for me',
          produces: [format === 'csv' ? 'text/csv' : 'application/json'],
          response: responses({ 200: file }),
        },
        // Opened health data: it must never sit in a replay store or a shared cache.
        config: access('read:check-in:own', { carriesSecrets: true }),
      },
      async (request, reply) => {
        const out = await services.insights.exportOwn(session(request).person, format);
        return reply
          .header('content-type', out.contentType)
          .header('content-disposition', `attachment; filename="${out.fileName}"`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(out.body, 'utf8'));
      },
    );
  }
}
