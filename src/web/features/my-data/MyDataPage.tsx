import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { CORRECTABLE_FIELDS, correctionBody } from '../../../contracts/my-data.js';
import { INSTRUMENTS } from '../../../domain/instruments/catalog.js';
import type { InstrumentId } from '../../../domain/instruments/types.js';
import { isApiError } from '../../api/client.js';
import { useApiMutation } from '../../api/mutation.js';
import { useFormat } from '../../lib/use-format.js';
import { CONSENT_TEXT_VERSIONS, consentTextPath } from '../../lib/consent-texts.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button, ButtonRow } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Select, TextArea, TextField } from '../../components/fields.js';
import { useForm } from '../../components/form.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT, type TranslateFn } from '../../i18n.js';
import { draftsQuery, resultsKey, resultsQuery, type ResultSummary } from '../../api/assessments.api.js';
import {
  erase,
  grantConsent,
  MY_DATA_PATHS,
  myDataQuery,
  requestCorrection,
  withdrawConsent,
  type DataRequest,
  type ErasureView,
  type MyDataView,
  type PurposeView,
} from '../../api/my-data.api.js';
import { KeyValueList } from '../../components/KeyValueList.js';
import { safetyPlanQuery } from '../../api/safety-plan.api.js';

const errorText = (t: TranslateFn, err: unknown) => (isApiError(err) ? err.message : t('common.errors.unexpected'));

function Section({ id, title, lead, children }: { id: string; title: string; lead?: string; children: ReactNode }) {
  return (
    <section className="card my-data-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {lead && <p className="muted">{lead}</p>}
      {children}
    </section>
  );
}

/** What is kept (counts) and the two downloads. */
function Holdings({ data }: { data: MyDataView }) {
  const { t } = useT();
  const h = data.holdings;
  const rows: Array<[string, string]> = [
    [t('my_data.holdings.results'), String(h.results)],
    [t('my_data.holdings.drafts'), String(h.drafts)],
    [t('my_data.holdings.safety_plan'), h.safetyPlan ? t('my_data.holdings.yes') : t('my_data.holdings.no')],
    [t('my_data.holdings.shares'), String(h.activeShares)],
    [t('my_data.holdings.open_help'), String(h.openHelpRequests)],
    [t('my_data.holdings.closed_help'), String(h.closedHelpRequests)],
    [t('my_data.holdings.check_ins'), String(h.checkIns)],
    [t('my_data.holdings.everyday'), String(h.everyday)],
    [t('my_data.holdings.appointments'), String(h.appointments)],
    [t('my_data.holdings.referrals'), String(h.referrals)],
    [t('my_data.holdings.peer_groups'), String(h.peerGroups)],
    [t('my_data.holdings.return_plans'), String(h.returnPlans)],
  ];
  return (
    <Section id="my-data-holdings" title={t('my_data.holdings.title')}>
      <KeyValueList rows={rows} />
      <p className="muted small">{t('my_data.holdings.also')}</p>
      <h3>{t('my_data.export.title')}</h3>
      <p>{t('my_data.export.lead')}</p>
      <ButtonRow>
        <a id="my-data-export-json" className="btn btn--secondary" href={MY_DATA_PATHS.exportJson} download>
          {t('my_data.export.json')}
        </a>
        <a id="my-data-export-html" className="btn btn--secondary" href={MY_DATA_PATHS.exportHtml} download>
          {t('my_data.export.html')}
        </a>
      </ButtonRow>
      <p className="muted small">{t('my_data.export.audited')}</p>
    </Section>
  );
}

/** A consent version in words with the date of its text, linked to the exact words. */
function ConsentVersion({ version, plain }: { version: string; plain?: boolean }) {
  const { t } = useT();
  const text = CONSENT_TEXT_VERSIONS[version];
  if (!text) return null;
  const name = t('my_data.consent_texts.named', { name: t(text.name), number: text.number });
  return plain ? <>{name}</> : <Link to={consentTextPath(version)}>{name}</Link>;
}

/** One purpose: what it is, the text agreed and when, what a withdrawal stops, and the buttons. */
function Purpose({
  purpose,
  onChanged,
}: {
  purpose: PurposeView;
  onChanged: (view: MyDataView, message: string) => void;
}) {
  const { t } = useT();
  const fmt = useFormat();
  const [asking, setAsking] = useState<'withdraw' | 'grant' | null>(null);
  const withdraw = useApiMutation<MyDataView>((_, key) => withdrawConsent(purpose.purpose, key));
  const grant = useApiMutation<MyDataView>((_, key) => grantConsent(purpose.purpose, purpose.grantVersion ?? '', key));
  const mutation = asking === 'grant' ? grant : withdraw;
  const base = `my_data.purposes.${purpose.purpose}` as const;
  const latest = purpose.records[0];
  const recordLabel = (r: PurposeView['records'][number]) =>
    r.counsellorName
      ? t('my_data.purposes.share_record', { name: r.counsellorName })
      : t(`my_data.purposes.${r.recordPurpose}.record` as `${typeof base}.record`);
  const status = purpose.active
    ? purpose.chosen || purpose.records.length > 0
      ? t('my_data.purposes.active')
      : t('my_data.purposes.default_on')
    : t('my_data.purposes.withdrawn');
  const confirm = () =>
    mutation.mutate(undefined, {
      onSuccess: (view) => {
        setAsking(null);
        onChanged(view, asking === 'grant' ? t('my_data.purposes.granted_done') : t('my_data.purposes.withdrawn_done'));
      },
    });
  const canGrant = !purpose.active && purpose.grantVersion !== null;
  const headingId = `purpose-${purpose.purpose}`;
  return (
    <article className="my-data-purpose" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`${base}.title`)} <Badge tone={purpose.active ? 'success' : 'neutral'}>{status}</Badge>
      </h3>
      <p>{t(`${base}.what`)}</p>
      {latest ? (
        <p className="small">
          {latest.withdrawnAt
            ? t('my_data.purposes.agreed_withdrawn', {
                when: fmt.dateTime(latest.grantedAt),
                withdrawn: fmt.dateTime(latest.withdrawnAt),
              })
            : t('my_data.purposes.agreed', { when: fmt.dateTime(latest.grantedAt) })}{' '}
          <span className="muted">({recordLabel(latest)})</span> <ConsentVersion version={latest.textVersion} />
        </p>
      ) : (
        <p className="small muted">{t('my_data.purposes.no_records')}</p>
      )}
      {purpose.records.length > 1 && (
        <details className="small">
          <summary>{t('my_data.purposes.more_records', { count: purpose.records.length })}</summary>
          <ul>
            {purpose.records.map((r) => (
              <li key={r.id}>
                {recordLabel(r)} — <ConsentVersion version={r.textVersion} />, {fmt.dateTime(r.grantedAt)}
                {r.withdrawnAt && (
                  <>
                    {' '}
                    · {t('my_data.purposes.withdrawn')} {fmt.dateTime(r.withdrawnAt)}
                  </>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="small muted">{t(`${base}.stops`)}</p>
      {purpose.active && (purpose.grantVersion !== null || purpose.records.some((r) => r.withdrawnAt === null)) && (
        <Button variant="secondary" size="small" onClick={() => setAsking('withdraw')}>
          {t('my_data.purposes.withdraw')}
        </Button>
      )}
      {canGrant && (
        <Button variant="secondary" size="small" onClick={() => setAsking('grant')}>
          {t('my_data.purposes.grant')}
        </Button>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={
          asking === 'grant' ? t('my_data.purposes.confirm_grant_title') : t('my_data.purposes.confirm_withdraw_title')
        }
        confirmLabel={asking === 'grant' ? t('my_data.purposes.grant') : t('my_data.purposes.withdraw')}
        tone={asking === 'grant' ? 'primary' : 'danger'}
        busy={mutation.isPending}
        error={mutation.error ? errorText(t, mutation.error) : null}
        onConfirm={confirm}
        onCancel={() => {
          mutation.reset();
          setAsking(null);
        }}
      >
        {asking === 'grant' && purpose.purpose !== 'share_result' ? (
          <>
            <p>{t(`my_data.purposes.${purpose.purpose}.text`)}</p>
            {purpose.grantVersion && (
              <p className="muted small">
                <ConsentVersion version={purpose.grantVersion} plain />
              </p>
            )}
          </>
        ) : (
          <p>{t(`${base}.stops`)}</p>
        )}
      </ConfirmDialog>
    </article>
  );
}

function Consents({ data, onChanged }: { data: MyDataView; onChanged: (view: MyDataView, message: string) => void }) {
  const { t } = useT();
  const storeWithdrawn = data.purposes.some((p) => p.purpose === 'store_results' && !p.active);
  return (
    <Section id="my-data-consents" title={t('my_data.purposes.title')} lead={t('my_data.purposes.lead')}>
      {storeWithdrawn && data.holdings.results > 0 && (
        <Alert tone="info">{t('my_data.erase.offer_after_withdraw')}</Alert>
      )}
      <div className="stack">
        {data.purposes.map((p) => (
          <Purpose key={p.purpose} purpose={p} onChanged={onChanged} />
        ))}
      </div>
    </Section>
  );
}

/** Erase one result, or everything, each behind a confirmation that says what goes and what stays. */
function Erasure({ data, onErased }: { data: MyDataView; onErased: (view: ErasureView, one: boolean) => void }) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const results = useQuery(resultsQuery());
  const [target, setTarget] = useState<ResultSummary | 'all' | null>(null);
  const run = useApiMutation<ErasureView>(() =>
    erase(target === 'all' || target === null ? { scope: 'all' } : { scope: 'result', resultId: target.id }),
  );
  const name = (r: ResultSummary) => INSTRUMENTS[r.instrumentId as InstrumentId]?.name[locale] ?? r.instrumentId;
  const h = data.holdings;
  const nothing =
    h.results === 0 &&
    h.drafts === 0 &&
    !h.safetyPlan &&
    h.closedHelpRequests === 0 &&
    h.activeShares === 0 &&
    h.checkIns === 0 &&
    h.everyday === 0 &&
    h.appointments === 0 &&
    h.referrals === 0 &&
    h.peerGroups === 0 &&
    h.returnPlans === 0;
  const columns: Column<ResultSummary>[] = [
    { key: 'what', header: t('my_data.export.instrument'), primary: true, cell: (r) => name(r) },
    { key: 'when', header: t('my_data.export.created'), cell: (r) => fmt.dateTime(r.createdAt) },
    {
      key: 'erase',
      header: t('my_data.erase.erase_one'),
      cell: (r) => (
        <Button
          variant="secondary"
          size="small"
          onClick={() => setTarget(r)}
          aria-label={`${t('my_data.erase.erase_one')}: ${name(r)}, ${fmt.dateTime(r.createdAt)}`}
        >
          {t('my_data.erase.erase_one')}
        </Button>
      ),
    },
  ];
  return (
    <Section id="my-data-erase" title={t('my_data.erase.title')} lead={t('my_data.erase.lead')}>
      <h3>{t('my_data.erase.what_stays_title')}</h3>
      <p>{t('my_data.erase.what_stays')}</p>
      {h.openHelpRequests > 0 && (
        <Alert tone="info">{t('my_data.erase.open_help', { count: h.openHelpRequests })}</Alert>
      )}
      <h3>{t('my_data.erase.results_title')}</h3>
      <QueryState query={results} skeleton="rows" skeletonLines={4}>
        {(list) =>
          list.items.length === 0 ? (
            <EmptyState title={t('my_data.erase.no_results')} />
          ) : (
            <DataTable
              caption={t('my_data.erase.results_title')}
              columns={columns}
              rows={list.items}
              rowKey={(r) => r.id}
            />
          )
        }
      </QueryState>
      {nothing ? (
        <p className="muted">{t('my_data.erase.nothing')}</p>
      ) : (
        <Button id="my-data-erase-all" variant="danger" onClick={() => setTarget('all')}>
          {t('my_data.erase.erase_all')}
        </Button>
      )}
      <ConfirmDialog
        open={target !== null}
        title={target === 'all' ? t('my_data.erase.confirm_all_title') : t('my_data.erase.confirm_one_title')}
        confirmLabel={t('my_data.erase.confirm')}
        tone="danger"
        busy={run.isPending}
        error={run.error ? errorText(t, run.error) : null}
        onConfirm={() =>
          run.mutate(undefined, {
            onSuccess: (view) => {
              const one = target !== 'all';
              setTarget(null);
              onErased(view, one);
            },
          })
        }
        onCancel={() => {
          run.reset();
          setTarget(null);
        }}
      >
        <p>
          {target === 'all' || target === null
            ? t('my_data.erase.confirm_all')
            : t('my_data.erase.confirm_one', { instrument: name(target), when: fmt.dateTime(target.createdAt) })}
        </p>
        <p className="muted small">{t('my_data.erase.what_stays')}</p>
      </ConfirmDialog>
    </Section>
  );
}

function Correction({ onSent }: { onSent: (message: string) => void }) {
  const { t } = useT();
  const form = useForm('correction', { field: 'full_name', requestedValue: '', reason: '' });
  const send = useApiMutation<DataRequest, { field: string; requestedValue: string; reason: string }>((body, key) =>
    requestCorrection(
      {
        field: body.field as (typeof CORRECTABLE_FIELDS)[number],
        requestedValue: body.requestedValue,
        reason: body.reason || undefined,
      },
      key,
    ),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate(correctionBody, form.values);
    if (!body) return;
    send.mutate(form.values, {
      onSuccess: () => {
        form.reset();
        onSent(t('my_data.correction.sent'));
      },
      onError: (err) => form.showServerError(err),
    });
  };
  return (
    <Section id="my-data-correction" title={t('my_data.correction.title')} lead={t('my_data.correction.lead')}>
      <p>
        <Link to="/profile">{t('profile.title')}</Link>
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <FormErrorSummary
          {...form.summary}
          labels={{
            field: t('my_data.correction.field'),
            requestedValue: t('my_data.correction.value'),
            reason: t('my_data.correction.reason'),
          }}
        />
        <Select
          {...form.field('field')}
          label={t('my_data.correction.field')}
          options={CORRECTABLE_FIELDS.map((f) => ({ value: f, label: t(`my_data.correction.fields.${f}`) }))}
        />
        <TextField {...form.field('requestedValue')} label={t('my_data.correction.value')} maxLength={200} />
        <TextArea {...form.field('reason')} label={t('my_data.correction.reason')} optional rows={3} maxLength={500} />
        <Button type="submit" variant="secondary" busy={send.isPending}>
          {t('my_data.correction.submit')}
        </Button>
      </form>
    </Section>
  );
}

function Requests({ data }: { data: MyDataView }) {
  const { t } = useT();
  const fmt = useFormat();
  const detail = (r: DataRequest) => {
    const d = r.details ?? {};
    if (r.kind === 'erasure' && typeof d.scope === 'string') return t(`my_data.requests.scopes.${d.scope as 'all'}`);
    if ((r.kind === 'consent_withdrawal' || r.kind === 'consent_grant') && typeof d.purpose === 'string')
      return t(`my_data.purposes.${d.purpose as 'store_results'}.title`);
    if (r.kind === 'correction' && typeof d.field === 'string')
      return `${t(`my_data.correction.fields.${d.field as 'nip'}`)}: ${String(d.requestedValue ?? '')}${r.resolutionNote ? ` — ${r.resolutionNote}` : ''}`;
    if (r.kind === 'export' && typeof d.format === 'string') return d.format.toUpperCase();
    return '';
  };
  const columns: Column<DataRequest>[] = [
    { key: 'when', header: t('my_data.requests.columns.when'), primary: true, cell: (r) => fmt.dateTime(r.createdAt) },
    { key: 'kind', header: t('my_data.requests.columns.kind'), cell: (r) => t(`my_data.requests.kinds.${r.kind}`) },
    { key: 'detail', header: t('my_data.requests.columns.detail'), cell: detail },
    {
      key: 'status',
      header: t('my_data.requests.columns.status'),
      cell: (r) => t(`my_data.requests.status.${r.status}`),
    },
  ];
  return (
    <Section id="my-data-requests" title={t('my_data.requests.title')} lead={t('my_data.requests.lead')}>
      {data.requests.length === 0 ? (
        <EmptyState title={t('my_data.requests.empty')} />
      ) : (
        <DataTable
          caption={t('my_data.requests.caption')}
          columns={columns}
          rows={data.requests}
          rowKey={(r) => r.id}
        />
      )}
    </Section>
  );
}

/**
 * /me/data — the person's own data rights (UU PDP art. 5–9, 13, 14, 22, 32): what is kept, a
 * copy of everything, consent per purpose, erasure of health data, corrections, and every request
 * on record. Only the person reaches it; the server has no route for anyone else's data.
 */
export function MyDataPage() {
  const { t } = useT();
  const queryClient = useQueryClient();
  const overview = useQuery(myDataQuery);
  const [notice, setNotice] = useState<string | null>(null);

  const announce = (message: string) => {
    setNotice(message);
    window.setTimeout(() => document.getElementById('my-data-notice')?.focus(), 0);
  };
  const changed = (view: MyDataView, message: string) => {
    queryClient.setQueryData(myDataQuery.queryKey, view);
    announce(message);
  };
  const erased = (view: ErasureView, one: boolean) => {
    void queryClient.invalidateQueries({ queryKey: resultsKey });
    void queryClient.invalidateQueries({ queryKey: safetyPlanQuery.queryKey });
    void queryClient.invalidateQueries({ queryKey: draftsQuery.queryKey });
    void overview.refetch();
    const e = view.erased;
    announce(
      one
        ? t('my_data.erase.done_one')
        : t('my_data.erase.done', {
            results: e.results,
            drafts: e.drafts,
            plans: e.safetyPlan,
            help: e.closedHelpRequests,
            checkIns: e.checkIns,
            everyday: e.everyday,
            appointments: e.appointments,
            referrals: e.referrals,
            peerGroups: e.peerGroups,
            returnPlans: e.returnPlans,
          }),
    );
  };

  return (
    <>
      <PageHeader
        eyebrow={<Link to="/profile">{t('profile.title')}</Link>}
        title={t('my_data.page.title')}
        lead={t('my_data.page.lead')}
      />
      <p>
        <Link to="/profile/privacy">{t('my_data.page.privacy_link')}</Link>
      </p>
      {notice && (
        <div id="my-data-notice" tabIndex={-1}>
          <Alert tone="success">{notice}</Alert>
        </div>
      )}
      <QueryState query={overview} loadingLabel={t('my_data.page.loading')}>
        {(data) => (
          <div className="stack my-data-page">
            <Holdings data={data} />
            <Consents data={data} onChanged={changed} />
            <Erasure data={data} onErased={erased} />
            <Correction
              onSent={(message) => {
                void overview.refetch();
                announce(message);
              }}
            />
            <Requests data={data} />
          </div>
        )}
      </QueryState>
    </>
  );
}
