import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { surveyCreateBody } from '../../../contracts/surveys.js';
import { agencyQuery } from '../../api/agency.api.js';
import { unitsQuery } from '../../api/org.api.js';
import { createSurvey, surveysQuery, surveyTemplatesQuery, type SurveyTemplate } from '../../api/surveys.api.js';
import { EmptyState } from '../../components/EmptyState.js';
import { RadioGroup } from '../../components/fields.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { useSurveyFields } from './SurveyFields.js';
import { SurveyFieldsForm, type SurveyFieldChoices } from './SurveyFieldsForm.js';
import { SurveyQueriesGate } from './SurveyQueriesGate.js';
import './surveys.css';

type Setting = 'administration' | 'school' | 'health';

/** The template library as cards to choose from: what each asks, how long it takes. */
function TemplateChooser({
  templates,
  chosen,
  error,
  onChoose,
}: {
  templates: readonly SurveyTemplate[];
  chosen: string;
  error: string | undefined;
  onChoose: (template: SurveyTemplate) => void;
}) {
  const { t, locale } = useT();
  const fmt = useFormat();
  return (
    <fieldset
      className={`field fieldset ${error ? 'field--error' : ''}`}
      id="survey-templateId"
      tabIndex={-1}
      aria-describedby="survey-templateId-hint"
    >
      <legend className="field__label">{t('surveys.fields.template')}</legend>
      <p className="field__hint" id="survey-templateId-hint">
        {t('surveys.new.template_hint')}
      </p>
      {error && <p className="field__error">{error}</p>}
      <div className="template-cards">
        {templates.map((template) => (
          <label key={template.id} className="template-card">
            <input
              type="radio"
              className="survey-choice__input"
              name="survey-template"
              value={template.id}
              checked={chosen === template.id}
              onChange={() => onChoose(template)}
              aria-describedby={`template-${template.id}-summary`}
            />
            <span className="template-card__body">
              <span className="template-card__name">{template.name[locale]}</span>
              <span className="template-card__summary" id={`template-${template.id}-summary`}>
                {template.summary[locale]}
                <span className="template-card__meta">
                  {t('surveys.new.template_meta', {
                    minutes: fmt.number(template.minutes),
                    count: fmt.number(template.questionCount),
                  })}
                </span>
                {template.themes.length > 0 && (
                  <span className="template-card__meta">
                    {t('surveys.new.themes', { themes: template.themes.map((th) => th.name[locale]).join(', ') })}
                  </span>
                )}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function NewSurveyForm({ templates, choices }: { templates: readonly SurveyTemplate[]; choices: SurveyFieldChoices }) {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const fields = useSurveyFields(null);
  const [templateId, setTemplateId] = useState('');
  const [variant, setVariant] = useState<Setting>('administration');
  const template = templates.find((tpl) => tpl.id === templateId);
  const { form } = fields;

  const choose = (next: SurveyTemplate) => {
    // The title follows the template until the admin writes their own.
    const previousName = template?.name[locale] ?? '';
    if (form.values.title === '' || form.values.title === previousName) form.set('title', next.name[locale]);
    setTemplateId(next.id);
    if (!next.variants.includes(variant)) setVariant('administration');
  };

  return (
    <SurveyFieldsForm
      fields={fields}
      choices={choices}
      schema={surveyCreateBody}
      extra={() => ({ templateId, variant })}
      send={(body, key) => createSurvey(body, key)}
      onSaved={(created) => navigate(`/surveys/${created.id}`, { state: { created: true } })}
      submitLabel={t('surveys.new.create')}
      aria-label={t('surveys.new.form_label')}
      before={
        <>
          <TemplateChooser templates={templates} chosen={templateId} error={form.errors.templateId} onChoose={choose} />
          {template && template.variants.length > 0 && (
            <RadioGroup
              id="survey-variant"
              name="survey-variant"
              legend={t('surveys.fields.setting')}
              hint={t('surveys.new.setting_hint')}
              value={variant}
              onChange={(value) => setVariant(value as Setting)}
              options={(['administration', ...template.variants] as Setting[]).map((s) => ({
                value: s,
                label: t(`surveys.settings.${s}`),
              }))}
            />
          )}
        </>
      }
    />
  );
}

/** /surveys/new — a draft survey from a template. */
export function SurveyNewPage() {
  const { t } = useT();
  const templates = useQuery(surveyTemplatesQuery);
  const units = useQuery(unitsQuery);
  const agency = useQuery(agencyQuery);
  const surveys = useQuery(surveysQuery);
  const header = (
    <PageHeader
      eyebrow={<Link to="/surveys">{t('surveys.list.title')}</Link>}
      title={t('surveys.new.title')}
      lead={t('surveys.new.lead')}
    />
  );
  return (
    <SurveyQueriesGate header={header} queries={[templates, units, agency, surveys] as const}>
      {([templateList, unitList, agencyFacts, surveyList]) =>
        templateList.items.length === 0 ? (
          <EmptyState title={t('surveys.new.templates_empty')} />
        ) : (
          <NewSurveyForm
            templates={templateList.items}
            choices={{
              units: unitList.items,
              threshold: agencyFacts.anonymityThreshold,
              earlier: surveyList.items.filter((s) => s.status === 'closed'),
            }}
          />
        )
      }
    </SurveyQueriesGate>
  );
}
