import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { CBI_SUBSCALES } from '../../../domain/instruments/definitions/cbi.js';
import { isInstrumentId, type InstrumentId } from '../../../domain/instruments/types.js';
import { NotFoundPage } from '../../components/layout/ErrorPages.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT, type TranslateFn } from '../../i18n.js';
import { ASSESSMENT_PATHS, resultsQuery, type ResultSummary } from '../../api/assessments.api.js';
import { instrumentQuery, type InstrumentDefinitionView } from '../../api/instruments.api.js';
import { bandPhrase, subscaleLabel } from '../../lib/assessment-labels.js';
import { TrendChart, type TrendSeries } from './TrendChart.js';
import './assessments.css';

function oneDecimal(value: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

function direction(t: TranslateFn, previous: number | undefined, latest: number): string {
  if (previous === undefined) return '';
  if (Math.abs(latest - previous) < 1e-4) return t('assessments.history.same');
  return latest > previous ? t('assessments.history.up') : t('assessments.history.down');
}

/** The series to draw, oldest first: totals, or the CBI's three sub-scales. */
function seriesOf(t: TranslateFn, instrumentId: InstrumentId, items: readonly ResultSummary[]): TrendSeries[] {
  const oldestFirst = [...items].reverse();
  if (instrumentId === 'cbi') {
    return CBI_SUBSCALES.map((name) => ({
      key: name,
      label: subscaleLabel(t, name),
      points: oldestFirst.flatMap((r) => {
        const s = r.result.subscales?.[name];
        return s ? [{ at: r.createdAt, value: s.score }] : [];
      }),
    })).filter((s) => s.points.length > 0);
  }
  return [
    {
      key: 'total',
      label: t('assessments.history.total'),
      points: oldestFirst.flatMap((r) => (r.result.total === null ? [] : [{ at: r.createdAt, value: r.result.total }])),
    },
  ];
}

function History({
  instrumentId,
  definition,
  items,
}: {
  instrumentId: InstrumentId;
  definition: InstrumentDefinitionView;
  items: readonly ResultSummary[];
}) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const series = seriesOf(t, instrumentId, items);
  const isCbi = instrumentId === 'cbi';
  const value = (v: number) => (isCbi ? oneDecimal(v, locale) : fmt.number(v));
  const range = isCbi ? { min: 0, max: 100 } : definition.totalRange;
  const bands = isCbi
    ? [
        { code: 'low', min: 0, max: 50 },
        { code: 'high', min: 50, max: 100 },
      ]
    : definition.bands;

  const summary = (() => {
    const all = series.flatMap((s) => s.points);
    if (all.length === 0) return '';
    const dates = all.map((p) => p.at).sort();
    const head = t('assessments.history.summary_head', {
      name: definition.abbreviation,
      count: items.length,
      from: fmt.date(dates[0] ?? ''),
      to: fmt.date(dates[dates.length - 1] ?? ''),
    });
    const parts = series.map((s) => {
      const latest = s.points[s.points.length - 1];
      const previous = s.points[s.points.length - 2];
      if (!latest) return '';
      return t('assessments.history.summary_series', {
        series: s.label,
        latest: value(latest.value),
        change: direction(t, previous?.value, latest.value),
      });
    });
    return [head, ...parts].join(' ');
  })();

  const columns: Column<ResultSummary>[] = [
    {
      key: 'date',
      header: t('assessments.history.columns.date'),
      primary: true,
      cell: (r) => <Link to={`/self-check/results/${r.id}`}>{fmt.dateTime(r.createdAt)}</Link>,
    },
    {
      key: 'score',
      header: t('assessments.history.columns.score'),
      cell: (r) =>
        isCbi
          ? CBI_SUBSCALES.map((name) => {
              const s = r.result.subscales?.[name];
              return s ? `${subscaleLabel(t, name)}: ${oneDecimal(s.score, locale)}` : null;
            })
              .filter(Boolean)
              .join('; ')
          : r.result.total === null
            ? t('common.none')
            : instrumentId === 'who5' && typeof r.result.percent === 'number'
              ? `${fmt.number(r.result.total)} (${fmt.number(r.result.percent)}%)`
              : fmt.number(r.result.total),
    },
    {
      key: 'band',
      header: t('assessments.history.columns.band'),
      cell: (r) => (isCbi ? t('common.none') : bandPhrase(t, instrumentId, r.result.band)),
      hideInCard: isCbi,
    },
  ];

  return (
    <>
      {series.some((s) => s.points.length > 0) && range && (
        <section className="card history-section" aria-labelledby="trend-title">
          <h2 id="trend-title">{t('assessments.history.trend_title')}</h2>
          <TrendChart
            instrumentId={instrumentId}
            series={series}
            range={range}
            bands={bands}
            summary={summary}
            formatDate={(iso) =>
              new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
                day: 'numeric',
                month: 'short',
                timeZone: fmt.timeZone,
              }).format(new Date(iso))
            }
            formatTick={(v) => fmt.number(v)}
          />
          <p className="muted small">{t('assessments.history.trend_note')}</p>
        </section>
      )}
      <section className="history-section" aria-labelledby="results-title">
        <h2 id="results-title">{t('assessments.history.results_title')}</h2>
        <DataTable
          caption={t('assessments.history.table_caption', { name: definition.abbreviation })}
          columns={columns}
          rows={items}
          rowKey={(r) => r.id}
        />
      </section>
    </>
  );
}

/** /self-check/history/:instrumentId — results newest first, the trend, and the FHIR export. */
export function HistoryPage() {
  const { t, locale } = useT();
  const { instrumentId = '' } = useParams();
  const location = useLocation();
  const deleted = Boolean((location.state as { deleted?: boolean } | null)?.deleted);
  const valid = isInstrumentId(instrumentId);
  const id: InstrumentId = valid ? instrumentId : 'phq9';
  const definition = useQuery({ ...instrumentQuery(id, locale), enabled: valid });
  const results = useQuery({ ...resultsQuery(id), enabled: valid });
  if (!valid) return <NotFoundPage />;
  const name = definition.data?.abbreviation ?? id.toUpperCase();
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/self-check">{t('assessments.list.title')}</Link>}
        title={t('assessments.history.title', { name })}
        lead={t('assessments.history.lead')}
        actions={
          <a className="btn btn--secondary" href={ASSESSMENT_PATHS.fhir} download="teduh-hasil-fhir.json">
            {t('assessments.history.export')}
          </a>
        }
      />
      {deleted && <Alert tone="success">{t('assessments.history.deleted')}</Alert>}
      <p className="muted small">{t('assessments.history.export_note')}</p>
      <QueryState query={results} skeleton="rows" skeletonLines={5}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState
              title={t('assessments.history.empty')}
              action={
                <Link className="btn btn--primary" to={`/self-check/${id}`}>
                  {t('assessments.history.start', { name })}
                </Link>
              }
            />
          ) : (
            <QueryState query={definition}>
              {(d: InstrumentDefinitionView) => <History instrumentId={id} definition={d} items={data.items} />}
            </QueryState>
          )
        }
      </QueryState>
    </>
  );
}
