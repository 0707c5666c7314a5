import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { surveyReopenBody } from '../../../contracts/surveys.js';
import type { ApiError } from '../../api/client.js';
import { useApiMutation } from '../../api/mutation.js';
import { useSignedIn } from '../../api/session.js';
import {
  closeSurvey,
  openSurvey,
  reopenSurvey,
  surveyProgressQuery,
  surveyQuery,
  surveysQuery,
  type SurveyView,
} from '../../api/surveys.api.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DateField } from '../../components/DateField.js';
import { TextArea } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { dayIn } from './SurveyFields.js';

/** After a change of state, the survey, its progress and the list are read again. */
function useRefreshSurvey(id: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: surveyQuery(id).queryKey });
    await queryClient.invalidateQueries({ queryKey: surveyProgressQuery(id).queryKey });
    await queryClient.invalidateQueries({ queryKey: surveysQuery.queryKey });
  };
}

/** A failure in words: a field's message where the server named one (closesOn), else the message. */
function messageOf(error: ApiError | null): string | null {
  if (!error) return null;
  return Object.values(error.fieldErrors)[0] ?? error.message;
}

/**
 * Opens a draft, after a confirmation that says what freezes: who is asked, their groups and
 * the thresholds (docs/decisions/048-climate-surveys.md).
 */
export function OpenSurvey({ survey, dirty, threshold }: { survey: SurveyView; dirty: boolean; threshold: number }) {
  const { t } = useT();
  const fmt = useFormat();
  const refresh = useRefreshSurvey(survey.id);
  const [open, setOpen] = useState(false);
  const start = useApiMutation((_: void, key) => openSurvey(survey.id, key));
  const tooFew = start.error?.code === 'survey_fewer_than_k';
  return (
    <section className="card admin-section" aria-labelledby="survey-open-title">
      <h2 id="survey-open-title">{t('surveys.open.title')}</h2>
      <p>{t('surveys.open.lead', { from: fmt.day(survey.opensOn), to: fmt.day(survey.closesOn) })}</p>
      {dirty && <p className="muted">{t('surveys.open.save_first')}</p>}
      <Button
        disabled={dirty}
        onClick={() => {
          start.reset();
          setOpen(true);
        }}
      >
        {t('surveys.open.button')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('surveys.open.confirm_title', { title: survey.title })}
        confirmLabel={t('surveys.open.button')}
        busy={start.isPending}
        error={messageOf(start.error)}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          start.mutate(undefined, {
            onSuccess: async () => {
              setOpen(false);
              await refresh();
            },
          })
        }
      >
        <ul>
          <li>{t('surveys.open.members_fixed')}</li>
          <li>{t('surveys.open.groups_fixed', { k: threshold })}</li>
          <li>{t('surveys.open.threshold_frozen', { k: threshold })}</li>
          <li>{t('surveys.open.no_edit')}</li>
        </ul>
        {tooFew && <p className="survey-dialog__hint">{t('surveys.open.too_few')}</p>}
      </ConfirmDialog>
    </section>
  );
}

/** Closes an open survey after a confirmation of what closing does. */
export function CloseSurvey({ survey }: { survey: SurveyView }) {
  const { t } = useT();
  const refresh = useRefreshSurvey(survey.id);
  const [open, setOpen] = useState(false);
  const close = useApiMutation((_: void, key) => closeSurvey(survey.id, key));
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          close.reset();
          setOpen(true);
        }}
      >
        {t('surveys.close.button')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('surveys.close.title', { title: survey.title })}
        confirmLabel={t('surveys.close.button')}
        tone="danger"
        busy={close.isPending}
        error={messageOf(close.error)}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          close.mutate(undefined, {
            onSuccess: async () => {
              setOpen(false);
              await refresh();
            },
          })
        }
      >
        <p>{t('surveys.close.body', { k: survey.threshold ?? 5 })}</p>
      </ConfirmDialog>
    </>
  );
}

type ReopenValues = { reason: string; closesOn: string };

/** Reopens a closed survey: an exception, so it asks for a reason (kept in the audit log) and a new last day. */
export function ReopenSurvey({ survey }: { survey: SurveyView }) {
  const { t } = useT();
  const zone = useSignedIn().agency.timeZone;
  const refresh = useRefreshSurvey(survey.id);
  const [open, setOpen] = useState(false);
  const form = useForm<ReopenValues>('survey-reopen', { reason: '', closesOn: dayIn(zone, 7) });
  const reopen = useApiMutation((body: unknown, key) => reopenSurvey(survey.id, body, key));
  const confirm = () => {
    const body = form.validate(surveyReopenBody, form.values);
    if (!body) return;
    reopen.mutate(body, {
      onSuccess: async () => {
        setOpen(false);
        form.reset();
        await refresh();
      },
      onError: (err) => form.showServerError(err),
    });
  };
  return (
    <section className="card admin-section" aria-labelledby="survey-reopen-title">
      <h2 id="survey-reopen-title">{t('surveys.reopen.title')}</h2>
      <p>{t('surveys.reopen.lead', { k: survey.threshold ?? 5 })}</p>
      <Button
        variant="secondary"
        onClick={() => {
          reopen.reset();
          setOpen(true);
        }}
      >
        {t('surveys.reopen.button')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('surveys.reopen.confirm_title', { title: survey.title })}
        confirmLabel={t('surveys.reopen.button')}
        busy={reopen.isPending}
        error={form.formError}
        onCancel={() => setOpen(false)}
        onConfirm={confirm}
      >
        <TextArea
          {...form.field('reason')}
          label={t('surveys.reopen.reason')}
          hint={t('surveys.reopen.reason_hint')}
          rows={3}
          maxLength={500}
        />
        <DateField {...form.field('closesOn')} label={t('surveys.reopen.closes_on')} />
      </ConfirmDialog>
    </section>
  );
}
