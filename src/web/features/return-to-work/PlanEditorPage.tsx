import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { planBody, type PlanBody } from '../../../contracts/return-to-work.js';
import { useApiMutation } from '../../api/mutation.js';
import {
  clientsQuery,
  closePlan,
  counsellorPlansQuery,
  createPlan,
  returnKeys,
  savePlan,
  type PlanView,
} from '../../api/return-to-work.api.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DateField } from '../../components/DateField.js';
import { Checkbox, TextArea, TextField } from '../../components/fields.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { useForm } from '../../components/form.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Skeleton } from '../../components/Skeleton.js';
import { Toast, useToast } from '../../components/Toast.js';
import { PageContent } from '../../components/layout/PageLayout.js';
import { useT } from '../../i18n.js';
import { newId } from '../../lib/new-id.js';
import { PlanSchedule } from './PlanSchedule.js';
import './return-to-work.css';

/** /counselling/return-to-work/:clientId — the plan I make with one client. */
export function PlanEditorPage() {
  const { t } = useT();
  const { clientId = '' } = useParams();
  const clients = useQuery(clientsQuery);
  const plans = useQuery(counsellorPlansQuery);
  const toast = useToast();
  const client = clients.data?.items.find((c) => c.id === clientId);
  const plan =
    plans.data?.items.find((p) => p.clientId === clientId && !p.closed) ??
    plans.data?.items.find((p) => p.clientId === clientId);
  const waiting = clients.isPending || plans.isPending;
  return (
    <PageContent>
      <p>
        <Link to="/counselling/return-to-work">{t('return_to_work.editor.back')}</Link>
      </p>
      <Toast message={toast.message} onDismiss={toast.dismiss} />
      {waiting ? (
        <Skeleton shape="form" />
      ) : !client ? (
        <Alert tone="warning" live={false}>
          <p>{t('return_to_work.editor.not_client')}</p>
        </Alert>
      ) : (
        <>
          <PageHeader title={t('return_to_work.editor.title', { name: client.name })} />
          <Editor key={plan?.id ?? 'new'} clientId={clientId} plan={plan} onDone={toast.show} />
        </>
      )}
    </PageContent>
  );
}

type Step = { weeks: string; percent: string };
type CheckinRow = { id: string; dueOn: string; done: boolean; note: string };

function Editor({ clientId, plan, onDone }: { clientId: string; plan?: PlanView; onDone: (m: string) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [planId] = useState(() => plan?.id ?? newId());
  const form = useForm('plan', { startDate: plan?.startDate ?? '', evaluation: plan?.evaluation ?? '' });
  const [steps, setSteps] = useState<Step[]>(
    plan?.steps.map((s) => ({ weeks: String(s.weeks), percent: String(s.percent) })) ?? [
      { weeks: '2', percent: '50' },
      { weeks: '2', percent: '75' },
    ],
  );
  const [checkins, setCheckins] = useState<CheckinRow[]>(
    plan?.checkins.map((c) => ({ id: c.id, dueOn: c.dueOn, done: c.done, note: c.note ?? '' })) ?? [],
  );
  const [closing, setClosing] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: returnKeys.all });
  const save = useApiMutation(
    (body: PlanBody) => (plan ? savePlan(plan.id, body) : createPlan({ ...body, id: planId, clientId })),
    {
      onSuccess: () => {
        onDone(t('return_to_work.editor.saved'));
        void refresh();
      },
      onError: (err) => form.showServerError(err),
    },
  );
  const close = useApiMutation(() => closePlan(planId), {
    onSuccess: () => {
      setClosing(false);
      void refresh();
    },
  });
  const closed = plan?.closed ?? false;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = form.validate(planBody, {
      startDate: form.values.startDate,
      steps: steps.map((s) => ({ weeks: Number(s.weeks), percent: Number(s.percent) })),
      checkins: checkins.map((c) => ({ id: c.id, dueOn: c.dueOn, done: c.done, note: c.note })),
      evaluation: form.values.evaluation,
    });
    if (body) save.mutate(body);
  };
  const setStep = (i: number, patch: Partial<Step>) =>
    setSteps((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const setCheckin = (i: number, patch: Partial<CheckinRow>) =>
    setCheckins((all) => all.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <div className="plan-columns">
      <form onSubmit={submit} noValidate>
        <FormErrorSummary
          {...form.summary}
          labels={{
            startDate: t('return_to_work.editor.start_date'),
            steps: t('return_to_work.editor.steps'),
            evaluation: t('return_to_work.editor.evaluation'),
          }}
        />
        {closed && (
          <Alert tone="info" live={false}>
            <p>{t('return_to_work.editor.closed')}</p>
          </Alert>
        )}
        <fieldset disabled={closed} className="plan-card">
          <DateField
            id="plan-startDate"
            label={t('return_to_work.editor.start_date')}
            value={form.values.startDate}
            onChange={(v) => form.set('startDate', v)}
            error={form.errors.startDate}
          />
          <h2 id="plan-steps">{t('return_to_work.editor.steps')}</h2>
          <p className="muted small">{t('return_to_work.editor.steps_hint')}</p>
          {form.errors.steps && <p className="field__error">{form.errors.steps}</p>}
          {steps.map((s, i) => (
            <div key={i} className="plan-row">
              <TextField
                id={`plan-steps.${i}.weeks`}
                type="number"
                min={1}
                max={12}
                label={t('return_to_work.editor.step_weeks', { n: i + 1 })}
                value={s.weeks}
                onChange={(v) => setStep(i, { weeks: v })}
                error={form.errors[`steps.${i}.weeks`]}
              />
              <TextField
                id={`plan-steps.${i}.percent`}
                type="number"
                min={10}
                max={99}
                label={t('return_to_work.editor.step_percent', { n: i + 1 })}
                value={s.percent}
                onChange={(v) => setStep(i, { percent: v })}
                error={form.errors[`steps.${i}.percent`]}
              />
              <Button
                type="button"
                variant="quiet"
                size="small"
                onClick={() => setSteps((all) => all.filter((_, j) => j !== i))}
              >
                {t('return_to_work.editor.remove_step', { n: i + 1 })}
              </Button>
            </div>
          ))}
          <ButtonRow>
            <Button
              type="button"
              variant="secondary"
              size="small"
              onClick={() => setSteps((all) => [...all, { weeks: '2', percent: '75' }])}
            >
              {t('return_to_work.editor.add_step')}
            </Button>
          </ButtonRow>
          <h2>{t('return_to_work.editor.checkins')}</h2>
          {checkins.map((c, i) => (
            <div key={c.id} className="plan-card">
              <DateField
                id={`plan-checkins.${i}.dueOn`}
                label={t('return_to_work.editor.checkin_date', { n: i + 1 })}
                value={c.dueOn}
                onChange={(v) => setCheckin(i, { dueOn: v })}
                error={form.errors[`checkins.${i}.dueOn`]}
              />
              <Checkbox
                id={`plan-checkins.${i}.done`}
                label={t('return_to_work.editor.checkin_done')}
                checked={c.done}
                onChange={(v) => setCheckin(i, { done: v })}
              />
              <TextArea
                id={`plan-checkins.${i}.note`}
                label={t('return_to_work.editor.checkin_note', { n: i + 1 })}
                value={c.note}
                onChange={(v) => setCheckin(i, { note: v })}
                rows={2}
                optional
              />
              <ButtonRow>
                <Button
                  type="button"
                  variant="quiet"
                  size="small"
                  onClick={() => setCheckins((all) => all.filter((_, j) => j !== i))}
                >
                  {t('return_to_work.editor.remove_checkin', { n: i + 1 })}
                </Button>
              </ButtonRow>
            </div>
          ))}
          <ButtonRow>
            <Button
              type="button"
              variant="secondary"
              size="small"
              onClick={() => setCheckins((all) => [...all, { id: newId(), dueOn: '', done: false, note: '' }])}
            >
              {t('return_to_work.editor.add_checkin')}
            </Button>
          </ButtonRow>
          <TextArea
            {...form.field('evaluation')}
            label={t('return_to_work.editor.evaluation')}
            hint={t('return_to_work.editor.evaluation_hint')}
            rows={4}
            optional
          />
          <p className="muted small">{t('return_to_work.editor.version_note')}</p>
          <ButtonRow>
            <Button type="submit" busy={save.isPending}>
              {t('return_to_work.editor.save')}
            </Button>
            {plan && !closed && (
              <Button type="button" variant="danger" onClick={() => setClosing(true)}>
                {t('return_to_work.editor.close')}
              </Button>
            )}
          </ButtonRow>
        </fieldset>
      </form>
      {plan && (
        <section aria-labelledby="plan-status" className="plan-card">
          <h2 id="plan-status">{t('return_to_work.editor.status')}</h2>
          <p>
            <Badge tone={plan.agreedVersion === plan.version ? 'success' : 'info'}>
              {plan.agreedVersion === plan.version
                ? t('return_to_work.counsellor.agreed')
                : t('return_to_work.counsellor.waiting')}
            </Badge>{' '}
            {plan.sharedWithManager && <Badge tone="neutral">{t('return_to_work.counsellor.shared')}</Badge>}
          </p>
          <PlanSchedule plan={plan} />
        </section>
      )}
      <ConfirmDialog
        open={closing}
        title={t('return_to_work.editor.close_title')}
        confirmLabel={t('return_to_work.editor.close_confirm')}
        cancelLabel={t('return_to_work.editor.keep')}
        tone="danger"
        busy={close.isPending}
        error={close.error?.message}
        onConfirm={() => close.mutate()}
        onCancel={() => setClosing(false)}
      >
        <p>{t('return_to_work.editor.close_body')}</p>
      </ConfirmDialog>
    </div>
  );
}
