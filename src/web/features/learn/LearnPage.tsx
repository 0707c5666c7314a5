import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { MAX_QUERY } from '../../../contracts/articles.js';
import { libraryQuery, type ArticleSummary } from '../../api/learn.api.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { TextField } from '../../components/fields.js';
import { PageColumns } from '../../components/layout/PageLayout.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { useTypedSearch } from '../../lib/use-typed-search.js';
import { useUrlParams } from '../../lib/use-url-params.js';
import './learn.css';

function ArticleCard({ article }: { article: ArticleSummary }) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const otherLanguage = article.language !== locale;
  return (
    <li className="article-card">
      <h2 className="article-card__title" lang={otherLanguage ? article.language : undefined}>
        <Link to={`/learn/${article.id}`}>{article.title}</Link>
      </h2>
      <p className="article-card__summary" lang={otherLanguage ? article.language : undefined}>
        {article.summary}
      </p>
      <p className="article-card__meta">
        <span>{t('learn.page.reading_minutes', { count: fmt.number(article.readingMinutes) })}</span>
        {article.source === 'agency' && <Badge tone="info">{t('learn.page.from_agency')}</Badge>}
        {otherLanguage && (
          <Badge tone="neutral">
            {article.language === 'en' ? t('learn.page.written_in_en') : t('learn.page.written_in_id')}
          </Badge>
        )}
      </p>
      {article.tags.length > 0 && (
        <ul className="article-tags" aria-label={t('learn.page.tags_label')}>
          {article.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Aside() {
  const { t } = useT();
  return (
    <div className="learn-aside">
      <Link to="/exercises" className="learn-aside__card">
        <span className="learn-aside__title">{t('learn.page.exercises_title')}</span>
        <span className="learn-aside__body">{t('learn.page.exercises_body')}</span>
      </Link>
      <p className="muted small">{t('learn.page.privacy')}</p>
    </div>
  );
}

/**
 * The library: Teduh's articles in the reader's language and the agency's own, searchable as one
 * types (the search waits for a pause, and the list stays while it runs). The query lives in the
 * URL, so Back returns to the same results; it is never logged (docs/privacy.md §6).
 */
export function LearnPage() {
  const { t } = useT();
  const fmt = useFormat();
  const [params, setParams] = useUrlParams();
  // Replacing the URL, so Back leaves the library rather than stepping through searches.
  const {
    typed,
    query: q,
    type,
  } = useTypedSearch(params.get('q') ?? '', 300, (query) => setParams(query ? { q: query } : {}, { replace: true }));
  const library = useQuery(libraryQuery(q));

  const submit = (event: FormEvent) => event.preventDefault(); // the search already runs as one types
  const clear = () => type('');

  return (
    <>
      <PageHeader title={t('learn.page.title')} lead={t('learn.page.lead')} />
      <PageColumns aside={<Aside />} asideLabel={t('learn.page.exercises_title')}>
        <form role="search" className="learn-search" onSubmit={submit}>
          <TextField
            id="learn-search"
            type="search"
            label={t('learn.page.search_label')}
            hint={t('learn.page.search_hint')}
            value={typed}
            onChange={type}
            maxLength={MAX_QUERY}
            autoComplete="off"
            enterKeyHint="search"
          />
          <Button type="submit" variant="secondary">
            {t('learn.page.search_button')}
          </Button>
        </form>
        <QueryState query={library} loadingLabel={t('learn.page.loading')} skeletonLines={8}>
          {(data) => (
            <>
              <p className="learn-count" role="status">
                {data.query
                  ? t('learn.page.results_for', { count: fmt.number(data.items.length), query: data.query })
                  : t('learn.page.results_all', { count: fmt.number(data.items.length) })}
              </p>
              {data.items.length === 0 ? (
                <EmptyState
                  title={
                    data.query ? t('learn.page.empty_search_title', { query: data.query }) : t('learn.page.empty_title')
                  }
                  action={
                    data.query ? (
                      <Button variant="secondary" size="small" onClick={clear}>
                        {t('learn.page.clear_search')}
                      </Button>
                    ) : undefined
                  }
                >
                  {data.query && <p>{t('learn.page.empty_search_body')}</p>}
                </EmptyState>
              ) : (
                <ul className="article-list" aria-busy={library.isPlaceholderData || undefined}>
                  {data.items.map((a) => (
                    <ArticleCard key={a.id} article={a} />
                  ))}
                </ul>
              )}
            </>
          )}
        </QueryState>
      </PageColumns>
    </>
  );
}
