import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { INSIGHT_DAYS } from '../../../../contracts/check-ins.js';
import { addDays } from '../../../../domain/schedule/zoned-time.js';
import {
  CHECK_IN_INSIGHT_PATHS,
  insightsQuery,
  type InsightDays,
  type InsightsView,
} from '../../../api/check-ins.api.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryState } from '../../../components/QueryState.js';
import { PageColumns } from '../../../components/layout/PageLayout.js';
import { useT, type MessageKey, type TranslateFn } from '../../../i18n.js';
import { useFormat } from '../../../lib/use-format.js';
import { useUrlParams } from '../../../lib/use-url-params.js';
import { TrendChart, type ChartSeries } from './TrendChart.js';
import './insights.css';

type Pattern = InsightsView['patterns'][number];
type Nudge = InsightsView['nudges'][number];
type Point = InsightsView['series'][number];

const COLORS = { mood: '#0e6655', stress: '#a35400', energy: '#3a6aa8', sleep: '#3a6aa8', activity: '#2f7d50' };
const SUGGESTED = new Set(['rapat', 'target', 'lembur', 'keluarga', 'perjalanan_dinas', 'sakit', 'olahraga', 'libur']);

const isDays = (value: string | null): value is InsightDays =>
  (INSIGHT_DAYS as readonly string[]).includes(value ?? '');

/** Personal insights from the person's own check-ins (docs/decisions/036-insights.md). */
export function InsightsPage() {
  const { t } = useT();
  const [params, setParams] = useUrlParams();
  const requested = params.get('days');
  const days: InsightDays = isDays(requested) ? requested : '30';
  const query = useQuery(insightsQuery(days));

  return (
    <>
      <PageHeader
        title={t('checkin.insights.page.title')}
        lead={t('checkin.insights.page.lead')}
        eyebrow={<Link to="/check-in">{t('checkin.insights.page.back')}</Link>}
      />
      <p className="insights-privacy">{t('checkin.insights.page.only_you')}</p>
      <fieldset className="insights-period">
        <legend className="visually-hidden">{t('checkin.insights.page.period_label')}</legend>
        {INSIGHT_DAYS.map((d) => (
          <label key={d} className={`insights-period__option ${d === days ? 'insights-period__option--on' : ''}`}>
            <input
              type="radio"
              name="insights-period"
              value={d}
              checked={d === days}
              onChange={() => setParams({ days: d }, { replace: true })}
            />
            <span>{t(`checkin.insights.page.period_${d}` as MessageKey)}</span>
          </label>
        ))}
      </fieldset>
      <QueryState query={query} loadingLabel={t('checkin.insights.page.loading')} skeleton="cards" skeletonLines={4}>
        {(view) => <Insights view={view} />}
      </QueryState>
    </>
  );
}

function Insights({ view }: { view: InsightsView }) {
  const { t } = useT();
  const checkedIn = view.averages.current.days;
  const aside = (
    <>
      <Streaks view={view} />
      <Export />
    </>
  );
  if (checkedIn === 0) {
    return (
      <PageColumns aside={aside} asideLabel={t('checkin.insights.streak.heading')}>
        <EmptyState
          title={t('checkin.insights.page.empty_title')}
          action={
            <Link className="btn btn--primary" to="/check-in">
              {t('checkin.insights.page.empty_action')}
            </Link>
          }
        >
          <p>{t('checkin.insights.page.empty_body')}</p>
          {view.days < 365 && <p>{t('checkin.insights.page.empty_longer')}</p>}
        </EmptyState>
        {view.nudges.length > 0 && <Nudges nudges={view.nudges} />}
      </PageColumns>
    );
  }
  return (
    <PageColumns aside={aside} asideLabel={t('checkin.insights.streak.heading')}>
      {view.nudges.length > 0 && <Nudges nudges={view.nudges} />}
      <Charts view={view} />
      <Patterns view={view} />
      <Averages view={view} />
    </PageColumns>
  );
}

/* ---------------------------------------------------------------- nudges */

const STEP_LINKS: Record<Nudge['steps'][number], string> = {
  help_contacts: '/help',
  self_check_phq9: '/self-check/phq9',
  talk_to_someone: '/help',
  plan_week: '/plan',
  breathing: '/exercises/box-breathing',
};

function Nudges({ nudges }: { nudges: readonly Nudge[] }) {
  const { t } = useT();
  return (
    <section className="insights-nudges" aria-labelledby="insights-nudges-heading">
      <h2 id="insights-nudges-heading" className="visually-hidden">
        {t('checkin.insights.nudge.heading')}
      </h2>
      {nudges.map((n) => (
        <article key={n.id} className={`insights-nudge insights-nudge--${n.id}`}>
          <h3>{t(`checkin.insights.nudge.${n.id}_title` as MessageKey)}</h3>
          <p>{t(`checkin.insights.nudge.${n.id}_body` as MessageKey, n)}</p>
          <ul className="insights-nudge__steps">
            {n.steps.map((step, i) => (
              <li key={step}>
                <Link className={`btn ${i === 0 ? 'btn--primary' : 'btn--secondary'} btn--small`} to={STEP_LINKS[step]}>
                  {t(`checkin.insights.nudge.step_${step}` as MessageKey)}
                </Link>
              </li>
            ))}
          </ul>
          {n.articles.length > 0 && (
            <>
              <p className="insights-nudge__reading">{t('checkin.insights.nudge.articles')}</p>
              <ul className="insights-nudge__articles">
                {n.articles.map((slug) => (
                  <li key={slug}>
                    <Link to={`/learn/${slug}`}>{t(`checkin.insights.article.${slug}` as MessageKey)}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="muted small">{t('checkin.insights.nudge.private')}</p>
        </article>
      ))}
    </section>
  );
}

/* ---------------------------------------------------------------- streaks and export */

function dayCount(t: TranslateFn, count: number): string {
  return t(count === 1 ? 'checkin.insights.streak.day_one' : 'checkin.insights.streak.day_other', { count });
}

function Streaks({ view }: { view: InsightsView }) {
  const { t } = useT();
  const { current, longest } = view.streaks;
  return (
    <section className="card insights-side" aria-labelledby="insights-streak-heading">
      <h2 id="insights-streak-heading">{t('checkin.insights.streak.heading')}</h2>
      <dl className="stats stats--compact insights-stats">
        <div className="stat">
          <dt>{t('checkin.insights.streak.current_label')}</dt>
          <dd>
            {current > 0 ? (
              dayCount(t, current)
            ) : (
              <span className="insights-stat--quiet">{t('checkin.insights.streak.none_yet')}</span>
            )}
          </dd>
        </div>
        <div className="stat">
          <dt>{t('checkin.insights.streak.longest_label')}</dt>
          <dd>{dayCount(t, longest)}</dd>
        </div>
        <div className="stat">
          <dt>{t('checkin.insights.streak.days_label')}</dt>
          <dd>{t('checkin.insights.streak.days_value', { count: view.averages.current.days, total: view.days })}</dd>
        </div>
      </dl>
      <p className="muted small">{t('checkin.insights.streak.gentle')}</p>
    </section>
  );
}

function Export() {
  const { t } = useT();
  return (
    <section className="card insights-side" aria-labelledby="insights-export-heading">
      <h2 id="insights-export-heading">{t('checkin.insights.export.heading')}</h2>
      <p className="small">{t('checkin.insights.export.body')}</p>
      <p className="insights-export__buttons">
        <a className="btn btn--secondary btn--small" href={CHECK_IN_INSIGHT_PATHS.exportCsv} download>
          {t('checkin.insights.export.csv')}
        </a>
        <a className="btn btn--secondary btn--small" href={CHECK_IN_INSIGHT_PATHS.exportJson} download>
          {t('checkin.insights.export.json')}
        </a>
      </p>
    </section>
  );
}

/* ---------------------------------------------------------------- charts */

const present = <K extends keyof Point>(series: readonly Point[], key: K) =>
  series.filter((p) => p[key] !== null).length;

function Charts({ view }: { view: InsightsView }) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const intlLocale = locale === 'id' ? 'id-ID' : 'en-GB';
  const avg = view.averages.current;
  const one = (v: number | null) => (v === null ? t('checkin.insights.averages.none') : fmt.number(v));
  const days = useMemo(() => view.series.map((p) => p.day), [view.series]);
  const moods = useMemo<ChartSeries[]>(
    () => [
      { label: t('checkin.insights.measure.mood'), values: view.series.map((p) => p.mood), color: COLORS.mood },
      {
        label: t('checkin.insights.measure.stress'),
        values: view.series.map((p) => p.stress),
        color: COLORS.stress,
        dash: [7, 4],
      },
      {
        label: t('checkin.insights.measure.energy'),
        values: view.series.map((p) => p.energy),
        color: COLORS.energy,
        dash: [2, 3],
      },
    ],
    [view.series, t],
  );
  const sleep = useMemo<ChartSeries[]>(
    () => [
      {
        label: t('checkin.insights.measure.sleep'),
        values: view.series.map((p) => (p.sleepMinutes === null ? null : Math.round(p.sleepMinutes / 6) / 10)),
        color: COLORS.sleep,
        kind: 'bars',
      },
    ],
    [view.series, t],
  );
  const activity = useMemo<ChartSeries[]>(
    () => [
      {
        label: t('checkin.insights.measure.activity'),
        values: view.series.map((p) => p.activityMinutes),
        color: COLORS.activity,
        kind: 'bars',
      },
    ],
    [view.series, t],
  );
  const scale = useMemo<[number, number]>(() => [1, 5], []);
  const sleepDays = present(view.series, 'sleepMinutes');
  const activityDays = present(view.series, 'activityMinutes');

  return (
    <section className="insights-charts" aria-labelledby="insights-charts-heading">
      <h2 id="insights-charts-heading" className="visually-hidden">
        {t('checkin.insights.chart.moods_title')}
      </h2>
      <figure className="card insights-chart">
        <figcaption>
          <h3>{t('checkin.insights.chart.moods_title')}</h3>
          <p className="small">
            {t('checkin.insights.chart.moods_summary', {
              mood: one(avg.mood),
              stress: one(avg.stress),
              energy: one(avg.energy),
              days: avg.days,
            })}
          </p>
          <ul className="insights-legend" aria-hidden="true">
            {moods.map((s) => (
              <li key={s.label}>
                <svg width="28" height="10" viewBox="0 0 28 10">
                  <line
                    x1="1"
                    y1="5"
                    x2="27"
                    y2="5"
                    stroke={s.color}
                    strokeWidth="3"
                    strokeDasharray={s.dash?.join(' ')}
                  />
                </svg>
                {s.label}
              </li>
            ))}
          </ul>
        </figcaption>
        <TrendChart days={days} series={moods} range={scale} locale={intlLocale} />
      </figure>
      <div className="insights-chart-pair">
        <figure className="card insights-chart">
          <figcaption>
            <h3>{t('checkin.insights.chart.sleep_title')}</h3>
            <p className="small">
              {sleepDays > 0 && avg.sleepMinutes !== null
                ? t('checkin.insights.chart.sleep_summary', {
                    hours: fmt.number(Math.round(avg.sleepMinutes / 6) / 10),
                    days: sleepDays,
                  })
                : t('checkin.insights.chart.no_data')}
            </p>
          </figcaption>
          {sleepDays > 0 && <TrendChart days={days} series={sleep} locale={intlLocale} height={160} />}
        </figure>
        <figure className="card insights-chart">
          <figcaption>
            <h3>{t('checkin.insights.chart.activity_title')}</h3>
            <p className="small">
              {activityDays > 0 && avg.activityMinutes !== null
                ? t('checkin.insights.chart.activity_summary', {
                    minutes: fmt.number(avg.activityMinutes),
                    days: activityDays,
                  })
                : t('checkin.insights.chart.no_data')}
            </p>
          </figcaption>
          {activityDays > 0 && <TrendChart days={days} series={activity} locale={intlLocale} height={160} />}
        </figure>
      </div>
      <figure className="card insights-chart">
        <figcaption>
          <h3>{t('checkin.insights.chart.workload_title')}</h3>
          <p className="small">{t('checkin.insights.chart.workload_summary', avg.workload)}</p>
          <ul className="insights-legend" aria-hidden="true">
            {(['light', 'right', 'heavy'] as const).map((w) => (
              <li key={w}>
                <span className={`insights-swatch insights-swatch--${w}`} />
                {t(`checkin.workload.${w}`)}
              </li>
            ))}
            <li>
              <span className="insights-swatch insights-swatch--none" />
              {t('checkin.insights.chart.workload_none')}
            </li>
          </ul>
        </figcaption>
        <WorkloadStrip series={view.series} />
      </figure>
      <DataTableToggle view={view} />
    </section>
  );
}

/** One cell per day: a strip that reads at any width (a year wraps into rows of weeks). */
function WorkloadStrip({ series }: { series: readonly Point[] }) {
  return (
    <div
      className={`insights-strip ${series.length > 31 ? 'insights-strip--dense' : ''}`}
      aria-hidden="true"
      style={{ ['--cells' as string]: series.length > 90 ? 53 : Math.min(series.length, 31) }}
    >
      {series.map((p) => (
        <span key={p.day} className={`insights-strip__cell insights-swatch--${p.workload ?? 'none'}`} />
      ))}
    </div>
  );
}

function DataTableToggle({ view }: { view: InsightsView }) {
  const { t } = useT();
  const fmt = useFormat();
  const scale = (v: number | null) => (v === null ? '–' : t('checkin.insights.measure.scale_value', { value: v }));
  return (
    <details className="insights-table">
      <summary>{t('checkin.insights.chart.table_toggle')}</summary>
      <div
        className="insights-table__scroll"
        tabIndex={0}
        role="region"
        aria-label={t('checkin.insights.chart.table_toggle')}
      >
        <table className="insights-data">
          <caption>
            {t('checkin.insights.chart.table_caption', { from: fmt.day(view.from), to: fmt.day(view.today) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('checkin.insights.chart.table_date')}</th>
              <th scope="col">{t('checkin.insights.measure.mood')}</th>
              <th scope="col">{t('checkin.insights.measure.stress')}</th>
              <th scope="col">{t('checkin.insights.measure.energy')}</th>
              <th scope="col">{t('checkin.insights.measure.sleep')}</th>
              <th scope="col">{t('checkin.insights.measure.activity')}</th>
              <th scope="col">{t('checkin.insights.measure.workload')}</th>
            </tr>
          </thead>
          <tbody>
            {[...view.series].reverse().map((p) => (
              <tr key={p.day}>
                <th scope="row">{fmt.day(p.day)}</th>
                {p.mood === null ? (
                  <td colSpan={6} className="muted">
                    {t('checkin.insights.chart.table_empty')}
                  </td>
                ) : (
                  <>
                    <td>{scale(p.mood)}</td>
                    <td>{scale(p.stress)}</td>
                    <td>{scale(p.energy)}</td>
                    <td>
                      {p.sleepMinutes === null
                        ? '–'
                        : t('checkin.insights.measure.sleep_value', {
                            hours: fmt.number(Math.round(p.sleepMinutes / 6) / 10),
                          })}
                    </td>
                    <td>
                      {p.activityMinutes === null
                        ? '–'
                        : t('checkin.insights.measure.activity_value', { minutes: p.activityMinutes })}
                    </td>
                    <td>{p.workload ? t(`checkin.workload.${p.workload}`) : '–'}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/* ---------------------------------------------------------------- patterns and averages */

function tagLabel(t: TranslateFn, tag: string): string {
  return SUGGESTED.has(tag) ? t(`checkin.tags.${tag}` as MessageKey) : tag;
}

function Patterns({ view }: { view: InsightsView }) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const weekday = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { weekday: 'long', timeZone: 'UTC' });
  // 2026-11-30 is a Monday: ISO weekday n is n − 1 days later.
  const weekdayName = (n: number) => weekday.format(new Date(`${addDays('2026-11-30', n - 1)}T12:00:00Z`));
  const count = view.averages.current.days;
  const sentence = (p: Pattern) =>
    t(`checkin.insights.patterns.${p.id}` as MessageKey, {
      group: fmt.number(p.group.mean),
      rest: fmt.number(p.rest.mean),
      tag: p.tag ? tagLabel(t, p.tag) : '',
      weekday: p.weekday ? weekdayName(p.weekday) : '',
    });
  return (
    <section className="card insights-patterns" aria-labelledby="insights-patterns-heading">
      <h2 id="insights-patterns-heading">{t('checkin.insights.patterns.heading')}</h2>
      <p className="muted small">{t('checkin.insights.patterns.intro')}</p>
      {count < view.minPatternDays ? (
        <p>{t('checkin.insights.patterns.need_more', { min: view.minPatternDays, count })}</p>
      ) : view.patterns.length === 0 ? (
        <p>{t('checkin.insights.patterns.none')}</p>
      ) : (
        <ul className="insights-patterns__list">
          {view.patterns.map((p) => (
            <li key={`${p.id}-${p.tag ?? ''}-${p.weekday ?? ''}`}>
              <p>{sentence(p)}</p>
              <p className="muted small">
                {t('checkin.insights.patterns.based_on', { days: p.days, group: p.group.days, rest: p.rest.days })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Averages({ view }: { view: InsightsView }) {
  const { t } = useT();
  const fmt = useFormat();
  const { current, previous } = view.averages;
  const one = (v: number | null) => (v === null ? t('checkin.insights.averages.none') : fmt.number(v));
  const hours = (v: number | null) =>
    v === null
      ? t('checkin.insights.averages.none')
      : t('checkin.insights.measure.sleep_value', { hours: fmt.number(Math.round(v / 6) / 10) });
  const minutes = (v: number | null) =>
    v === null
      ? t('checkin.insights.averages.none')
      : t('checkin.insights.measure.activity_value', { minutes: fmt.number(v) });
  const rows: [string, string, string][] = [
    [t('checkin.insights.measure.mood'), one(current.mood), one(previous.mood)],
    [t('checkin.insights.measure.stress'), one(current.stress), one(previous.stress)],
    [t('checkin.insights.measure.energy'), one(current.energy), one(previous.energy)],
    [t('checkin.insights.measure.sleep'), hours(current.sleepMinutes), hours(previous.sleepMinutes)],
    [t('checkin.insights.measure.activity'), minutes(current.activityMinutes), minutes(previous.activityMinutes)],
    [
      t('checkin.insights.averages.heavy_days'),
      t('checkin.insights.averages.heavy_value', { count: current.workload.heavy }),
      previous.days > 0
        ? t('checkin.insights.averages.heavy_value', { count: previous.workload.heavy })
        : t('checkin.insights.averages.none'),
    ],
  ];
  return (
    <section className="card insights-averages" aria-labelledby="insights-averages-heading">
      <h2 id="insights-averages-heading">{t('checkin.insights.averages.heading')}</h2>
      <table className="insights-data">
        <caption className="visually-hidden">{t('checkin.insights.averages.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('checkin.insights.averages.measure')}</th>
            <th scope="col">{t('checkin.insights.averages.this_period')}</th>
            <th scope="col">
              {t('checkin.insights.averages.previous_period')}
              <span className="insights-averages__range">
                {t('checkin.insights.averages.previous_range', {
                  from: fmt.day(view.previousFrom),
                  to: fmt.day(addDays(view.from, -1)),
                })}
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, now, before]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{now}</td>
              <td>{before}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {previous.days === 0 && <p className="muted small">{t('checkin.insights.averages.no_previous')}</p>}
    </section>
  );
}
