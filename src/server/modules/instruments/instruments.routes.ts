import { z } from 'zod';
import {
  instrumentDefinitionView,
  instrumentParams,
  instrumentSummary,
  langQuery,
  scoreBody,
  scoreResultView,
} from '../../../contracts/instruments.js';
import { answerIssues } from '../../../domain/instruments/answer-issues.js';
import { INSTRUMENTS } from '../../../domain/instruments/catalog.js';
import { scoreAnswers } from '../../../domain/instruments/scoring.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { ctx } from '../../http/context.js';
import { FieldValidationError } from '../../http/errors.js';
import { limits, rateLimited } from '../../http/rate-limit.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { presentInstrumentDefinition, presentInstrumentList } from './instruments.presenter.js';

const tags = ['instruments'];

/**
 * The scoring contract of docs/instruments.md §15 over HTTP. Public: the definitions are
 * published instruments, and scoring stores and reveals nothing.
 */
export function registerInstrumentRoutes(app: App, _services: Services): void {
  app.get(
    '/api/v1/instruments',
    {
      schema: {
        tags,
        summary: 'Every screening instrument with its metadata',
        querystring: langQuery,
        response: responses({ 200: z.object({ items: z.array(instrumentSummary) }) }),
      },
      config: access('public'),
    },
    async (request) => ({ items: presentInstrumentList(request.query.lang ?? ctx(request).locale) }),
  );

  app.get(
    '/api/v1/instruments/:id',
    {
      schema: {
        tags,
        summary: 'One instrument: items, options, bands, sources (in ?lang= or the request language)',
        params: instrumentParams,
        querystring: langQuery,
        response: responses({ 200: instrumentDefinitionView }),
      },
      config: access('public'),
    },
    async (request) =>
      presentInstrumentDefinition(INSTRUMENTS[request.params.id], request.query.lang ?? ctx(request).locale),
  );

  app.post(
    '/api/v1/instruments/:id/score',
    {
      schema: {
        tags,
        summary: 'Score answers without storing anything (docs/instruments.md §15); 422 names the item and the problem',
        params: instrumentParams,
        body: scoreBody,
        response: responses({ 200: scoreResultView }),
      },
      // Answers are health data even in a preview: never kept for idempotent replay. Scoring
      // previews per client address and minute: plenty for a person, little for a scraper.
      config: { ...access('public', { carriesSecrets: true }), ...rateLimited(limits.scoringPreview) },
    },
    async (request) => {
      const outcome = scoreAnswers(request.params.id, request.body.answers);
      if (!outcome.ok) throw new FieldValidationError(answerIssues(outcome.problems), 'answers_invalid');
      return outcome.result;
    },
  );
}
