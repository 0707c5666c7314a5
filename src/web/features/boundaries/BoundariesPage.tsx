import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { personalHours } from '../../../contracts/boundaries.js';
import { isApiError } from '../../api/client.js';
import { useApiMutation } from '../../api/mutation.js';
import {
  boundariesQuery,
  clearMyHours,
  saveMyHours,
  type BoundariesView,
  type PersonalHoursBody,
} from '../../api/boundaries.api.js';
import { Alert } from '../../components/Alert.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { TextField } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageColumns } from '../../components/layout/PageLayout.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { useFormat } from '../../lib/use-format.js';
import { useT } from '../../i18n.js';
import './boundaries.css';

/** A person's own hours for routine messages: they only narrow the agency's day (docs/boundaries.md). */
export function BoundariesPage() {
  const { t } = useT();
  const mine = useQuery(boundariesQuery);
  const toast = useToast();
  return (
    <>
      <PageHeader title={t('boundaries.mine.title')} lead={t('boundaries.mine.lead')} />
      <Toast message={toast.message} onDismiss={toast.dismiss} />
      <QueryState query={mine} skeletonLines={6}>
        {(data) => (
          <PageColumns aside={<AgencyWeek data={data} />}>
            <HoursForm data={data} onDone={toast.show} />
          </PageColumns>
        )}
      </QueryState>
    </>
  );
}

function HoursForm({ data, onDone }: { data: BoundariesView; onDone: (message: string) => void }) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const form = useForm('my-hours', { start: data.personal?.start ?? '07:30', end: data.personal?.end ?? '16:00' });
  const save = useApiMutation((body: PersonalHoursBody, key) => saveMyHours(body, key));
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const labels = { start: t('boundaries.mine.start'), end: t('boundaries.mine.end') };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate(personalHours, form.values);
    if (!body) return;
    save.mutate(body, {
      onSuccess: (view) => {
        queryClient.setQueryData(boundariesQuery.queryKey, view);
        onDone(t('boundaries.mine.saved'));
      },
      onError: (err) => form.showServerError(err),
    });
  };

  const reset = async () => {
    setBusy(true);
    setError(null);
    try {
      const view = await clearMyHours();
      queryClient.setQueryData(boundariesQuery.queryKey, view);
      form.reset({ start: '07:30', end: '16:00' });
      setConfirming(false);
      onDone(t('boundaries.mine.reset_done'));
    } catch (err) {
      setError(isApiError(err) ? err.message : t('common.errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <section className="card stack" aria-label={t('boundaries.mine.title')}>
        <p>{t('boundaries.mine.explain')}</p>
        <Alert tone="info">{t('boundaries.mine.never_held')}</Alert>
        <p className="boundaries-status" role="status">
          <strong>
            {data.personal
              ? t('boundaries.mine.using_own', {
                  start: fmt.clock(data.personal.start),
                  end: fmt.clock(data.personal.end),
                })
              : t('boundaries.mine.using_agency')}
          </strong>{' '}
          {data.nextAllowedAt
            ? t('boundaries.mine.next_at', { when: fmt.weekdayTime(data.nextAllowedAt) })
            : t('boundaries.mine.next_now')}
        </p>
      </section>
      <form className="card form" onSubmit={submit} noValidate aria-labelledby="hours-form">
        <h2 id="hours-form">{t('boundaries.mine.yours')}</h2>
        <FormErrorSummary {...form.summary} labels={labels} />
        <div className="boundaries-times">
          <TextField
            {...form.field('start')}
            label={labels.start}
            hint={t('boundaries.mine.time_hint')}
            inputMode="numeric"
            autoComplete="off"
            className="field--short"
          />
          <TextField
            {...form.field('end')}
            label={labels.end}
            hint={t('boundaries.mine.time_hint')}
            inputMode="numeric"
            autoComplete="off"
            className="field--short"
          />
        </div>
        <ButtonRow>
          <Button type="submit" busy={save.isPending}>
            {t('boundaries.mine.save')}
          </Button>
          {data.personal && (
            <Button variant="quiet" onClick={() => setConfirming(true)}>
              {t('boundaries.mine.reset')}
            </Button>
          )}
        </ButtonRow>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('boundaries.mine.confirm_reset_title')}
        confirmLabel={t('boundaries.mine.reset')}
        busy={busy}
        error={error}
        onConfirm={() => void reset()}
        onCancel={() => {
          setConfirming(false);
          setError(null);
        }}
      >
        <p>{t('boundaries.mine.confirm_reset_body')}</p>
      </ConfirmDialog>
    </div>
  );
}

function AgencyWeek({ data }: { data: BoundariesView }) {
  const { t } = useT();
  const fmt = useFormat();
  const week = (days: BoundariesView['week']) => (
    <dl className="boundaries-week">
      {days.map((d, i) => (
        <div key={i} className="boundaries-week__day">
          <dt>{t(`boundaries.mine.weekdays.${String(i + 1) as '1'}`)}</dt>
          <dd>{d ? `${fmt.clock(d.start)}–${fmt.clock(d.end)}` : t('boundaries.mine.day_off')}</dd>
        </div>
      ))}
    </dl>
  );
  return (
    <section className="card stack" aria-labelledby="agency-week">
      <h2 id="agency-week">{t('boundaries.mine.agency_week', { zone: fmt.zoneName })}</h2>
      {week(data.week)}
      <h3>{t('boundaries.mine.ramadan_week')}</h3>
      {week(data.ramadanWeek)}
    </section>
  );
}
