import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
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
  sharedResultQuery,
  sharedResultsQuery,
  type SharedResultList,
  type SharedResultView,
} from '../../api/counselling.api.js';
import './counselling.css';

type SharedItem = SharedResultList['items'][number];

/** /counselling/shared — results people chose to share with me. */
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
    { key: 'unit', header: t('counselling.shared.columns.unit'), cell: (s) => s.person.unitName },
    {
      key: 'instrument',
      header: t('counselling.shared.columns.instrument'),
      cell: (s) => abbreviation(s.instrumentId),
    },
    { key: 'taken', header: t('counselling.shared.columns.taken'), cell: (s) => fmt.dateTime(s.resultCreatedAt) },
    { key: 'shared', header: t('counselling.shared.columns.shared'), cell: (s) => fmt.dateTime(s.grantedAt) },
  ];
  return (
    <>
      <PageHeader title={t('counselling.shared.title')} lead={t('counselling.shared.lead')} />
      <QueryState query={shared}>
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
            ? t('assessments.result.cbi_title')
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
      <section className="card result-section" aria-labelledby="answers-title">
        <h2 id="answers-title">{t('counselling.shared.answers_title')}</h2>
        <QueryState query={definition}>{(d) => <Answers definition={d} answers={data.answers} />}</QueryState>
      </section>
    </>
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
  return <QueryState query={result}>{(data) => <SharedResult data={data} />}</QueryState>;
}
