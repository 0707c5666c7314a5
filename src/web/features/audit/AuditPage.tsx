import { useInfiniteQuery } from '@tanstack/react-query';
import { useUrlParams } from '../../lib/use-url-params.js';
import type { FormEvent } from 'react';
import { AUDIT_ACTIONS, type AuditAction } from '../../../domain/audit/audit-actions.js';
import { auditLogQuery, type AuditPage as AuditPageData } from '../../api/audit.api.js';
import { roleLabel } from '../../lib/options.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Badge, type BadgeTone } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { DateField } from '../../components/DateField.js';
import { Select } from '../../components/fields.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { useForm } from '../../components/form.js';
import { PageHeader } from '../../components/PageHeader.js';
import { LoadError } from '../../components/QueryState.js';
import { Skeleton } from '../../components/Skeleton.js';
import { translate, useT, type TranslateFn } from '../../i18n.js';

type Entry = AuditPageData['items'][number];
const OUTCOMES = ['success', 'failure', 'denied'] as const;
const OUTCOME_TONES: Record<string, BadgeTone> = { success: 'success', failure: 'warning', denied: 'danger' };
const AREAS = ['setup', 'auth', 'org', 'agency', 'assessment', 'crisis', 'campaign', 'platform', 'dpo'] as const;

/** Fixed UTC offsets of Indonesia's zones (no daylight saving), for day boundaries. */
const OFFSETS: Record<string, string> = {
  'Asia/Jakarta': '+07:00',
  'Asia/Makassar': '+08:00',
  'Asia/Jayapura': '+09:00',
};

export function actionLabel(t: TranslateFn, action: string): string {
  return (AUDIT_ACTIONS as readonly string[]).includes(action) ? t(`audit.actions.${action as AuditAction}`) : action;
}

const RESOURCES = [
  'agency',
  'breach',
  'campaign',
  'consent',
  'crisis_request',
  'data_request',
  'dpo_alert',
  'health_data',
  'help_contact',
  'import',
  'person',
  'processing_activity',
  'result_share',
  'retention_policy',
  'role_assignment',
  'role_request',
  'unit',
] as const;

/** "Permintaan bantuan", never "crisis_request": a stored resource type in the reader's words. */
export function resourceLabel(t: TranslateFn, type: string): string {
  return (RESOURCES as readonly string[]).includes(type)
    ? t(`audit.resources.${type as (typeof RESOURCES)[number]}`)
    : t('audit.resources.other');
}

function outcomeLabel(t: TranslateFn, outcome: string): string {
  return (OUTCOMES as readonly string[]).includes(outcome)
    ? t(`audit.outcomes.${outcome as (typeof OUTCOMES)[number]}`)
    : outcome;
}

/** Start of the day `date` (YYYY-MM-DD) in the zone, as an ISO time with offset. */
function dayStart(date: string, timeZone: string): string {
  return `${date}T00:00:00${OFFSETS[timeZone] ?? '+07:00'}`;
}

function nextDayStart(date: string, timeZone: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return dayStart(d.toISOString().slice(0, 10), timeZone);
}

/** The audit log: filter, newest first, more on request. Read-only by design. */
export function AuditPage() {
  const { t } = useT();
  const fmt = useFormat();
  const [params, setParams] = useUrlParams();
  const filters = {
    action: params.get('action') ?? '',
    outcome: params.get('outcome') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const form = useForm('audit-filter', filters);

  const log = useInfiniteQuery(
    auditLogQuery({
      action: filters.action || undefined,
      outcome: filters.outcome || undefined,
      from: filters.from ? dayStart(filters.from, fmt.timeZone) : undefined,
      to: filters.to ? nextDayStart(filters.to, fmt.timeZone) : undefined,
    }),
  );

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    // The date field hands over ISO days; anything else is text that is not a date yet.
    const unreadable = (['from', 'to'] as const).filter((k) => v[k] && !/^\d{4}-\d{2}-\d{2}$/.test(v[k]));
    if (unreadable.length > 0) {
      form.fail(Object.fromEntries(unreadable.map((k) => [k, translate('common.date_field.invalid')])));
      return;
    }
    if (v.from && v.to && v.from > v.to) {
      form.fail({ to: translate('audit.filters.range_error') });
      return;
    }
    form.setErrors({});
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(v)) if (value) next.set(key, String(value));
    setParams(next);
  };

  const clear = () => {
    form.reset({ action: '', outcome: '', from: '', to: '' });
    setParams(new URLSearchParams());
  };

  const groups = AREAS.map((area) => ({
    label: t(`audit.areas.${area}`),
    options: AUDIT_ACTIONS.filter((a) => a.startsWith(`${area}.`)).map((a) => ({ value: a, label: actionLabel(t, a) })),
  }));

  const columns: Column<Entry>[] = [
    { key: 'when', header: t('audit.columns.when'), primary: true, cell: (e) => fmt.dateTime(e.occurredAt) },
    { key: 'action', header: t('audit.columns.action'), cell: (e) => actionLabel(t, e.action) },
    {
      key: 'actor',
      header: t('audit.columns.actor'),
      cell: (e) => (
        <>
          {e.actor?.fullName ?? t('audit.system')}
          {e.actorRole && <span className="muted small block">{roleLabel(t, e.actorRole)}</span>}
        </>
      ),
    },
    {
      key: 'subject',
      header: t('audit.columns.subject'),
      cell: (e) => e.subject?.fullName ?? (e.resourceType ? resourceLabel(t, e.resourceType) : '—'),
    },
    {
      key: 'outcome',
      header: t('audit.columns.outcome'),
      cell: (e) => <Badge tone={OUTCOME_TONES[e.outcome] ?? 'neutral'}>{outcomeLabel(t, e.outcome)}</Badge>,
    },
    {
      key: 'details',
      header: t('audit.details.show'),
      // Codes for technical support stay behind a disclosure, out of the reader's way.
      cell: (e) =>
        e.requestId || e.resourceId ? (
          <details className="audit-details" data-detail>
            <summary>{t('audit.details.show')}</summary>
            <dl className="small">
              {e.requestId && (
                <>
                  <dt>{t('audit.details.request_id')}</dt>
                  <dd>
                    <code className="break">{e.requestId}</code>
                  </dd>
                </>
              )}
              {e.resourceId && (
                <>
                  <dt>{t('audit.details.resource_id')}</dt>
                  <dd>
                    <code className="break">{e.resourceId}</code>
                  </dd>
                </>
              )}
            </dl>
          </details>
        ) : null,
    },
  ];

  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <PageHeader title={t('audit.title')} lead={t('audit.lead')} />
      <Alert tone="info" live={false}>
        <p>{t('audit.immutable')}</p>
        <p className="small">{t('audit.time_zone_note', { zone: fmt.zoneName })}</p>
      </Alert>
      <form className="card form filters" onSubmit={apply} noValidate aria-label={t('audit.filters.label')}>
        <FormErrorSummary {...form.summary} labels={{ to: t('audit.filters.to') }} />
        <div className="filters__grid">
          <Select
            {...form.field('action')}
            label={t('audit.filters.action')}
            options={[]}
            groups={groups}
            placeholder={t('audit.filters.all_actions')}
          />
          <Select
            {...form.field('outcome')}
            label={t('audit.filters.outcome')}
            options={OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(t, o) }))}
            placeholder={t('audit.filters.all_outcomes')}
          />
          <DateField {...form.field('from')} label={t('audit.filters.from')} />
          <DateField {...form.field('to')} label={t('audit.filters.to')} />
        </div>
        <ButtonRow>
          <Button type="submit">{t('audit.filters.apply')}</Button>
          {filtered && (
            <Button variant="quiet" onClick={clear}>
              {t('audit.filters.clear')}
            </Button>
          )}
        </ButtonRow>
      </form>
      <section aria-labelledby="audit-results" className="results">
        <h2 id="audit-results" className="visually-hidden">
          {t('audit.results')}
        </h2>
        {log.isPending ? (
          <Skeleton shape="rows" lines={8} heading={false} />
        ) : log.error && entries.length === 0 ? (
          <LoadError error={log.error} onRetry={() => void log.refetch()} />
        ) : entries.length === 0 ? (
          <EmptyState title={filtered ? t('audit.empty_filtered') : t('audit.empty')} />
        ) : (
          <>
            <DataTable caption={t('audit.results')} columns={columns} rows={entries} rowKey={(e) => e.id} />
            {log.error && <LoadError error={log.error} />}
            {log.hasNextPage ? (
              <ButtonRow>
                <Button variant="secondary" busy={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
                  {t('audit.load_more')}
                </Button>
              </ButtonRow>
            ) : (
              <p className="muted small">{t('audit.end')}</p>
            )}
          </>
        )}
      </section>
    </>
  );
}
