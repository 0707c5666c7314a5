import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { CONSENT_KINDS, consentTextKey, type ConsentKind } from '../../../domain/consent/consent.js';
import {
  consentKeys,
  counsellingAccessLogQuery,
  grantConsent,
  grantOptionsQuery,
  myConsentsQuery,
  revokeConsent,
  type ConsentView,
  type GrantOptions,
} from '../../api/consent.api.js';
import { useApiMutation } from '../../api/mutation.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { LoadError, QueryState } from '../../components/QueryState.js';
import { Skeleton } from '../../components/Skeleton.js';
import { Toast, useToast } from '../../components/Toast.js';
import { Checkbox, RadioGroup, Select } from '../../components/fields.js';
import { PageColumns, PageContent } from '../../components/layout/PageLayout.js';
import { useT, type MessageKey } from '../../i18n.js';
import { useFormat } from '../../lib/use-format.js';
import './consent.css';

/**
 * /profile/privacy/counselling — the client's permissions to their counsellors, in plain words
 * (docs/decisions/042-counselling-consent.md): those in force with "Cabut", giving a new one after
 * reading its text, the whole history, and who opened their counselling data.
 */
export function ConsentPage() {
  const { t } = useT();
  const toast = useToast();
  return (
    <PageContent>
      <PageHeader
        eyebrow={<Link to="/profile/privacy">{t('consent.back_to_privacy')}</Link>}
        title={t('consent.title')}
        lead={t('consent.lead')}
      />
      <Toast message={toast.message} onDismiss={toast.dismiss} />
      <PageColumns aside={<AccessLog />}>
        <div className="stack">
          <ActiveConsents onDone={toast.show} />
          <GrantForm onDone={toast.show} />
          <History />
        </div>
      </PageColumns>
    </PageContent>
  );
}

function ActiveConsents({ onDone }: { onDone: (m: string) => void }) {
  const { t } = useT();
  const consents = useQuery(myConsentsQuery);
  return (
    <section className="consent-section" aria-labelledby="consent-active">
      <h2 id="consent-active">{t('consent.active.title')}</h2>
      <QueryState query={consents} skeleton="cards" skeletonLines={2}>
        {(data) => {
          const active = data.items.filter((c) => c.status === 'active');
          if (active.length === 0)
            return (
              <EmptyState title={t('consent.active.empty')}>
                <p>{t('consent.active.empty_hint')}</p>
              </EmptyState>
            );
          return (
            <ul className="consent-list">
              {active.map((c) => (
                <ActiveConsent key={c.id} consent={c} onDone={onDone} />
              ))}
            </ul>
          );
        }}
      </QueryState>
    </section>
  );
}

function ActiveConsent({ consent: c, onDone }: { consent: ConsentView; onDone: (m: string) => void }) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const kind = t(`consent.kinds.${c.kind}`);
  const revoke = useApiMutation(() => revokeConsent(c.id), {
    onSuccess: () => {
      setConfirming(false);
      onDone(t('consent.active.revoked', { name: c.counsellor.fullName }));
      void queryClient.invalidateQueries({ queryKey: consentKeys.all });
    },
  });
  return (
    <li className="consent-card">
      <p className="consent-card__kind">{kind}</p>
      <p>{t('consent.active.to', { name: c.counsellor.fullName })}</p>
      {c.recipient && <p>{t('consent.active.transfer_to', { name: c.recipient.fullName })}</p>}
      <p className="muted small">{t('consent.active.until', { date: fmt.date(c.expiresAt) })}</p>
      <Button
        variant="danger"
        size="small"
        onClick={() => setConfirming(true)}
        aria-label={t('consent.active.revoke_named', { name: c.counsellor.fullName, kind })}
      >
        {t('consent.active.revoke')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('consent.active.confirm_title')}
        confirmLabel={t('consent.active.confirm')}
        cancelLabel={t('consent.active.cancel')}
        tone="danger"
        busy={revoke.isPending}
        error={revoke.error?.message}
        onConfirm={() => revoke.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('consent.active.confirm_body', { name: c.counsellor.fullName, kind })}</p>
      </ConfirmDialog>
    </li>
  );
}

function GrantForm({ onDone }: { onDone: (m: string) => void }) {
  const { t } = useT();
  const options = useQuery(grantOptionsQuery);
  return (
    <section className="consent-section" aria-labelledby="consent-grant">
      <h2 id="consent-grant">{t('consent.grant.title')}</h2>
      <p className="muted">{t('consent.grant.lead')}</p>
      <QueryState query={options} skeleton="form" skeletonLines={4}>
        {(data) =>
          data.counsellors.length === 0 ? (
            <EmptyState
              title={t('consent.grant.no_counsellors')}
              action={
                <Link className="btn btn--primary" to="/counselling/book">
                  {t('consent.grant.book')}
                </Link>
              }
            >
              <p>{t('consent.grant.no_counsellors_hint')}</p>
            </EmptyState>
          ) : (
            <Grant options={data} onDone={onDone} />
          )
        }
      </QueryState>
    </section>
  );
}

function Grant({ options, onDone }: { options: GrantOptions; onDone: (m: string) => void }) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [counsellorId, setCounsellorId] = useState(options.counsellors.length === 1 ? options.counsellors[0]!.id : '');
  const [kind, setKind] = useState<ConsentKind>('shared_results');
  const [recipientId, setRecipientId] = useState('');
  const [months, setMonths] = useState(String(options.defaultMonths));
  const [agreed, setAgreed] = useState(false);
  const [missing, setMissing] = useState(false);
  const version = options.versions[kind] ?? '';
  const recipients = options.recipients.filter((r) => r.id !== counsellorId);
  const name = options.counsellors.find((c) => c.id === counsellorId)?.fullName ?? '';
  const grant = useApiMutation((body: Parameters<typeof grantConsent>[0], key: string) => grantConsent(body, key), {
    onSuccess: () => {
      setAgreed(false);
      setMissing(false);
      onDone(t('consent.grant.granted', { name }));
      void queryClient.invalidateQueries({ queryKey: consentKeys.all });
    },
  });
  const until = (m: number) => {
    const d = new Date();
    d.setMonth(d.getMonth() + m);
    return fmt.date(d.toISOString());
  };
  const needsRecipient = kind === 'notes_transfer';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!counsellorId || !agreed || (needsRecipient && !recipientId)) {
      setMissing(true);
      return;
    }
    grant.mutate({
      counsellorId,
      kind,
      months: Number(months),
      recipientId: needsRecipient ? recipientId : null,
      textVersion: version,
      locale,
    });
  };
  const required = t('validation.required');
  return (
    <form className="consent-form card" onSubmit={submit} noValidate>
      <Select
        id="consent-counsellor"
        label={t('consent.grant.counsellor')}
        value={counsellorId}
        onChange={setCounsellorId}
        placeholder={t('consent.grant.choose_counsellor')}
        options={options.counsellors.map((c) => ({ value: c.id, label: c.fullName }))}
        error={missing && !counsellorId ? required : undefined}
      />
      <RadioGroup
        id="consent-kind"
        name="consent-kind"
        legend={t('consent.grant.kind')}
        value={kind}
        onChange={(v) => {
          setKind(v as ConsentKind);
          setAgreed(false);
        }}
        options={CONSENT_KINDS.map((k) => ({
          value: k,
          label: t(`consent.kinds.${k}`),
          hint: t(`consent.kind_hints.${k}`),
        }))}
      />
      {needsRecipient &&
        (recipients.length === 0 ? (
          <Alert tone="info" live={false}>
            {t('consent.grant.no_recipients')}
          </Alert>
        ) : (
          <Select
            id="consent-recipient"
            label={t('consent.grant.recipient')}
            value={recipientId}
            onChange={setRecipientId}
            placeholder={t('consent.grant.choose_recipient')}
            options={recipients.map((r) => ({ value: r.id, label: r.fullName }))}
            error={missing && !recipientId ? required : undefined}
          />
        ))}
      <div className="consent-text" role="group" aria-labelledby="consent-text-title">
        <h3 id="consent-text-title">{t('consent.grant.text_title')}</h3>
        <p>{t(`consent.${consentTextKey(version)}` as MessageKey)}</p>
      </div>
      <RadioGroup
        id="consent-period"
        name="consent-period"
        legend={t('consent.grant.period')}
        value={months}
        onChange={setMonths}
        inline
        options={options.periods.map((m) => ({
          value: String(m),
          label: t('consent.grant.months', { count: m }),
          hint: until(m),
        }))}
      />
      <Checkbox
        id="consent-agree"
        label={t('consent.grant.agree')}
        checked={agreed}
        onChange={setAgreed}
        error={missing && !agreed ? required : undefined}
      />
      {grant.error && <Alert tone="error">{grant.error.message}</Alert>}
      <Button type="submit" busy={grant.isPending}>
        {t('consent.grant.submit')}
      </Button>
    </form>
  );
}

function History() {
  const { t } = useT();
  const fmt = useFormat();
  const consents = useQuery(myConsentsQuery);
  const columns: Column<ConsentView>[] = [
    {
      key: 'what',
      header: t('consent.history.columns.what'),
      primary: true,
      cell: (c) => t(`consent.kinds.${c.kind}`),
    },
    {
      key: 'counsellor',
      header: t('consent.history.columns.counsellor'),
      cell: (c) => (c.recipient ? `${c.counsellor.fullName} → ${c.recipient.fullName}` : c.counsellor.fullName),
    },
    { key: 'granted', header: t('consent.history.columns.granted'), cell: (c) => fmt.date(c.grantedAt) },
    {
      key: 'status',
      header: t('consent.history.columns.status'),
      cell: (c) => (
        <Badge tone={c.status === 'active' ? 'success' : 'neutral'}>
          {t(`consent.history.status.${c.status}`, {
            date: fmt.date(c.status === 'revoked' && c.revokedAt ? c.revokedAt : c.expiresAt),
          })}
        </Badge>
      ),
    },
    {
      key: 'version',
      header: t('consent.history.columns.version'),
      // The version in words ("Versi 1"); its id is for the record, not for people.
      cell: (c) => t('consent.history.version', { number: /\.v(\d+)$/.exec(c.textVersion)?.[1] ?? '?' }),
    },
  ];
  return (
    <section className="consent-section" aria-labelledby="consent-history">
      <h2 id="consent-history">{t('consent.history.title')}</h2>
      <p className="muted">{t('consent.history.lead')}</p>
      <QueryState query={consents} skeleton="rows" skeletonLines={3}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('consent.history.empty')} />
          ) : (
            <DataTable
              caption={t('consent.history.caption')}
              columns={columns}
              rows={data.items}
              rowKey={(c) => c.id}
            />
          )
        }
      </QueryState>
    </section>
  );
}

const ACTION_KEYS = {
  'timeline.viewed': 'consent.access.actions.timeline_viewed',
  'assessment.shared_result_viewed': 'consent.access.actions.shared_result_viewed',
  'booking.appointments_viewed': 'consent.access.actions.appointments_viewed',
  'booking.caseload_viewed': 'consent.access.actions.caseload_viewed',
} as const;

function AccessLog() {
  const { t } = useT();
  const fmt = useFormat();
  const log = useInfiniteQuery(counsellingAccessLogQuery);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  const what = (action: string, from?: { fullName: string }) =>
    // A read of notes handed over names their author too (docs/decisions/050-notes-transfer.md).
    action === 'note.transfer_viewed' && from
      ? t('consent.access.actions.notes_transfer', { from: from.fullName || t('consent.access.someone') })
      : action in ACTION_KEYS
        ? t(ACTION_KEYS[action as keyof typeof ACTION_KEYS])
        : action.startsWith('note.')
          ? t('consent.access.actions.notes')
          : t('consent.access.actions.other');
  return (
    <section className="consent-section consent-access" aria-labelledby="consent-access">
      <h2 id="consent-access">{t('consent.access.title')}</h2>
      <p className="muted small">{t('consent.access.lead')}</p>
      {log.isPending ? (
        <Skeleton shape="rows" lines={3} heading={false} />
      ) : log.error ? (
        <LoadError error={log.error} onRetry={() => void log.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('consent.access.empty')} />
      ) : (
        <>
          <ol className="access-list">
            {items.map((e) => (
              <li key={e.id}>
                <p>
                  {t('consent.access.entry', {
                    name: e.actor?.fullName || t('consent.access.someone'),
                    what: what(e.action, e.from),
                  })}
                </p>
                <p className="muted small">
                  {e.count > 1
                    ? t('consent.access.times', {
                        count: e.count,
                        from: fmt.dateTime(e.firstAt),
                        to: fmt.dateTime(e.occurredAt),
                      })
                    : fmt.dateTime(e.occurredAt)}
                </p>
              </li>
            ))}
          </ol>
          {log.hasNextPage && (
            <Button variant="secondary" busy={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
              {t('consent.access.more')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
