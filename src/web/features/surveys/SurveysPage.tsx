import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { surveysQuery, type SurveyView } from '../../api/surveys.api.js';
import { Badge, type BadgeTone } from '../../components/Badge.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import './surveys.css';

export const SURVEY_STATUS_TONE: Record<SurveyView['status'], BadgeTone> = {
  draft: 'neutral',
  open: 'success',
  closed: 'info',
};

/** Who a survey asks, in words: its employment types, or all of them. */
export function useEmploymentText() {
  const { t } = useT();
  return (types: SurveyView['employmentTypes']) =>
    types.length === 0 ? t('surveys.list.all_employment') : types.map((e) => t(`common.employment.${e}`)).join(', ');
}

function SurveyCard({ survey }: { survey: SurveyView }) {
  const { t } = useT();
  const fmt = useFormat();
  const employment = useEmploymentText();
  const titleId = `survey-${survey.id}`;
  return (
    <li className="card survey-card" aria-labelledby={titleId}>
      <div className="survey-card__head">
        <h2 id={titleId} className="survey-card__title">
          {survey.title}
        </h2>
        <Badge tone={SURVEY_STATUS_TONE[survey.status]}>{t(`surveys.status.${survey.status}`)}</Badge>
      </div>
      <dl className="key-value key-value--rows">
        <div>
          <dt>{t('surveys.fields.window')}</dt>
          <dd>{t('surveys.list.window', { from: fmt.day(survey.opensOn), to: fmt.day(survey.closesOn) })}</dd>
        </div>
        <div>
          <dt>{t('surveys.fields.units')}</dt>
          <dd>
            {survey.units.map((u) => u.name).join(', ')} · {employment(survey.employmentTypes)}
          </dd>
        </div>
        <div>
          <dt>{t('surveys.fields.members')}</dt>
          <dd>{survey.status === 'draft' ? t('surveys.list.not_frozen') : fmt.number(survey.memberCount)}</dd>
        </div>
      </dl>
      <Link className="btn btn--primary btn--small" to={`/surveys/${survey.id}`}>
        {t('surveys.list.details')}
        <span className="visually-hidden"> {survey.title}</span>
      </Link>
    </li>
  );
}

/** /surveys — the agency's climate surveys, for the wellbeing admin. */
export function SurveysPage() {
  const { t } = useT();
  const surveys = useQuery(surveysQuery);
  const create = (
    <Link className="btn btn--primary" to="/surveys/new">
      {t('surveys.list.new')}
    </Link>
  );
  return (
    <>
      <PageHeader title={t('surveys.list.title')} lead={t('surveys.list.lead')} actions={create} />
      <QueryState query={surveys} skeleton="cards" skeletonLines={4}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('surveys.list.empty')} action={create}>
              <p>{t('surveys.list.empty_body')}</p>
            </EmptyState>
          ) : (
            <ul className="stack survey-list">
              {data.items.map((s) => (
                <SurveyCard key={s.id} survey={s} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
