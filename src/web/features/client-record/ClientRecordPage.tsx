import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { clientTimelineQuery, type ClientTimeline, type MeasureSeries } from '../../api/consent.api.js';
import { isApiError } from '../../api/client.js';
import { Alert } from '../../components/Alert.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { PageColumns, PageContent } from '../../components/layout/PageLayout.js';
import { useT, type MessageKey } from '../../i18n.js';
import { intlTag } from '../../../i18n/locales.js';
import { useFormat } from '../../lib/use-format.js';
import { MbcChart } from './MbcChart.js';
import { TransferredNotes } from './TransferredNotes.js';
import './client-record.css';

type Point = MeasureSeries['points'][number];
type Appointment = ClientTimeline['appointments'][number];
type Week = NonNullable<ClientTimeline['checkInWeeks']>[number];

/**
 * /counselling/clients/:id — a client's record for their counsellor (docs/decisions/042-counselling-consent.md):
 * the appointments between them, the results shared with them, and with the client's consent the
 * PHQ-9/GAD-7 chart with the clinical cut-off and reliable change in words, and a weekly check-in line;
 * and the notes a previous counsellor's client handed over to them (docs/decisions/050-notes-transfer.md).
 * Every opening is audited and shows in the client's access log.
 */
export function ClientRecordPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const record = useQuery({ ...clientTimelineQuery(id), retry: (n, e) => !(isApiError(e) && e.status < 500) && n < 2 });
  const back = <Link to="/counselling/appointments">{t('client_record.back')}</Link>;
  if (record.error && isApiError(record.error) && (record.error.status === 404 || record.error.status === 400)) {
    return (
      <PageContent>
        <PageHeader eyebrow={back} title={t('client_record.measures.title')} />
        <EmptyState title={t('client_record.not_found')} />
      </PageContent>
    );
  }
  return (
    <PageContent>
      <QueryState query={record} skeleton="cards" skeletonLines={4}>
        {(data) => (
          <>
            <PageHeader
              eyebrow={back}
              title={t('client_record.title', { name: data.client.fullName })}
              lead={data.client.unitName ? t('client_record.unit', { unit: data.client.unitName }) : undefined}
            />
            <p className="muted small">{t('client_record.audited')}</p>
            <PageColumns aside={<Aside data={data} />}>
              <div className="stack">
                <Measures measures={data.measures} />
                <CheckIns weeks={data.checkInWeeks} />
                <TransferredNotes clientId={data.client.id} />
              </div>
            </PageColumns>
          </>
        )}
      </QueryState>
    </PageContent>
  );
}

function Aside({ data }: { data: ClientTimeline }) {
  const { t } = useT();
  const fmt = useFormat();
  const columns: Column<Appointment>[] = [
    {
      key: 'when',
      header: t('client_record.appointments.columns.when'),
      primary: true,
      cell: (a) => fmt.dateTime(a.start),
    },
    {
      key: 'mode',
      header: t('client_record.appointments.columns.mode'),
      cell: (a) => t(`booking.modes.${a.mode}` as MessageKey),
    },
    {
      key: 'status',
      header: t('client_record.appointments.columns.status'),
      cell: (a) => t(`booking.statuses.${a.status}` as MessageKey),
    },
  ];
  return (
    <div className="stack">
      <section aria-labelledby="record-consents">
        <h2 id="record-consents">{t('client_record.consents.title')}</h2>
        {data.consents.length === 0 ? (
          <p className="muted">{t('client_record.consents.none')}</p>
        ) : (
          <ul className="record-list">
            {data.consents.map((c) => (
              <li key={c.kind}>
                {t('client_record.consents.until', {
                  kind: t(`client_record.consents.kinds.${c.kind}`),
                  date: fmt.date(c.expiresAt),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="record-appointments">
        <h2 id="record-appointments">{t('client_record.appointments.title')}</h2>
        {data.appointments.length === 0 ? (
          <p className="muted">{t('client_record.appointments.empty')}</p>
        ) : (
          <DataTable
            caption={t('client_record.appointments.caption')}
            columns={columns}
            rows={[...data.appointments].reverse()}
            rowKey={(a) => a.id}
          />
        )}
      </section>
      <section aria-labelledby="record-shared">
        <h2 id="record-shared">{t('client_record.shared.title')}</h2>
        {data.shared.length === 0 ? (
          <p className="muted">{t('client_record.shared.empty')}</p>
        ) : (
          <ul className="record-list">
            {data.shared.map((s) => (
              <li key={s.shareId}>
                <Link to={`/counselling/shared/${s.shareId}`}>
                  {t('client_record.shared.open', {
                    instrument: s.instrumentId.toUpperCase(),
                    date: fmt.date(s.takenAt),
                  })}
                </Link>
                {s.total !== null && (
                  <span className="muted"> · {t('client_record.shared.total', { total: s.total })}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function Measures({ measures }: { measures: ClientTimeline['measures'] }) {
  const { t } = useT();
  return (
    <section aria-labelledby="record-measures">
      <h2 id="record-measures">{t('client_record.measures.title')}</h2>
      {measures === null ? (
        <Alert tone="info" live={false}>
          {t('client_record.measures.no_consent')}
        </Alert>
      ) : (
        <div className="mbc-grid">
          {measures.map((m) => (
            <Series key={m.instrument} series={m} />
          ))}
        </div>
      )}
    </section>
  );
}

function Series({ series: m }: { series: MeasureSeries }) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const instrument = t(`client_record.measures.instruments.${m.instrument}`);
  const band = (b: string | null) => (b ? t(`client_record.measures.bands.${b}` as MessageKey) : '—');
  const stepText = (p: Point) => {
    if (!p.step) return t('client_record.measures.first');
    const delta = Math.abs(p.step.delta);
    return p.step.change === 'no_reliable_change'
      ? t('client_record.measures.step.no_reliable_change', {
          signed: p.step.delta > 0 ? `+${p.step.delta}` : String(p.step.delta),
        })
      : t(`client_record.measures.step.${p.step.change}`, { delta });
  };
  const columns: Column<Point>[] = [
    { key: 'date', header: t('client_record.measures.columns.date'), primary: true, cell: (p) => fmt.date(p.at) },
    { key: 'total', header: t('client_record.measures.columns.total'), cell: (p) => p.total },
    { key: 'band', header: t('client_record.measures.columns.band'), cell: (p) => band(p.band) },
    { key: 'change', header: t('client_record.measures.columns.change'), cell: stepText },
  ];
  const first = m.points[0];
  const latest = m.points[m.points.length - 1];
  const headingId = `mbc-${m.instrument}`;
  return (
    <figure className="mbc card" aria-labelledby={headingId}>
      <h3 id={headingId}>{instrument}</h3>
      {!first || !latest ? (
        <p className="muted">{t('client_record.measures.empty', { instrument })}</p>
      ) : (
        <>
          <p className={`mbc__summary mbc__summary--${m.overall?.change ?? 'single'}`}>
            {m.overall
              ? t(`client_record.measures.summary.${m.overall.change}`, {
                  from: `${first.total} (${band(first.band)})`,
                  to: `${latest.total} (${band(latest.band)})`,
                  delta: m.overall.delta,
                })
              : t('client_record.measures.summary.single', { total: latest.total })}
            {m.overall?.recovered && <> {t('client_record.measures.summary.recovered')}</>}
          </p>
          <MbcChart
            points={m.points}
            min={m.min}
            max={m.max}
            cutOff={m.cutOff}
            locale={intlTag(locale)}
            scoreLabel={t('client_record.measures.legend_score')}
            cutOffLabel={t('client_record.measures.legend_cut_off')}
          />
          <figcaption className="mbc__legend muted small">
            <span className="mbc__key mbc__key--score" aria-hidden="true" /> {t('client_record.measures.legend_score')}
            <span className="mbc__key mbc__key--cut" aria-hidden="true" />{' '}
            {t('client_record.measures.cut_off', { value: m.cutOff })}
            <br />
            {t('client_record.measures.summary.threshold', { points: m.reliableChangePoints })}
          </figcaption>
          <details className="mbc__table">
            <summary>{t('client_record.measures.table_toggle')}</summary>
            <DataTable
              caption={t('client_record.measures.caption', { instrument })}
              columns={columns}
              rows={m.points}
              rowKey={(p) => p.at}
            />
          </details>
        </>
      )}
    </figure>
  );
}

function CheckIns({ weeks }: { weeks: ClientTimeline['checkInWeeks'] }) {
  const { t } = useT();
  const fmt = useFormat();
  const columns: Column<Week>[] = [
    {
      key: 'week',
      header: t('client_record.check_ins.columns.week'),
      primary: true,
      cell: (w) => fmt.day(w.weekStart),
    },
    { key: 'count', header: t('client_record.check_ins.columns.count'), cell: (w) => w.count },
    {
      key: 'mood',
      header: t('client_record.check_ins.columns.mood'),
      cell: (w) => (w.moodAverage === null ? t('client_record.check_ins.none') : fmt.number(w.moodAverage)),
    },
    {
      key: 'energy',
      header: t('client_record.check_ins.columns.energy'),
      cell: (w) => (w.energyAverage === null ? t('client_record.check_ins.none') : fmt.number(w.energyAverage)),
    },
  ];
  return (
    <section aria-labelledby="record-check-ins">
      <h2 id="record-check-ins">{t('client_record.check_ins.title')}</h2>
      {weeks === null ? (
        <p className="muted">{t('client_record.check_ins.no_consent')}</p>
      ) : weeks.every((w) => w.count === 0) ? (
        <p className="muted">{t('client_record.check_ins.empty')}</p>
      ) : (
        <DataTable
          caption={t('client_record.check_ins.caption')}
          columns={columns}
          rows={[...weeks].reverse()}
          rowKey={(w) => w.weekStart}
        />
      )}
    </section>
  );
}
