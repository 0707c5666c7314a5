import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { surveyUpdateBody } from '../../../contracts/surveys.js';
import { agencyQuery } from '../../api/agency.api.js';
import { unitsQuery } from '../../api/org.api.js';
import type { SurveyDefinition } from '../../../domain/surveys/definition.js';
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
import { KeyValueList } from '../../components/KeyValueList.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { PhonePreview } from './PhonePreview.js';
import { CloseSurvey, OpenSurvey, ReopenSurvey } from './SurveyActions.js';
import { LeaveGuard } from './builder/LeaveGuard.js';
import { SurveyBuilder } from './builder/SurveyBuilder.js';
import { FollowUpOffer } from '../../components/survey-actions/FollowUpOffer.js';
import { useSurveyFields } from './SurveyFields.js';
import { SurveyFieldsForm, type SurveyFieldChoices } from './SurveyFieldsForm.js';
import { SurveyQueriesGate } from './SurveyQueriesGate.js';
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

/**
 * A draft: its fields and its questions in one form (PUT takes both, the definition whole), the
 * phone preview following every edit, then its opening.
 */
function DraftEditor({ survey, choices }: { survey: SurveyDetail; choices: SurveyFieldChoices }) {
  const { t } = useT();
  const fields = useSurveyFields(survey);
  const location = useLocation();
  const [saved, setSaved] = useState(false);
  const [definition, setDefinition] = useState<SurveyDefinition>(survey.definition);
  const created = Boolean((location.state as { created?: boolean } | null)?.created);
  const dirty = fields.dirty || JSON.stringify(definition) !== JSON.stringify(survey.definition);
  const previous = choices.earlier.find((s) => s.id === survey.previousSurveyId);
  return (
    <>
      <div className="survey-draft">
        <SurveyFieldsForm
          fields={fields}
          choices={choices}
          schema={surveyUpdateBody}
          extra={() => ({ definition })}
          send={(body, key) => updateSurvey(survey.id, body, key)}
          onSubmitStart={() => setSaved(false)}
          onSaved={(updated) => {
            setDefinition(updated.definition);
            setSaved(true);
          }}
          submitLabel={t('surveys.detail.save')}
          aria-labelledby="survey-edit-title"
          head={
            <>
              <h2 id="survey-edit-title">{t('surveys.detail.edit_title')}</h2>
              <p className="muted">{t('surveys.detail.edit_lead')}</p>
              {created && !saved && <Alert tone="success">{t('surveys.detail.created')}</Alert>}
              {saved && !dirty && <Alert tone="success">{t('surveys.detail.saved')}</Alert>}
            </>
          }
          after={
            <>
              {previous && (
                <FollowUpOffer
                  surveyId={survey.id}
                  previousTitle={previous.title}
                  definition={definition}
                  onChange={setDefinition}
                />
              )}
              <SurveyBuilder
                definition={definition}
                onChange={setDefinition}
                idPrefix={fields.form.idPrefix}
                errors={fields.form.errors}
              />
              {dirty && (
                <p className="muted small" role="status">
                  {t('surveys.builder.unsaved')}
                </p>
              )}
            </>
          }
        />
        <div className="survey-draft__preview">
          <PhonePreview definition={definition} />
        </div>
      </div>
      <LeaveGuard dirty={dirty} />
      <OpenSurvey survey={survey} dirty={dirty} threshold={choices.threshold} />
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
  return (
    <SurveyQueriesGate header={header} queries={[survey, units, agency, surveys] as const}>
      {([current, unitList, agencyFacts, surveyList]) => {
        const earlier = surveyList.items.filter((s) => s.status === 'closed' && s.id !== current.id);
        return (
          <div className="survey-page">
            <SurveyFacts survey={current} earlier={earlier} />
            {current.status === 'draft' ? (
              <DraftEditor
                key={current.id}
                survey={current}
                choices={{ units: unitList.items, threshold: agencyFacts.anonymityThreshold, earlier }}
              />
            ) : (
              <SurveyProgressSection surveyId={current.id} />
            )}
            {current.status === 'closed' && <ReopenSurvey survey={current} />}
            {current.status !== 'draft' && <PhonePreview definition={current.definition} />}
          </div>
        );
      }}
    </SurveyQueriesGate>
  );
}
