import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { myPublicationsQuery } from '../../api/survey-actions.api.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';

/**
 * Shared by the survey list (and any page that wants it; docs/decisions/051-survey-publication-and-actions.md).
 * On the person's survey list: the published results of surveys they were asked (nothing while none). */
export function PublishedSurveysCard() {
  const { t } = useT();
  const fmt = useFormat();
  const publications = useQuery(myPublicationsQuery);
  const items = publications.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="published-surveys-title">
      <h2 id="published-surveys-title">{t('survey_actions.staff.card_title')}</h2>
      <p className="muted">{t('survey_actions.staff.card_lead')}</p>
      <ul className="stack">
        {items.map((p) => (
          <li key={p.surveyId}>
            <p>
              <strong>{p.title}</strong> <span className="muted small">· {fmt.date(p.updatedAt)}</span>
            </p>
            <Link className="btn btn--primary btn--small" to={`/surveys/published/${p.surveyId}`}>
              {t('survey_actions.staff.read')}
              <span className="visually-hidden"> {p.title}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
