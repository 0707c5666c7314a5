import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { addDays, localDateOf, weekdayOf } from '../../../domain/schedule/zoned-time.js';
import {
  bookingKeys,
  confirmAppointment,
  counsellorAppointmentsQuery,
  counsellorCancelAppointment,
  setAppointmentStatus,
  type CounsellorAppointmentList,
} from '../../api/booking.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { Alert } from '../../components/Alert.js';
import { Badge, type BadgeTone } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState } from '../../components/EmptyState.js';
import { TextArea } from '../../components/fields.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import { useUrlParams } from '../../lib/use-url-params.js';
import { clockOf, weekdayDay } from './slot-labels.js';
import './booking.css';

type Item = CounsellorAppointmentList['items'][number];
type Action = 'confirm' | 'completed' | 'no_show' | 'cancel';
type View = 'day' | 'week';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Wide enough for seven columns (docs/decisions/043-counsellor-workspace.md): a week grid; narrower, the day list. */
const WIDE = '(min-width: 64rem)';

function initialView(param: string | null): View {
  if (param === 'day' || param === 'week') return param;
  return typeof window !== 'undefined' && window.matchMedia?.(WIDE).matches ? 'week' : 'day';
}

/** What the counsellor may do with an appointment now (the server decides again). */
export function actionsOf(a: Item, now: Date, timeZone: string): Action[] {
  const started = now.getTime() >= Date.parse(a.start);
  if (a.status === 'booked') {
    const out: Action[] = [];
    if (started) out.push('completed', 'no_show');
    else if (!a.confirmed) out.push('confirm');
    out.push('cancel');
    return out;
  }
  // A no-show may still be corrected to completed on the same day.
  if (a.status === 'no_show' && localDateOf(now, timeZone) === localDateOf(new Date(a.start), timeZone))
    return ['completed'];
  return [];
}

const STATUS_TONE: Record<Item['status'], BadgeTone> = {
  booked: 'info',
  completed: 'success',
  no_show: 'warning',
  cancelled: 'neutral',
};

/**
 * /counselling/appointments — the counsellor's calendar: a day list with day navigation (the
 * phone's view), or a week of seven columns (the desk's view); each appointment with the client,
 * the mode, the status, the client's reason on demand, and what can be done with it now.
 */
export function CounsellorAppointmentsPage() {
  const { t, locale } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [params, setParams] = useUrlParams();
  const today = localDateOf(new Date(), fmt.timeZone);
  const dayParam = params.get('day');
  const day = dayParam && DAY.test(dayParam) ? dayParam : today;
  const [view, setView] = useState<View>(() => initialView(params.get('view')));
  // The week holding the day, Monday first: one read serves both views and the day strip's counts.
  const monday = addDays(day, 1 - weekdayOf(day));
  const list = useQuery(counsellorAppointmentsQuery(monday, 7));
  const [pending, setPending] = useState<{ item: Item; action: Action } | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const act = useApiMutation(
    (v: { id: string; action: Action; reason: string }, key) => {
      if (v.action === 'confirm') return confirmAppointment(v.id);
      if (v.action === 'cancel') return counsellorCancelAppointment(v.id, v.reason.trim() || null);
      return setAppointmentStatus(v.id, v.action, key);
    },
    { onSuccess: () => void queryClient.invalidateQueries({ queryKey: bookingKeys.all }) },
  );

  const go = (next: { day?: string; view?: View }) => {
    const v = next.view ?? view;
    if (next.view) setView(next.view);
    setParams({ day: next.day ?? day, view: v }, { replace: true });
  };
  const step = view === 'day' ? 1 : 7;
  const open = (item: Item, action: Action) => {
    act.reset();
    setNotice(null);
    setReason('');
    setPending({ item, action });
  };

  return (
    // The whole width, not the reading column: a week needs seven columns at 1280 px.
    <div className="calendar-page">
      <PageHeader title={t('booking.counsellor.appointments_title')} lead={t('booking.counsellor.audit_note')} />
      <div className="calendar-bar">
        <div role="group" aria-label={t('booking.calendar.view')} className="calendar-bar__range">
          {(['day', 'week'] as const).map((v) => (
            <Button
              key={v}
              variant={view === v ? 'primary' : 'secondary'}
              size="small"
              aria-pressed={view === v}
              onClick={() => go({ view: v })}
            >
              {t(`booking.counsellor.${v}`)}
            </Button>
          ))}
        </div>
        <ButtonRow>
          <Button variant="secondary" size="small" onClick={() => go({ day: addDays(day, -step) })}>
            {t(view === 'day' ? 'booking.calendar.previous_day' : 'booking.calendar.previous_week')}
          </Button>
          <Button variant="secondary" size="small" onClick={() => go({ day: today })}>
            {t('booking.counsellor.today')}
          </Button>
          <Button variant="secondary" size="small" onClick={() => go({ day: addDays(day, step) })}>
            {t(view === 'day' ? 'booking.calendar.next_day' : 'booking.calendar.next_week')}
          </Button>
        </ButtonRow>
      </div>
      <h2 className="calendar-bar__label" aria-live="polite">
        {view === 'day'
          ? weekdayDay(day, locale)
          : t('booking.counsellor.range', { from: fmt.day(monday), to: fmt.day(addDays(monday, 6)) })}
      </h2>
      {notice && <Alert tone="success">{notice}</Alert>}
      <QueryState query={list} skeleton="rows" skeletonLines={4}>
        {(data) => {
          const byDay = new Map<string, Item[]>();
          for (const a of data.items) {
            const d = localDateOf(new Date(a.start), fmt.timeZone);
            byDay.set(d, [...(byDay.get(d) ?? []), a]);
          }
          const week = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
          if (view === 'day')
            return (
              <>
                <nav className="day-strip" aria-label={t('booking.calendar.days')}>
                  {week.map((d) => {
                    const n = (byDay.get(d) ?? []).filter((a) => a.status !== 'cancelled').length;
                    return (
                      <button
                        key={d}
                        type="button"
                        className={`day-strip__day${d === day ? ' day-strip__day--current' : ''}`}
                        aria-current={d === day ? 'date' : undefined}
                        onClick={() => go({ day: d })}
                      >
                        <span>{weekdayDay(d, locale).split(',')[0]?.slice(0, 3)}</span>
                        <span className="day-strip__date">{Number(d.slice(8))}</span>
                        <span className="day-strip__count">
                          {n > 0 ? t('booking.calendar.count', { n: fmt.number(n) }) : '–'}
                        </span>
                      </button>
                    );
                  })}
                </nav>
                <DayList items={byDay.get(day) ?? []} onAction={open} />
              </>
            );
          return data.items.length === 0 ? (
            <EmptyState title={t('booking.calendar.empty_week')} />
          ) : (
            <div className="week-grid">
              {week.map((d) => (
                <section key={d} className="week-grid__day" aria-labelledby={`day-${d}`}>
                  <h3 id={`day-${d}`} className={`week-grid__title${d === today ? ' week-grid__title--today' : ''}`}>
                    {weekdayDay(d, locale)}
                  </h3>
                  {(byDay.get(d) ?? []).length === 0 ? (
                    <p className="muted small">{t('booking.calendar.free_day')}</p>
                  ) : (
                    <ul className="appointment-list">
                      {(byDay.get(d) ?? []).map((a) => (
                        <AppointmentItem key={a.id} item={a} onAction={open} compact />
                      ))}
                    </ul>
                  )}
                </section>
              ))}
            </div>
          );
        }}
      </QueryState>
      <ConfirmDialog
        open={pending !== null}
        title={t(`booking.calendar.${pending?.action ?? 'confirm'}_title`, {
          name: pending?.item.client.name ?? '',
          when: pending ? fmt.dateTime(pending.item.start) : '',
        })}
        confirmLabel={t(`booking.calendar.${pending?.action ?? 'confirm'}`)}
        tone={pending?.action === 'cancel' ? 'danger' : 'primary'}
        busy={act.isPending}
        error={act.error?.message ?? null}
        onCancel={() => setPending(null)}
        onConfirm={() =>
          pending &&
          act.mutate(
            { id: pending.item.id, action: pending.action, reason },
            {
              onSuccess: () => {
                setNotice(t(`booking.calendar.${pending.action}_done`, { name: pending.item.client.name }));
                setPending(null);
              },
            },
          )
        }
      >
        <p>{t(`booking.calendar.${pending?.action ?? 'confirm'}_body`)}</p>
        {pending?.action === 'cancel' && (
          <TextArea
            id="cancel-reason"
            label={t('booking.calendar.cancel_reason')}
            hint={t('booking.calendar.cancel_reason_hint')}
            optional
            rows={3}
            maxLength={300}
            value={reason}
            onChange={setReason}
          />
        )}
      </ConfirmDialog>
    </div>
  );
}

function DayList({ items, onAction }: { items: Item[]; onAction: (item: Item, action: Action) => void }) {
  const { t } = useT();
  if (items.length === 0) return <EmptyState title={t('booking.counsellor.empty')} />;
  return (
    <ul className="appointment-list">
      {items.map((a) => (
        <AppointmentItem key={a.id} item={a} onAction={onAction} />
      ))}
    </ul>
  );
}

function AppointmentItem({
  item: a,
  onAction,
  compact,
}: {
  item: Item;
  onAction: (item: Item, action: Action) => void;
  compact?: boolean;
}) {
  const { t } = useT();
  const fmt = useFormat();
  const actions = actionsOf(a, new Date(), fmt.timeZone);
  const badge =
    a.status === 'booked'
      ? a.confirmed
        ? t('booking.counsellor.confirmed')
        : t('booking.mine.waiting')
      : t(`booking.statuses.${a.status}`);
  return (
    <li
      className={`appointment-card appointment-card--${a.status}${compact ? ' appointment-card--compact' : ''}${
        a.status === 'cancelled' ? ' appointment-card--inactive' : ''
      }`}
    >
      <p className="appointment-card__when">
        {fmt.clock(clockOf(a.start, fmt.timeZone))}–{fmt.clock(clockOf(a.end, fmt.timeZone))}{' '}
        <span className="muted small">{fmt.zoneName}</span>
      </p>
      <p className="appointment-card__client">
        <Link to={`/counselling/clients/${encodeURIComponent(a.client.id)}`}>{a.client.name}</Link>
        <span className="muted"> · {t(`booking.modes.${a.mode}`)}</span>
      </p>
      <p>
        <Badge tone={a.status === 'booked' && a.confirmed ? 'success' : STATUS_TONE[a.status]}>{badge}</Badge>
      </p>
      <details className="appointment-card__reason">
        <summary>
          {t('booking.calendar.show_reason')}
          <span className="visually-hidden"> {a.client.name}</span>
        </summary>
        <p className="small">{a.reason ?? t('booking.counsellor.no_reason')}</p>
      </details>
      {a.status !== 'cancelled' && (
        <p className="small">
          <Link to={`/counselling/appointments/${encodeURIComponent(a.id)}/note`}>
            {t('booking.calendar.note')}
            <span className="visually-hidden"> {a.client.name}</span>
          </Link>
        </p>
      )}
      {actions.length > 0 && (
        <ButtonRow>
          {actions.map((action) => (
            <Button
              key={action}
              size="small"
              variant={action === 'cancel' ? 'secondary' : action === 'no_show' ? 'secondary' : 'primary'}
              onClick={() => onAction(a, action)}
            >
              {t(`booking.calendar.${action}`)}
              <span className="visually-hidden"> {a.client.name}</span>
            </Button>
          ))}
        </ButtonRow>
      )}
    </li>
  );
}
