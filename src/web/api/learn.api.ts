import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  AgencyArticleInput,
  AgencyArticleSummary,
  AgencyArticleView,
  ArticleList,
  ArticleStatus,
  ArticleSummary,
  ArticleView,
} from '../../contracts/articles.js';
import { api } from './client.js';

export type {
  AgencyArticleInput,
  AgencyArticleSummary,
  AgencyArticleView,
  ArticleList,
  ArticleStatus,
  ArticleSummary,
  ArticleView,
};

/** Where each call of the articles contract goes (src/contracts/articles.ts). */
export const LEARN_PATHS = {
  library: '/api/v1/articles',
  article: (id: string) => `/api/v1/articles/${encodeURIComponent(id)}`,
  admin: '/api/v1/agency/articles',
  adminArticle: (id: string) => `/api/v1/agency/articles/${encodeURIComponent(id)}`,
  adminStatus: (id: string) => `/api/v1/agency/articles/${encodeURIComponent(id)}/status`,
  preview: '/api/v1/agency/articles/preview',
} as const;

/** The library, searched when `q` is given. The previous list stays on screen while a new search runs. */
export const libraryQuery = (q: string) =>
  queryOptions({
    queryKey: ['library', q] as const,
    queryFn: () => api.get<ArticleList>(LEARN_PATHS.library, q ? { q } : undefined),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });

export const articleQuery = (id: string) =>
  queryOptions({
    queryKey: ['library', 'article', id] as const,
    queryFn: () => api.get<ArticleView>(LEARN_PATHS.article(id)),
    staleTime: 5 * 60_000,
    retry: false,
  });

/* The agency admin's side. */

export const adminArticlesKey = ['admin-articles'] as const;

export const adminArticlesQuery = queryOptions({
  queryKey: adminArticlesKey,
  queryFn: () => api.get<{ items: AgencyArticleSummary[] }>(LEARN_PATHS.admin),
  staleTime: 0,
});

export const adminArticleQuery = (id: string) =>
  queryOptions({
    queryKey: [...adminArticlesKey, id] as const,
    queryFn: () => api.get<AgencyArticleView>(LEARN_PATHS.adminArticle(id)),
    staleTime: 0,
    retry: false,
  });

export function createArticle(body: AgencyArticleInput, idempotencyKey: string): Promise<AgencyArticleView> {
  return api.post<AgencyArticleView>(LEARN_PATHS.admin, body, { idempotencyKey });
}

export function updateArticle(
  id: string,
  body: AgencyArticleInput & { version: number },
  idempotencyKey: string,
): Promise<AgencyArticleView> {
  return api.put<AgencyArticleView>(LEARN_PATHS.adminArticle(id), body, { idempotencyKey });
}

export function setArticleStatus(
  id: string,
  status: ArticleStatus,
  idempotencyKey: string,
): Promise<AgencyArticleView> {
  return api.put<AgencyArticleView>(LEARN_PATHS.adminStatus(id), { status }, { idempotencyKey });
}

export function deleteArticle(id: string): Promise<void> {
  return api.delete(LEARN_PATHS.adminArticle(id)).then(() => undefined);
}

export function previewArticle(bodyMarkdown: string, signal?: AbortSignal): Promise<{ html: string }> {
  // A preview stores nothing, so it needs no idempotency key (and the replay store keeps none).
  return api.post<{ html: string }>(
    LEARN_PATHS.preview,
    { bodyMarkdown },
    { idempotencyKey: false, ...(signal ? { signal } : {}) },
  );
}
