import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { calendarDayBody, ramadanBody } from '../../../contracts/boundaries.js';
import { isApiError } from '../../api/client.js';
import { useApiMutation } from '../../api/mutation.js';
import {
  addCalendarDay,
  calendarKey,
  calendarQuery,
  clearRamadan,
  removeCalendarDay,
  saveRamadan,
  type CalendarDayView,
  type CalendarView,
} from '../../api/boundaries.api.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DataTable } from '../../components/DataTable.js';
import { DateField } from '../../components/DateField.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Select, TextField } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageColumns } from '../../components/layout/PageLayout.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { useFormat } from '../../lib/use-format.js';
import { useT } from '../../i18n.js';
import './boundaries.css';

type Pending =
  | { kind: 'work'; day: CalendarDayView }
  | { kind: 'remove'; day: CalendarDayView }
  | { kind: 'ramadan'; year: number }
  | null;

const KIND_TONE = { national: 'danger', cuti_bersama: 'warning', regional: 'info' } as const;

/** The agency admin's work calendar: SKB holidays, its own changes and its Ramadan dates (docs/boundaries.md). */
export function CalendarPage() {
  const { t } = useT();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const calendar = useQuery(calendarQuery(year));
  const toast = useToast();
  return (
    <>
      <PageHeader title={t('boundaries.calendar.title')} lead={t('boundaries.calendar.lead')} />
      <Toast message={toast.message} onDismiss={toast.dismiss} />
      <QueryState query={calendar} skeletonLines={8}>
        {(data) => <CalendarBody data={data} onYear={setYear} onDone={toast.show} />}
      </QueryState>
    </>
  );
}

function CalendarBody({
  data,
  onYear,
  onDone,
}: {
  data: CalendarView;
  onYear: (year: number) => void;
  onDone: (message: string) => void;
}) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: calendarKey });

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      if (pending.kind === 'work') {
        await addCalendarDay({ kind: 'not_observed', date: pending.day.date }, crypto.randomUUID());
        onDone(t('boundaries.calendar.worked_saved', { date: fmt.day(pending.day.date) }));
      } else if (pending.kind === 'remove') {
        await removeCalendarDay(pending.day.date);
        onDone(t('boundaries.calendar.removed', { date: fmt.day(pending.day.date) }));
      } else {
        await clearRamadan(pending.year);
        onDone(t('boundaries.calendar.ramadan_cleared'));
      }
      await refresh();
      setPending(null);
    } catch (err) {
      setError(isApiError(err) ? err.message : t('common.errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  const years = data.years.includes(data.year) ? data.years : [...data.years, data.year].sort();
  const dialog =
    pending?.kind === 'work'
      ? {
          title: t('boundaries.calendar.confirm_work_title', { date: fmt.day(pending.day.date) }),
          body: t('boundaries.calendar.confirm_work_body'),
          label: t('boundaries.calendar.confirm_work'),
          tone: 'primary' as const,
        }
      : pending?.kind === 'remove'
        ? {
            title: t('boundaries.calendar.confirm_remove_title', { name: pending.day.name }),
            body: t('boundaries.calendar.confirm_remove_body', { date: fmt.day(pending.day.date) }),
            label: t('boundaries.calendar.confirm_remove'),
            tone: 'danger' as const,
          }
        : pending?.kind === 'ramadan'
          ? {
              title: t('boundaries.calendar.confirm_ramadan_clear_title', { year: pending.year }),
              body: t('boundaries.calendar.confirm_ramadan_clear_body'),
              label: t('boundaries.calendar.ramadan_clear'),
              tone: 'danger' as const,
            }
          : null;

  return (
    <PageColumns
      aside={
        <div className="stack">
          <AddDayForm onDone={onDone} />
          <RamadanForm data={data} onDone={onDone} onClear={() => setPending({ kind: 'ramadan', year: data.year })} />
        </div>
      }
    >
      <section className="card stack" aria-labelledby="calendar-days">
        <div className="calendar-head">
          <h2 id="calendar-days">{t('boundaries.calendar.days', { year: data.year })}</h2>
          <Select
            id="calendar-year"
            label={t('boundaries.calendar.year_label')}
            value={String(data.year)}
            onChange={(v) => onYear(Number(v))}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
            className="field--short"
          />
        </div>
        {data.source && <p className="muted small">{t('boundaries.calendar.source', { source: data.source })}</p>}
        {data.provisional && <Alert tone="warning">{t('boundaries.calendar.provisional')}</Alert>}
        {data.days.length === 0 ? (
          <EmptyState title={t('boundaries.calendar.empty_title')}>
            <p>{t('boundaries.calendar.empty_body')}</p>
          </EmptyState>
        ) : (
          <DataTable
            caption={t('boundaries.calendar.days_caption', { year: data.year })}
            rows={data.days}
            rowKey={(d) => `${d.date}-${d.kind}`}
            columns={[
              { key: 'date', header: t('boundaries.calendar.col_date'), cell: (d) => fmt.day(d.date) },
              {
                key: 'name',
                header: t('boundaries.calendar.col_name'),
                primary: true,
                cell: (d) => <span className={d.observed ? '' : 'calendar-day--worked'}>{d.name}</span>,
              },
              {
                key: 'kind',
                header: t('boundaries.calendar.col_kind'),
                cell: (d) => (
                  <span className="calendar-kinds">
                    <Badge tone={KIND_TONE[d.kind]}>{t(`boundaries.calendar.kinds.${d.kind}`)}</Badge>
                    {!d.observed && <Badge tone="neutral">{t('boundaries.calendar.worked')}</Badge>}
                  </span>
                ),
              },
              {
                key: 'action',
                header: t('boundaries.calendar.col_action'),
                cell: (d) =>
                  d.kind === 'cuti_bersama' && d.observed ? (
                    <Button variant="secondary" size="small" onClick={() => setPending({ kind: 'work', day: d })}>
                      {t('boundaries.calendar.work_this_day')}
                      <span className="visually-hidden">: {d.name}</span>
                    </Button>
                  ) : d.kind === 'cuti_bersama' ? (
                    <Button variant="secondary" size="small" onClick={() => setPending({ kind: 'remove', day: d })}>
                      {t('boundaries.calendar.observe_again')}
                      <span className="visually-hidden">: {d.name}</span>
                    </Button>
                  ) : d.kind === 'regional' ? (
                    <Button variant="quiet" size="small" onClick={() => setPending({ kind: 'remove', day: d })}>
                      {t('boundaries.calendar.remove')}
                      <span className="visually-hidden">: {d.name}</span>
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </section>
      <ConfirmDialog
        open={dialog !== null}
        title={dialog?.title ?? ''}
        confirmLabel={dialog?.label ?? ''}
        tone={dialog?.tone}
        busy={busy}
        error={error}
        onConfirm={() => void confirm()}
        onCancel={() => {
          setPending(null);
          setError(null);
        }}
      >
        <p>{dialog?.body}</p>
      </ConfirmDialog>
    </PageColumns>
  );
}

function AddDayForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const form = useForm('calendar-add', { date: '', name: '' });
  const add = useApiMutation((body: { kind: 'regional'; date: string; name: string }, key) =>
    addCalendarDay(body, key),
  );
  const labels = { date: t('boundaries.calendar.add_date'), name: t('boundaries.calendar.add_name') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate(calendarDayBody, { kind: 'regional', ...form.values });
    if (!body || body.kind !== 'regional') return;
    add.mutate(body, {
      onSuccess: async () => {
        onDone(t('boundaries.calendar.added', { name: body.name }));
        form.reset({ date: '', name: '' });
        await queryClient.invalidateQueries({ queryKey: calendarKey });
      },
      onError: (err) => form.showServerError(err),
    });
  };
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="calendar-add-title">
      <h2 id="calendar-add-title">{t('boundaries.calendar.add_title')}</h2>
      <p className="muted small">{t('boundaries.calendar.add_hint')}</p>
      <FormErrorSummary {...form.summary} labels={labels} />
      <DateField {...form.field('date')} label={labels.date} />
      <TextField {...form.field('name')} label={labels.name} autoComplete="off" />
      <Button type="submit" busy={add.isPending}>
        {t('boundaries.calendar.add_submit')}
      </Button>
    </form>
  );
}

function RamadanForm({
  data,
  onDone,
  onClear,
}: {
  data: CalendarView;
  onDone: (message: string) => void;
  onClear: () => void;
}) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const form = useForm(`ramadan-${data.year}`, {
    startsOn: data.ramadan?.startsOn ?? '',
    endsOn: data.ramadan?.endsOn ?? '',
  });
  const save = useApiMutation((body: { startsOn: string; endsOn: string }, key) => saveRamadan(data.year, body, key));
  const labels = { startsOn: t('boundaries.calendar.ramadan_from'), endsOn: t('boundaries.calendar.ramadan_to') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate(ramadanBody, form.values);
    if (!body) return;
    save.mutate(body, {
      onSuccess: async () => {
        onDone(t('boundaries.calendar.ramadan_saved'));
        await queryClient.invalidateQueries({ queryKey: calendarKey });
      },
      onError: (err) => form.showServerError(err),
    });
  };
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="ramadan-title">
      <h2 id="ramadan-title">{t('boundaries.calendar.ramadan_title', { year: data.year })}</h2>
      <p className="muted small">{t('boundaries.calendar.ramadan_hint')}</p>
      <p>
        {data.ramadan
          ? t('boundaries.calendar.ramadan_set', {
              year: data.year,
              from: fmt.day(data.ramadan.startsOn),
              to: fmt.day(data.ramadan.endsOn),
            })
          : t('boundaries.calendar.ramadan_none', { year: data.year })}
      </p>
      <FormErrorSummary {...form.summary} labels={labels} />
      <DateField {...form.field('startsOn')} label={labels.startsOn} />
      <DateField {...form.field('endsOn')} label={labels.endsOn} />
      <ButtonRow>
        <Button type="submit" busy={save.isPending}>
          {t('boundaries.calendar.ramadan_save')}
        </Button>
        {data.ramadan && (
          <Button variant="quiet" onClick={onClear}>
            {t('boundaries.calendar.ramadan_clear')}
          </Button>
        )}
      </ButtonRow>
    </form>
  );
}
