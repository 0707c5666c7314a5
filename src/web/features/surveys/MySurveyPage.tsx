import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { FieldErrors } from '../../api/client.js';
import { useApiMutation } from '../../api/mutation.js';
import { mySurveyQuery, mySurveysQuery, submitSurveyAnswers, type MySurveyDetail } from '../../api/surveys.api.js';
import { Alert } from '../../components/Alert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { answerErrors, serverAnswerErrors, type Answers } from './answer-form.js';
import { SurveyForm } from './SurveyForm.js';
import './surveys.css';

type Outcome = 'recorded' | 'already';

function Finished({ outcome }: { outcome: Outcome }) {
  const { t } = useT();
  return (
    <Alert
      tone="success"
      title={outcome === 'recorded' ? t('surveys.form.thanks_title') : t('surveys.form.already_title')}
    >
      <p>{outcome === 'recorded' ? t('surveys.form.thanks_body') : t('surveys.form.already_body')}</p>
      <p>
        <Link to="/">{t('surveys.form.back_home')}</Link>
      </p>
    </Alert>
  );
}

/**
 * The form and its sending. What the person chose stays on screen whatever goes wrong; a 409
 * "already answered" (a retry that met the first answer) ends as well as a 201.
 */
function AnswerSurvey({ survey, onFinished }: { survey: MySurveyDetail; onFinished: (outcome: Outcome) => void }) {
  const { t, locale } = useT();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const send = useApiMutation((body: Answers, key) => submitSurveyAnswers(survey.id, body, key));

  const fail = (fieldErrors: FieldErrors, message: string | null) => {
    setErrors(fieldErrors);
    setFormError(message);
    setAttempt((n) => n + 1);
  };
  const finish = async (outcome: Outcome) => {
    await queryClient.invalidateQueries({ queryKey: mySurveysQuery.queryKey });
    onFinished(outcome);
  };

  const submit = () => {
    const problems = answerErrors(survey.definition, answers, t);
    if (Object.keys(problems).length > 0) return fail(problems, null);
    setErrors({});
    setFormError(null);
    send.mutate(answers, {
      onSuccess: () => finish('recorded'),
      onError: (err) => {
        if (err.status === 409 && err.code === 'survey_already_answered') return void finish('already');
        const fieldErrors = serverAnswerErrors(err.fieldErrors);
        const { _form: other, ...byQuestion } = fieldErrors;
        // A network failure or a closed survey: the answers stay, the message says what to do.
        const hasFields = Object.keys(byQuestion).length > 0;
        fail(byQuestion, hasFields ? (other ?? null) : err.status === 0 ? t('surveys.form.failed') : err.message);
      },
    });
  };

  return (
    <SurveyForm
      definition={survey.definition}
      lang={locale}
      t={t}
      idPrefix="survey"
      answers={answers}
      errors={errors}
      formError={formError}
      attempt={attempt}
      busy={send.isPending}
      onChange={(questionId, value) => {
        setAnswers((current) => ({ ...current, [questionId]: value }));
        // The message of a question goes once it is answered again; the others stay until sent.
        setErrors(({ [questionId]: _answered, ...rest }) => rest);
      }}
      onSubmit={submit}
    />
  );
}

/** /surveys/mine/:id — an open climate survey I was asked, answered once, anonymously. */
export function MySurveyPage() {
  const { t } = useT();
  const fmt = useFormat();
  const { id = '' } = useParams();
  const survey = useQuery(mySurveyQuery(id));
  const [finished, setFinished] = useState<Outcome | null>(null);
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/surveys/mine">{t('surveys.mine.title')}</Link>}
        title={survey.data?.title ?? t('surveys.list.title')}
        lead={
          survey.data
            ? `${t('surveys.mine.meta', {
                minutes: fmt.number(survey.data.minutes),
                count: fmt.number(survey.data.questionCount),
                date: fmt.day(survey.data.closesOn),
              })}`
            : undefined
        }
      />
      <QueryState query={survey} skeleton="form" skeletonLines={6}>
        {(data) =>
          finished ? (
            <Finished outcome={finished} />
          ) : data.answered ? (
            <Finished outcome="already" />
          ) : (
            <AnswerSurvey survey={data} onFinished={setFinished} />
          )
        }
      </QueryState>
    </>
  );
}
