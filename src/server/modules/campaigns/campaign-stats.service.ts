import type { Kysely } from 'kysely';
import type { CampaignStats } from '../../../contracts/campaigns.js';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import {
  campaignFigures,
  campaignPublication,
  campaignUnitsAtLaunch,
  type OwnCounts,
} from '../../../domain/anonymity/campaign-table.js';
import { distributionBands } from '../../../domain/anonymity/distribution-bands.js';
import { thresholdOf } from '../../../domain/anonymity/threshold.js';
import { shouldRepublish } from '../../../domain/anonymity/time-differencing.js';
import type { Clock } from '../../clock.js';
import { conflict, notFound } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import { CampaignScope } from './campaign-scope.js';
import {
  countByUnit,
  countResponses,
  findSnapshot,
  saveSnapshot,
  viewedRecently,
  type Snapshot,
} from './campaign-stats.repository.js';
import type { OrgDirectory } from '../org/index.js';
import { agencyUnits } from './agency-facts.js';
import { findCampaign, type CampaignRow } from './campaigns.repository.js';
import { instrumentIdsOf, presentStats, unitIdsOf } from './campaigns.presenter.js';

const READ = 'read:campaign-aggregate:unit' as const;

/** Views of the same published figures by the same person within this window are audited once. */
export const STATS_VIEW_AUDIT_WINDOW_MS = 15 * 60_000;

/**
 * A campaign's statistics: suppressed aggregates only (docs/privacy.md A1–A9).
 *
 * Published figures are counts per unit kept in campaign_stat_snapshots. They are replaced only
 * when at least k new responses arrived (A7) — at a view, at close, or at any later publication —
 * and even then a cell that moved by 1..k−1 since it was shown stays withheld; until then every
 * viewer sees the same published counts, suppressed for exactly the units that viewer may see.
 */
export class CampaignStatsService {
  constructor(
    private readonly deps: { db: Kysely<Database>; clock: Clock; audit: AuditService; directory: OrgDirectory },
  ) {}

  async view(actor: Actor, id: string, origin: AuditOrigin): Promise<CampaignStats> {
    const { db, clock, audit } = this.deps;
    return db.transaction().execute(async (trx) => {
      const campaign = await findCampaign(trx, actor.agencyId, id);
      const units = await agencyUnits(this.deps.directory, actor.agencyId, trx);
      const scope = CampaignScope.of(actor, READ, units);
      if (!campaign || !scope.overlaps(unitIdsOf(campaign), units)) throw notFound();
      if (campaign.status === 'draft') throw conflict('campaign_not_open');
      const k = thresholdOf(campaign.anonymity_threshold);

      let snapshot = await findSnapshot(trx, campaign.id);
      const currentResponses = await countResponses(trx, this.scopeOf(campaign));
      const republish = shouldRepublish({ published: snapshot ?? null, currentResponses, k });
      if (!snapshot || republish) snapshot = await this.publish(trx, campaign, clock.now().toISOString(), snapshot);

      const instruments = this.instrumentsOf(campaign);
      const figures = campaignFigures({
        units: snapshot.payload.units,
        own: new Map(Object.entries(snapshot.payload.counts)),
        instruments,
        threshold: k,
        scope: scope.roots,
        timeWithheld: snapshot.payload.timeWithheld ?? [],
      });
      const since = new Date(clock.now().getTime() - STATS_VIEW_AUDIT_WINDOW_MS).toISOString();
      const seen =
        !republish &&
        (await viewedRecently(trx, {
          agencyId: actor.agencyId,
          actorId: actor.personId,
          campaignId: campaign.id,
          publishedAt: snapshot.publishedAt,
          since,
        }));
      if (!seen) {
        await audit.record(
          {
            ...origin,
            action: 'campaign.stats_viewed',
            resourceType: 'campaign',
            resourceId: campaign.id,
            details: { publishedAt: snapshot.publishedAt, republished: republish },
          },
          trx,
        );
      }
      return presentStats({
        campaignId: campaign.id,
        threshold: k,
        publishedAt: snapshot.publishedAt,
        figures,
        unitNames: new Map(units.map((u) => [u.id, u.name])),
      });
    });
  }

  /**
   * The one way figures are (re)published after launch — a view, closing, any later republication:
   * only when at least k new responses arrived since the last publication (A7). Returns whether
   * new figures were published; otherwise the last ones stay.
   */
  async publishIfDue(db: Kysely<Database>, campaign: CampaignRow, now: string): Promise<boolean> {
    const snapshot = await findSnapshot(db, campaign.id);
    const currentResponses = await countResponses(db, this.scopeOf(campaign));
    if (
      snapshot &&
      !shouldRepublish({ published: snapshot, currentResponses, k: thresholdOf(campaign.anonymity_threshold) })
    )
      return false;
    await this.publish(db, campaign, now, snapshot);
    return true;
  }

  /**
   * Counts the campaign's results per unit now and publishes them. The unit tree stays the one
   * of launch (A8); the response count is taken from the same counts, so A7 compares like with like.
   * Cells that moved by 1..k−1 since a value they were shown with are withheld (A7, guard 2).
   * Callers decide whether a publication is due (publishIfDue, or the view's own check).
   */
  async publish(db: Kysely<Database>, campaign: CampaignRow, now: string, previous?: Snapshot): Promise<Snapshot> {
    const before = previous ?? (await findSnapshot(db, campaign.id));
    const counts = await countByUnit(db, this.scopeOf(campaign));
    const units =
      before?.payload.units ??
      // Only for a campaign launched before snapshots existed: today's tree is the best we have.
      campaignUnitsAtLaunch(
        (await agencyUnits(this.deps.directory, campaign.agency_id, db)).map((u) => ({
          id: u.id,
          parentId: u.parentId,
        })),
        unitIdsOf(campaign),
      );
    const k = thresholdOf(campaign.anonymity_threshold);
    const instruments = this.instrumentsOf(campaign);
    // A snapshot published before snapshots kept their history has none: what it showed is its history.
    const history = before
      ? (before.payload.history ??
        campaignPublication({
          units: before.payload.units,
          own: new Map<string, OwnCounts>(Object.entries(before.payload.counts)),
          instruments,
          threshold: k,
          history: {},
        }).history)
      : {};
    const publication = campaignPublication({ units, own: counts, instruments, threshold: k, history });
    let responseCount = 0;
    for (const unit of counts.values()) for (const i of Object.values(unit.instruments)) responseCount += i.respondents;
    const snapshot: Snapshot = {
      responseCount,
      publishedAt: now,
      payload: {
        version: 1,
        units,
        counts: Object.fromEntries(counts),
        timeWithheld: publication.timeWithheld,
        history: publication.history,
      },
    };
    await saveSnapshot(db, campaign.id, snapshot);
    return snapshot;
  }

  private instrumentsOf(campaign: CampaignRow) {
    return instrumentIdsOf(campaign).map((instrumentId) => ({ instrumentId, bands: distributionBands(instrumentId) }));
  }

  private scopeOf(campaign: CampaignRow) {
    return { id: campaign.id, agency_id: campaign.agency_id, instrumentIds: instrumentIdsOf(campaign) };
  }
}
