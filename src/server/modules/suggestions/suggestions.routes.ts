import { okResponse } from '../../../contracts/common.js';
import {
  managedSuggestionList,
  suggestionBoard,
  suggestionHideBody,
  suggestionListQuery,
  suggestionParams,
  suggestionReleaseResult,
  suggestionReleases,
  suggestionReplyBody,
  suggestionSendBody,
} from '../../../contracts/suggestions.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['suggestions'];
const MANAGE = 'manage:suggestion:agency' as const;

/**
 * The anonymous suggestion box (docs/decisions/052-suggestion-box.md). Staff send and read the
 * public board; the wellbeing team lists, replies, hides and releases. No route answers who wrote
 * a suggestion, and none lists a person's own suggestions: nothing links them to one.
 */
export function registerSuggestionRoutes(app: App, services: Services): void {
  app.post(
    '/api/v1/me/suggestions',
    {
      schema: {
        tags,
        summary:
          'Send a suggestion: sealed until it is released with at least k others; a retry with the same Idempotency-Key is stored once',
        body: suggestionSendBody,
        response: responses({ 201: okResponse }),
      },
      // The text must never rest in the idempotency store (it would sit there beside the person):
      // the service recognises a retried key itself, by a hash kept with the day's counter only.
      config: access('suggest:own', { carriesSecrets: true }),
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      await services.suggestions.send(actor(request), request.body, typeof key === 'string' ? key : undefined);
      return reply.status(201).send({ ok: true as const });
    },
  );

  app.get(
    '/api/v1/suggestions/board',
    {
      schema: {
        tags,
        summary: "The agency's public board: released suggestions with the wellbeing team's replies",
        querystring: suggestionListQuery,
        response: responses({ 200: suggestionBoard }),
      },
      config: access('suggest:own'),
    },
    async (request) => services.suggestions.board(actor(request), request.query),
  );

  app.get(
    '/api/v1/suggestions',
    {
      schema: {
        tags,
        summary: 'Every released suggestion of the agency, hidden ones marked (wellbeing team)',
        querystring: suggestionListQuery,
        response: responses({ 200: managedSuggestionList }),
      },
      config: access(MANAGE),
    },
    async (request) => services.suggestions.manage(actor(request), request.query),
  );

  app.get(
    '/api/v1/suggestions/releases',
    {
      schema: {
        tags,
        summary: 'The latest releases with their counts per topic, and whether at least k suggestions wait',
        response: responses({ 200: suggestionReleases }),
      },
      config: access(MANAGE),
    },
    async (request) => services.suggestions.releases(actor(request)),
  );

  app.post(
    '/api/v1/suggestions/releases',
    {
      schema: {
        tags,
        summary: 'Release the waiting suggestions now, if at least k wait (409 otherwise); audited',
        response: responses({ 201: suggestionReleaseResult }),
      },
      config: access(MANAGE),
    },
    async (request, reply) =>
      reply.status(201).send(await services.suggestions.releaseNow(actor(request), auditOrigin(request, MANAGE))),
  );

  app.put(
    '/api/v1/suggestions/:id/reply',
    {
      schema: {
        tags,
        summary: "Write or edit the wellbeing team's public reply; audited",
        params: suggestionParams,
        body: suggestionReplyBody,
        response: responses({ 200: okResponse }),
      },
      config: access(MANAGE),
    },
    async (request) => {
      await services.suggestions.reply(
        actor(request),
        request.params.id,
        request.body.reply,
        auditOrigin(request, MANAGE),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/suggestions/:id/hide',
    {
      schema: {
        tags,
        summary: 'Hide an abusive or identifying suggestion from the board, with a reason; audited',
        params: suggestionParams,
        body: suggestionHideBody,
        response: responses({ 200: okResponse }),
      },
      config: access(MANAGE),
    },
    async (request) => {
      await services.suggestions.hide(
        actor(request),
        request.params.id,
        request.body.reason,
        auditOrigin(request, MANAGE),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/suggestions/:id/unhide',
    {
      schema: {
        tags,
        summary: 'Show a hidden suggestion on the board again (undo a hide); audited with the reason it had',
        params: suggestionParams,
        response: responses({ 200: okResponse }),
      },
      config: access(MANAGE),
    },
    async (request) => {
      await services.suggestions.unhide(actor(request), request.params.id, auditOrigin(request, MANAGE));
      return { ok: true as const };
    },
  );
}
