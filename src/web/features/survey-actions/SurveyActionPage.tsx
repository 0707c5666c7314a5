import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { actionNoteBody } from '../../../contracts/survey-actions.js';
import { useApiMutation } from '../../api/mutation.js';
import { useSignedIn } from '../../api/session.js';
import { addSurveyActionNote, surveyActionQuery, type ActionDetail } from '../../api/survey-actions.api.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { DateField } from '../../components/DateField.js';
import { TextArea } from '../../components/fields.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { useForm } from '../../components/form.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { ActionForm } from './ActionForm.js';
import { dayIn, StatusBadge, unitLabel, useLocalText } from './parts.js';
import { FollowUpResult } from './FollowUpResult.js';
import './survey-actions.css';

/** Progress notes: appended, never changed (the history of what was done). */
function Notes({ action }: { action: ActionDetail }) {
  const { t } = useT();
  const fmt = useFormat();
  const zone = useSignedIn().agency.timeZone;
  const queryClient = useQueryClient();
  const form = useForm('action-note', { notedOn: dayIn(zone), text: '' });
  const add = useApiMutation((body: unknown, key) => addSurveyActionNote(action.id, body, key));
  return (
    <section className="card admin-section stack" aria-labelledby="action-notes-title">
      <h2 id="action-notes-title">{t('survey_actions.notes.title')}</h2>
      <p className="muted small">{t('survey_actions.notes.lead')}</p>
      {action.notes.length === 0 ? (
        <p className="muted">{t('survey_actions.notes.empty')}</p>
      ) : (
        <ul className="survey-action-notes">
          {action.notes.map((n) => (
            <li key={n.id}>
              <p className="small muted">
                {t('survey_actions.notes.by', { date: fmt.day(n.notedOn), author: n.authorName })}
              </p>
              <p className="survey-published-summary">{n.text}</p>
            </li>
          ))}
        </ul>
      )}
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const body = form.validate(actionNoteBody, form.values);
          if (!body) return;
          add.mutate(body, {
            onSuccess: (next) => {
              queryClient.setQueryData(surveyActionQuery(action.id).queryKey, next);
              form.reset({ notedOn: dayIn(zone), text: '' });
            },
            onError: (err) => form.showServerError(err),
          });
        }}
      >
        <FormErrorSummary
          {...form.summary}
          labels={{ notedOn: t('survey_actions.notes.noted_on'), text: t('survey_actions.notes.text') }}
        />
        <DateField {...form.field('notedOn')} label={t('survey_actions.notes.noted_on')} />
        <TextArea {...form.field('text')} label={t('survey_actions.notes.text')} rows={3} maxLength={2000} />
        <div>
          <Button type="submit" variant="secondary" disabled={add.isPending}>
            {t('survey_actions.notes.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** /survey-actions/:id — one action: change it, and follow its progress. */
export function SurveyActionPage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const local = useLocalText();
  const action = useQuery(surveyActionQuery(id));
  return (
    <QueryState query={action} skeleton="form">
      {(a) => (
        <>
          <PageHeader title={a.title} lead={`${a.surveyTitle} · ${unitLabel(t, a.unitName)} · ${local(a.themeName)}`} />
          <p>
            <StatusBadge status={a.status} /> {a.overdue && <Badge tone="danger">{t('survey_actions.overdue')}</Badge>}
          </p>
          <section className="card admin-section" aria-labelledby="action-edit-title">
            <h2 id="action-edit-title">{t('survey_actions.form.save')}</h2>
            <ActionForm key={a.id} surveyId={a.surveyId} action={a} />
          </section>
          <Notes action={a} />
          <section className="card admin-section" aria-labelledby="action-follow-up-title">
            <h2 id="action-follow-up-title">{t('survey_actions.follow_up.title')}</h2>
            {a.followUp ? (
              <FollowUpResult
                figures={a.followUp.figures}
                laterTitle={a.followUp.title}
                earlierTitle={a.surveyTitle}
                unitName={a.unitName}
                themeName={a.themeName}
              />
            ) : (
              <p className="muted">{t('survey_actions.follow_up.waiting')}</p>
            )}
          </section>
          <p>
            <Link to={`/surveys/${a.surveyId}/publication`}>{t('survey_actions.from_results')}</Link> ·{' '}
            <Link to="/survey-actions">{t('survey_actions.actions.all_link')}</Link>
          </p>
        </>
      )}
    </QueryState>
  );
}
