import { useState } from 'react';
import { EMPLOYMENT_TYPES } from '../../../contracts/surveys.js';
import type { UnitView } from '../../api/org.api.js';
import { useSignedIn } from '../../api/session.js';
import type { SurveyView } from '../../api/surveys.api.js';
import { DateField } from '../../components/DateField.js';
import { Select, TextField } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { UnitTreePicker } from '../../components/UnitTreePicker.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';

type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export type SurveyTextValues = { title: string; opensOn: string; closesOn: string; previousSurveyId: string };

/** A day in a time zone as YYYY-MM-DD, some days from now. */
export function dayIn(timeZone: string, plusDays = 0): string {
  const date = new Date(Date.now() + plusDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/**
 * The fields a draft shares between creating and editing (the contract's surveyFields): their
 * state, the body they make, and whether they differ from what is saved.
 */
export function useSurveyFields(survey: SurveyView | null) {
  const zone = useSignedIn().agency.timeZone;
  const initial: SurveyTextValues = {
    title: survey?.title ?? '',
    opensOn: survey?.opensOn.slice(0, 10) ?? dayIn(zone),
    closesOn: survey?.closesOn.slice(0, 10) ?? dayIn(zone, 14),
    previousSurveyId: survey?.previousSurveyId ?? '',
  };
  const form = useForm<SurveyTextValues>('survey', initial);
  const [unitIds, setUnitIds] = useState<Set<string>>(() => new Set(survey?.units.map((u) => u.id) ?? []));
  const [employmentTypes, setEmploymentTypes] = useState<Set<EmploymentType>>(
    () => new Set(survey?.employmentTypes ?? []),
  );
  const sameSet = (a: ReadonlySet<string>, b: readonly string[]) => a.size === b.length && b.every((x) => a.has(x));
  const dirty =
    survey === null ||
    JSON.stringify(form.values) !== JSON.stringify(initial) ||
    !sameSet(
      unitIds,
      survey.units.map((u) => u.id),
    ) ||
    !sameSet(employmentTypes, survey.employmentTypes);
  const body = () => ({
    title: form.values.title,
    unitIds: [...unitIds],
    employmentTypes: EMPLOYMENT_TYPES.filter((type) => employmentTypes.has(type)),
    opensOn: form.values.opensOn,
    closesOn: form.values.closesOn,
    previousSurveyId: form.values.previousSurveyId || null,
  });
  return { form, unitIds, setUnitIds, employmentTypes, setEmploymentTypes, dirty, body };
}

export type SurveyFieldState = ReturnType<typeof useSurveyFields>;

/** Field labels by path, for the error summary. */
export function useSurveyFieldLabels() {
  const { t } = useT();
  return {
    templateId: t('surveys.fields.template'),
    title: t('surveys.fields.title'),
    unitIds: t('surveys.fields.units'),
    employmentTypes: t('surveys.fields.employment_types'),
    opensOn: t('surveys.fields.opens_on'),
    closesOn: t('surveys.fields.closes_on'),
    previousSurveyId: t('surveys.fields.previous'),
  };
}

interface SurveyFieldsProps {
  state: SurveyFieldState;
  units: readonly UnitView[];
  threshold: number;
  /** Closed surveys of the agency, the earlier waves this one may be compared with. */
  earlier: readonly SurveyView[];
}

/** Title, who is asked (units, employment types), when, and the earlier wave to compare with. */
export function SurveyFields({ state, units, threshold, earlier }: SurveyFieldsProps) {
  const { t } = useT();
  const fmt = useFormat();
  const session = useSignedIn();
  const labels = useSurveyFieldLabels();
  const { form } = state;
  // A unit-scoped wellbeing admin chooses within their units; the server checks the same.
  const scope = session.grants.some((g) => g.role === 'wellbeing_admin' && g.unitId === null)
    ? null
    : session.grants.filter((g) => g.role === 'wellbeing_admin' && g.unitId).map((g) => g.unitId as string);
  return (
    <>
      <TextField {...form.field('title')} label={labels.title} hint={t('surveys.new.title_hint')} maxLength={200} />
      <UnitTreePicker
        id="survey-unitIds"
        legend={labels.unitIds}
        hint={t('surveys.new.units_hint', { k: threshold })}
        error={form.errors.unitIds}
        units={units}
        scope={scope}
        selected={state.unitIds}
        onChange={state.setUnitIds}
      />
      <fieldset
        className={`field fieldset ${form.errors.employmentTypes ? 'field--error' : ''}`}
        id="survey-employmentTypes"
        tabIndex={-1}
        aria-describedby="survey-employmentTypes-hint"
      >
        <legend className="field__label">
          {labels.employmentTypes} <span className="field__optional">({t('common.form.optional')})</span>
        </legend>
        <p className="field__hint" id="survey-employmentTypes-hint">
          {t('surveys.new.employment_hint')}
        </p>
        {form.errors.employmentTypes && <p className="field__error">{form.errors.employmentTypes}</p>}
        <div className="radios radios--inline">
          {EMPLOYMENT_TYPES.map((type) => (
            <div key={type} className="checkbox">
              <input
                type="checkbox"
                className="checkbox__input"
                id={`survey-employment-${type}`}
                checked={state.employmentTypes.has(type)}
                onChange={(event) => {
                  const next = new Set(state.employmentTypes);
                  if (event.target.checked) next.add(type);
                  else next.delete(type);
                  state.setEmploymentTypes(next);
                }}
              />
              <label className="checkbox__label" htmlFor={`survey-employment-${type}`}>
                {t(`common.employment.${type}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="field-pair">
        <DateField {...form.field('opensOn')} label={labels.opensOn} />
        <DateField {...form.field('closesOn')} label={labels.closesOn} />
      </div>
      <p className="muted small">{t('surveys.new.dates_hint')}</p>
      <Select
        {...form.field('previousSurveyId')}
        label={labels.previousSurveyId}
        hint={t('surveys.new.previous_hint')}
        optional
        placeholder={t('surveys.new.previous_none')}
        options={earlier.map((s) => ({
          value: s.id,
          label: `${s.title} (${t('surveys.list.window', { from: fmt.day(s.opensOn), to: fmt.day(s.closesOn) })})`,
        }))}
      />
    </>
  );
}
