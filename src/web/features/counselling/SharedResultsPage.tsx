import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CareStep } from '../../../domain/assessments/next-step.js';
import { useApiMutation } from '../../api/mutation.js';
import { Badge, type BadgeTone } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { isApiError } from '../../api/client.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import {
  instrumentQuery,
  useInstrumentAbbreviations,
  type InstrumentDefinitionView,
} from '../../api/instruments.api.js';
import { absBandLabel, band4Label, bandPhrase, subscaleLabel } from '../../lib/assessment-labels.js';
import {
  actOnCrisisRequest,
  crisisRequestsKey,
  sharedResultQuery,
  sharedResultsQuery,
  type SharedResultList,
  type SharedResultView,
} from '../../api/counselling.api.js';
import './counselling.css';

type SharedItem = SharedResultList['items'][number];

/** The tone of a result by the care step its band points to: one scale for every instrument. */
const STEP_TONE: Record<CareStep, BadgeTone> = {
  self_care: 'success',
  talk: 'info',
  primary_care: 'warning',
  specialist: 'danger',
  urgent: 'danger',
};

/** The band in words with its tone, a crisis answer, and "new" until this counsellor opens it. */
function TriageFlags({ item, showNew = true }: { item: SharedItem; showNew?: boolean }) {
  const { t } = useT();
  return (
    <span className="shared-list__flags">
      {item.crisis && <Badge tone="danger">{t('counselling.shared.crisis_flag')}</Badge>}
      <Badge tone={item.careStep ? STEP_TONE[item.careStep] : 'neutral'}>
        {item.instrumentId === 'cbi'
          ? t('instrument_labels.cbi_title')
          : item.band
            ? bandPhrase(t, item.instrumentId, item.band)
            : t('counselling.shared.no_band')}
      </Badge>
      {showNew && item.isNew && (
        <Badge tone="info">
          {t('counselling.shared.new')}
          <span className="visually-hidden"> ({t('counselling.shared.new_hint')})</span>
        </Badge>
      )}
    </span>
  );
}

/** /counselling/shared — results people chose to share with me, most urgent first. */
export function SharedResultsPage() {
  const { t, locale } = useT();
  const abbreviation = useInstrumentAbbreviations(locale);
  const fmt = useFormat();
  const shared = useQuery(sharedResultsQuery);
  const columns: Column<SharedItem>[] = [
    {
      key: 'person',
      header: t('counselling.shared.columns.person'),
      primary: true,
      cell: (s) => <Link to={`/counselling/shared/${s.shareId}`}>{s.person.fullName}</Link>,
    },
    { key: 'result', header: t('counselling.shared.result_column'), cell: (s) => <TriageFlags item={s} /> },
    {
      key: 'instrument',
      header: t('counselling.shared.columns.instrument'),
      cell: (s) => abbreviation(s.instrumentId),
    },
    { key: 'unit', header: t('counselling.shared.columns.unit'), cell: (s) => s.person.unitName },
    { key: 'taken', header: t('counselling.shared.columns.taken'), cell: (s) => fmt.dateTime(s.resultCreatedAt) },
  ];
  return (
    <>
      <PageHeader title={t('counselling.shared.title')} lead={t('counselling.shared.lead')} />
      <p className="muted small">{t('counselling.shared.order_note')}</p>
      <QueryState query={shared} skeleton="rows" skeletonLines={5}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('counselling.shared.empty')} />
          ) : (
            <DataTable
              caption={t('counselling.shared.caption')}
              columns={columns}
              rows={data.items}
              rowKey={(s) => s.shareId}
            />
          )
        }
      </QueryState>
    </>
  );
}

function Answers({
  definition,
  answers,
}: {
  definition: InstrumentDefinitionView;
  answers: ReadonlyArray<number | null>;
}) {
  const { t } = useT();
  return (
    <table className="answers-table">
      <caption className="visually-hidden">{t('counselling.shared.answers_caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('counselling.shared.columns.number')}</th>
          <th scope="col">{t('counselling.shared.columns.item')}</th>
          <th scope="col">{t('counselling.shared.columns.answer')}</th>
        </tr>
      </thead>
      <tbody>
        {definition.items.map((item, i) => {
          const value = answers[i] ?? null;
          const option = item.options.find((o) => o.value === value);
          return (
            <tr
              key={item.number}
              className={item.crisis && value !== null && value > 0 ? 'answers-table__crisis' : undefined}
            >
              <th scope="row">{item.number}</th>
              <td>{item.text}</td>
              <td>
                {value === null ? (
                  <span className="muted">{t('counselling.shared.not_asked')}</span>
                ) : option ? (
                  `${option.label} (${option.value})`
                ) : (
                  String(value)
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function SharedResult({ data }: { data: SharedResultView }) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const definition = useQuery(instrumentQuery(data.result.instrumentId, locale));
  const r = data.result.result;
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/counselling/shared">{t('counselling.shared.title')}</Link>}
        title={data.person.fullName}
        lead={t('counselling.shared.detail_lead', { unit: data.person.unitName })}
      />
      <Alert tone="info" live={false}>
        <p>{t('counselling.shared.audited', { name: data.person.fullName })}</p>
      </Alert>
      <section className="card result-section" aria-labelledby="shared-result-title">
        <h2 id="shared-result-title">
          {definition.data?.abbreviation ?? data.result.instrumentId} · {fmt.dateTime(data.result.createdAt)}
        </h2>
        <p className="shared-result__band">
          {data.result.instrumentId === 'cbi'
            ? t('instrument_labels.cbi_title')
            : bandPhrase(t, data.result.instrumentId, r.band)}
        </p>
        {r.total !== null && (
          <p>
            {definition.data?.totalRange
              ? t('assessments.result.score_of', {
                  total: fmt.number(r.total),
                  min: fmt.number(definition.data.totalRange.min),
                  max: fmt.number(definition.data.totalRange.max),
                })
              : t('assessments.result.score', { total: fmt.number(r.total) })}
            {typeof r.percent === 'number' && (
              <> {t('assessments.result.percent', { percent: fmt.number(r.percent) })}</>
            )}
          </p>
        )}
        {r.bandAbs && <p>{t('assessments.result.k10_abs', { band: absBandLabel(t, r.bandAbs) })}</p>}
        {r.subscales && (
          <ul>
            {Object.entries(r.subscales).map(([name, s]) => (
              <li key={name}>
                {subscaleLabel(t, name)}:{' '}
                {s
                  ? `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(s.score)} — ${band4Label(t, s.band4)}`
                  : t('common.none')}
              </li>
            ))}
          </ul>
        )}
        {r.crisis && (
          <Alert tone="warning" live={false}>
            <p>{t('counselling.shared.crisis')}</p>
          </Alert>
        )}
        <p className="muted small">{t('assessments.result.not_diagnosis_title')}</p>
      </section>
      <div className="shared-result-layout">
        <section className="card result-section" aria-labelledby="answers-title">
          <h2 id="answers-title">{t('counselling.shared.answers_title')}</h2>
          <QueryState query={definition} skeleton="rows" skeletonLines={9}>
            {(d) => <Answers definition={d} answers={data.answers} />}
          </QueryState>
        </section>
        <div className="shared-related">
          <Requests data={data} />
          <Earlier data={data} />
        </div>
      </div>
    </>
  );
}

/** The person's requests for help in my units, with the contact action of the urgent queue. */
function Requests({ data }: { data: SharedResultView }) {
  const { t } = useT();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<{ id: string; action: 'acknowledge' | 'close' } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const act = useApiMutation((v: { id: string; action: 'acknowledge' | 'close' }, key) =>
    actOnCrisisRequest(v.id, v.action, key),
  );
  const name = data.person.fullName;
  return (
    <section className="card" aria-labelledby="requests-title">
      <h2 id="requests-title">{t('counselling.shared.requests_title')}</h2>
      <p className="muted small">{t('counselling.shared.requests_lead')}</p>
      {notice && <Alert tone="success">{notice}</Alert>}
      {data.requests.length === 0 ? (
        <p>{t('counselling.shared.requests_empty')}</p>
      ) : (
        <ul className="shared-related__list">
          {data.requests.map((r) => (
            <li key={r.id}>
              <Badge tone={r.status === 'open' ? 'danger' : r.status === 'acknowledged' ? 'warning' : 'neutral'}>
                {t(`counselling.urgent.status.${r.status}`)}
              </Badge>{' '}
              {t('counselling.shared.request_line', {
                date: fmt.dateTime(r.createdAt),
                source: t(`counselling.urgent.source.${r.source}`),
              })}
              {r.status !== 'closed' && (
                <div className="button-row">
                  {r.status === 'open' && (
                    <Button size="small" onClick={() => setPending({ id: r.id, action: 'acknowledge' })}>
                      {t('counselling.urgent.acknowledge')}
                    </Button>
                  )}
                  <Button size="small" variant="secondary" onClick={() => setPending({ id: r.id, action: 'close' })}>
                    {t('counselling.urgent.close')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/counselling/urgent">{t('counselling.shared.open_queue')}</Link>
      </p>
      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.action === 'close'
            ? t('counselling.urgent.close_title', { name })
            : t('counselling.urgent.acknowledge_title', { name })
        }
        confirmLabel={pending?.action === 'close' ? t('counselling.urgent.close') : t('counselling.urgent.acknowledge')}
        busy={act.isPending}
        error={act.error?.message ?? null}
        onCancel={() => {
          act.reset();
          setPending(null);
        }}
        onConfirm={() =>
          pending &&
          act.mutate(pending, {
            onSuccess: async () => {
              setNotice(
                pending.action === 'close'
                  ? t('counselling.urgent.closed_notice')
                  : t('counselling.urgent.acknowledged_notice'),
              );
              setPending(null);
              await queryClient.invalidateQueries({ queryKey: crisisRequestsKey });
              await queryClient.invalidateQueries({ queryKey: sharedResultQuery(data.shareId).queryKey });
            },
          })
        }
      >
        <p>
          {pending?.action === 'close' ? t('counselling.urgent.close_body') : t('counselling.urgent.acknowledge_body')}
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** The person's other results shared with me, most urgent first. */
function Earlier({ data }: { data: SharedResultView }) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const abbreviation = useInstrumentAbbreviations(locale);
  return (
    <section className="card" aria-labelledby="earlier-title">
      <h2 id="earlier-title">{t('counselling.shared.earlier_title')}</h2>
      {data.earlier.length === 0 ? (
        <p>{t('counselling.shared.earlier_empty')}</p>
      ) : (
        <ul className="shared-related__list">
          {data.earlier.map((e) => (
            <li key={e.shareId}>
              <Link to={`/counselling/shared/${e.shareId}`}>
                {abbreviation(e.instrumentId)} · {fmt.dateTime(e.resultCreatedAt)}
              </Link>
              <TriageFlags item={e} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** /counselling/shared/:shareId — one shared result with the answers to each item; the read is audited. */
export function SharedResultPage() {
  const { t } = useT();
  const { shareId = '' } = useParams();
  const result = useQuery(sharedResultQuery(shareId));
  if (result.error && isApiError(result.error) && (result.error.status === 404 || result.error.status === 403)) {
    return (
      <>
        <PageHeader title={t('counselling.shared.gone_title')} lead={t('counselling.shared.gone_lead')} />
        <p>
          <Link to="/counselling/shared">{t('counselling.shared.title')}</Link>
        </p>
      </>
    );
  }
  return (
    <QueryState query={result} skeletonLines={6}>
      {(data) => <SharedResult data={data} />}
    </QueryState>
  );
}
