import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatClock } from '../../../i18n/format.js';
import { useState } from 'react';
import { isApiError, newIdempotencyKey } from '../../api/client.js';
import { useSignedIn } from '../../api/session.js';
import {
  createHabit,
  habitsQuery,
  removeHabit,
  setTick,
  updateHabit,
  type HabitCreateBody,
  type HabitList,
  type HabitView,
} from '../../api/habits.api.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageColumns } from '../../components/layout/PageLayout.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { forgetTick, keepTick, type PendingTick } from '../../lib/device-store.js';
import { useHabitTickOutbox } from '../../lib/habit-tick-outbox.js';
import { useFormat } from '../../lib/use-format.js';
import { useT, type MessageKey, type TranslateFn } from '../../i18n.js';
import { addDays, weekdayOf } from '../../../domain/schedule/zoned-time.js';
import {
  doneInWeek,
  isPlannedOn,
  offersFreshStart,
  weekStartOf,
  weekSummary,
  weeklyTarget,
} from '../../../domain/self-care/habit-week.js';
import { HabitForm } from './HabitForm.js';
import './self-care.css';

export function habitTitle(t: TranslateFn, h: HabitView): string {
  return h.suggestion ? t(`selfcare.suggestions.${h.suggestion}` as MessageKey) : (h.title ?? '');
}

function frequencyText(t: TranslateFn, h: HabitView): string {
  if (h.frequency === 'daily') return t('selfcare.frequency.daily');
  if (h.frequency === 'weekly') return t('selfcare.frequency.weekly', { count: h.timesPerWeek ?? 1 });
  if ((h.weekdays ?? []).join(',') === '1,2,3,4,5') return t('selfcare.frequency.workdays');
  const days = (h.weekdays ?? []).map((d) => t(`selfcare.weekdays.${d}` as MessageKey)).join(', ');
  return t('selfcare.frequency.weekdays', { days });
}

type Editing = { habit: HabitView | null } | null;

/** One tap ticks today; the dots show this week without counting anything against the person. */
function HabitCard({
  habit,
  today,
  waiting,
  onTick,
  onEdit,
  onRemove,
}: {
  habit: HabitView;
  today: string;
  /** Today's tap waits on the device for the connection. */
  waiting: boolean;
  onTick: (habit: HabitView, ticked: boolean) => void;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t, locale } = useT();
  const title = habitTitle(t, habit);
  const monday = weekStartOf(today);
  const ticked = habit.ticks.includes(today);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return (
    <li className={`habit ${ticked ? 'habit--done' : ''} ${waiting ? 'habit--waiting' : ''}`}>
      <button
        type="button"
        className="habit__tick"
        aria-pressed={ticked}
        aria-label={t('selfcare.habit.tick', { title })}
        onClick={() => onTick(habit, !ticked)}
      >
        <span className="habit__check" aria-hidden="true">
          {ticked ? '✓' : ''}
        </span>
      </button>
      <div className="habit__body">
        <p className="habit__title">{title}</p>
        {waiting && <p className="habit__waiting">{t('selfcare.habit.waiting')}</p>}
        <p className="habit__meta">
          <span className="habit__area">{t(`selfcare.areas.${habit.area}` as MessageKey)}</span>
          <span>{frequencyText(t, habit)}</span>
          {habit.reminderTime && (
            <span>{t('selfcare.habit.reminder', { time: formatClock(habit.reminderTime, locale) })}</span>
          )}
        </p>
        <ol className="habit__week" aria-label={t('selfcare.habit.week_label', { title })}>
          {days.map((d) => {
            const name = t(`selfcare.weekdays.${weekdayOf(d)}` as MessageKey);
            const done = habit.ticks.includes(d);
            const planned = isPlannedOn(habit, d);
            const label = done
              ? t('selfcare.habit.day_done', { day: name })
              : planned
                ? t('selfcare.habit.day_open', { day: name })
                : t('selfcare.habit.day_off', { day: name });
            return (
              <li
                key={d}
                className={`habit__day ${done ? 'habit__day--done' : ''} ${planned ? '' : 'habit__day--off'} ${d === today ? 'habit__day--today' : ''}`}
              >
                <span aria-hidden="true">{t(`selfcare.weekdays_short.${weekdayOf(d)}` as MessageKey)}</span>
                <span className="visually-hidden">{label}</span>
              </li>
            );
          })}
        </ol>
        <p className="habit__progress">
          {t('selfcare.habit.this_week', { done: doneInWeek(habit, habit.ticks, monday), target: weeklyTarget(habit) })}
        </p>
      </div>
      <div className="habit__actions" role="group" aria-label={t('selfcare.habit.actions', { title })}>
        <Button variant="quiet" size="small" onClick={onEdit}>
          {t('selfcare.habit.edit')}
        </Button>
        <Button variant="quiet" size="small" onClick={onRemove}>
          {t('selfcare.habit.remove')}
        </Button>
      </div>
    </li>
  );
}

function WeekSummaryPanel({ list }: { list: HabitList }) {
  const { t } = useT();
  const monday = weekStartOf(list.today);
  const now = weekSummary(list.habits, monday);
  const last = weekSummary(list.habits, addDays(monday, -7));
  return (
    <section className="card selfcare-summary" aria-labelledby="selfcare-summary-title">
      <h2 id="selfcare-summary-title">{t('selfcare.summary.title')}</h2>
      <p className="selfcare-summary__figure">{t('selfcare.summary.done', { done: now.done, target: now.target })}</p>
      <progress className="selfcare-summary__bar" max={Math.max(now.target, 1)} value={now.done}>
        {now.done}
      </progress>
      <p>
        {now.done === 0 ? t('selfcare.summary.none_yet') : t('selfcare.summary.on_track', { count: now.habitsOnTrack })}
      </p>
      {last.target > 0 && (
        <p className="muted small">{t('selfcare.summary.last_week', { done: last.done, target: last.target })}</p>
      )}
      <p className="muted small">{t('selfcare.summary.gentle')}</p>
    </section>
  );
}

/**
 * /self-care: the person's own self-care plan (docs/decisions/035-self-care-and-plan.md). Today's
 * habits with a one-tap tick (shown at once, sent in the background and retried), the week at a
 * glance, a gentle new start after a missed week, and adding or changing habits. Only its owner has
 * a route to any of it.
 */
export function SelfCarePage() {
  const { t } = useT();
  const fmt = useFormat();
  const session = useSignedIn();
  const queryClient = useQueryClient();
  const habits = useQuery(habitsQuery);
  const outbox = useHabitTickOutbox(session.person.id);
  const toast = useToast();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<HabitView | null>(null);
  const [failedTick, setFailedTick] = useState<{ habit: HabitView; ticked: boolean } | null>(null);
  // Taps not settled yet (habit:day → ticked), drawn over the list so a tap shows in the same frame.
  const [taps, setTaps] = useState<ReadonlyMap<string, boolean>>(new Map());
  const tap = (habitId: string, day: string, ticked: boolean | null) =>
    setTaps((m) => {
      const next = new Map(m);
      if (ticked === null) next.delete(`${habitId}:${day}`);
      else next.set(`${habitId}:${day}`, ticked);
      return next;
    });

  const focusSoon = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);

  const patchTicks = (habitId: string, day: string, ticked: boolean) =>
    queryClient.setQueryData<HabitList>(habitsQuery.queryKey, (list) =>
      list
        ? {
            ...list,
            habits: list.habits.map((h) =>
              h.id !== habitId
                ? h
                : { ...h, ticks: ticked ? [...new Set([...h.ticks, day])].sort() : h.ticks.filter((d) => d !== day) },
            ),
          }
        : list,
    );

  const keep = (habit: HabitView, day: string, ticked: boolean, key: string) =>
    keepTick({
      kind: 'habit-tick',
      habitId: habit.id,
      day,
      ticked,
      idempotencyKey: key,
      queuedAt: new Date().toISOString(),
      personId: session.person.id,
    });

  const tick = useMutation({
    mutationFn: (v: { habit: HabitView; day: string; ticked: boolean; key: string }) =>
      setTick(v.habit.id, v.day, v.ticked, v.key),
    onSuccess: (_view, v) => tap(v.habit.id, v.day, null),
    onError: async (err, v) => {
      // The connection dropped: the tap waits on the device and goes when it returns.
      if (!isApiError(err) || err.isRetryable) {
        await keep(v.habit, v.day, v.ticked, v.key);
        tap(v.habit.id, v.day, null);
        return;
      }
      // Refused for good: taken back, with a "try again".
      tap(v.habit.id, v.day, null);
      patchTicks(v.habit.id, v.day, !v.ticked);
      setFailedTick({ habit: v.habit, ticked: v.ticked });
    },
  });

  const save = useMutation({
    mutationFn: (body: HabitCreateBody) => {
      if (editing?.habit) {
        const { id, ...rest } = body;
        return updateHabit(id, rest);
      }
      return createHabit(body);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: habitsQuery.queryKey });
      setEditing(null);
      toast.show(t('selfcare.page.saved'));
      focusSoon('selfcare-today-title');
    },
  });

  const remove = useMutation({
    mutationFn: (habit: HabitView) => removeHabit(habit.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: habitsQuery.queryKey });
      setRemoving(null);
      toast.show(t('selfcare.page.removed'));
    },
  });

  const openForm = (habit: HabitView | null) => {
    save.reset();
    setEditing({ habit });
    focusSoon('habit-form-title');
  };

  const today = habits.data?.today;
  const waiting = outbox.pending.filter((p) => !p.refused);
  const refused = outbox.pending.filter((p) => p.refused);
  /**
   * One tap: sent at once when online, kept on the device (with the Idempotency-Key it will always
   * be sent with) when offline or while earlier taps still wait, so they arrive in the order made.
   */
  const onTick = (habit: HabitView, ticked: boolean) => {
    if (!today) return;
    const key = newIdempotencyKey();
    setFailedTick(null);
    tap(habit.id, today, ticked);
    patchTicks(habit.id, today, ticked);
    if ((typeof navigator !== 'undefined' && navigator.onLine === false) || waiting.length > 0) {
      void keep(habit, today, ticked, key).then(() => {
        tap(habit.id, today, null);
        return outbox.flush();
      });
      return;
    }
    tick.mutate({ habit, day: today, ticked, key });
  };

  // What waits on the device, and a tap not settled yet, show as done (or undone) already: the
  // person's last tap counts.
  const unsettled = [
    ...waiting.map((p) => ({ habitId: p.habitId, day: p.day, ticked: p.ticked })),
    ...[...taps].map(([k, ticked]) => ({ habitId: k.split(':')[0], day: k.split(':')[1], ticked })),
  ];
  const withWaiting = (list: HabitList): HabitList =>
    unsettled.length === 0
      ? list
      : {
          ...list,
          habits: list.habits.map((h) =>
            unsettled
              .filter((p) => p.habitId === h.id && p.day !== undefined)
              .reduce(
                (acc, p) => ({
                  ...acc,
                  ticks: p.ticked
                    ? [...new Set([...acc.ticks, p.day as string])].sort()
                    : acc.ticks.filter((d) => d !== p.day),
                }),
                h,
              ),
          ),
        };

  return (
    <>
      <PageHeader
        title={t('selfcare.page.title')}
        lead={t('selfcare.page.lead')}
        actions={
          habits.data && habits.data.habits.length > 0 && !editing ? (
            <Button onClick={() => openForm(null)}>{t('selfcare.page.add')}</Button>
          ) : undefined
        }
      />
      <p className="selfcare-privacy">{t('selfcare.page.only_you')}</p>
      <QueryState query={habits} loadingLabel={t('selfcare.page.loading')} skeletonLines={6}>
        {(stored) => {
          const list = withWaiting(stored);
          const planned = list.habits.filter((h) => isPlannedOn(h, list.today));
          const other = list.habits.filter((h) => !isPlannedOn(h, list.today));
          const freshStart = offersFreshStart(list.habits, list.today);
          const card = (h: HabitView) => (
            <HabitCard
              key={h.id}
              habit={h}
              today={list.today}
              waiting={waiting.some((p) => p.habitId === h.id && p.day === list.today)}
              onTick={onTick}
              onEdit={() => openForm(h)}
              onRemove={() => {
                remove.reset();
                setRemoving(h);
              }}
            />
          );
          const main = editing ? (
            <HabitForm
              key={editing.habit?.id ?? 'new'}
              initial={editing.habit}
              busy={save.isPending}
              serverError={save.error}
              onSubmit={(body) => save.mutate(body)}
              onCancel={() => {
                setEditing(null);
                focusSoon('selfcare-today-title');
              }}
            />
          ) : list.habits.length === 0 ? (
            <EmptyState
              title={t('selfcare.empty.title')}
              action={<Button onClick={() => openForm(null)}>{t('selfcare.empty.action')}</Button>}
            >
              <p>{t('selfcare.empty.body')}</p>
            </EmptyState>
          ) : (
            <>
              {freshStart && (
                <Alert tone="info" live={false} title={t('selfcare.fresh_start.title')}>
                  <p>{t('selfcare.fresh_start.body')}</p>
                </Alert>
              )}
              {waiting.length > 0 && (
                <Alert tone="info" title={t('selfcare.page.waiting_title', { count: waiting.length })}>
                  <p>{t('selfcare.page.waiting_body')}</p>
                  <Button size="small" variant="secondary" onClick={() => void outbox.flush()}>
                    {t('selfcare.page.send_now')}
                  </Button>
                </Alert>
              )}
              {refused.map((p: PendingTick) => (
                <Alert key={`${p.habitId}:${p.day}`} tone="warning" title={t('selfcare.page.refused_title')}>
                  <p>
                    {fmt.day(p.day)}: {p.refused}
                  </p>
                  <Button size="small" variant="secondary" onClick={() => void forgetTick(p)}>
                    {t('selfcare.page.refused_discard')}
                  </Button>
                </Alert>
              ))}
              {failedTick && (
                <Alert tone="warning" title={t('selfcare.page.tick_failed')}>
                  <Button size="small" variant="secondary" onClick={() => onTick(failedTick.habit, failedTick.ticked)}>
                    {t('selfcare.page.tick_retry')}
                  </Button>
                </Alert>
              )}
              <section aria-labelledby="selfcare-today-title">
                <h2 id="selfcare-today-title" tabIndex={-1}>
                  {t('selfcare.page.today', { date: fmt.day(list.today) })}
                </h2>
                {planned.length === 0 ? (
                  <p className="muted">{t('selfcare.page.today_empty')}</p>
                ) : (
                  <>
                    {planned.every((h) => h.ticks.includes(list.today)) && (
                      <p className="selfcare-all-done">{t('selfcare.page.all_done')}</p>
                    )}
                    <ul className="habit-list">{planned.map(card)}</ul>
                  </>
                )}
              </section>
              {other.length > 0 && (
                <section aria-labelledby="selfcare-other-title">
                  <h2 id="selfcare-other-title">{t('selfcare.page.other_days')}</h2>
                  <ul className="habit-list">{other.map(card)}</ul>
                </section>
              )}
            </>
          );
          return list.habits.length === 0 ? (
            main
          ) : (
            <PageColumns aside={<WeekSummaryPanel list={list} />}>{main}</PageColumns>
          );
        }}
      </QueryState>
      <ConfirmDialog
        open={removing !== null}
        title={t('selfcare.form.remove_title')}
        confirmLabel={t('selfcare.form.remove_confirm')}
        tone="danger"
        busy={remove.isPending}
        error={remove.error ? (isApiError(remove.error) ? remove.error.message : t('common.errors.unexpected')) : null}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
      >
        <p>{removing ? habitTitle(t, removing) : ''}</p>
        <p>{t('selfcare.form.remove_body')}</p>
      </ConfirmDialog>
      <Toast message={toast.message} onDismiss={toast.dismiss} />
    </>
  );
}
