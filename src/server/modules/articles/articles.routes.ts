import {
  agencyArticleBody,
  agencyArticleList,
  agencyArticleParams,
  agencyArticleStatusBody,
  agencyArticleUpdateBody,
  agencyArticleView,
  articleIdParams,
  articleList,
  articleListQuery,
  articlePreview,
  articlePreviewBody,
  articleView,
} from '../../../contracts/articles.js';
import { okResponse } from '../../../contracts/common.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor, ctx, session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['articles'];
const ADMIN = 'manage:article:agency';
const ADMIN_PATH = '/api/v1/agency/articles';

/**
 * The psycho-education library: every signed-in person reads and searches it (never recorded);
 * the agency admin writes their agency's own articles in Markdown (docs/decisions/034-psycho-education-library.md).
 */
export function registerArticleRoutes(app: App, services: Services): void {
  const reader = (request: Parameters<typeof ctx>[0]) => ({
    agencyId: session(request).person.agencyId,
    locale: ctx(request).locale,
  });

  app.get(
    '/api/v1/articles',
    {
      schema: {
        tags,
        summary:
          "The library in the reader's language with their agency's published articles; `q` searches titles, summaries, tags and text (case- and accent-insensitive, word prefixes)",
        querystring: articleListQuery,
        response: responses({ 200: articleList }),
      },
      config: access('signed-in'),
    },
    async (request) => services.articles.list(reader(request), request.query.q),
  );

  app.get(
    '/api/v1/articles/:id',
    {
      schema: {
        tags,
        summary: "One article: a built-in one by its slug, or the agency's published one by id",
        params: articleIdParams,
        response: responses({ 200: articleView }),
      },
      config: access('signed-in'),
    },
    async (request) => services.articles.read(reader(request), request.params.id),
  );

  app.get(
    ADMIN_PATH,
    {
      schema: {
        tags,
        summary: "The agency's own articles, drafts included",
        response: responses({ 200: agencyArticleList }),
      },
      config: access(ADMIN),
    },
    async (request) => services.articles.adminList(actor(request).agencyId),
  );

  app.post(
    ADMIN_PATH,
    {
      schema: {
        tags,
        summary: 'Write a new article (a draft); the Markdown is rendered and sanitised on the server',
        body: agencyArticleBody,
        response: responses({ 201: agencyArticleView }),
      },
      config: access(ADMIN),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await services.articles.create(actor(request).agencyId, request.body, auditOrigin(request, ADMIN))),
  );

  app.post(
    `${ADMIN_PATH}/preview`,
    {
      schema: {
        tags,
        summary: 'Render Markdown exactly as a save would, without storing anything',
        body: articlePreviewBody,
        response: responses({ 200: articlePreview }),
      },
      config: access(ADMIN),
    },
    async (request) => services.articles.preview(request.body.bodyMarkdown),
  );

  app.get(
    `${ADMIN_PATH}/:id`,
    {
      schema: {
        tags,
        summary: 'One of the agency’s articles with its Markdown, for editing',
        params: agencyArticleParams,
        response: responses({ 200: agencyArticleView }),
      },
      config: access(ADMIN),
    },
    async (request) => services.articles.adminGet(actor(request).agencyId, request.params.id),
  );

  app.put(
    `${ADMIN_PATH}/:id`,
    {
      schema: {
        tags,
        summary: 'Replace an article’s text; `version` is the version the edit started from (an older one is 409)',
        params: agencyArticleParams,
        body: agencyArticleUpdateBody,
        response: responses({ 200: agencyArticleView }),
      },
      config: access(ADMIN),
    },
    async (request) =>
      services.articles.update(actor(request).agencyId, request.params.id, request.body, auditOrigin(request, ADMIN)),
  );

  app.put(
    `${ADMIN_PATH}/:id/status`,
    {
      schema: {
        tags,
        summary: 'Publish an article or take it back to draft',
        params: agencyArticleParams,
        body: agencyArticleStatusBody,
        response: responses({ 200: agencyArticleView }),
      },
      config: access(ADMIN),
    },
    async (request) =>
      services.articles.setStatus(
        actor(request).agencyId,
        request.params.id,
        request.body.status,
        auditOrigin(request, ADMIN),
      ),
  );

  app.delete(
    `${ADMIN_PATH}/:id`,
    {
      schema: {
        tags,
        summary: 'Delete an article for good',
        params: agencyArticleParams,
        response: responses({ 200: okResponse }),
      },
      config: access(ADMIN),
    },
    async (request) => {
      await services.articles.remove(actor(request).agencyId, request.params.id, auditOrigin(request, ADMIN));
      return { ok: true as const };
    },
  );
}
