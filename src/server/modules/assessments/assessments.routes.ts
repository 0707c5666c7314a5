import { z } from 'zod';
import { resultList, resultListQuery, resultParams, resultView, submitBody } from '../../../contracts/assessments.js';
import { okResponse } from '../../../contracts/common.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { auditOrigin } from '../audit/index.js';
import { session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { registerDraftRoutes } from './drafts.routes.js';
import { registerSharingRoutes } from './sharing.routes.js';

const tags = ['assessments'];

/** The FHIR document is checked by the exporter's tests; here only its envelope is typed. */
const fhirBundle = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('collection'),
  timestamp: z.string(),
  entry: z.array(z.looseObject({ fullUrl: z.string(), resource: z.looseObject({ resourceType: z.string() }) })),
});

/**
 * A person's own screening (docs/self-assessment.md). Every route is `own`: nobody else — not
 * a manager, wellbeing admin, agency admin or platform admin — has a route to an individual result.
 */
export function registerAssessmentRoutes(app: App, services: Services): void {
  registerDraftRoutes(app, services);
  registerSharingRoutes(app, services);

  app.post(
    '/api/v1/me/assessments',
    {
      schema: {
        tags,
        summary:
          'Submit answers: scored, stored encrypted, consent recorded; crisis request in the same transaction. Idempotent on submissionKey (201 first, 200 on a retry).',
        body: submitBody,
        response: responses({ 200: resultView, 201: resultView }),
      },
      // Idempotent by its own submissionKey in the same transaction; the generic store must never hold health data.
      config: access('take:assessment:own', { carriesSecrets: true }),
    },
    async (request, reply) => {
      const { created, view } = await services.assessments.submit(session(request).person, request.body);
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.get(
    '/api/v1/me/assessments',
    {
      schema: {
        tags,
        summary: 'My results, newest first',
        querystring: resultListQuery,
        response: responses({ 200: resultList }),
      },
      config: access('read:assessment:own'),
    },
    async (request) => services.assessments.list(session(request).person, request.query.instrumentId),
  );

  app.get(
    '/api/v1/me/assessments/fhir',
    {
      schema: {
        tags,
        summary: 'All my results as a FHIR R4 Bundle (application/fhir+json)',
        response: responses({ 200: fhirBundle }),
      },
      config: access('read:assessment:own'),
    },
    async (request, reply) => {
      const bundle = await services.assessments.fhirExport(
        session(request).person,
        auditOrigin(request, 'read:assessment:own'),
      );
      const day = bundle.timestamp.slice(0, 10);
      return reply
        .type('application/fhir+json; charset=utf-8')
        .header('content-disposition', `attachment; filename="teduh-hasil-${day}.fhir.json"`)
        .header('cache-control', 'no-store')
        .send(bundle);
    },
  );

  app.get(
    '/api/v1/me/assessments/:id',
    {
      schema: {
        tags,
        summary: 'One of my results, with its shares',
        params: resultParams,
        response: responses({ 200: resultView }),
      },
      config: access('read:assessment:own'),
    },
    async (request) => services.assessments.get(session(request).person, request.params.id),
  );

  app.delete(
    '/api/v1/me/assessments/:id',
    {
      schema: {
        tags,
        summary: 'Delete one of my results for good (its shares too; consents kept, marked withdrawn)',
        params: resultParams,
        response: responses({ 200: okResponse }),
      },
      config: access('take:assessment:own'),
    },
    async (request) => {
      await services.assessments.remove(session(request).person, request.params.id);
      return { ok: true as const };
    },
  );
}
