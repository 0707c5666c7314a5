import { useQueries, useQuery } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { InstrumentId } from '../../../domain/instruments/types.js';
import { useFormat } from '../../lib/use-format.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT, type TranslateFn } from '../../i18n.js';
import { instrumentQuery, type InstrumentDefinitionView } from '../../api/instruments.api.js';
import { band4Label } from '../../lib/assessment-labels.js';
import {
  campaignQuery,
  campaignReportUrl,
  campaignStatsQuery,
  type CampaignStats,
  type CampaignView,
} from '../../api/campaigns.api.js';
import { agencyDistribution, concernBands, unitsNeedingAttention } from '../../../domain/anonymity/campaign-report.js';
import { EmptyState } from '../../components/EmptyState.js';
import { STATUS_TONE, useCampaignDate } from './CampaignsPage.js';
import { CloseCampaign } from './CloseCampaign.js';
import './campaigns.css';

type UnitStats = CampaignStats['units'][number];
type Suppression = UnitStats['suppression'];

function withheldText(t: TranslateFn, reason: Suppression, k: number): string {
  return reason === 'complementary'
    ? t('campaigns.stats.withheld_complementary')
    : t('campaigns.stats.withheld_below', { k });
}

/**
 * A count, or "—" with the reason for screen readers when it is withheld. The contract gives one
 * reason per unit; a single band cell of an otherwise shown unit gets the general explanation.
 */
function Figure({
  value,
  reason,
  k,
  format,
}: {
  value: number | null;
  reason: Suppression | 'cell';
  k: number;
  format: (n: number) => string;
}) {
  const { t } = useT();
  if (value !== null) return <>{format(value)}</>;
  const text =
    reason === 'cell' || reason === 'none' ? t('campaigns.stats.withheld_cell', { k }) : withheldText(t, reason, k);
  return (
    <span className="withheld">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}

/** A band of a distribution, named as the instrument names it ("ringan"), never as "your" result. */
function bandName(
  t: TranslateFn,
  definition: InstrumentDefinitionView | undefined,
  instrumentId: string,
  band: string,
): string {
  if (instrumentId === 'cbi') return band4Label(t, band);
  return definition?.bands.find((b) => b.code === band)?.label ?? band;
}

function InstrumentStats({
  stats,
  definition,
  unit,
  k,
}: {
  stats: UnitStats['instruments'][number];
  definition: InstrumentDefinitionView | undefined;
  unit: UnitStats;
  k: number;
}) {
  const { t } = useT();
  const fmt = useFormat();
  const order =
    stats.instrumentId === 'cbi' ? ['low', 'moderate', 'high', 'severe'] : (definition?.bands.map((b) => b.code) ?? []);
  const bands = [...stats.bands].sort(
    (a, b) =>
      (order.indexOf(a.band) === -1 ? 99 : order.indexOf(a.band)) -
      (order.indexOf(b.band) === -1 ? 99 : order.indexOf(b.band)),
  );
  const total = stats.respondents;
  // A13: respondents shown but no band at all. Said the same way whatever the reason, so the
  // note itself never tells that a group sits in one band.
  const distributionWithheld = total !== null && bands.length > 0 && bands.every((b) => b.count === null);
  return (
    <div className="stats-instrument">
      <h4 className="stats-instrument__title">
        {definition?.abbreviation ?? stats.instrumentId}
        <span className="stats-instrument__n">
          {' · '}
          {t('campaigns.stats.respondents')}:{' '}
          <Figure value={stats.respondents} reason={unit.suppression} k={k} format={fmt.number} />
        </span>
      </h4>
      {distributionWithheld && (
        <p className="stats-instrument__why muted small">{t('campaigns.stats.distribution_withheld')}</p>
      )}
      {total !== null && !distributionWithheld && (
        <ul
          className="band-bars"
          aria-label={t('campaigns.stats.distribution', { name: definition?.abbreviation ?? stats.instrumentId })}
        >
          {bands.map((b) => {
            const share = b.count !== null && total ? Math.round((b.count / total) * 100) : null;
            return (
              <li key={b.band} className="band-bar">
                <span className="band-bar__label">{bandName(t, definition, stats.instrumentId, b.band)}</span>
                <span className="band-bar__track" aria-hidden="true">
                  {share !== null && <span className="band-bar__fill" style={{ width: `${share}%` }} />}
                </span>
                <span className="band-bar__count">
                  <Figure
                    value={b.count}
                    reason={unit.suppression === 'none' ? 'cell' : unit.suppression}
                    k={k}
                    format={fmt.number}
                  />
                  {share !== null && <span className="muted"> ({fmt.number(share)}%)</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** Shares for band bars and the summary: whole percentages, as the page prints them. */
const percent = (part: number | null, whole: number | null) =>
  part === null || whole === null || whole === 0 ? null : Math.round((part / whole) * 100);

function UnitBlock({
  unit,
  children,
  definitions,
  k,
  previous,
  open,
  onToggle,
}: {
  unit: UnitStats;
  children: readonly ReactElement[];
  definitions: ReadonlyMap<string, InstrumentDefinitionView>;
  k: number;
  previous: PreviousUnit | undefined;
  open: boolean;
  onToggle: () => void;
}) {
  const { t } = useT();
  const fmt = useFormat();
  const titleId = `unit-stats-${unit.unitId}`;
  const childrenId = `unit-children-${unit.unitId}`;
  return (
    <li className={children.length > 0 && open ? 'stats-unit stats-unit--open' : 'stats-unit'}>
      <section className="card stats-unit__card" aria-labelledby={titleId}>
        <div className="stats-unit__head">
          <h3 id={titleId}>{unit.unitName}</h3>
          {unit.participated === null ? (
            <Badge tone="neutral">{t('campaigns.stats.hidden_all_badge')}</Badge>
          ) : (
            unit.suppression !== 'none' && <Badge tone="neutral">{t('campaigns.stats.hidden_badge')}</Badge>
          )}
        </div>
        <dl className="unit-figures">
          <div>
            <dt>{t('campaigns.stats.invited')}</dt>
            <dd>{fmt.number(unit.invited)}</dd>
          </div>
          <div>
            <dt>{t('campaigns.stats.participated')}</dt>
            <dd>
              <Figure value={unit.participated} reason={unit.suppression} k={k} format={fmt.number} />
            </dd>
          </div>
          <div>
            <dt>{t('campaigns.stats.rate')}</dt>
            <dd>
              <Figure
                value={unit.participationRate === null ? null : Math.round(unit.participationRate)}
                reason={unit.suppression}
                k={k}
                format={(n) => `${fmt.number(n)}%`}
              />
            </dd>
          </div>
          {previous && (
            <div className="unit-figures__previous">
              <dt>{t('campaigns.report.previous_participation')}</dt>
              <dd>
                <Figure
                  value={previous.participationRate === null ? null : Math.round(previous.participationRate)}
                  reason="cell"
                  k={k}
                  format={(n) => `${fmt.number(n)}%`}
                />
              </dd>
            </div>
          )}
        </dl>
        {unit.suppression !== 'none' && <p className="stats-unit__why">{withheldText(t, unit.suppression, k)}</p>}
        {/* A unit whose participation is withheld has nothing more to show. Below the top, the
            spread of results opens on request, so the tree stays short enough to scan. */}
        {unit.participated !== null && (
          <details className="stats-unit__spread" open={unit.parentId === null || undefined}>
            <summary>
              {t('campaigns.report.spread_summary', {
                names: unit.instruments
                  .map((i) => definitions.get(i.instrumentId)?.abbreviation ?? i.instrumentId)
                  .join(', '),
              })}
            </summary>
            {unit.instruments.map((i) => (
              <InstrumentStats
                key={i.instrumentId}
                stats={i}
                definition={definitions.get(i.instrumentId)}
                unit={unit}
                k={k}
              />
            ))}
          </details>
        )}
        {children.length > 0 && (
          <button
            type="button"
            className="stats-unit__toggle"
            aria-expanded={open}
            aria-controls={childrenId}
            onClick={onToggle}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>{' '}
            {open
              ? t('campaigns.report.hide_children', { name: unit.unitName })
              : t('campaigns.report.show_children', { count: children.length, name: unit.unitName })}
          </button>
        )}
      </section>
      {children.length > 0 && open && (
        <ul className="stats-tree__children" id={childrenId}>
          {children}
        </ul>
      )}
    </li>
  );
}

type PreviousUnit = NonNullable<CampaignStats['previous']>['units'][number];

/** The publication stamp: when, and when the next can come (A7) or that these are final. */
function Stamp({ stats }: { stats: CampaignStats }) {
  const { t } = useT();
  const fmt = useFormat();
  const key = stats.status === 'closed' ? 'campaigns.report.stamp_closed' : 'campaigns.report.stamp_open';
  return <p className="report-stamp">{t(key, { date: fmt.dateTime(stats.publishedAt), k: stats.threshold })}</p>;
}

function Downloads({ campaignId }: { campaignId: string }) {
  const { t } = useT();
  return (
    <section className="card report-downloads" aria-labelledby="report-downloads-title">
      <h2 id="report-downloads-title">{t('campaigns.report.download_title')}</h2>
      <p className="muted small">{t('campaigns.report.download_lead')}</p>
      <p className="report-downloads__links">
        <a className="btn btn--secondary" href={campaignReportUrl(campaignId, 'xlsx')} download>
          {t('campaigns.report.download_xlsx')}
        </a>
        <a className="btn btn--secondary" href={campaignReportUrl(campaignId, 'pdf')} download>
          {t('campaigns.report.download_pdf')}
        </a>
      </p>
    </section>
  );
}

function bandOrder(definition: InstrumentDefinitionView | undefined, instrumentId: string): string[] {
  return instrumentId === 'cbi' ? ['low', 'moderate', 'high', 'severe'] : (definition?.bands.map((b) => b.code) ?? []);
}

/** The summary: participation, the distribution over everything this viewer sees, units needing attention. */
function Summary({
  campaign,
  stats,
  definitions,
}: {
  campaign: CampaignView;
  stats: CampaignStats;
  definitions: ReadonlyMap<string, InstrumentDefinitionView>;
}) {
  const { t } = useT();
  const fmt = useFormat();
  const k = stats.threshold;
  const instruments = campaign.instrumentIds.map((id) => ({
    instrumentId: id,
    bands: bandOrder(definitions.get(id), id),
  }));
  const overall = agencyDistribution(stats.units, instruments);
  const previousUnits = stats.previous
    ? stats.previous.units.map((p) => ({
        ...p,
        parentId: stats.units.find((u) => u.unitId === p.unitId)?.parentId ?? null,
      }))
    : null;
  const previousOverall = previousUnits ? agencyDistribution(previousUnits, instruments) : null;
  const attention = unitsNeedingAttention(stats.units, instruments);
  const names = new Map(stats.units.map((u) => [u.unitId, u.unitName]));
  const abbreviation = (id: string) => definitions.get(id)?.abbreviation ?? id;
  const invited = stats.units
    .filter((u) => u.parentId === null || !names.has(u.parentId))
    .reduce((sum, u) => sum + u.invited, 0);
  const rate = percent(stats.responses, invited);
  const previousRate = stats.previous ? percent(stats.previous.responses, invited) : null;
  const pct = (share: number) => `${fmt.number(Math.round(share * 100))}%`;
  return (
    <section className="report-summary" aria-labelledby="report-summary-title">
      <h2 id="report-summary-title">{t('campaigns.report.summary_title')}</h2>
      <div className="report-summary__grid">
        <div className="card report-card">
          <h3>{t('campaigns.report.participation')}</h3>
          {stats.responses === null ? (
            <p>{t('campaigns.report.participation_withheld')}</p>
          ) : (
            <>
              <p className="report-card__big">{rate === null ? '—' : `${fmt.number(rate)}%`}</p>
              <p>
                {t('campaigns.report.participation_value', {
                  answered: fmt.number(stats.responses),
                  invited: fmt.number(invited),
                })}
              </p>
            </>
          )}
          {stats.previous && (
            <p className="muted small">
              {t('campaigns.report.previous_short')}:{' '}
              <Figure value={previousRate} reason="cell" k={k} format={(n) => `${fmt.number(n)}%`} />
            </p>
          )}
        </div>
        {overall.map((d) => {
          const definition = definitions.get(d.instrumentId);
          const before = previousOverall?.find((p) => p.instrumentId === d.instrumentId);
          return (
            <div className="card report-card" key={d.instrumentId}>
              <h3>{t('campaigns.report.agency_distribution')}</h3>
              <p className="muted small">
                {abbreviation(d.instrumentId)} · {t('campaigns.stats.respondents')}:{' '}
                <Figure value={d.respondents} reason="cell" k={k} format={fmt.number} />
              </p>
              {d.respondents !== null && (
                <ul
                  className="band-bars band-bars--compact"
                  aria-label={t('campaigns.stats.distribution', { name: abbreviation(d.instrumentId) })}
                >
                  {d.bands.map((b) => {
                    const share = percent(b.count, d.respondents);
                    const was = before
                      ? percent(before.bands.find((x) => x.band === b.band)?.count ?? null, before.respondents)
                      : null;
                    return (
                      <li key={b.band} className="band-bar">
                        <span className="band-bar__label">{bandName(t, definition, d.instrumentId, b.band)}</span>
                        <span className="band-bar__track" aria-hidden="true">
                          {share !== null && <span className="band-bar__fill" style={{ width: `${share}%` }} />}
                        </span>
                        <span className="band-bar__count">
                          <Figure value={share} reason="cell" k={k} format={(n) => `${fmt.number(n)}%`} />
                          {before && (
                            <span className="muted small band-bar__previous">
                              {' '}
                              ({t('campaigns.report.previous_short').toLowerCase()}{' '}
                              <Figure value={was} reason="cell" k={k} format={(n) => `${fmt.number(n)}%`} />)
                            </span>
                          )}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          );
        })}
        <div className="card report-card report-card--wide">
          <h3>{t('campaigns.report.attention_title')}</h3>
          <p className="muted small">{t('campaigns.report.attention_definition_short')}</p>
          <ul className="report-definitions small">
            {overall.map((d) => {
              const concern = concernBands(d.instrumentId, bandOrder(definitions.get(d.instrumentId), d.instrumentId));
              return (
                <li key={d.instrumentId}>
                  {abbreviation(d.instrumentId)}:{' '}
                  {concern.map((b) => bandName(t, definitions.get(d.instrumentId), d.instrumentId, b)).join(', ')}
                  {d.concernShare !== null &&
                    ` · ${t('campaigns.report.concern_share', { share: pct(d.concernShare) })}`}
                </li>
              );
            })}
          </ul>
          {attention.length === 0 ? (
            <p>{t('campaigns.report.attention_none')}</p>
          ) : (
            <ul className="report-attention">
              {attention.map((a) => (
                <li key={`${a.unitId}-${a.instrumentId}`}>
                  {t('campaigns.report.attention_item', {
                    unit: names.get(a.unitId) ?? '',
                    name: abbreviation(a.instrumentId),
                    share: pct(a.share),
                    overall: pct(a.overall),
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}

function Stats({ campaign, stats }: { campaign: CampaignView; stats: CampaignStats }) {
  const { t, locale } = useT();
  const fmt = useFormat();
  const definitionQueries = useQueries({
    queries: campaign.instrumentIds.map((id) => instrumentQuery(id as InstrumentId, locale)),
  });
  const definitions = new Map(definitionQueries.flatMap((q) => (q.data ? [[q.data.id, q.data] as const] : [])));
  const k = stats.threshold;
  const childrenOf = (id: string | null) => stats.units.filter((u) => u.parentId === id);
  const ids = new Set(stats.units.map((u) => u.unitId));
  const roots = stats.units.filter((u) => u.parentId === null || !ids.has(u.parentId));
  // Collapsed below the first level: the top units show their children, deeper ones on request.
  const [openUnits, setOpenUnits] = useState<ReadonlySet<string>>(() => new Set(roots.map((u) => u.unitId)));
  const toggle = (id: string) =>
    setOpenUnits((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const previous = new Map((stats.previous?.units ?? []).map((u) => [u.unitId, u]));
  const render = (u: UnitStats): ReactElement => (
    <UnitBlock
      key={u.unitId}
      unit={u}
      definitions={definitions}
      k={k}
      previous={previous.get(u.unitId)}
      open={openUnits.has(u.unitId)}
      onToggle={() => toggle(u.unitId)}
    >
      {childrenOf(u.unitId).map(render)}
    </UnitBlock>
  );
  const nothingShown = stats.responses === null && stats.units.every((u) => u.participated === null);
  if (nothingShown)
    return (
      <>
        <Stamp stats={stats} />
        <EmptyState title={t('campaigns.report.empty_title')}>
          <p>{t('campaigns.report.empty_body', { k })}</p>
          <p className="muted small">{t('campaigns.stats.rules_body', { k })}</p>
        </EmptyState>
      </>
    );
  const withChildren = stats.units.filter((u) => childrenOf(u.unitId).length > 0).map((u) => u.unitId);
  return (
    <>
      <Stamp stats={stats} />
      <Summary campaign={campaign} stats={stats} definitions={definitions} />
      {stats.previous && (
        <p className="muted small report-previous">
          <strong>{t('campaigns.report.previous_title')}:</strong>{' '}
          {t('campaigns.report.previous_lead', {
            title: stats.previous.title,
            date: fmt.dateTime(stats.previous.publishedAt),
          })}
        </p>
      )}
      <div className="report-layout">
        <section className="report-tree" aria-labelledby="report-tree-title">
          <div className="report-tree__head">
            <h2 id="report-tree-title">{t('campaigns.report.tree_title')}</h2>
            {withChildren.length > 0 && (
              <p className="report-tree__actions">
                <button type="button" className="link-button" onClick={() => setOpenUnits(new Set(withChildren))}>
                  {t('campaigns.report.expand_all')}
                </button>
                <button type="button" className="link-button" onClick={() => setOpenUnits(new Set())}>
                  {t('campaigns.report.collapse_all')}
                </button>
              </p>
            )}
          </div>
          <p className="muted small">{t('campaigns.report.tree_lead')}</p>
          <ul className="stats-tree" aria-label={t('campaigns.stats.tree_label')}>
            {roots.map(render)}
          </ul>
        </section>
        <aside className="report-aside">
          <Downloads campaignId={campaign.id} />
          <Alert tone="info" live={false} title={t('campaigns.stats.rules_title')}>
            <p>{t('campaigns.stats.rules_body', { k })}</p>
            <p>{t('campaigns.stats.dash_legend', { k })}</p>
            <p>
              {t('campaigns.stats.threshold')}: {fmt.number(k)}
            </p>
          </Alert>
        </aside>
      </div>
    </>
  );
}

/** A placeholder of the report's shape while the figures load. */
function ReportSkeleton() {
  const { t } = useT();
  return (
    <div className="report-skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">{t('common.status.loading')}</span>
      <div className="skeleton-block skeleton-block--line" />
      <div className="report-summary__grid" aria-hidden="true">
        <div className="skeleton-block" />
        <div className="skeleton-block" />
        <div className="skeleton-block" />
      </div>
      <div className="skeleton-block skeleton-block--tall" aria-hidden="true" />
    </div>
  );
}

/** /campaigns/:id/stats — the campaign report: summary, unit tree, previous campaign, downloads; never a name. */
export function CampaignStatsPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const location = useLocation();
  const date = useCampaignDate();
  const campaign = useQuery(campaignQuery(id));
  const stats = useQuery({
    ...campaignStatsQuery(id),
    enabled: campaign.data?.status !== 'draft' && Boolean(campaign.data),
  });
  const launched = Boolean((location.state as { launched?: boolean } | null)?.launched);
  if (campaign.isPending) return <ReportSkeleton />;
  return (
    <QueryState query={campaign}>
      {(c) => (
        <>
          <PageHeader
            eyebrow={<Link to="/campaigns">{t('campaigns.list.title')}</Link>}
            title={t('campaigns.stats.title', { title: c.title })}
            lead={
              <p>
                <Badge tone={STATUS_TONE[c.status]}>{t(`campaigns.status.${c.status}`)}</Badge>{' '}
                {t('campaigns.list.window', { from: date(c.opensOn), to: date(c.closesOn) })}
              </p>
            }
            actions={<CloseCampaign campaign={c} onClosed={() => void stats.refetch()} />}
          />
          {launched && <Alert tone="success">{t('campaigns.launch.done', { k: c.anonymityThreshold ?? '' })}</Alert>}
          {c.status === 'draft' ? (
            <p>
              <Link to={`/campaigns/${c.id}/edit`}>{t('campaigns.list.edit')}</Link>
            </p>
          ) : stats.isPending ? (
            <ReportSkeleton />
          ) : (
            <QueryState query={stats}>{(s) => <Stats campaign={c} stats={s} />}</QueryState>
          )}
        </>
      )}
    </QueryState>
  );
}
