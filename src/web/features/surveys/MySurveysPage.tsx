import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { mySurveysQuery } from '../../api/surveys.api.js';
import { Badge } from '../../components/Badge.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { PublishedSurveysCard } from '../../components/survey-actions/PublishedSurveysCard.js';
import './surveys.css';

/** /surveys/mine — the open climate surveys I was asked, answered or not. */
export function MySurveysPage() {
  const { t } = useT();
  const fmt = useFormat();
  const surveys = useQuery(mySurveysQuery);
  return (
    <>
      <PageHeader title={t('surveys.mine.title')} lead={t('surveys.mine.lead')} />
      <PublishedSurveysCard />
      <QueryState query={surveys} skeleton="cards" skeletonLines={3}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('surveys.mine.empty')}>
              <p>{t('surveys.mine.empty_body')}</p>
            </EmptyState>
          ) : (
            <ul className="stack survey-list">
              {data.items.map((s) => (
                <li key={s.id} className="card survey-card" aria-labelledby={`my-survey-${s.id}`}>
                  <div className="survey-card__head">
                    <h2 id={`my-survey-${s.id}`} className="survey-card__title">
                      {s.title}
                    </h2>
                    {s.answered && <Badge tone="success">{t('surveys.mine.answered')}</Badge>}
                  </div>
                  <p className="muted">
                    {t('surveys.mine.meta', {
                      minutes: fmt.number(s.minutes),
                      count: fmt.number(s.questionCount),
                      date: fmt.day(s.closesOn),
                    })}
                  </p>
                  {!s.answered && (
                    <Link className="btn btn--primary btn--small" to={`/surveys/mine/${s.id}`}>
                      {t('surveys.mine.answer')}
                      <span className="visually-hidden"> {s.title}</span>
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
