import type { FormEvent } from 'react';
import { questionsOf, type SurveyDefinition } from '../../../domain/surveys/definition.js';
import type { Locale } from '../../../i18n/locales.js';
import type { FieldErrors } from '../../api/client.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import type { TranslateFn } from '../../i18n.js';
import type { Answers } from './answer-form.js';
import { SurveyQuestion } from './SurveyQuestion.js';

/** What the survey promises before the first question (docs/decisions/048-climate-surveys.md). */
export function AnonymityNote({ t }: { t: TranslateFn }) {
  return (
    <Alert tone="success" live={false} title={t('surveys.form.anonymity_title')}>
      <ul className="survey-note">
        <li>{t('surveys.form.anonymity_answered')}</li>
        <li>{t('surveys.form.anonymity_groups')}</li>
        <li>{t('surveys.form.anonymity_comments')}</li>
        <li>{t('surveys.form.anonymity_final')}</li>
      </ul>
    </Alert>
  );
}

interface SurveyFormProps {
  definition: SurveyDefinition;
  lang: Locale;
  t: TranslateFn;
  idPrefix: string;
  answers: Answers;
  errors: FieldErrors;
  formError?: string | null;
  /** Bumped on every failed submission, so the error summary takes focus again. */
  attempt: number;
  busy?: boolean;
  onChange?: (questionId: string, value: Answers[string]) => void;
  onSubmit?: () => void;
  /** The admin's phone preview: the same form, nothing usable, nothing sent. */
  readOnly?: boolean;
}

/**
 * The respondent's form: the anonymity note, then every section with its intro and questions,
 * then one send button. The admin's phone preview renders exactly this, read-only.
 */
export function SurveyForm({
  definition,
  lang,
  t,
  idPrefix,
  answers,
  errors,
  formError = null,
  attempt,
  busy,
  onChange,
  onSubmit,
  readOnly,
}: SurveyFormProps) {
  const labels = Object.fromEntries(questionsOf(definition).map((q) => [q.id, q.text[lang]]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!readOnly) onSubmit?.();
  };
  return (
    <form className="survey-form" onSubmit={submit} noValidate aria-label={t('surveys.form.label')}>
      <AnonymityNote t={t} />
      <FormErrorSummary idPrefix={idPrefix} errors={errors} formError={formError} attempt={attempt} labels={labels} />
      <p className="muted small">{t('surveys.form.required_note')}</p>
      {definition.sections.map((section) => (
        <section key={section.id} className="survey-section" aria-labelledby={`${idPrefix}-section-${section.id}`}>
          <h2 className="survey-section__title" id={`${idPrefix}-section-${section.id}`}>
            {section.title[lang]}
          </h2>
          {section.intro && <p className="survey-section__intro">{section.intro[lang]}</p>}
          {section.questions.map((question) => (
            <SurveyQuestion
              key={question.id}
              question={question}
              lang={lang}
              t={t}
              idPrefix={idPrefix}
              value={answers[question.id]}
              error={errors[question.id]}
              onChange={(value) => onChange?.(question.id, value)}
              readOnly={readOnly}
            />
          ))}
        </section>
      ))}
      {readOnly ? (
        <p className="muted small">{t('surveys.form.preview_submit')}</p>
      ) : (
        <Button type="submit" busy={busy} className="survey-form__submit">
          {t('surveys.form.submit')}
        </Button>
      )}
    </form>
  );
}
