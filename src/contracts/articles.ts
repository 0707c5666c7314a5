import { z } from 'zod';
import { idSchema, localeSchema } from './common.js';

/**
 * The psycho-education library (docs/decisions/034-psycho-education-library.md): short articles
 * Teduh ships in Indonesian and English, and the articles an agency admin writes in Markdown. Every
 * signed-in person reads and searches the published ones; reading is never recorded. Only the
 * agency admin writes, and only their own agency's articles.
 */

export const ARTICLE_STATUSES = ['draft', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const MAX_TITLE = 120;
export const MAX_SUMMARY = 300;
export const MAX_TAGS = 8;
export const MAX_TAG = 30;
export const MAX_BODY = 20_000;
export const MAX_QUERY = 100;

/** A built-in article's slug or an agency article's UUID (both are lower-case letters, digits, dashes). */
export const articleIdParams = z.object({
  id: z
    .string()
    .max(80)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'invalid_id'),
});

export const articleListQuery = z.object({
  q: z.string().trim().max(MAX_QUERY).optional(),
});
export type ArticleListQuery = z.infer<typeof articleListQuery>;

export const articleSummary = z.object({
  id: z.string(),
  source: z.enum(['builtin', 'agency']),
  title: z.string(),
  summary: z.string(),
  tags: z.array(z.string()),
  /** The language the article is written in (an agency article may differ from the reader's). */
  language: localeSchema,
  readingMinutes: z.number().int(),
  /** Null for built-in articles, which change with a release. */
  updatedAt: z.string().nullable(),
});
export type ArticleSummary = z.infer<typeof articleSummary>;

export const articleList = z.object({
  items: z.array(articleSummary),
  /** The query as it was matched (trimmed), or null when the whole library is listed. */
  query: z.string().nullable(),
});
export type ArticleList = z.infer<typeof articleList>;

export const articleView = articleSummary.extend({
  /** Rendered from Markdown and sanitised on the server; the web app sanitises it again before showing it. */
  html: z.string(),
});
export type ArticleView = z.infer<typeof articleView>;

const tag = z.string().trim().min(1, 'required').max(MAX_TAG);

/** What the agency admin writes. The body is Markdown; raw HTML in it is sanitised away. */
export const agencyArticleBody = z.object({
  title: z.string().trim().min(3, 'article.title_too_short').max(MAX_TITLE),
  summary: z.string().trim().max(MAX_SUMMARY).default(''),
  tags: z
    .array(tag)
    .max(MAX_TAGS, 'article.too_many_tags')
    .default([])
    .transform((tags) => [...new Set(tags.map((t) => t.toLowerCase()))]),
  language: localeSchema,
  bodyMarkdown: z.string().trim().min(1, 'required').max(MAX_BODY),
});
export type AgencyArticleBody = z.infer<typeof agencyArticleBody>;
export type AgencyArticleInput = z.input<typeof agencyArticleBody>;

/** An edit names the version it started from: an edit of an older version is refused with 409. */
export const agencyArticleUpdateBody = agencyArticleBody.extend({ version: z.number().int().min(1) });
export type AgencyArticleUpdateBody = z.infer<typeof agencyArticleUpdateBody>;

export const agencyArticleStatusBody = z.object({ status: z.enum(ARTICLE_STATUSES) });

export const agencyArticleParams = z.object({ id: idSchema });

export const articlePreviewBody = z.object({ bodyMarkdown: z.string().max(MAX_BODY) });
export const articlePreview = z.object({ html: z.string() });

export const agencyArticleSummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  tags: z.array(z.string()),
  language: localeSchema,
  status: z.enum(ARTICLE_STATUSES),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type AgencyArticleSummary = z.infer<typeof agencyArticleSummary>;

export const agencyArticleList = z.object({ items: z.array(agencyArticleSummary) });

export const agencyArticleView = agencyArticleSummary.extend({
  bodyMarkdown: z.string(),
  html: z.string(),
});
export type AgencyArticleView = z.infer<typeof agencyArticleView>;
