import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useUrlParams } from '../../lib/use-url-params.js';
import { useEffect, useState } from 'react';
import { intlTag } from '../../../i18n/locales.js';
import { isOverdue, minutesBetween, URGENT_OVERDUE_MINUTES, waitParts } from '../../../domain/help/urgent-wait.js';
import { telLink } from '../../../domain/help/help-contacts.js';
import { useApiMutation } from '../../api/mutation.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Badge, type BadgeTone } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { RadioGroup } from '../../components/fields.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import {
  actOnCrisisRequest,
  type CrisisRequest,
  crisisRequestsKey,
  crisisRequestsQuery,
  type QueueFilter,
  waLink,
} from '../../api/counselling.api.js';
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
  if (request.acknowledgedAt) {
    const taken = minutesBetween(request.createdAt, new Date(request.acknowledgedAt));
    return <>{t('counselling.urgent.taken_after', { duration: duration(taken) })}</>;
  }
  return null;
}

function RequestCard({
  request,
  now,
  onAction,
}: {
  request: CrisisRequest;
  now: Date;
  onAction: (r: CrisisRequest, action: 'acknowledge' | 'close') => void;
}) {
  const { t } = useT();
  const fmt = useFormat();
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
      </dl>
      {request.status !== 'closed' && (
        <ButtonRow>
          {request.status === 'open' && (
            <Button onClick={() => onAction(request, 'acknowledge')}>
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
  const requests = useQuery(crisisRequestsQuery(filter));
  const now = useNow();
  const [pending, setPending] = useState<{ request: CrisisRequest; action: 'acknowledge' | 'close' } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const act = useApiMutation((v: { id: string; action: 'acknowledge' | 'close' }, key) =>
    actOnCrisisRequest(v.id, v.action, key),
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
          const items = data.items; // newest first, from the server
          const overdue = items.filter((r) => isOverdue(r, now)).length;
          return items.length === 0 ? (
            <EmptyState
              title={filter === 'active' ? t('counselling.urgent.empty_active') : t('counselling.urgent.empty_closed')}
            />
          ) : (
            <>
              {overdue > 0 && (
                <Alert tone="warning" live={false}>
                  <p>{t('counselling.urgent.overdue_count', { count: overdue })}</p>
                </Alert>
              )}
              {data.total > items.length && (
                <Alert tone="warning">{t('counselling.urgent.more', { shown: items.length, total: data.total })}</Alert>
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
                      setPending({ request, action });
                    }}
                  />
                ))}
              </ul>
            </>
          );
        }}
      </QueryState>
      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.action === 'close'
            ? t('counselling.urgent.close_title', { name: pending.request.person.fullName })
            : t('counselling.urgent.acknowledge_title', { name: pending?.request.person.fullName ?? '' })
        }
        confirmLabel={pending?.action === 'close' ? t('counselling.urgent.close') : t('counselling.urgent.acknowledge')}
        tone="primary"
        busy={act.isPending}
        error={act.error?.message ?? null}
        onCancel={() => setPending(null)}
        onConfirm={() =>
          pending &&
          act.mutate(
            { id: pending.request.id, action: pending.action },
            {
              onSuccess: async () => {
                setNotice(
                  pending.action === 'close'
                    ? t('counselling.urgent.closed_notice')
                    : t('counselling.urgent.acknowledged_notice'),
                );
                setPending(null);
                await queryClient.invalidateQueries({ queryKey: crisisRequestsKey });
              },
            },
          )
        }
      >
        <p>
          {pending?.action === 'close' ? t('counselling.urgent.close_body') : t('counselling.urgent.acknowledge_body')}
        </p>
      </ConfirmDialog>
    </>
  );
}
