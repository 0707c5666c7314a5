import { useQueries, useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
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
import { campaignQuery, campaignStatsQuery, type CampaignStats, type CampaignView } from '../../api/campaigns.api.js';
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

function UnitBlock({
  unit,
  children,
  definitions,
  k,
}: {
  unit: UnitStats;
  children: readonly ReactElement[];
  definitions: ReadonlyMap<string, InstrumentDefinitionView>;
  k: number;
}) {
  const { t } = useT();
  const fmt = useFormat();
  const titleId = `unit-stats-${unit.unitId}`;
  return (
    <li className="stats-unit">
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
        </dl>
        {unit.suppression !== 'none' && <p className="stats-unit__why">{withheldText(t, unit.suppression, k)}</p>}
        {/* A unit whose participation is withheld has nothing more to show. */}
        {unit.participated !== null &&
          unit.instruments.map((i) => (
            <InstrumentStats
              key={i.instrumentId}
              stats={i}
              definition={definitions.get(i.instrumentId)}
              unit={unit}
              k={k}
            />
          ))}
      </section>
      {children.length > 0 && <ul className="stats-tree__children">{children}</ul>}
    </li>
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
  const render = (u: UnitStats): ReactElement => (
    <UnitBlock key={u.unitId} unit={u} definitions={definitions} k={k}>
      {childrenOf(u.unitId).map(render)}
    </UnitBlock>
  );
  return (
    <>
      <dl className="stats">
        <div className="stat">
          <dt>{t('campaigns.stats.invited')}</dt>
          <dd>{fmt.number(campaign.invited)}</dd>
        </div>
        <div className="stat">
          <dt>{t('campaigns.stats.responses')}</dt>
          <dd>
            <Figure value={stats.responses} reason="below_threshold" k={k} format={fmt.number} />
          </dd>
        </div>
        <div className="stat">
          <dt>{t('campaigns.stats.threshold')}</dt>
          <dd>{fmt.number(k)}</dd>
        </div>
      </dl>
      <p className="muted small">{t('campaigns.stats.published', { date: fmt.dateTime(stats.publishedAt), k })}</p>
      <Alert tone="info" live={false} title={t('campaigns.stats.rules_title')}>
        <p>{t('campaigns.stats.rules_body', { k })}</p>
        <p>{t('campaigns.stats.dash_legend', { k })}</p>
      </Alert>
      <ul className="stats-tree" aria-label={t('campaigns.stats.tree_label')}>
        {roots.map(render)}
      </ul>
    </>
  );
}

/** /campaigns/:id/stats — participation and band distributions per unit, under the anonymity rules; never a name. */
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
          ) : (
            <QueryState query={stats}>{(s) => <Stats campaign={c} stats={s} />}</QueryState>
          )}
        </>
      )}
    </QueryState>
  );
}
