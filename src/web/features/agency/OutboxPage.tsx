import { useQuery } from '@tanstack/react-query';
import { useUrlParams } from '../../lib/use-url-params.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Badge, type BadgeTone } from '../../components/Badge.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pagination } from '../../components/Pagination.js';
import { QueryState } from '../../components/QueryState.js';
import { useT, type MessageKey } from '../../i18n.js';
import { outboxQuery, type OutboxItem } from '../../api/agency.api.js';
import './agency.css';

const STATUS: Record<string, { label: MessageKey; tone: BadgeTone }> = {
  held: { label: 'agency.outbox.status.held', tone: 'warning' },
  pending: { label: 'agency.outbox.status.pending', tone: 'info' },
  sent: { label: 'agency.outbox.status.sent', tone: 'success' },
  cancelled: { label: 'agency.outbox.status.cancelled', tone: 'neutral' },
};
const TEMPLATES: Record<string, MessageKey> = {
  invite: 'agency.outbox.templates.invite',
  reset: 'agency.outbox.templates.reset',
  password_changed: 'agency.outbox.templates.password_changed',
  invitation_accepted: 'agency.outbox.templates.invitation_accepted',
  email_changed: 'agency.outbox.templates.email_changed',
  reset_on_hold: 'agency.outbox.templates.reset_on_hold',
  crisis_request: 'agency.outbox.templates.crisis_request',
  campaign_invite: 'agency.outbox.templates.campaign_invite',
  survey_invite: 'agency.outbox.templates.survey_invite',
  survey_reminder: 'agency.outbox.templates.survey_reminder',
  campaign_reminder: 'agency.outbox.templates.campaign_reminder',
  role_requested: 'agency.outbox.templates.role_requested',
  role_request_review: 'agency.outbox.templates.role_request_review',
  role_approved: 'agency.outbox.templates.role_approved',
  role_request_approved_dpo: 'agency.outbox.templates.role_request_approved_dpo',
};

function Email({ item }: { item: OutboxItem }) {
  const { t } = useT();
  const fmt = useFormat();
  const status = STATUS[item.status];
  return (
    <li className="card email">
      <div className="email__head">
        <h2 className="email__subject">{item.subject}</h2>
        {status ? <Badge tone={status.tone}>{t(status.label)}</Badge> : <Badge>{item.status}</Badge>}
      </div>
      <dl className="key-value">
        <div>
          <dt>{t('agency.outbox.to')}</dt>
          <dd className="break">{item.to}</dd>
        </div>
        <div>
          <dt>{t('agency.outbox.kind')}</dt>
          <dd>
            {TEMPLATES[item.template] ? t(TEMPLATES[item.template] as MessageKey) : t('agency.outbox.templates.other')}
          </dd>
        </div>
        <div>
          <dt>{t('agency.outbox.created')}</dt>
          <dd>{fmt.dateTime(item.createdAt)}</dd>
        </div>
        {item.sentAt && (
          <div>
            <dt>{t('agency.outbox.sent')}</dt>
            <dd>{fmt.dateTime(item.sentAt)}</dd>
          </div>
        )}
      </dl>
      <details className="email__body">
        <summary>{t('agency.outbox.show_body')}</summary>
        <pre className="email__text">{item.body}</pre>
      </details>
    </li>
  );
}

/**
 * Emails held (no SMTP), waiting or sent: metadata and a redacted body. Sign-in links reach their
 * recipient alone (decision 011), so nothing here lets the admin act for someone else.
 */
export function OutboxPage() {
  const { t } = useT();
  const [params, setParams] = useUrlParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const outbox = useQuery(outboxQuery(page));
  return (
    <>
      <PageHeader title={t('agency.outbox.title')} lead={t('agency.outbox.lead')} />
      <Alert tone="warning" live={false} title={t('agency.outbox.no_smtp_title')}>
        <p>{t('agency.outbox.no_smtp_body')}</p>
        <p>{t('agency.outbox.audited')}</p>
      </Alert>
      <QueryState query={outbox} skeleton="rows" skeletonLines={6}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('agency.outbox.empty')}>{t('agency.outbox.empty_body')}</EmptyState>
          ) : (
            <>
              <ul className="stack email-list" aria-label={t('agency.outbox.list_label')}>
                {data.items.map((item) => (
                  <Email key={item.id} item={item} />
                ))}
              </ul>
              <Pagination
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onPage={(p) => setParams({ page: String(p) })}
              />
            </>
          )
        }
      </QueryState>
    </>
  );
}
