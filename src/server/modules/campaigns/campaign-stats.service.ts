import { createHash } from 'node:crypto';
import type { i18n } from 'i18next';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { campaignStats, type CampaignExportFormat, type CampaignStats } from '../../../contracts/campaigns.js';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import {
  campaignFigures,
  campaignPublication,
  campaignUnitsAtLaunch,
  type CampaignFigures,
  type OwnCounts,
} from '../../../domain/anonymity/campaign-table.js';
import { distributionBands } from '../../../domain/anonymity/distribution-bands.js';
import { thresholdOf } from '../../../domain/anonymity/threshold.js';
import { shouldRepublish } from '../../../domain/anonymity/time-differencing.js';
import type { Locale } from '../../../i18n/locales.js';
import { translatorFor } from '../../../i18n/translator.js';
import type { Clock } from '../../clock.js';
import { renderReport, type ReportFile } from './campaign-report-file.js';
import { conflict, notFound } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import { CampaignScope } from './campaign-scope.js';
import {
  countByUnit,
  countResponses,
  countResultRows,
  deletePublications,
  findPreviousCampaigns,
  findPublication,
  findSnapshot,
  findSnapshotHead,
  findSnapshotHeadWithRows,
  savePublication,
  saveSnapshot,
  viewedRecently,
  type Snapshot,
} from './campaign-stats.repository.js';
import type { OrgDirectory } from '../org/index.js';
import { agencyFacts, agencyUnits, type AgencyUnit } from './agency-facts.js';
import { findCampaign, type CampaignRow } from './campaigns.repository.js';
import { instrumentIdsOf, presentPrevious, presentStats, unitIdsOf } from './campaigns.presenter.js';

/** The stored publication's key for a viewer scope: `*` agency-wide, else the scope's units in order. */
function scopeKeyOf(roots: readonly string[] | null): string {
  return roots === null ? '*' : [...new Set(roots)].sort().join(',');
}

const READ = 'read:campaign-aggregate:unit' as const;

/** Views of the same published figures by the same person within this window are audited once. */
export const STATS_VIEW_AUDIT_WINDOW_MS = 15 * 60_000;

/** Serialised answers kept per app instance (docs/decisions/027-campaign-view-cost.md); oldest out first. */
const ANSWERS_KEPT = 32;

/** One viewer scope's whole answer to a publication, ready to send, and what its audit entry names. */
interface Answer {
  /** The answer as the route's serialiser would write it: the contract's fields only, as JSON. */
  json: string;
  previous: { campaignId: string; publishedAt: string } | null;
}

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
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      audit: AuditService;
      directory: OrgDirectory;
      i18n: i18n;
    },
  ) {}

  /**
   * Answers already built, by publication, viewer scope, status and unit names (decision 027).
   * Figures change only at a publication (A7), so an answer is fixed by its key; the key is read
   * from the database on every view, so an instance never serves figures another has replaced.
   */
  private readonly answers = new Map<string, Answer>();

  /** The published figures, suppressed for this viewer, with the previous campaign beside them. */
  async view(actor: Actor, id: string, origin: AuditOrigin): Promise<CampaignStats> {
    return JSON.parse((await this.viewAnswer(actor, id, origin)).json) as CampaignStats;
  }

  /** view() as JSON text, ready to send: the route skips serialising the same figures again. */
  async viewJson(actor: Actor, id: string, origin: AuditOrigin): Promise<string> {
    return (await this.viewAnswer(actor, id, origin)).json;
  }

  private async viewAnswer(actor: Actor, id: string, origin: AuditOrigin): Promise<Answer> {
    return this.deps.db.transaction().execute(async (trx) => (await this.read(trx, actor, id, origin, null)).answer);
  }

  /**
   * The same figures for a download (XLSX or PDF): exactly what view answers — the same stored
   * publication, the same suppression — and audited every time, with the format (decision 024).
   */
  async report(
    actor: Actor,
    id: string,
    origin: AuditOrigin,
    format: CampaignExportFormat,
  ): Promise<{ stats: CampaignStats; campaign: CampaignRow; timeZone: string; agency: string }> {
    return this.deps.db.transaction().execute(async (trx) => {
      const { answer, campaign } = await this.read(trx, actor, id, origin, format);
      const facts = await agencyFacts(this.deps.directory, actor.agencyId, trx);
      return {
        // The very text the screen is sent, read back: a file holds exactly the screen's cells.
        stats: JSON.parse(answer.json) as CampaignStats,
        campaign,
        timeZone: facts?.timeZone ?? 'Asia/Jakarta',
        agency: facts?.name ?? '',
      };
    });
  }

  /** The report file: report() rendered in the reader's language. */
  async export(
    actor: Actor,
    id: string,
    origin: AuditOrigin,
    format: CampaignExportFormat,
    locale: Locale,
  ): Promise<ReportFile> {
    const { stats, campaign, timeZone, agency } = await this.report(actor, id, origin, format);
    return renderReport(
      {
        stats,
        agency,
        campaign: {
          title: campaign.title,
          opensOn: campaign.opens_at,
          closesOn: campaign.closes_at,
          instrumentIds: instrumentIdsOf(campaign),
        },
        locale,
        timeZone,
        now: this.deps.clock.now().toISOString(),
        t: translatorFor(this.deps.i18n, locale),
      },
      format,
    );
  }

  private async read(
    trx: Kysely<Database>,
    actor: Actor,
    id: string,
    origin: AuditOrigin,
    format: CampaignExportFormat | null,
  ): Promise<{ answer: Answer; campaign: CampaignRow }> {
    const { clock, audit } = this.deps;
    const campaign = await findCampaign(trx, actor.agencyId, id);
    const units = await agencyUnits(this.deps.directory, actor.agencyId, trx);
    const scope = CampaignScope.of(actor, READ, units);
    if (!campaign || !scope.overlaps(unitIdsOf(campaign), units)) throw notFound();
    if (campaign.status === 'draft') throw conflict('campaign_not_open');
    const k = thresholdOf(campaign.anonymity_threshold);

    // A7: the published head and the campaign's result rows, in one statement (an index count);
    // the exact count of responses runs only when at least k rows arrived since the publication.
    const found = await findSnapshotHeadWithRows(trx, campaign.id);
    let head: { responseCount: number; publishedAt: string; resultRows?: number } | undefined = found;
    const maybeDue = !found || found.currentRows - found.resultRows >= k;
    const republish =
      maybeDue &&
      (!head ||
        shouldRepublish({ published: head, currentResponses: await countResponses(trx, this.scopeOf(campaign)), k }));
    if (republish) head = await this.publish(trx, campaign, clock.now().toISOString());
    const published = head as { responseCount: number; publishedAt: string; resultRows?: number };
    const publishedAt = published.publishedAt;

    const key = this.answerKey(campaign, published, scopeKeyOf(scope.roots), units);
    let answer = this.answers.get(key);
    if (!answer) {
      answer = await this.buildAnswer(trx, campaign, publishedAt, scope, units);
      if (this.answers.size >= ANSWERS_KEPT) this.answers.delete(this.answers.keys().next().value as string);
      this.answers.set(key, answer);
    }
    const { previous } = answer;

    const since = new Date(clock.now().getTime() - STATS_VIEW_AUDIT_WINDOW_MS).toISOString();
    const seen =
      format === null &&
      !republish &&
      (await viewedRecently(trx, {
        agencyId: actor.agencyId,
        actorId: actor.personId,
        campaignId: campaign.id,
        publishedAt,
        since,
      }));
    if (!seen) {
      await audit.record(
        {
          ...origin,
          action: format === null ? 'campaign.stats_viewed' : 'campaign.stats_exported',
          resourceType: 'campaign',
          resourceId: campaign.id,
          details: {
            publishedAt,
            ...(format === null ? { republished: republish } : { format }),
            ...(previous ? { previousCampaignId: previous.campaignId, previousPublishedAt: previous.publishedAt } : {}),
          },
        },
        trx,
      );
    }
    return { answer, campaign };
  }

  /**
   * What fixes an answer: the publication (its time and the counts it was taken at), the viewer
   * scope, the campaign's status and the unit names shown (a renamed unit shows its new name,
   * decision 024). The previous campaign is fixed too: it closed before this one launched, and a
   * closed campaign publishes no more (previousOf). publish() also drops this instance's answers
   * of the campaign, so two publications within one millisecond cannot share an answer here.
   */
  private answerKey(
    campaign: CampaignRow,
    published: { responseCount: number; publishedAt: string; resultRows?: number },
    scopeKey: string,
    units: readonly AgencyUnit[],
  ) {
    const names = createHash('sha256');
    for (const u of units) names.update(`${u.id}\u0000${u.name}\u0000`);
    return [
      campaign.id,
      published.publishedAt,
      published.responseCount,
      published.resultRows ?? 0,
      campaign.status,
      scopeKey,
      names.digest('base64'),
    ].join('|');
  }

  /** The answer of one publication for one viewer scope: built once per instance, from the stored publications. */
  private async buildAnswer(
    trx: Kysely<Database>,
    campaign: CampaignRow,
    publishedAt: string,
    scope: CampaignScope,
    units: readonly AgencyUnit[],
  ): Promise<Answer> {
    const figures = await this.figuresOf(trx, campaign, publishedAt, scope.roots);
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    const stats = presentStats({
      campaignId: campaign.id,
      threshold: thresholdOf(campaign.anonymity_threshold),
      publishedAt,
      figures,
      unitNames,
    });
    const previous = await this.previousOf(trx, campaign, scope, units);
    const result: CampaignStats = {
      ...stats,
      status: campaign.status === 'closed' ? 'closed' : 'open',
      previous: previous && presentPrevious(previous.campaign, previous.publishedAt, previous.figures, stats),
    };
    // Exactly what the route's serialiser would send (fastify-type-provider-zod encodes, then
    // stringifies): the contract's fields only, checked once here instead of on every view.
    return {
      json: JSON.stringify(z.encode(campaignStats, result)),
      previous: previous && { campaignId: previous.campaign.id, publishedAt: previous.publishedAt },
    };
  }

  /**
   * One viewer scope's suppressed figures of a publication: read from the stored publication,
   * or — the first time this scope looks at it — computed once from the snapshot and stored.
   */
  private async figuresOf(
    db: Kysely<Database>,
    campaign: CampaignRow,
    publishedAt: string,
    roots: readonly string[] | null,
  ): Promise<CampaignFigures> {
    const key = scopeKeyOf(roots);
    const stored = await findPublication(db, campaign.id, key);
    if (stored && stored.publishedAt === publishedAt) return JSON.parse(stored.figures) as CampaignFigures;
    const snapshot = (await findSnapshot(db, campaign.id)) as Snapshot;
    const figures = this.suppress(campaign, snapshot, roots);
    await savePublication(db, {
      campaignId: campaign.id,
      scopeKey: key,
      publishedAt,
      figures: JSON.stringify(figures),
    });
    return figures;
  }

  private suppress(campaign: CampaignRow, snapshot: Snapshot, roots: readonly string[] | null): CampaignFigures {
    return campaignFigures({
      units: snapshot.payload.units,
      own: new Map(Object.entries(snapshot.payload.counts)),
      instruments: this.instrumentsOf(campaign),
      threshold: thresholdOf(campaign.anonymity_threshold),
      scope: roots,
      timeWithheld: snapshot.payload.timeWithheld ?? [],
    });
  }

  /**
   * The campaign shown beside this one (decision 024): the agency's latest campaign closed before
   * this one was launched that shares an instrument and reaches the viewer's units, with its own
   * last publication for the same viewer scope.
   */
  private async previousOf(
    db: Kysely<Database>,
    campaign: CampaignRow,
    scope: CampaignScope,
    units: readonly AgencyUnit[],
  ): Promise<{ campaign: CampaignRow; publishedAt: string; figures: CampaignFigures } | null> {
    const instruments = new Set(instrumentIdsOf(campaign));
    const before = campaign.launched_at ?? campaign.created_at;
    for (const { id } of await findPreviousCampaigns(db, campaign.agency_id, before, campaign.id)) {
      const candidate = await findCampaign(db, campaign.agency_id, id);
      if (!candidate || !instrumentIdsOf(candidate).some((i) => instruments.has(i))) continue;
      if (!scope.overlaps(unitIdsOf(candidate), units)) continue;
      // A closed campaign takes no more answers: its last publication stands (closing already
      // published what was due); one never published at all publishes once now.
      const head =
        (await findSnapshotHead(db, candidate.id)) ??
        (await this.publish(db, candidate, this.deps.clock.now().toISOString()));
      return {
        campaign: candidate,
        publishedAt: head.publishedAt,
        figures: await this.figuresOf(db, candidate, head.publishedAt, scope.roots),
      };
    }
    return null;
  }

  /**
   * The one way figures are (re)published after launch — a view, closing, any later republication:
   * only when at least k new responses arrived since the last publication (A7). Returns whether
   * new figures were published; otherwise the last ones stay.
   */
  async publishIfDue(db: Kysely<Database>, campaign: CampaignRow, now: string): Promise<boolean> {
    const head = await findSnapshotHead(db, campaign.id);
    const currentResponses = await countResponses(db, this.scopeOf(campaign));
    if (head && !shouldRepublish({ published: head, currentResponses, k: thresholdOf(campaign.anonymity_threshold) }))
      return false;
    await this.publish(db, campaign, now);
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
    const resultRows = await countResultRows(db, this.scopeOf(campaign));
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
      resultRows,
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
    for (const key of [...this.answers.keys()]) if (key.startsWith(`${campaign.id}|`)) this.answers.delete(key);
    // Compute once, at publication (decision 024): the agency-wide suppressed table is stored now;
    // a unit-scoped viewer's is computed at their first look and stored beside it.
    await deletePublications(db, campaign.id);
    await savePublication(db, {
      campaignId: campaign.id,
      scopeKey: scopeKeyOf(null),
      publishedAt: now,
      figures: JSON.stringify(this.suppress(campaign, snapshot, null)),
    });
    return snapshot;
  }

  private instrumentsOf(campaign: CampaignRow) {
    return instrumentIdsOf(campaign).map((instrumentId) => ({ instrumentId, bands: distributionBands(instrumentId) }));
  }

  private scopeOf(campaign: CampaignRow) {
    return { id: campaign.id, agency_id: campaign.agency_id, instrumentIds: instrumentIdsOf(campaign) };
  }
}
