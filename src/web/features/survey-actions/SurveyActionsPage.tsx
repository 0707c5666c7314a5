import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ACTION_STATUSES } from '../../../contracts/survey-actions.js';
import { surveyActionsQuery } from '../../api/survey-actions.api.js';
import { surveysQuery } from '../../api/surveys.api.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Select } from '../../components/fields.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { ActionCard } from './ActionCard.js';
import './survey-actions.css';

/** /survey-actions — every follow-up action of the agency in my scope, by status and survey; overdue marked. */
export function SurveyActionsPage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const surveyId = params.get('survey') ?? '';
  const actions = useQuery(surveyActionsQuery({ status, surveyId }));
  const surveys = useQuery(surveysQuery);
  const setParam = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const filtered = Boolean(status || surveyId);
  return (
    <>
      <PageHeader title={t('survey_actions.actions.title')} lead={t('survey_actions.actions.lead')} />
      <div className="card admin-section survey-action-filters">
        <Select
          id="survey-actions-status"
          label={t('survey_actions.actions.filter_status')}
          value={status}
          onChange={(v) => setParam('status', v)}
          placeholder={t('survey_actions.actions.all')}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`survey_actions.status.${s}`) }))}
        />
        <Select
          id="survey-actions-survey"
          label={t('survey_actions.actions.filter_survey')}
          value={surveyId}
          onChange={(v) => setParam('survey', v)}
          placeholder={t('survey_actions.actions.all')}
          options={(surveys.data?.items ?? [])
            .filter((s) => s.status === 'closed')
            .map((s) => ({ value: s.id, label: s.title }))}
        />
      </div>
      <QueryState query={actions} skeleton="cards" skeletonLines={3}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState
              title={filtered ? t('survey_actions.actions.empty_filtered') : t('survey_actions.actions.empty')}
            >
              {!filtered && <p>{t('survey_actions.actions.empty_body')}</p>}
            </EmptyState>
          ) : (
            <ul className="stack survey-action-list">
              {data.items.map((a) => (
                <ActionCard key={a.id} action={a} showSurvey />
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
