import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { surveyUpdateBody } from '../../../contracts/surveys.js';
import { agencyQuery } from '../../api/agency.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { unitsQuery, type UnitView } from '../../api/org.api.js';
import {
  surveyQuery,
  surveysQuery,
  surveyTemplatesQuery,
  updateSurvey,
  type SurveyDetail,
  type SurveyView,
} from '../../api/surveys.api.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { KeyValueList } from '../../components/KeyValueList.js';
import { PageHeader } from '../../components/PageHeader.js';
import { LoadError } from '../../components/QueryState.js';
import { Skeleton } from '../../components/Skeleton.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { PhonePreview } from './PhonePreview.js';
import { CloseSurvey, OpenSurvey, ReopenSurvey } from './SurveyActions.js';
import { SurveyFields, useSurveyFieldLabels, useSurveyFields } from './SurveyFields.js';
import { SurveyProgressSection } from './SurveyProgressSection.js';
import { SURVEY_STATUS_TONE, useEmploymentText } from './SurveysPage.js';
import './surveys.css';

/** The survey's facts: state, dates, who is asked, the template and, once open, the frozen figures. */
function SurveyFacts({ survey, earlier }: { survey: SurveyView; earlier: readonly SurveyView[] }) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const employment = useEmploymentText();
  const templates = useQuery(surveyTemplatesQuery);
  const template = templates.data?.items.find((tpl) => tpl.id === survey.templateId);
  const previous = earlier.find((s) => s.id === survey.previousSurveyId);
  const rows: Array<readonly [string, ReactNode]> = [
    [
      t('surveys.fields.status'),
      <Badge tone={SURVEY_STATUS_TONE[survey.status]}>{t(`surveys.status.${survey.status}`)}</Badge>,
    ],
    [
      t('surveys.fields.window'),
      t('surveys.list.window', { from: fmt.day(survey.opensOn), to: fmt.day(survey.closesOn) }),
    ],
    [t('surveys.fields.units'), survey.units.map((u) => u.name).join(', ')],
    [t('surveys.fields.employment_types'), employment(survey.employmentTypes)],
  ];
  if (template)
    rows.push([
      t('surveys.fields.template'),
      t('surveys.detail.template_value', {
        name: template.name[locale],
        setting: t(`surveys.settings.${survey.variant ?? 'administration'}`),
      }),
    ]);
  rows.push([t('surveys.fields.questions'), fmt.number(survey.questionCount)]);
  if (previous) rows.push([t('surveys.fields.previous'), previous.title]);
  if (survey.status !== 'draft') {
    rows.push([t('surveys.fields.members'), fmt.number(survey.memberCount)]);
    if (survey.threshold !== null) rows.push([t('surveys.fields.threshold'), fmt.number(survey.threshold)]);
  }
  if (survey.openedAt) rows.push([t('surveys.fields.opened_at'), fmt.dateTime(survey.openedAt)]);
  if (survey.closedAt) rows.push([t('surveys.fields.closed_at'), fmt.dateTime(survey.closedAt)]);
  return (
    <section className="card admin-section" aria-labelledby="survey-facts-title">
      <h2 id="survey-facts-title">{t('surveys.detail.facts_title')}</h2>
      <KeyValueList rows={rows} />
      {survey.status === 'open' && (
        <div className="button-row">
          <CloseSurvey survey={survey} />
        </div>
      )}
      {survey.status === 'closed' && (
        <p>
          <Link className="btn btn--primary" to={`/surveys/${survey.id}/results`}>
            {t('surveys.results.link')}
          </Link>{' '}
          <span className="muted small">{t('surveys.results.link_hint')}</span>
        </p>
      )}
    </section>
  );
}

/** A draft's fields (PUT takes the same fields; the questions stay as the template made them), then its opening. */
function DraftEditor({
  survey,
  units,
  threshold,
  earlier,
}: {
  survey: SurveyDetail;
  units: readonly UnitView[];
  threshold: number;
  earlier: readonly SurveyView[];
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const fields = useSurveyFields(survey);
  const labels = useSurveyFieldLabels();
  const location = useLocation();
  const [saved, setSaved] = useState(false);
  const created = Boolean((location.state as { created?: boolean } | null)?.created);
  const save = useApiMutation((body: unknown, key) => updateSurvey(survey.id, body, key));
  const { form } = fields;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const body = form.validate(surveyUpdateBody, fields.body());
    if (!body) return;
    save.mutate(body, {
      onSuccess: async (updated) => {
        queryClient.setQueryData(surveyQuery(updated.id).queryKey, updated);
        await queryClient.invalidateQueries({ queryKey: surveysQuery.queryKey });
        setSaved(true);
      },
      onError: (err) => form.showServerError(err),
    });
  };
  return (
    <>
      <form className="card form" onSubmit={submit} noValidate aria-labelledby="survey-edit-title">
        <h2 id="survey-edit-title">{t('surveys.detail.edit_title')}</h2>
        <p className="muted">{t('surveys.detail.edit_lead')}</p>
        <FormErrorSummary {...form.summary} labels={labels} />
        {created && !saved && <Alert tone="success">{t('surveys.detail.created')}</Alert>}
        {saved && <Alert tone="success">{t('surveys.detail.saved')}</Alert>}
        <SurveyFields state={fields} units={units} threshold={threshold} earlier={earlier} />
        <Button type="submit" busy={save.isPending}>
          {t('surveys.detail.save')}
        </Button>
      </form>
      <OpenSurvey survey={survey} dirty={fields.dirty} threshold={threshold} />
    </>
  );
}

/** /surveys/:id — one survey: its state and facts, what can be done in that state, its questions on a phone. */
export function SurveyPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const survey = useQuery(surveyQuery(id));
  const units = useQuery(unitsQuery);
  const agency = useQuery(agencyQuery);
  const surveys = useQuery(surveysQuery);
  const header = (
    <PageHeader
      eyebrow={<Link to="/surveys">{t('surveys.list.title')}</Link>}
      title={survey.data?.title ?? t('surveys.list.title')}
    />
  );
  const queries = [survey, units, agency, surveys];
  if (queries.some((q) => q.isPending))
    return (
      <>
        {header}
        <Skeleton shape="form" lines={6} heading={false} />
      </>
    );
  if (!survey.data || !units.data || !agency.data || !surveys.data)
    return (
      <>
        {header}
        <LoadError
          error={queries.find((q) => q.error)?.error}
          onRetry={() => queries.forEach((q) => void q.refetch())}
        />
      </>
    );
  const current = survey.data;
  const earlier = surveys.data.items.filter((s) => s.status === 'closed' && s.id !== current.id);
  return (
    <>
      {header}
      <div className="survey-page">
        <SurveyFacts survey={current} earlier={earlier} />
        {current.status === 'draft' ? (
          <DraftEditor
            key={current.id}
            survey={current}
            units={units.data.items}
            threshold={agency.data.anonymityThreshold}
            earlier={earlier}
          />
        ) : (
          <SurveyProgressSection surveyId={current.id} />
        )}
        {current.status === 'closed' && <ReopenSurvey survey={current} />}
        <PhonePreview definition={current.definition} />
      </div>
    </>
  );
}
