import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okResponse } from '../../../contracts/common.js';
import {
  mySurveyDetail,
  mySurveyList,
  surveyAnswersBody,
  surveyCreateBody,
  surveyDetail,
  surveyList,
  surveyParams,
  surveyProgress,
  surveyReopenBody,
  surveyResults,
  surveyResultsQuery,
  surveyResultsExportQuery,
  surveyComments,
  surveyCommentsQuery,
  surveyTemplateList,
  surveyUpdateBody,
  surveyView,
} from '../../../contracts/surveys.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor, ctx } from '../../http/context.js';
import { limits, rateLimited } from '../../http/rate-limit.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';
import { listTemplates } from './survey-templates.js';

const tags = ['surveys'];
const MANAGE = 'manage:survey:unit' as const;

/**
 * Climate surveys. Admin routes answer surveys, definitions and suppressed counts; the employee's
 * routes answer their own open surveys and take one answer. No route returns an answer.
 */
export function registerSurveyRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/survey-templates',
    {
      schema: { tags, summary: 'The template library', response: responses({ 200: surveyTemplateList }) },
      config: access(MANAGE),
    },
    async () => ({ items: listTemplates() }),
  );

  app.get(
    '/api/v1/surveys',
    {
      schema: {
        tags,
        summary: 'Surveys reaching into my units, newest first',
        response: responses({ 200: surveyList }),
      },
      config: access(MANAGE),
    },
    async (request) => ({ items: await services.surveys.list(actor(request)) }),
  );

  app.post(
    '/api/v1/surveys',
    {
      schema: {
        tags,
        summary: 'Draft a survey from a template',
        body: surveyCreateBody,
        response: responses({ 201: surveyDetail }),
      },
      config: access(MANAGE),
    },
    async (request, reply) =>
      reply.status(201).send(await services.surveys.create(actor(request), request.body, auditOrigin(request, MANAGE))),
  );

  app.get(
    '/api/v1/surveys/:id',
    {
      schema: {
        tags,
        summary: 'One survey with its questions',
        params: surveyParams,
        response: responses({ 200: surveyDetail }),
      },
      config: access(MANAGE),
    },
    async (request) => services.surveys.get(actor(request), request.params.id),
  );

  app.put(
    '/api/v1/surveys/:id',
    {
      schema: {
        tags,
        summary: "Replace a draft's fields (and its questions, when sent)",
        params: surveyParams,
        body: surveyUpdateBody,
        response: responses({ 200: surveyDetail }),
      },
      config: access(MANAGE),
    },
    async (request) => services.surveys.update(actor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/surveys/:id/open',
    {
      schema: {
        tags,
        summary: 'Open a draft: who is asked, their profiles and the thresholds are fixed from now on',
        params: surveyParams,
        response: responses({ 200: surveyView }),
      },
      config: access(MANAGE),
    },
    async (request) => services.surveys.open(actor(request), request.params.id, auditOrigin(request, MANAGE)),
  );

  app.post(
    '/api/v1/surveys/:id/close',
    {
      schema: { tags, summary: 'Close an open survey', params: surveyParams, response: responses({ 200: surveyView }) },
      config: access(MANAGE),
    },
    async (request) => services.surveys.close(actor(request), request.params.id, auditOrigin(request, MANAGE)),
  );

  app.post(
    '/api/v1/surveys/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a closed survey until a new last day; the reason is logged',
        params: surveyParams,
        body: surveyReopenBody,
        response: responses({ 200: surveyView }),
      },
      config: access(MANAGE),
    },
    async (request) =>
      services.surveys.reopen(actor(request), request.params.id, request.body, auditOrigin(request, MANAGE)),
  );

  app.get(
    '/api/v1/surveys/:id/progress',
    {
      schema: {
        tags,
        summary: 'Response rates per unit, republished after k new answers (counts under k are null)',
        params: surveyParams,
        response: responses({ 200: surveyProgress }),
      },
      config: { ...access(MANAGE), ...rateLimited(limits.figures) },
    },
    async (request) => services.surveys.progressOf(actor(request), request.params.id),
  );

  app.get(
    '/api/v1/surveys/:id/results',
    {
      schema: {
        tags,
        summary:
          'Results of a closed survey, computed once at closing, for my units: every figure under the anonymity rules (withheld ones are null with a reason)',
        params: surveyParams,
        querystring: surveyResultsQuery,
        response: responses({ 200: surveyResults }),
      },
      // An aggregate view: the same limits as campaign figures (docs/decisions/014-rate-limits.md).
      config: { ...access(MANAGE), ...rateLimited(limits.figures) },
      // The view is the stored one (computed by the engine at closing) with names added: at 1,000
      // units it is 13 MB, and zod's second pass over it cost as much as parsing and writing it
      // (docs/benchmarks.md, survey results page). Written as it is; errors keep the zod
      // serializer, and an integration test checks the answer has exactly the contract's shape.
      serializerCompiler: (route) =>
        route.httpStatus === '200'
          ? (data) => JSON.stringify(data)
          : serializerCompiler(route as unknown as Parameters<typeof serializerCompiler>[0]),
    },
    async (request) =>
      services.surveys.resultsOf(actor(request), request.params.id, request.query.filter, auditOrigin(request, MANAGE)),
  );

  app.get(
    '/api/v1/surveys/:id/results/export',
    {
      schema: {
        tags,
        summary: 'The results view as an XLSX or PDF file: exactly the cells the results answer shows, audited',
        params: surveyParams,
        querystring: surveyResultsExportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf'],
        response: responses({ 200: z.unknown().describe('The spreadsheet or the document, as an attachment') }),
      },
      config: { ...access(MANAGE), ...rateLimited(limits.figures) },
    },
    async (request, reply) => {
      const file = await services.surveys.resultsFile(
        actor(request),
        request.params.id,
        request.query.filter,
        auditOrigin(request, MANAGE),
        ctx(request).locale,
        request.query.format,
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.get(
    '/api/v1/surveys/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comments of groups of at least k_c respondents: masked, shuffled, without dates or authors',
        params: surveyParams,
        querystring: surveyCommentsQuery,
        response: responses({ 200: surveyComments }),
      },
      config: { ...access(MANAGE), ...rateLimited(limits.figures) },
    },
    async (request) =>
      services.surveys.commentsOf(actor(request), request.params.id, request.query.unit, auditOrigin(request, MANAGE)),
  );

  app.get(
    '/api/v1/me/surveys',
    {
      schema: {
        tags,
        summary: 'Open surveys I was asked, and whether I answered',
        response: responses({ 200: mySurveyList }),
      },
      config: access('answer:survey:own'),
    },
    async (request) => services.surveys.mine(actor(request)),
  );

  app.get(
    '/api/v1/me/surveys/:id',
    {
      schema: {
        tags,
        summary: 'An open survey I was asked, with its questions',
        params: surveyParams,
        response: responses({ 200: mySurveyDetail }),
      },
      config: access('answer:survey:own'),
    },
    async (request) => services.surveys.mineOne(actor(request), request.params.id),
  );

  app.post(
    '/api/v1/me/surveys/:id/answers',
    {
      schema: {
        tags,
        summary: 'Answer a survey once; a second answer is refused (409) and the first is never read',
        params: surveyParams,
        body: surveyAnswersBody,
        response: responses({ 201: okResponse }),
      },
      // Nothing of an answer may rest in the idempotency store: a retry meets the participation
      // record instead and is refused with 409, which the form reads as "already recorded".
      config: { ...access('answer:survey:own', { carriesSecrets: true }), ...rateLimited(limits.oneAnswerEach) },
    },
    async (request, reply) => {
      await services.surveys.answer(actor(request), request.params.id, request.body.answers);
      return reply.status(201).send({ ok: true as const });
    },
  );
}
