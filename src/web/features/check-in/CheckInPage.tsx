import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { SUGGESTED_TAGS } from '../../../contracts/check-ins.js';
import { addDays } from '../../../domain/schedule/zoned-time.js';
import {
  checkInsKey,
  checkInsQuery,
  submitCheckIn,
  type CheckInBody,
  type CheckInList,
  type CheckInView,
} from '../../api/check-ins.api.js';
import { isApiError, newIdempotencyKey } from '../../api/client.js';
import { useSignedIn } from '../../api/session.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { PageColumns } from '../../components/layout/PageLayout.js';
import { useT, type MessageKey } from '../../i18n.js';
import { useCheckInOutbox } from '../../lib/check-in-outbox.js';
import { forgetCheckIn, keepCheckIn, type PendingCheckIn } from '../../lib/device-store.js';
import { useFormat } from '../../lib/use-format.js';
import { CheckInForm } from './CheckInForm.js';
import { InsightsRoute } from './InsightsRoute.js';
import { MoodFace } from './MoodFace.js';
import './check-in.css';

const WEEK = 7;

/** The seven days up to today, oldest first, each with what is stored and what waits on the device. */
function WeekStrip({
  list,
  pending,
  selected,
  onSelect,
}: {
  list: CheckInList;
  pending: readonly PendingCheckIn[];
  selected: string;
  onSelect: (day: string) => void;
}) {
  const { t, locale } = useT();
  const days = Array.from({ length: WEEK }, (_, i) => addDays(list.today, i - (WEEK - 1)));
  const weekday = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { weekday: 'short', timeZone: 'UTC' });
  const full = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  return (
    <nav aria-label={t('checkin.page.week_label')} className="checkin-week">
      <ul>
        {days.map((day) => {
          const stored = list.items.find((i) => i.localDate === day);
          const waiting = pending.find((p) => p.localDate === day);
          const mood = waiting?.body.mood ?? stored?.mood ?? null;
          const when = new Date(`${day}T12:00:00Z`);
          const state = waiting
            ? t('checkin.page.pending_short')
            : stored
              ? t(`checkin.mood.${stored.mood}` as MessageKey)
              : t('checkin.page.no_entry');
          return (
            <li key={day}>
              <button
                type="button"
                className={`checkin-day ${day === selected ? 'checkin-day--on' : ''} ${waiting ? 'checkin-day--waiting' : ''}`}
                aria-pressed={day === selected}
                aria-label={t('checkin.page.day_button', { day: full.format(when), state })}
                onClick={() => onSelect(day)}
              >
                <span className="checkin-day__name">
                  {day === list.today ? t('checkin.page.today') : weekday.format(when)}
                </span>
                <span className="checkin-day__date">{when.getUTCDate()}</span>
                {mood ? <MoodFace mood={mood} size={28} /> : <span className="checkin-day__none">–</span>}
                {waiting && <span className="checkin-day__dot" />}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** A day that can no longer change, said kindly. */
function PastDay({ day, item }: { day: string; item: CheckInView | undefined }) {
  const { t } = useT();
  const fmt = useFormat();
  if (!item)
    return (
      <section className="card checkin-past" aria-labelledby="checkin-past-title">
        <h2 id="checkin-past-title" tabIndex={-1}>
          {t('checkin.page.read_only_title', { day: fmt.day(day) })}
        </h2>
        <p>{t('checkin.page.empty_past')}</p>
      </section>
    );
  const facts: string[] = [];
  if (item.stress) facts.push(t('checkin.summary.stress', { value: t(`checkin.stress.${item.stress}` as MessageKey) }));
  if (item.energy) facts.push(t('checkin.summary.energy', { value: t(`checkin.energy.${item.energy}` as MessageKey) }));
  if (item.sleepMinutes !== null)
    facts.push(
      t('checkin.summary.sleep', {
        value: t('checkin.sleep.hours_value', { hours: fmt.number(item.sleepMinutes / 60) }),
      }),
    );
  if (item.activityMinutes !== null)
    facts.push(
      t('checkin.summary.activity', {
        value: t('checkin.activity.value', { minutes: fmt.number(item.activityMinutes) }),
      }),
    );
  if (item.workload) facts.push(t('checkin.summary.workload', { value: t(`checkin.workload.${item.workload}`) }));
  return (
    <section className="card checkin-past" aria-labelledby="checkin-past-title">
      <h2 id="checkin-past-title" tabIndex={-1}>
        {t('checkin.page.read_only_title', { day: fmt.day(day) })}
      </h2>
      <p className="checkin-past__mood">
        <MoodFace mood={item.mood} />
        <strong>{t(`checkin.mood.${item.mood}` as MessageKey)}</strong>
      </p>
      {facts.length > 0 && (
        <ul className="checkin-past__facts">
          {facts.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      {item.tags.length > 0 && (
        <p className="muted">
          {item.tags
            .map((tag) =>
              (SUGGESTED_TAGS as readonly string[]).includes(tag) ? t(`checkin.tags.${tag}` as MessageKey) : tag,
            )
            .join(' · ')}
        </p>
      )}
      {item.note && <p className="checkin-past__note">{item.note}</p>}
      <p className="muted small">{t('checkin.page.read_only')}</p>
    </section>
  );
}

/**
 * /check-in: the person's daily check-in — today's (or yesterday's) form, the week behind it, and
 * what waits on this device to be sent. Works offline: a check-in that cannot reach the server is
 * kept on the device with its Idempotency-Key and sent when the connection returns.
 */
function CheckInDay() {
  const { t } = useT();
  const fmt = useFormat();
  const session = useSignedIn();
  const queryClient = useQueryClient();
  const list = useQuery(checkInsQuery());
  const { pending, flush } = useCheckInOutbox(session.person.id);
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const toast = useToast();
  // One key per submission, kept while the same check-in is retried.
  const attempt = useRef<{ fingerprint: string; key: string } | null>(null);
  const [formVersion, setFormVersion] = useState(0);

  const keep = async (body: CheckInBody, key: string) => {
    await keepCheckIn({
      localDate: body.localDate,
      body: body as PendingCheckIn['body'],
      idempotencyKey: key,
      queuedAt: new Date().toISOString(),
      personId: session.person.id,
    });
    attempt.current = null;
    toast.show(t('checkin.page.kept'));
  };

  const save = async (body: CheckInBody) => {
    const fingerprint = JSON.stringify(body);
    const key = attempt.current?.fingerprint === fingerprint ? attempt.current.key : newIdempotencyKey();
    attempt.current = { fingerprint, key };
    setServerError(null);
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      await keep(body, key);
      return;
    }
    setBusy(true);
    try {
      const view = await submitCheckIn(body, key);
      attempt.current = null;
      // A stored day replaces anything older for it that waited on the device.
      const waiting = pending.find((p) => p.localDate === body.localDate);
      if (waiting) await forgetCheckIn(waiting);
      queryClient.setQueryData(checkInsQuery().queryKey, (old: CheckInList | undefined) =>
        old
          ? {
              ...old,
              items: [...old.items.filter((i) => i.localDate !== view.localDate), view].sort((a, b) =>
                a.localDate.localeCompare(b.localDate),
              ),
            }
          : old,
      );
      void queryClient.invalidateQueries({ queryKey: checkInsKey });
      toast.show(t('checkin.page.saved'));
    } catch (err) {
      if (isApiError(err) && err.isRetryable) await keep(body, key);
      else setServerError(isApiError(err) ? err.message : t('common.errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  const waiting = pending.filter((p) => !p.refused);
  const refused = pending.filter((p) => p.refused);

  return (
    <>
      <PageHeader title={t('checkin.page.title')} lead={t('checkin.page.lead')} />
      <p className="checkin-privacy">{t('checkin.page.only_you')}</p>
      {waiting.length > 0 && (
        <Alert tone="info" title={t('checkin.page.pending_title')}>
          <p>{t('checkin.page.pending_body_one', { days: waiting.map((p) => fmt.day(p.localDate)).join(', ') })}</p>
          <Button variant="secondary" size="small" onClick={() => void flush()}>
            {t('checkin.page.send_now')}
          </Button>
        </Alert>
      )}
      {refused.map((p) => (
        <Alert key={p.localDate} tone="warning" title={t('checkin.page.refused_title')}>
          <p>
            {fmt.day(p.localDate)}: {p.refused}
          </p>
          <Button variant="secondary" size="small" onClick={() => void forgetCheckIn(p)}>
            {t('checkin.page.refused_discard')}
          </Button>
        </Alert>
      ))}
      <QueryState query={list} loadingLabel={t('checkin.page.loading')}>
        {(data) => {
          const day = selected ?? data.today;
          const stored = data.items.find((i) => i.localDate === day);
          const queued = pending.find((p) => p.localDate === day);
          const editable = day >= data.editableFrom;
          return (
            <PageColumns
              asideLabel={t('checkin.page.more_label')}
              aside={
                <div className="checkin-side">
                  <p>
                    <Link to="/check-in/insights">{t('checkin.insights.page.link')}</Link>
                  </p>
                  <p>
                    <Link to="/self-check">{t('checkin.page.self_check_link')}</Link>
                  </p>
                  <p>
                    <Link to="/help">{t('checkin.page.help_link')}</Link>
                  </p>
                </div>
              }
            >
              <>
                <WeekStrip
                  list={data}
                  pending={pending}
                  selected={day}
                  onSelect={(d) => {
                    setSelected(d);
                    setServerError(null);
                  }}
                />
                {editable ? (
                  <CheckInForm
                    key={`${day}-${stored?.version ?? 0}-${queued?.idempotencyKey ?? ''}-${formVersion}`}
                    localDate={day}
                    title={
                      day === data.today ? t('checkin.page.form_title_today') : t('checkin.page.form_title_yesterday')
                    }
                    initial={(queued?.body as Partial<CheckInView> | undefined) ?? stored ?? null}
                    busy={busy}
                    serverError={serverError}
                    onSubmit={(body) => void save(body).then(() => setFormVersion((v) => v + 1))}
                  />
                ) : (
                  <PastDay day={day} item={stored} />
                )}
              </>
            </PageColumns>
          );
        }}
      </QueryState>
      <Toast message={toast.message} onDismiss={toast.dismiss} />
    </>
  );
}

/**
 * The route of `/check-in` and `/check-in/insights` (docs/decisions/036-insights.md): one entry in
 * the router's table, which is part of the sign-in page's first load (decision 025's budget), and
 * the insights page with its chart library fetched only when it is opened.
 */
export function CheckInPage() {
  return useLocation().pathname.startsWith('/check-in/insights') ? <InsightsRoute /> : <CheckInDay />;
}
