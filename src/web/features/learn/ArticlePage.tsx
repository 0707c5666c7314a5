import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import { articleQuery, type ArticleView } from '../../api/learn.api.js';
import { Badge } from '../../components/Badge.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageColumns } from '../../components/layout/PageLayout.js';
import { PageHeader } from '../../components/PageHeader.js';
import { LoadError } from '../../components/QueryState.js';
import { Skeleton } from '../../components/Skeleton.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { SafeHtml } from './SafeHtml.js';
import './learn.css';

function NextSteps() {
  const { t } = useT();
  return (
    <section className="learn-next" aria-labelledby="learn-next-title">
      <h2 id="learn-next-title">{t('learn.article.next_title')}</h2>
      <ul>
        <li>
          <Link to="/exercises">{t('learn.article.next_exercises')}</Link>
        </li>
        <li>
          <Link to="/self-check">{t('learn.article.next_self_check')}</Link>
        </li>
        <li>
          <Link to="/help">{t('learn.article.next_help')}</Link>
        </li>
      </ul>
    </section>
  );
}

function Article({ article }: { article: ArticleView }) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const lang = article.language !== locale ? article.language : undefined;
  return (
    <>
      <PageHeader
        title={article.title}
        lead={<span lang={lang}>{article.summary}</span>}
        eyebrow={<Link to="/learn">{t('learn.article.back')}</Link>}
      />
      <PageColumns aside={<NextSteps />}>
        <article className="card article" aria-labelledby="article-body-label">
          <span id="article-body-label" className="visually-hidden" lang={lang}>
            {article.title}
          </span>
          <p className="article-card__meta">
            <span>{t('learn.page.reading_minutes', { count: fmt.number(article.readingMinutes) })}</span>
            {article.source === 'agency' && <Badge tone="info">{t('learn.page.from_agency')}</Badge>}
            {article.updatedAt && <span>{t('learn.article.updated', { date: fmt.date(article.updatedAt) })}</span>}
          </p>
          <SafeHtml className="article__body" html={article.html} lang={lang} />
        </article>
      </PageColumns>
    </>
  );
}

/** One article of the library, readable at 360 px; the HTML is sanitised again before it is shown. */
export function ArticlePage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const article = useQuery(articleQuery(id));
  if (article.isPending) {
    return (
      <>
        <PageHeader title={t('learn.article.loading')} eyebrow={<Link to="/learn">{t('learn.article.back')}</Link>} />
        <Skeleton label={t('learn.article.loading')} lines={12} />
      </>
    );
  }
  if (article.error) {
    const missing = isApiError(article.error) && (article.error.status === 404 || article.error.status === 400);
    return (
      <>
        <PageHeader
          title={missing ? t('learn.article.not_found_title') : t('learn.page.title')}
          eyebrow={<Link to="/learn">{t('learn.article.back')}</Link>}
        />
        {missing ? (
          <EmptyState
            title={t('learn.article.not_found_body')}
            action={
              <Link to="/learn" className="btn btn--primary btn--small">
                {t('learn.article.back')}
              </Link>
            }
          />
        ) : (
          <LoadError error={article.error} onRetry={() => void article.refetch()} />
        )}
      </>
    );
  }
  return <Article article={article.data} />;
}
