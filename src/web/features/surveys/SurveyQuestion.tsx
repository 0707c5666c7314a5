import type { ReactNode } from 'react';
import { SCALE_MAX, SCALE_MIN, type Question } from '../../../domain/surveys/definition.js';
import type { AnswerValue } from '../../../domain/surveys/tally.js';
import type { Locale } from '../../../i18n/locales.js';
import type { TranslateFn } from '../../i18n.js';
import { toggleChoice } from './answer-form.js';

interface SurveyQuestionProps {
  question: Question;
  /** The language the person reads the survey in: question texts come from the definition. */
  lang: Locale;
  t: TranslateFn;
  /** Element ids start with it; the question's own element is `${idPrefix}-${question.id}`. */
  idPrefix: string;
  value: AnswerValue | undefined;
  error?: string | undefined;
  onChange: (value: AnswerValue) => void;
  /** The admin's preview: every control shown as the respondent sees it, none usable. */
  readOnly?: boolean;
}

const SCALE_POINTS = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => SCALE_MIN + i);

function RequirementMark({ required, t }: { required: boolean; t: TranslateFn }) {
  return (
    <span className={required ? 'survey-q__mark survey-q__mark--required' : 'survey-q__mark'}>
      {' '}
      ({required ? t('surveys.form.required') : t('surveys.form.optional')})
    </span>
  );
}

/**
 * One question as the respondent answers it on a phone: a fieldset whose legend is the question,
 * with large choices whose labels are always visible (never only numbers), or a text box.
 */
export function SurveyQuestion({
  question: q,
  lang,
  t,
  idPrefix,
  value,
  error,
  onChange,
  readOnly,
}: SurveyQuestionProps) {
  const id = `${idPrefix}-${q.id}`;
  const helpId = q.help ? `${id}-help` : null;
  const errorId = error ? `${id}-error` : null;
  const messages = (extraHint?: { id: string; text: ReactNode }) => (
    <>
      {q.help && (
        <p className="field__hint" id={helpId ?? undefined}>
          {q.help[lang]}
        </p>
      )}
      {extraHint && (
        <p className="field__hint" id={extraHint.id}>
          {extraHint.text}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId ?? undefined}>
          <span className="visually-hidden">{t('common.form.error_prefix')} </span>
          {error}
        </p>
      )}
    </>
  );
  const describedBy = (extra?: string) => [helpId, extra ?? null, errorId].filter(Boolean).join(' ') || undefined;

  if (q.kind === 'text') {
    const hintId = `${id}-hint`;
    return (
      <div className={`field survey-q ${error ? 'field--error' : ''}`}>
        <label className="field__label survey-q__legend" htmlFor={id}>
          <span className="survey-q__text">{q.text[lang]}</span>
          <RequirementMark required={q.required} t={t} />
        </label>
        {messages({ id: hintId, text: t('surveys.form.text_hint') })}
        <textarea
          id={id}
          className="input textarea"
          rows={4}
          maxLength={q.maxLength}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
          readOnly={readOnly}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hintId)}
        />
      </div>
    );
  }

  const name = `${idPrefix}-${q.id}`;
  let hint: { id: string; text: ReactNode } | undefined;
  let choices: ReactNode;
  if (q.kind === 'scale') {
    hint = {
      id: `${id}-ends`,
      text: t('surveys.form.scale_ends', { low: q.lowLabel[lang], high: q.highLabel[lang] }),
    };
    choices = (
      <div className="survey-scale">
        {SCALE_POINTS.map((point) => {
          // The ends carry their meaning in their names; the visible "0" and "10" start those names.
          const end = point === SCALE_MIN ? q.lowLabel[lang] : point === SCALE_MAX ? q.highLabel[lang] : null;
          return (
            <label key={point} className="survey-scale__point">
              <input
                type="radio"
                className="survey-choice__input"
                name={name}
                value={point}
                checked={value === point}
                disabled={readOnly}
                onChange={() => onChange(point)}
                aria-label={end === null ? undefined : `${point} (${end})`}
              />
              <span>{point}</span>
            </label>
          );
        })}
      </div>
    );
  } else if (q.kind === 'multiple') {
    const chosen = Array.isArray(value) ? value : [];
    const atMost = q.maxChoices;
    if (atMost !== undefined) hint = { id: `${id}-max`, text: t('surveys.form.max_choices', { n: atMost }) };
    const order = q.options.map((o) => o.id);
    choices = (
      <div className="survey-choices">
        {q.options.map((option) => {
          const checked = chosen.includes(option.id);
          return (
            <label key={option.id} className="survey-choice">
              <input
                type="checkbox"
                className="survey-choice__input"
                name={name}
                value={option.id}
                checked={checked}
                // At the limit, the others wait until one is unticked: the limit is never exceeded.
                disabled={readOnly || (!checked && atMost !== undefined && chosen.length >= atMost)}
                onChange={(event) => onChange(toggleChoice(value, option.id, event.target.checked, order))}
              />
              <span>{option.label[lang]}</span>
            </label>
          );
        })}
      </div>
    );
  } else {
    const options =
      q.kind === 'likert'
        ? q.labels.map((label, i) => ({ value: (i + 1) as number | string, label: label[lang] }))
        : q.options.map((o) => ({ value: o.id as number | string, label: o.label[lang] }));
    choices = (
      <div className="survey-choices">
        {options.map((option) => (
          <label key={option.value} className="survey-choice">
            <input
              type="radio"
              className="survey-choice__input"
              name={name}
              value={option.value}
              checked={value === option.value}
              disabled={readOnly}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    );
  }
  return (
    <fieldset
      className={`field fieldset survey-q ${error ? 'field--error' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(hint?.id)}
    >
      <legend className="field__label survey-q__legend">
        <span className="survey-q__text">{q.text[lang]}</span>
        <RequirementMark required={q.required} t={t} />
      </legend>
      {messages(hint)}
      {choices}
    </fieldset>
  );
}
