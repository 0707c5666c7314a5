import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { CampaignUnit, OwnCounts } from '../../../domain/anonymity/campaign-table.js';

/**
 * Aggregates of a campaign's results, and nothing else: every query here groups by unit and
 * returns counts of distinct people (docs/privacy.md §1.2). No person id, name or single result ever
 * reaches JavaScript from this file. People are counted in their unit at launch
 * (campaign_members.unit_id, A8), never in today's people.unit_id.
 */

interface CampaignScope {
  id: string;
  agency_id: string;
  instrumentIds: readonly string[];
}

/** The campaign's results of its own instruments by its own members. */
function campaignResults(db: Kysely<Database>, c: CampaignScope) {
  return db
    .selectFrom('assessment_results as r')
    .innerJoin('campaign_members as m', (join) =>
      join.onRef('m.campaign_id', '=', 'r.campaign_id').onRef('m.person_id', '=', 'r.person_id'),
    )
    .where('r.campaign_id', '=', c.id)
    .where('r.agency_id', '=', c.agency_id)
    .where('r.instrument_id', 'in', c.instrumentIds);
}

/** A7's measure: responses so far, one per person and instrument completed. */
export async function countResponses(db: Kysely<Database>, c: CampaignScope): Promise<number> {
  if (c.instrumentIds.length === 0) return 0;
  const rows = await campaignResults(db, c)
    .select(['r.instrument_id', (eb) => eb.fn.count<number>('r.person_id').distinct().as('n')])
    .groupBy('r.instrument_id')
    .execute();
  return rows.reduce((sum, r) => sum + Number(r.n), 0);
}

/** Per unit (at launch): invited, participated, and per instrument respondents and band counts. */
export async function countByUnit(db: Kysely<Database>, c: CampaignScope): Promise<Map<string, OwnCounts>> {
  const own = new Map<string, OwnCounts>();
  const of = (unitId: string) => {
    let counts = own.get(unitId);
    if (!counts) own.set(unitId, (counts = { invited: 0, participated: 0, instruments: {} }));
    return counts;
  };
  const invited = await db
    .selectFrom('campaign_members')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaign_id', '=', c.id)
    .groupBy('unit_id')
    .execute();
  for (const r of invited) of(r.unit_id).invited = Number(r.n);
  if (c.instrumentIds.length === 0) return own;

  const participated = await campaignResults(db, c)
    .select(['m.unit_id', (eb) => eb.fn.count<number>('r.person_id').distinct().as('n')])
    .groupBy('m.unit_id')
    .execute();
  for (const r of participated) of(r.unit_id).participated = Number(r.n);

  const respondents = await campaignResults(db, c)
    .select(['m.unit_id', 'r.instrument_id', (eb) => eb.fn.count<number>('r.person_id').distinct().as('n')])
    .groupBy(['m.unit_id', 'r.instrument_id'])
    .execute();
  for (const r of respondents) of(r.unit_id).instruments[r.instrument_id] = { respondents: Number(r.n), bands: {} };

  // A person who submitted an instrument twice counts once, in the band of their latest result.
  const bands = await campaignResults(db, c)
    .where('r.band', 'is not', null)
    .where((eb) =>
      eb(
        'r.id',
        '=',
        eb
          .selectFrom('assessment_results as latest')
          .select('latest.id')
          .whereRef('latest.campaign_id', '=', 'r.campaign_id')
          .whereRef('latest.person_id', '=', 'r.person_id')
          .whereRef('latest.instrument_id', '=', 'r.instrument_id')
          .orderBy('latest.created_at', 'desc')
          .orderBy('latest.id', 'desc')
          .limit(1),
      ),
    )
    .select(['m.unit_id', 'r.instrument_id', 'r.band', (eb) => eb.fn.count<number>('r.person_id').distinct().as('n')])
    .groupBy(['m.unit_id', 'r.instrument_id', 'r.band'])
    .execute();
  for (const r of bands) {
    const instrument = (of(r.unit_id).instruments[r.instrument_id] ??= { respondents: 0, bands: {} });
    instrument.bands[r.band as string] = Number(r.n);
  }
  return own;
}

/** What campaign_stat_snapshots.payload holds: counts per unit, never a person. */
export interface SnapshotPayload {
  version: 1;
  /** The unit tree at launch (A8): rows are the chosen subtrees. */
  units: CampaignUnit[];
  counts: Record<string, OwnCounts>;
  /** A7: cells this publication withholds because they moved by 1..k−1 since they were shown. */
  timeWithheld?: string[];
  /** A7: every value each cell was shown with, this publication included (absent from snapshots published before the history was kept). */
  history?: Record<string, number[]>;
}

export interface Snapshot {
  responseCount: number;
  /** Result rows of the campaign when published (countResultRows); 0 when not known. */
  resultRows?: number;
  publishedAt: string;
  payload: SnapshotPayload;
}

export async function findSnapshot(db: Kysely<Database>, campaignId: string): Promise<Snapshot | undefined> {
  const row = await db
    .selectFrom('campaign_stat_snapshots')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
  return (
    row && {
      responseCount: Number(row.response_count),
      publishedAt: row.published_at,
      payload: JSON.parse(row.payload) as SnapshotPayload,
    }
  );
}

export async function saveSnapshot(db: Kysely<Database>, campaignId: string, snapshot: Snapshot): Promise<void> {
  const values = {
    response_count: snapshot.responseCount,
    result_rows: snapshot.resultRows ?? 0,
    payload: JSON.stringify(snapshot.payload),
    published_at: snapshot.publishedAt,
  };
  await db
    .insertInto('campaign_stat_snapshots')
    .values({ campaign_id: campaignId, ...values })
    .onConflict((oc) => oc.column('campaign_id').doUpdateSet(values))
    .execute();
}

/**
 * Whether this person already viewed these very figures (one publication) since `since`: repeated
 * views within a short window are audited once, so refreshing cannot flood the audit log.
 */
export async function viewedRecently(
  db: Kysely<Database>,
  v: { agencyId: string; actorId: string; campaignId: string; publishedAt: string; since: string },
): Promise<boolean> {
  const rows = await db
    .selectFrom('audit_log')
    .select('details')
    .where('agency_id', '=', v.agencyId)
    .where('actor_id', '=', v.actorId)
    .where('action', '=', 'campaign.stats_viewed')
    .where('resource_id', '=', v.campaignId)
    .where('occurred_at', '>=', v.since)
    .orderBy('occurred_at', 'desc')
    .limit(20)
    .execute();
  return rows.some(
    (r) => r.details !== null && (JSON.parse(r.details) as { publishedAt?: string }).publishedAt === v.publishedAt,
  );
}

/** The published snapshot's head: enough to decide on republishing (A7) without reading its counts. */
export async function findSnapshotHead(
  db: Kysely<Database>,
  campaignId: string,
): Promise<{ responseCount: number; publishedAt: string; resultRows: number } | undefined> {
  const row = await db
    .selectFrom('campaign_stat_snapshots')
    .select(['response_count', 'published_at', 'result_rows'])
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
  return (
    row && {
      responseCount: Number(row.response_count),
      publishedAt: row.published_at,
      resultRows: Number(row.result_rows),
    }
  );
}

/**
 * The head and the campaign's result rows now, in one statement: what a view needs to tell
 * whether a publication may be due (A7, countResultRows) without a second round trip.
 */
export async function findSnapshotHeadWithRows(
  db: Kysely<Database>,
  campaignId: string,
): Promise<{ responseCount: number; publishedAt: string; resultRows: number; currentRows: number } | undefined> {
  const row = await db
    .selectFrom('campaign_stat_snapshots as s')
    .select([
      's.response_count',
      's.published_at',
      's.result_rows',
      (eb) =>
        eb
          .selectFrom('assessment_results as r')
          .select((c) => c.fn.countAll<number>().as('n'))
          .whereRef('r.campaign_id', '=', 's.campaign_id')
          .as('current_rows'),
    ])
    .where('s.campaign_id', '=', campaignId)
    .executeTakeFirst();
  return (
    row && {
      responseCount: Number(row.response_count),
      publishedAt: row.published_at,
      resultRows: Number(row.result_rows),
      currentRows: Number(row.current_rows),
    }
  );
}

/**
 * The campaign's result rows, from the index alone: every new response adds at least one row, so
 * fewer than k new rows since a publication means fewer than k new responses (A7) — the exact
 * count of distinct people runs only when this says a publication may be due.
 */
export async function countResultRows(db: Kysely<Database>, c: CampaignScope): Promise<number> {
  const row = await db
    .selectFrom('assessment_results')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', c.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A stored publication's suppressed figures for one viewer scope (decision 024), as JSON text. */
export async function findPublication(
  db: Kysely<Database>,
  campaignId: string,
  scopeKey: string,
): Promise<{ publishedAt: string; figures: string } | undefined> {
  const row = await db
    .selectFrom('campaign_publications')
    .select(['published_at', 'figures'])
    .where('campaign_id', '=', campaignId)
    .where('scope_key', '=', scopeKey)
    .executeTakeFirst();
  return row && { publishedAt: row.published_at, figures: row.figures };
}

/** Stores one scope's figures of a publication, replacing that scope's older ones. */
export async function savePublication(
  db: Kysely<Database>,
  p: { campaignId: string; scopeKey: string; publishedAt: string; figures: string },
): Promise<void> {
  const values = { published_at: p.publishedAt, figures: p.figures };
  await db
    .insertInto('campaign_publications')
    .values({ campaign_id: p.campaignId, scope_key: p.scopeKey, ...values })
    .onConflict((oc) => oc.columns(['campaign_id', 'scope_key']).doUpdateSet(values))
    .execute();
}

/** A new publication makes every scope's stored figures stale: they go, and are computed again once. */
export async function deletePublications(db: Kysely<Database>, campaignId: string): Promise<void> {
  await db.deleteFrom('campaign_publications').where('campaign_id', '=', campaignId).execute();
}

/**
 * The campaign shown beside this one: the agency's latest campaign closed before this one was
 * launched (decision 024). The caller checks that it shares an instrument and reaches the viewer.
 */
export async function findPreviousCampaigns(
  db: Kysely<Database>,
  agencyId: string,
  before: string,
  excludeId: string,
): Promise<Array<{ id: string }>> {
  return db
    .selectFrom('campaigns')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'closed')
    .where('closed_at', '<=', before)
    .where('id', '!=', excludeId)
    .orderBy('closed_at', 'desc')
    .orderBy('id')
    .limit(5)
    .execute();
}
