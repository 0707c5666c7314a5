import type { Kysely } from 'kysely';
import type {
  AgencyArticleBody,
  AgencyArticleUpdateBody,
  AgencyArticleView,
  ArticleList,
  ArticleStatus,
  ArticleView,
} from '../../../contracts/articles.js';
import type { Database } from '../../../db/schema.js';
import { prepareArticle, searchArticles, type PreparedArticle } from '../../../domain/articles/search.js';
import type { Locale } from '../../../i18n/locales.js';
import type { Clock } from '../../clock.js';
import { newId } from '../../crypto.js';
import { AppError, conflict } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import {
  countAgencyArticles,
  deleteAgencyArticle,
  findAgencyArticle,
  findAgencyArticles,
  findPublishedArticles,
  insertAgencyArticle,
  MAX_AGENCY_ARTICLES,
  updateAgencyArticle,
  type AgencyArticleRow,
} from './articles.repository.js';
import {
  presentAdmin,
  presentAdminSummary,
  presentBuiltin,
  presentBuiltinSummary,
  presentPublished,
  presentPublishedSummary,
  tagsOf,
} from './articles.presenter.js';
import { builtinArticles, type BuiltinArticle } from './builtin-articles.js';
import { renderMarkdown } from './markdown.js';

const notFound = () => new AppError(404, 'article_not_found');
const outdated = () => conflict('article_conflict');

type Reader = { agencyId: string; locale: Locale };

/**
 * The psycho-education library (docs/decisions/034-psycho-education-library.md).
 *
 * Reading: the built-in articles in the reader's language, then their agency's published
 * articles. Reading and searching are never recorded anywhere (no audit entry, no counter): which
 * article someone opens can say something about their health, and nobody needs to know it.
 *
 * Writing: only the agency admin, only their agency's articles (every query is keyed by the
 * agency, another agency's id is a 404). The Markdown is rendered and sanitised on each save, in
 * the transaction that stores it and writes the audit entry.
 */
export class ArticleService {
  /** Built-in articles rendered once per process: they change only with a release. */
  private readonly builtinHtml = new Map<string, string>();
  private readonly prepared = new Map<string, PreparedArticle>();

  constructor(private readonly deps: { db: Kysely<Database>; clock: Clock; audit: AuditService }) {}

  /* ---- Readers (every signed-in person) ---- */

  async list(reader: Reader, query: string | undefined): Promise<ArticleList> {
    const builtins = builtinArticles()[reader.locale];
    const agency = await findPublishedArticles(this.deps.db, reader.agencyId);
    type Entry = { builtin: BuiltinArticle } | { row: AgencyArticleRow };
    const entries: Entry[] = [...builtins.map((builtin) => ({ builtin })), ...agency.map((row) => ({ row }))];
    const q = query?.trim() ?? '';
    const found = searchArticles(
      entries,
      (e) => ('builtin' in e ? this.preparedBuiltin(e.builtin) : this.preparedRow(e.row)),
      q,
    );
    return {
      items: found.map((e) => ('builtin' in e ? presentBuiltinSummary(e.builtin) : presentPublishedSummary(e.row))),
      query: q === '' ? null : q,
    };
  }

  /** A built-in article by its slug, in the reader's language, or the agency's published article by id. */
  async read(reader: Reader, id: string): Promise<ArticleView> {
    const builtin = builtinArticles()[reader.locale].find((a) => a.slug === id);
    if (builtin) return presentBuiltin(builtin, this.htmlOf(builtin));
    const row = await findAgencyArticle(this.deps.db, reader.agencyId, id);
    // A draft is not there for readers, the admin included: the editor's preview shows it.
    if (!row || row.status !== 'published') throw notFound();
    return presentPublished(row);
  }

  /* ---- The agency admin ---- */

  async adminList(agencyId: string) {
    return { items: (await findAgencyArticles(this.deps.db, agencyId)).map(presentAdminSummary) };
  }

  async adminGet(agencyId: string, id: string): Promise<AgencyArticleView> {
    const row = await findAgencyArticle(this.deps.db, agencyId, id);
    if (!row) throw notFound();
    return presentAdmin(row);
  }

  /** What the article will look like, rendered exactly as a save would (nothing stored). */
  preview(bodyMarkdown: string): { html: string } {
    return { html: renderMarkdown(bodyMarkdown) };
  }

  /** A new article, as a draft. */
  async create(agencyId: string, body: AgencyArticleBody, origin: AuditOrigin): Promise<AgencyArticleView> {
    const { db, clock, audit } = this.deps;
    const now = clock.now().toISOString();
    const row: AgencyArticleRow = {
      id: newId(),
      agency_id: agencyId,
      title: body.title,
      summary: body.summary,
      tags: JSON.stringify(body.tags),
      language: body.language,
      body_md: body.bodyMarkdown,
      body_html: renderMarkdown(body.bodyMarkdown),
      status: 'draft',
      version: 1,
      created_at: now,
      updated_at: now,
      published_at: null,
    };
    return db.transaction().execute(async (trx) => {
      if ((await countAgencyArticles(trx, agencyId)) >= MAX_AGENCY_ARTICLES) {
        throw conflict('article_limit_reached', { max: MAX_AGENCY_ARTICLES });
      }
      await insertAgencyArticle(trx, row);
      await audit.record(
        {
          ...origin,
          action: 'article.created',
          resourceType: 'article',
          resourceId: row.id,
          details: { language: row.language },
        },
        trx,
      );
      return presentAdmin(row);
    });
  }

  /**
   * Replaces the text of an article (a published one stays published). An edit started from an
   * older version is refused with 409; sending the stored text again changes nothing.
   */
  async update(
    agencyId: string,
    id: string,
    body: AgencyArticleUpdateBody,
    origin: AuditOrigin,
  ): Promise<AgencyArticleView> {
    const { db, clock, audit } = this.deps;
    return db.transaction().execute(async (trx) => {
      const before = await findAgencyArticle(trx, agencyId, id);
      if (!before) throw notFound();
      const next = {
        title: body.title,
        summary: body.summary,
        tags: JSON.stringify(body.tags),
        language: body.language,
        body_md: body.bodyMarkdown,
      };
      const changed = (Object.keys(next) as Array<keyof typeof next>).filter((k) => before[k] !== next[k]);
      if (changed.length === 0) return presentAdmin(before);
      if (body.version !== before.version) throw outdated();
      const patch = { ...next, body_html: renderMarkdown(body.bodyMarkdown), updated_at: clock.now().toISOString() };
      if (!(await updateAgencyArticle(trx, agencyId, id, before.version, patch))) throw outdated();
      await audit.record(
        {
          ...origin,
          action: 'article.updated',
          resourceType: 'article',
          resourceId: id,
          details: { changed: changed.map((k) => (k === 'body_md' ? 'body' : k)) },
        },
        trx,
      );
      return presentAdmin({ ...before, ...patch, version: before.version + 1 });
    });
  }

  /** Publishes or takes back an article. Asking for the status it already has changes nothing. */
  async setStatus(
    agencyId: string,
    id: string,
    status: ArticleStatus,
    origin: AuditOrigin,
  ): Promise<AgencyArticleView> {
    const { db, clock, audit } = this.deps;
    return db.transaction().execute(async (trx) => {
      const before = await findAgencyArticle(trx, agencyId, id);
      if (!before) throw notFound();
      if (before.status === status) return presentAdmin(before);
      const now = clock.now().toISOString();
      const patch = { status, updated_at: now, published_at: status === 'published' ? now : before.published_at };
      if (!(await updateAgencyArticle(trx, agencyId, id, before.version, patch))) throw outdated();
      await audit.record(
        {
          ...origin,
          action: status === 'published' ? 'article.published' : 'article.unpublished',
          resourceType: 'article',
          resourceId: id,
        },
        trx,
      );
      return presentAdmin({ ...before, ...patch, version: before.version + 1 });
    });
  }

  /** Deletes an article for good. Deleting one already gone is a 404 (the web app treats it as done). */
  async remove(agencyId: string, id: string, origin: AuditOrigin): Promise<void> {
    const { db, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const before = await findAgencyArticle(trx, agencyId, id);
      if (!before || (await deleteAgencyArticle(trx, agencyId, id)) === 0) throw notFound();
      await audit.record(
        {
          ...origin,
          action: 'article.deleted',
          resourceType: 'article',
          resourceId: id,
          details: { wasPublished: before.status === 'published' },
        },
        trx,
      );
    });
  }

  private htmlOf(article: BuiltinArticle): string {
    const key = `${article.language}/${article.slug}`;
    let html = this.builtinHtml.get(key);
    if (html === undefined) {
      html = renderMarkdown(article.body);
      this.builtinHtml.set(key, html);
    }
    return html;
  }

  private preparedBuiltin(article: BuiltinArticle): PreparedArticle {
    return this.cachedPrepared(`builtin:${article.language}/${article.slug}`, () => prepareArticle(article));
  }

  private preparedRow(row: AgencyArticleRow): PreparedArticle {
    return this.cachedPrepared(`${row.id}@${row.version}`, () =>
      prepareArticle({ title: row.title, summary: row.summary, tags: tagsOf(row), body: row.body_md }),
    );
  }

  /** Each article is split into words once per version; old versions fall out when the cache is full. */
  private cachedPrepared(key: string, make: () => PreparedArticle): PreparedArticle {
    let value = this.prepared.get(key);
    if (!value) {
      if (this.prepared.size >= 5_000) this.prepared.clear();
      value = make();
      this.prepared.set(key, value);
    }
    return value;
  }
}
