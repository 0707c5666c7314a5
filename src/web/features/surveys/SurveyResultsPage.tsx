import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import type { SurveyResultsView } from '../../../contracts/surveys.js';
import { isApiError } from '../../api/client.js';
import { isResultsNotReady, surveyQuery, surveyResultsQuery, type SurveyDetail } from '../../api/surveys.api.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Select } from '../../components/fields.js';
import { PageHeader } from '../../components/PageHeader.js';
import { LoadError } from '../../components/QueryState.js';
import { Skeleton } from '../../components/Skeleton.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { ResultsComments } from './ResultsComments.js';
import { ResultsDownloads } from './ResultsDownloads.js';
import { ResultsHeatMap } from './ResultsHeatMap.js';
import { ResultsQuestions } from './ResultsQuestions.js';
import { ResultsThemes } from './ResultsThemes.js';
import { treeOrder } from './SurveyProgressSection.js';
import './surveys.css';
import './results.css';

type Attribute = SurveyResultsView['filters'][number]['attribute'];

/** A breakdown value as people say it: "PNS", "30-39 tahun". */
function useFilterValueText() {
  const { t } = useT();
  return (attribute: Attribute, value: string) =>
    attribute === 'employmentType'
      ? t(`common.employment.${value as 'pns' | 'pppk' | 'non_asn'}`)
      : t('surveys.results.filter.years', { value });
}

function Header({ results }: { results: SurveyResultsView }) {
  const { t } = useT();
  const fmt = useFormat();
  const { respondents, members } = results.total;
  return (
    <section className="card admin-section results-header" aria-label={t('surveys.results.title')}>
      <p className="results-header__respondents">
        {respondents.value === null
          ? t('surveys.results.respondents_withheld', { k: results.threshold })
          : t('surveys.results.respondents', {
              respondents: fmt.number(respondents.value),
              members: fmt.number(members),
            })}
      </p>
      <p className="small">
        {t('surveys.results.thresholds', { k: results.threshold, kc: results.commentThreshold })}{' '}
        {t('surveys.results.computed', { date: fmt.dateTime(results.computedAt) })}
      </p>
      <p className="muted small">{t('surveys.results.withheld_explained', { k: results.threshold })}</p>
    </section>
  );
}

/** One breakdown at a time, kept in the URL (`?filter=ageBand:30-39`). */
function FilterPicker({
  results,
  value,
  onChange,
}: {
  results: SurveyResultsView;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useT();
  const valueText = useFilterValueText();
  return (
    <Select
      id="results-filter"
      label={t('surveys.results.filter.label')}
      hint={t('surveys.results.filter.hint')}
      value={value}
      onChange={onChange}
      placeholder={t('surveys.results.filter.all')}
      options={[]}
      groups={results.filters
        .filter((f) => f.values.length > 0)
        .map((f) => ({
          label: t(`surveys.results.filter.attributes.${f.attribute}`),
          options: f.values.map((v) => ({ value: `${f.attribute}:${v}`, label: valueText(f.attribute, v) })),
        }))}
    />
  );
}

function NotReady({ onRetry }: { onRetry: () => void }) {
  const { t } = useT();
  return (
    <Alert tone="info" title={t('surveys.results.states.not_ready_title')}>
      <p>{t('surveys.results.states.not_ready_body')}</p>
      <Button variant="secondary" size="small" onClick={onRetry}>
        {t('surveys.results.states.retry')}
      </Button>
    </Alert>
  );
}

function NotClosed({ surveyId }: { surveyId: string }) {
  const { t } = useT();
  return (
    <Alert tone="info" title={t('surveys.results.states.not_closed_title')}>
      <p>{t('surveys.results.states.not_closed_body')}</p>
      <Link to={`/surveys/${surveyId}`}>{t('surveys.results.states.back')}</Link>
    </Alert>
  );
}

function Results({ survey, results }: { survey: SurveyDetail; results: SurveyResultsView }) {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const filter = params.get('filter') ?? '';
  const rows = treeOrder(results.rows, (r) => r.nodeId);
  const unit = rows.find((r) => r.nodeId === params.get('unit')) ?? null;
  const node = unit ?? results.total;
  const previousNode = unit ? results.previous?.rows.find((r) => r.nodeId === unit.nodeId) : results.previous?.total;
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
  const nothingShown = results.total.respondents.value === null;
  return (
    <>
      <Header results={results} />
      <div className="card admin-section results-controls">
        <FilterPicker results={results} value={filter} onChange={(v) => setParam('filter', v)} />
        <ResultsDownloads surveyId={survey.id} filter={filter} />
      </div>
      {nothingShown ? (
        <EmptyState title={t('surveys.results.states.empty_title')}>
          <p>{t('surveys.results.states.empty_body', { k: results.threshold })}</p>
        </EmptyState>
      ) : (
        <>
          <ResultsThemes results={results} survey={survey} />
          <ResultsHeatMap results={results} survey={survey} />
          <section className="card admin-section" aria-labelledby="results-questions-title">
            <h2 id="results-questions-title">{t('surveys.results.questions.title')}</h2>
            <p className="muted">{t('surveys.results.questions.lead')}</p>
            <Select
              id="results-unit"
              label={t('surveys.results.unit.label')}
              value={unit?.nodeId ?? ''}
              onChange={(v) => setParam('unit', v)}
              options={[
                { value: '', label: t('surveys.results.unit.total') },
                ...rows.map((r) => ({ value: r.nodeId, label: `${'\u00a0\u00a0'.repeat(r.depth)}${r.unitName}` })),
              ]}
            />
            <ResultsQuestions survey={survey} node={node} previous={previousNode} k={results.threshold} />
          </section>
        </>
      )}
      <ResultsComments survey={survey} unit={unit?.nodeId ?? null} commentThreshold={results.commentThreshold} />
    </>
  );
}

/** /surveys/:id/results — a closed survey's results for the wellbeing admin (docs/surveys.md#results-and-anonymity). */
export function SurveyResultsPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const survey = useQuery(surveyQuery(id));
  const results = useQuery(surveyResultsQuery(id, params.get('filter') || null));
  const header = (
    <PageHeader
      eyebrow={<Link to={`/surveys/${id}`}>{survey.data?.title ?? t('surveys.list.title')}</Link>}
      title={t('surveys.results.title')}
      // Sharing the results with staff and the follow-up (docs/decisions/051-survey-publication-and-actions.md).
      actions={
        results.data && (
          <Link className="btn btn--primary btn--small" to={`/surveys/${id}/publication`}>
            {t('survey_actions.from_results')}
          </Link>
        )
      }
    />
  );
  let body;
  if (survey.isPending || results.isPending) body = <Skeleton shape="rows" lines={6} />;
  else if (isResultsNotReady(results.error)) body = <NotReady onRetry={() => void results.refetch()} />;
  else if (isApiError(results.error) && results.error.code === 'survey_not_closed') body = <NotClosed surveyId={id} />;
  else if (!survey.data || !results.data)
    body = (
      <LoadError
        error={survey.error ?? results.error}
        onRetry={() => [survey, results].forEach((q) => void q.refetch())}
      />
    );
  else body = <Results survey={survey.data} results={results.data} />;
  return (
    <>
      {header}
      <div className="survey-page results-page">{body}</div>
    </>
  );
}
