import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useUrlParams } from '../../lib/use-url-params.js';
import { useEffect, useState } from 'react';
import { intlTag } from '../../../i18n/locales.js';
import { isOverdue, minutesBetween, URGENT_OVERDUE_MINUTES, waitParts } from '../../../domain/help/urgent-wait.js';
import { telLink } from '../../../domain/help/help-contacts.js';
import { localDateOf } from '../../../domain/schedule/zoned-time.js';
import { useApiMutation } from '../../api/mutation.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Badge, type BadgeTone } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { RadioGroup, Select } from '../../components/fields.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { useSignedIn } from '../../api/session.js';
import {
  actOnCrisisRequest,
  type CrisisRequest,
  crisisRequestPagesQuery,
  crisisRequestsKey,
  ownSlotsQuery,
  type QueueFilter,
  scheduleFirstAppointment,
  waLink,
} from '../../api/counselling.api.js';
import { dayLabel, slotClock } from './slot-label.js';
import './counselling.css';

const STATUS_TONE: Record<CrisisRequest['status'], BadgeTone> = {
  open: 'danger',
  acknowledged: 'warning',
  closed: 'neutral',
};

function ContactLink({ method, contact }: { method: CrisisRequest['contactMethod']; contact: string }) {
  const { t } = useT();
  if (method === 'email') return <a href={`mailto:${contact}`}>{t('counselling.urgent.email', { contact })}</a>;
  if (method === 'whatsapp')
    return (
      <a href={waLink(contact)} target="_blank" rel="noopener noreferrer">
        {t('counselling.urgent.whatsapp', { contact })}
        <span className="visually-hidden"> {t('help.contacts.new_tab')}</span>
      </a>
    );
  return <a href={telLink(contact)}>{t('counselling.urgent.call', { contact })}</a>;
}

/** The clock the waiting times are read against, moved on every half minute while the page is open. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** "25 menit", "3 jam", "2 hari" in the page's language (Intl names the unit, singular or plural). */
function useDuration() {
  const { locale } = useT();
  return (minutes: number) => {
    const { unit, count } = waitParts(minutes);
    const name = unit === 'minutes' ? 'minute' : unit === 'hours' ? 'hour' : 'day';
    return new Intl.NumberFormat(intlTag(locale), { style: 'unit', unit: name, unitDisplay: 'long' }).format(count);
  };
}

function Waited({ request, now }: { request: CrisisRequest; now: Date }) {
  const { t } = useT();
  const duration = useDuration();
  if (request.status === 'open') {
    return <>{t('counselling.urgent.waiting', { duration: duration(minutesBetween(request.createdAt, now)) })}</>;
  }
  const parts: string[] = [];
  if (request.acknowledgedAt) {
    const taken = minutesBetween(request.createdAt, new Date(request.acknowledgedAt));
    parts.push(t('counselling.urgent.taken_after', { duration: duration(taken) }));
  }
  if (request.firstContactAt) {
    const reached = minutesBetween(request.createdAt, new Date(request.firstContactAt));
    parts.push(t('counselling.urgent.first_contact_after', { duration: duration(reached) }));
  }
  return parts.length > 0 ? <>{parts.join(' · ')}</> : null;
}

/** The team's median time to first contact over the last 30 days (docs/decisions/043-counsellor-workspace.md). */
function FirstContactSummary({ summary }: { summary: { medianMinutes: number | null; count: number; days: number } }) {
  const { t } = useT();
  const fmt = useFormat();
  const duration = useDuration();
  return (
    <p className="urgent-summary">
      {summary.medianMinutes === null
        ? t('counselling.urgent.median_none', { days: summary.days })
        : t('counselling.urgent.median', {
            duration: duration(summary.medianMinutes),
            days: summary.days,
            n: fmt.number(summary.count),
          })}
    </p>
  );
}

type Action = 'acknowledge' | 'close' | 'schedule';

/** The first session the counsellor offers: one of their own free slots, and how they will meet. */
function ScheduleFields({
  value,
  onChange,
}: {
  value: { start: string; mode: string };
  onChange: (v: { start: string; mode: string }) => void;
}) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const slots = useQuery(ownSlotsQuery);
  return (
    <QueryState query={slots} skeleton="form" skeletonLines={2}>
      {(data) => {
        if (data.slots.length === 0) return <p>{t('counselling.schedule.no_slots')}</p>;
        const groups = new Map<string, { value: string; label: string }[]>();
        for (const slot of data.slots) {
          const day = dayLabel(slot.start, locale, fmt.timeZone);
          const list = groups.get(day) ?? [];
          list.push({ value: slot.start, label: `${day}, ${slotClock(slot.start, locale, fmt.timeZone)}` });
          groups.set(day, list);
        }
        const chosen = data.slots.find((s) => s.start === value.start);
        return (
          <>
            <Select
              id="first-slot"
              label={t('counselling.schedule.slot')}
              hint={t('counselling.schedule.slot_hint', { zone: fmt.zoneName })}
              value={value.start}
              placeholder={t('counselling.schedule.slot_placeholder')}
              onChange={(start) => {
                const modes = data.slots.find((s) => s.start === start)?.modes ?? [];
                onChange({ start, mode: modes.includes(value.mode as never) ? value.mode : (modes[0] ?? '') });
              }}
              options={[]}
              groups={[...groups].map(([label, options]) => ({ label, options }))}
            />
            {chosen && (
              <RadioGroup
                id="first-mode"
                name="first-mode"
                legend={t('counselling.schedule.mode')}
                value={value.mode}
                onChange={(mode) => onChange({ ...value, mode })}
                options={chosen.modes.map((m) => ({ value: m, label: t(`counselling.schedule.modes.${m}`) }))}
              />
            )}
          </>
        );
      }}
    </QueryState>
  );
}

function RequestCard({
  request,
  now,
  onAction,
}: {
  request: CrisisRequest;
  now: Date;
  onAction: (r: CrisisRequest, action: Action) => void;
}) {
  const { t } = useT();
  const fmt = useFormat();
  const me = useSignedIn().person.id;
  const canSchedule =
    request.status !== 'closed' &&
    request.firstAppointment === null &&
    (request.acknowledgedBy === null || request.acknowledgedBy.id === me);
  const titleId = `request-${request.id}`;
  const overdue = isOverdue(request, now);
  return (
    <li
      className={`card urgent-request urgent-request--${request.status}${overdue ? ' urgent-request--overdue' : ''}`}
      aria-labelledby={titleId}
    >
      <div className="urgent-request__head">
        <h2 id={titleId} className="urgent-request__name">
          {request.person.fullName}
        </h2>
        <span className="urgent-request__badges">
          {overdue && <Badge tone="danger">{t('counselling.urgent.overdue')}</Badge>}
          <Badge tone={STATUS_TONE[request.status]}>{t(`counselling.urgent.status.${request.status}`)}</Badge>
        </span>
      </div>
      {request.status !== 'closed' && (
        <p className={`urgent-request__wait${overdue ? ' urgent-request__wait--overdue' : ''}`}>
          <Waited request={request} now={now} />
        </p>
      )}
      <p className="muted small">
        {request.person.unitName} · {fmt.dateTime(request.createdAt)} ·{' '}
        {t(`counselling.urgent.source.${request.source}`)}
      </p>
      <dl className="key-value key-value--rows">
        {request.contactMethod && request.contact ? (
          <div>
            <dt>{t(`counselling.urgent.method.${request.contactMethod}`)}</dt>
            <dd>
              <ContactLink method={request.contactMethod} contact={request.contact} />
            </dd>
          </div>
        ) : (
          <div>
            <dt>{t('counselling.urgent.profile_contact')}</dt>
            <dd>
              {request.person.phone || request.person.email ? (
                <span className="urgent-request__links">
                  {request.person.phone && <ContactLink method="phone" contact={request.person.phone} />}
                  {request.person.email && <ContactLink method="email" contact={request.person.email} />}
                </span>
              ) : (
                t('counselling.urgent.no_contact')
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('counselling.urgent.preferred_time')}</dt>
          <dd>{request.preferredTime ?? t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('counselling.urgent.note')}</dt>
          <dd className="urgent-request__note">{request.note ?? t('common.none')}</dd>
        </div>
        {request.acknowledgedBy && (
          <div>
            <dt>{t('counselling.urgent.acknowledged_by')}</dt>
            <dd>
              {t('counselling.urgent.acknowledged_line', {
                name: request.acknowledgedBy.fullName,
                date: request.acknowledgedAt ? fmt.dateTime(request.acknowledgedAt) : '',
              })}
            </dd>
          </div>
        )}
        {request.closedAt && (
          <div>
            <dt>{t('counselling.urgent.closed_at')}</dt>
            <dd>{fmt.dateTime(request.closedAt)}</dd>
          </div>
        )}
        {request.firstAppointment && (
          <div>
            <dt>{t('counselling.urgent.first_session')}</dt>
            <dd>
              {fmt.dateTime(request.firstAppointment.start)} ·{' '}
              {t(`counselling.schedule.modes.${request.firstAppointment.mode}`)}
              {request.firstAppointment.mine && (
                <>
                  {' '}
                  ·{' '}
                  <Link
                    to={`/counselling/appointments?day=${localDateOf(new Date(request.firstAppointment.start), fmt.timeZone)}`}
                  >
                    {t('counselling.urgent.open_calendar')}
                  </Link>
                </>
              )}
            </dd>
          </div>
        )}
      </dl>
      {request.status !== 'closed' && (
        <ButtonRow>
          {canSchedule && (
            <Button onClick={() => onAction(request, 'schedule')}>
              {t('counselling.urgent.schedule')}
              <span className="visually-hidden"> {request.person.fullName}</span>
            </Button>
          )}
          {request.status === 'open' && (
            <Button variant={canSchedule ? 'secondary' : 'primary'} onClick={() => onAction(request, 'acknowledge')}>
              {t('counselling.urgent.acknowledge')}
              <span className="visually-hidden"> {request.person.fullName}</span>
            </Button>
          )}
          <Button variant="secondary" onClick={() => onAction(request, 'close')}>
            {t('counselling.urgent.close')}
            <span className="visually-hidden"> {request.person.fullName}</span>
          </Button>
        </ButtonRow>
      )}
    </li>
  );
}

/** /counselling/urgent — people who asked to be contacted (or crisis answers under outreach), newest first. */
export function UrgentQueuePage() {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [params, setParams] = useUrlParams();
  const filter: QueueFilter = params.get('status') === 'closed' ? 'closed' : 'active';
  const requests = useInfiniteQuery(crisisRequestPagesQuery(filter));
  const now = useNow();
  const fmt = useFormat();
  const [pending, setPending] = useState<{ request: CrisisRequest; action: Action } | null>(null);
  const [offer, setOffer] = useState({ start: '', mode: '' });
  const [offerError, setOfferError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const act = useApiMutation((v: { id: string; action: Action; start: string; mode: string }, key) =>
    v.action === 'schedule'
      ? scheduleFirstAppointment(v.id, { start: v.start, mode: v.mode as 'phone' }, key)
      : actOnCrisisRequest(v.id, v.action, key),
  );

  return (
    <>
      <PageHeader
        title={t('counselling.urgent.title')}
        lead={t('counselling.urgent.lead')}
        actions={
          <Button
            variant="secondary"
            size="small"
            busy={requests.isFetching && !requests.isPending}
            onClick={() => void requests.refetch()}
          >
            {t('counselling.urgent.refresh')}
          </Button>
        }
      />
      <Alert tone="info" live={false}>
        <p>{t('counselling.urgent.confidential')}</p>
        <p>{t('counselling.urgent.overdue_rule', { minutes: URGENT_OVERDUE_MINUTES })}</p>
      </Alert>
      <RadioGroup
        id="urgent-filter"
        name="urgent-filter"
        legend={t('counselling.urgent.filter')}
        inline
        value={filter}
        onChange={(value) => setParams(value === 'closed' ? { status: 'closed' } : {}, { replace: true })}
        options={[
          { value: 'active', label: t('counselling.urgent.filter_active') },
          { value: 'closed', label: t('counselling.urgent.filter_closed') },
        ]}
      />
      {notice && <Alert tone="success">{notice}</Alert>}
      <QueryState query={requests} skeleton="rows" skeletonLines={5}>
        {(data) => {
          const first = data.pages[0];
          const items = data.pages.flatMap((p) => p.items); // newest first, from the server
          const total = first?.total ?? items.length;
          const overdue = items.filter((r) => isOverdue(r, now)).length;
          const summary = first && <FirstContactSummary summary={first.firstContact} />;
          return items.length === 0 ? (
            <>
              {summary}
              <EmptyState
                title={
                  filter === 'active' ? t('counselling.urgent.empty_active') : t('counselling.urgent.empty_closed')
                }
              />
            </>
          ) : (
            <>
              {summary}
              {overdue > 0 && (
                <Alert tone="warning" live={false}>
                  <p>{t('counselling.urgent.overdue_count', { count: overdue })}</p>
                </Alert>
              )}

              <ul className="urgent-list" aria-label={t('counselling.urgent.list_label')}>
                {items.map((r) => (
                  <RequestCard
                    key={r.id}
                    request={r}
                    now={now}
                    onAction={(request, action) => {
                      act.reset();
                      setNotice(null);
                      setOfferError(null);
                      setOffer({ start: '', mode: '' });
                      setPending({ request, action });
                    }}
                  />
                ))}
              </ul>
              <div className="urgent-paging">
                <p className="muted small" aria-live="polite">
                  {t('counselling.urgent.shown', {
                    shown: fmt.number(items.length),
                    total: fmt.number(total),
                  })}
                </p>
                {requests.hasNextPage && (
                  <Button
                    variant="secondary"
                    busy={requests.isFetchingNextPage}
                    onClick={() => void requests.fetchNextPage()}
                  >
                    {t('counselling.urgent.load_more')}
                  </Button>
                )}
              </div>
            </>
          );
        }}
      </QueryState>
      <ConfirmDialog
        open={pending !== null}
        title={t(`counselling.urgent.${pending?.action ?? 'acknowledge'}_title`, {
          name: pending?.request.person.fullName ?? '',
        })}
        confirmLabel={t(
          `counselling.urgent.${pending?.action === 'schedule' ? 'schedule_confirm' : (pending?.action ?? 'acknowledge')}`,
        )}
        tone="primary"
        busy={act.isPending}
        error={offerError ?? act.error?.message ?? null}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (!pending) return;
          if (pending.action === 'schedule' && (!offer.start || !offer.mode)) {
            setOfferError(t('counselling.schedule.choose_first'));
            return;
          }
          setOfferError(null);
          act.mutate(
            { id: pending.request.id, action: pending.action, ...offer },
            {
              onSuccess: async () => {
                setNotice(
                  pending.action === 'schedule'
                    ? t('counselling.urgent.scheduled_notice', {
                        name: pending.request.person.fullName,
                        when: fmt.dateTime(offer.start),
                      })
                    : pending.action === 'close'
                      ? t('counselling.urgent.closed_notice')
                      : t('counselling.urgent.acknowledged_notice'),
                );
                setPending(null);
                await queryClient.invalidateQueries({ queryKey: crisisRequestsKey });
                await queryClient.invalidateQueries({ queryKey: ownSlotsQuery.queryKey });
              },
            },
          );
        }}
      >
        <p>{t(`counselling.urgent.${pending?.action ?? 'acknowledge'}_body`)}</p>
        {pending?.action === 'schedule' && (
          <ScheduleFields
            value={offer}
            onChange={(v) => {
              setOfferError(null);
              setOffer(v);
            }}
          />
        )}
      </ConfirmDialog>
    </>
  );
}
