import type {
  AgencyArticleSummary,
  AgencyArticleView,
  ArticleSummary,
  ArticleView,
} from '../../../contracts/articles.js';
import { readingMinutes } from '../../../domain/articles/search.js';
import type { AgencyArticleRow } from './articles.repository.js';
import type { BuiltinArticle } from './builtin-articles.js';

/* Rows and content files → the contract's views: each answer lists its fields. */

export function presentBuiltinSummary(article: BuiltinArticle): ArticleSummary {
  return {
    id: article.slug,
    source: 'builtin',
    title: article.title,
    summary: article.summary,
    tags: article.tags,
    language: article.language,
    readingMinutes: readingMinutes(article.body),
    updatedAt: null,
  };
}

export function presentBuiltin(article: BuiltinArticle, html: string): ArticleView {
  return { ...presentBuiltinSummary(article), html };
}

export function tagsOf(row: Pick<AgencyArticleRow, 'tags'>): string[] {
  return JSON.parse(row.tags) as string[];
}

export function presentPublishedSummary(row: AgencyArticleRow): ArticleSummary {
  return {
    id: row.id,
    source: 'agency',
    title: row.title,
    summary: row.summary,
    tags: tagsOf(row),
    language: row.language,
    readingMinutes: readingMinutes(row.body_md),
    updatedAt: row.updated_at,
  };
}

export function presentPublished(row: AgencyArticleRow): ArticleView {
  return { ...presentPublishedSummary(row), html: row.body_html };
}

export function presentAdminSummary(row: AgencyArticleRow): AgencyArticleSummary {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    tags: tagsOf(row),
    language: row.language,
    status: row.status,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
  };
}

export function presentAdmin(row: AgencyArticleRow): AgencyArticleView {
  return { ...presentAdminSummary(row), bodyMarkdown: row.body_md, html: row.body_html };
}
