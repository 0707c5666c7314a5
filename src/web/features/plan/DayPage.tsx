import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatClock } from '../../../i18n/format.js';
import { useState } from 'react';
import { Link } from 'react-router';
import { BLOCK_KINDS, blockCreateBody, type BlockKind } from '../../../contracts/planner.js';
import { dayLoad } from '../../../domain/planner/day-load.js';
import { addDays, localDateOf } from '../../../domain/schedule/zoned-time.js';
import { isApiError, type FieldErrors } from '../../api/client.js';
import { addBlock, dayPlanQuery, removeBlock, type BlockView, type DayPlan } from '../../api/planner.api.js';
import { Alert } from '../../components/Alert.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageColumns } from '../../components/layout/PageLayout.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { Select, TextField } from '../../components/fields.js';
import { TimeField } from '../../components/TimeField.js';
import { zodFieldErrors } from '../../components/form.js';
import { newId } from '../../lib/new-id.js';
import { useFormat } from '../../lib/use-format.js';
import { useT, type MessageKey, type TranslateFn } from '../../i18n.js';

function duration(t: TranslateFn, minutes: number): string {
  return t('plan.day.hours_short', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

function AddBlock({ day, onAdded }: { day: string; onAdded: (b: BlockView) => void }) {
  const { t } = useT();
  const [id, setId] = useState(newId);
  const [start, setStart] = useState('08:00');
  const [end, setEnd] = useState('09:00');
  const [kind, setKind] = useState<BlockKind>('focus');
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useMutation({
    mutationFn: addBlock,
    onSuccess: (block) => {
      setId(newId());
      setTitle('');
      setStart(block.end);
      onAdded(block);
    },
  });
  const shown = { ...(isApiError(add.error) ? add.error.fieldErrors : {}), ...errors };
  return (
    <form
      className="card block-add"
      aria-labelledby="block-add-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = blockCreateBody.safeParse({ id, day, start, end, kind, title: title.trim() || null });
        if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
        setErrors({});
        add.mutate(parsed.data);
      }}
    >
      <h2 id="block-add-title">{t('plan.day.add_title')}</h2>
      <div className="block-add__times">
        <TimeField id="block-start" label={t('plan.day.start')} value={start} onChange={setStart} error={shown.start} />
        <TimeField id="block-end" label={t('plan.day.end')} value={end} onChange={setEnd} error={shown.end} />
      </div>
      <Select
        id="block-kind"
        label={t('plan.day.kind')}
        value={kind}
        onChange={(v) => setKind(v as BlockKind)}
        options={BLOCK_KINDS.map((k) => ({ value: k, label: t(`plan.kinds.${k}` as MessageKey) }))}
      />
      <TextField
        id="block-title"
        optional
        label={t('plan.day.what')}
        hint={t('plan.day.what_hint')}
        value={title}
        onChange={setTitle}
        maxLength={200}
      />
      {add.error && isApiError(add.error) && Object.keys(add.error.fieldErrors).length === 0 && (
        <Alert tone="error">
          <p>{add.error.message}</p>
        </Alert>
      )}
      <Button type="submit" busy={add.isPending}>
        {t('plan.day.add')}
      </Button>
    </form>
  );
}

function WorkingDayHeading({ plan, isToday }: { plan: DayPlan; isToday: boolean }) {
  const { t, locale } = useT();
  const { hours, off, holiday } = plan.working;
  if (hours)
    return t(isToday ? 'plan.day.working_hours_today' : 'plan.day.working_hours', {
      start: formatClock(hours.start, locale),
      end: formatClock(hours.end, locale),
    });
  if (off === 'holiday' && holiday?.name)
    return t(holiday.kind === 'cuti_bersama' ? 'plan.day.holiday_cuti_bersama' : 'plan.day.holiday_national', {
      name: holiday.name[locale === 'en' ? 'en' : 'id'],
    });
  if (off === 'holiday') return t('plan.day.holiday_regional');
  return t('plan.day.weekend');
}

function LoadPanel({ plan, isToday }: { plan: DayPlan; isToday: boolean }) {
  const { t, locale } = useT();
  const { hours, ramadan, personal } = plan.working;
  const load = dayLoad(plan.blocks, hours);
  const work = plan.blocks.some((b) => b.kind !== 'buffer');
  return (
    <section className="card day-load" aria-labelledby="day-load-title">
      <h2 id="day-load-title">
        <WorkingDayHeading plan={plan} isToday={isToday} />
      </h2>
      {(ramadan || personal) && hours && (
        <p className="muted small">
          {ramadan && t('plan.day.ramadan_hours')} {personal && t('plan.day.personal_hours')}{' '}
          <Link to="/me/boundaries">{t('plan.day.personal_hours_link')}</Link>
        </p>
      )}
      <p className="day-load__figure">
        {t('plan.day.planned', {
          planned: duration(t, load.plannedMinutes),
          capacity: duration(t, load.capacityMinutes),
        })}
      </p>
      <progress
        className="day-load__bar"
        max={Math.max(load.capacityMinutes, 1)}
        value={Math.min(load.plannedMinutes, load.capacityMinutes)}
      />
      <p>{t('plan.day.buffer', { minutes: load.bufferMinutes })}</p>
      {load.overbooked && (
        <Alert tone="warning" live={false} title={t('plan.day.overbooked_title')}>
          <p>
            {hours
              ? t('plan.day.overbooked_body', {
                  planned: duration(t, load.plannedMinutes),
                  capacity: duration(t, load.capacityMinutes),
                })
              : t('plan.day.overbooked_day_off')}
          </p>
        </Alert>
      )}
      {hours && load.outsideMinutes > 0 && (
        <Alert tone="warning" live={false} title={t('plan.day.outside_title')}>
          <p>
            {t('plan.day.outside_body', {
              minutes: load.outsideMinutes,
              start: formatClock(hours.start, locale),
              end: formatClock(hours.end, locale),
            })}
          </p>
        </Alert>
      )}
      {load.noBuffer && (
        <Alert tone="warning" live={false} title={t('plan.day.no_buffer_title')}>
          <p>{t('plan.day.no_buffer_body')}</p>
        </Alert>
      )}
      {load.overlaps.length > 0 && <p>{t('plan.day.overlap')}</p>}
      {work && !load.overbooked && !load.noBuffer && load.outsideMinutes === 0 && (
        <p className="day-load__calm">{t('plan.day.calm')}</p>
      )}
    </section>
  );
}

/**
 * /plan/day: the day planner. Time blocks (focus, meeting, buffer) of one day, checked against the
 * person's working window of that date — the agency's hours, Ramadan, holidays and their own
 * hours, as the server reads them (domain/planner/working-day.ts) — and for a buffer
 * (domain/planner/day-load.ts).
 */
export function DayPage() {
  const { t, locale } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const today = localDateOf(new Date(), fmt.timeZone);
  const [day, setDay] = useState(today);
  const plan = useQuery(dayPlanQuery(day));
  const toast = useToast();
  const remove = useMutation({
    mutationFn: (block: BlockView) => removeBlock(block.id),
    onSuccess: (_r, block) => {
      queryClient.setQueryData<DayPlan>(dayPlanQuery(day).queryKey, (p) =>
        p ? { ...p, blocks: p.blocks.filter((b) => b.id !== block.id) } : p,
      );
      toast.show(t('plan.day.removed'));
    },
  });
  const added = (block: BlockView) => {
    queryClient.setQueryData<DayPlan>(dayPlanQuery(day).queryKey, (p) =>
      p
        ? {
            ...p,
            blocks: [...p.blocks.filter((b) => b.id !== block.id), block].sort((a, b) =>
              a.start.localeCompare(b.start),
            ),
          }
        : p,
    );
    toast.show(t('plan.day.added'));
  };

  return (
    <>
      <PageHeader title={t('plan.day.title')} lead={t('plan.day.lead')} />
      <div className="day-nav">
        <ButtonRow>
          <Button variant="secondary" size="small" onClick={() => setDay(addDays(day, -1))}>
            {t('plan.day.previous')}
          </Button>
          <Button variant="secondary" size="small" disabled={day === today} onClick={() => setDay(today)}>
            {t('plan.day.today')}
          </Button>
          <Button variant="secondary" size="small" onClick={() => setDay(addDays(day, 1))}>
            {t('plan.day.next')}
          </Button>
        </ButtonRow>
        <p className="day-nav__date" aria-live="polite">
          {fmt.day(day)}
        </p>
      </div>
      <QueryState query={plan} loadingLabel={t('plan.day.loading')} skeletonLines={6}>
        {(p) => (
          <PageColumns aside={<LoadPanel plan={p} isToday={day === today} />}>
            {p.blocks.length === 0 ? (
              <EmptyState title={t('plan.day.empty')}>
                <p>{t('plan.day.empty_body')}</p>
              </EmptyState>
            ) : (
              <ol className="blocks" aria-label={fmt.day(day)}>
                {p.blocks.map((b) => (
                  <li key={b.id} className={`block block--${b.kind}`}>
                    <span className="block__time">
                      {formatClock(b.start, locale)}–{formatClock(b.end, locale)}
                    </span>
                    <span className="block__kind">{t(`plan.kinds.${b.kind}` as MessageKey)}</span>
                    {b.title && <span className="block__title">{b.title}</span>}
                    <Button
                      variant="quiet"
                      size="small"
                      aria-label={t('plan.day.remove', {
                        start: formatClock(b.start, locale),
                        end: formatClock(b.end, locale),
                      })}
                      onClick={() => remove.mutate(b)}
                    >
                      ✕
                    </Button>
                  </li>
                ))}
              </ol>
            )}
            <AddBlock key={day} day={day} onAdded={added} />
          </PageColumns>
        )}
      </QueryState>
      <Toast message={toast.message} onDismiss={toast.dismiss} />
    </>
  );
}
