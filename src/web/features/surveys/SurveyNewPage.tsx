import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { surveyCreateBody } from '../../../contracts/surveys.js';
import { agencyQuery } from '../../api/agency.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { unitsQuery } from '../../api/org.api.js';
import {
  createSurvey,
  surveyQuery,
  surveysQuery,
  surveyTemplatesQuery,
  type SurveyTemplate,
} from '../../api/surveys.api.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { RadioGroup } from '../../components/fields.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { LoadError } from '../../components/QueryState.js';
import { Skeleton } from '../../components/Skeleton.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { SurveyFields, useSurveyFieldLabels, useSurveyFields } from './SurveyFields.js';
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

function NewSurveyForm({
  templates,
  units,
  threshold,
  earlier,
}: {
  templates: readonly SurveyTemplate[];
  units: Parameters<typeof SurveyFields>[0]['units'];
  threshold: number;
  earlier: Parameters<typeof SurveyFields>[0]['earlier'];
}) {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const fields = useSurveyFields(null);
  const labels = useSurveyFieldLabels();
  const [templateId, setTemplateId] = useState('');
  const [variant, setVariant] = useState<Setting>('administration');
  const save = useApiMutation((body: unknown, key) => createSurvey(body, key));
  const template = templates.find((tpl) => tpl.id === templateId);
  const { form } = fields;

  const choose = (next: SurveyTemplate) => {
    // The title follows the template until the admin writes their own.
    const previousName = template?.name[locale] ?? '';
    if (form.values.title === '' || form.values.title === previousName) form.set('title', next.name[locale]);
    setTemplateId(next.id);
    if (!next.variants.includes(variant)) setVariant('administration');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate(surveyCreateBody, { ...fields.body(), templateId, variant });
    if (!body) return;
    save.mutate(body, {
      onSuccess: async (created) => {
        queryClient.setQueryData(surveyQuery(created.id).queryKey, created);
        await queryClient.invalidateQueries({ queryKey: surveysQuery.queryKey });
        await navigate(`/surveys/${created.id}`, { state: { created: true } });
      },
      onError: (err) => form.showServerError(err),
    });
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-label={t('surveys.new.form_label')}>
      <FormErrorSummary {...form.summary} labels={labels} />
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
      <SurveyFields state={fields} units={units} threshold={threshold} earlier={earlier} />
      <Button type="submit" busy={save.isPending}>
        {t('surveys.new.create')}
      </Button>
    </form>
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
  const queries = [templates, units, agency, surveys];
  if (queries.some((q) => q.isPending))
    return (
      <>
        {header}
        <Skeleton shape="form" lines={6} heading={false} />
      </>
    );
  if (!templates.data || !units.data || !agency.data || !surveys.data)
    return (
      <>
        {header}
        <LoadError
          error={queries.find((q) => q.error)?.error}
          onRetry={() => queries.forEach((q) => void q.refetch())}
        />
      </>
    );
  return (
    <>
      {header}
      {templates.data.items.length === 0 ? (
        <EmptyState title={t('surveys.new.templates_empty')} />
      ) : (
        <NewSurveyForm
          templates={templates.data.items}
          units={units.data.items}
          threshold={agency.data.anonymityThreshold}
          earlier={surveys.data.items.filter((s) => s.status === 'closed')}
        />
      )}
    </>
  );
}
