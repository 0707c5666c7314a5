import type { CampaignStats, CampaignView } from '../../../contracts/campaigns.js';
import type { InstrumentId } from '../../../domain/instruments/types.js';
import type { CampaignFigures, Figure, UnitFigures } from '../../../domain/anonymity/campaign-table.js';
import type { CampaignRow } from './campaigns.repository.js';

/** The JSON arrays a campaign row keeps, parsed. */
export function instrumentIdsOf(row: CampaignRow): InstrumentId[] {
  return JSON.parse(row.instrument_ids) as InstrumentId[];
}

export function unitIdsOf(row: CampaignRow): string[] {
  return JSON.parse(row.unit_ids) as string[];
}

/** A campaign as the admin sees it: organisational facts only. */
export function presentCampaign(
  row: CampaignRow,
  unitNames: ReadonlyMap<string, string>,
  invited: number,
): CampaignView {
  return {
    id: row.id,
    title: row.title,
    message: row.message,
    instrumentIds: instrumentIdsOf(row),
    units: unitIdsOf(row).map((id) => ({ id, name: unitNames.get(id) ?? '' })),
    opensOn: row.opens_at,
    closesOn: row.closes_at,
    reminderEveryDays: row.reminder_every_days,
    status: row.status as CampaignView['status'],
    anonymityThreshold: row.anonymity_threshold,
    invited,
    createdAt: row.created_at,
    launchedAt: row.launched_at,
    closedAt: row.closed_at,
  };
}

/** Units by name, Indonesian order; one collator, not one per comparison (localeCompare builds one each call). */
const BY_NAME = new Intl.Collator('id');

/** Why a unit's headline figures are missing: its participation first, then any respondents. */
function suppressionOf(row: UnitFigures): CampaignStats['units'][number]['suppression'] {
  const first = [row.participated, ...row.instruments.map((i) => i.respondents)].find((f: Figure) => f.value === null);
  return first?.withheld ?? 'none';
}

/**
 * Suppressed figures as the contract shows them: unit names and counts, never a person. Rows
 * come parents first, siblings by name.
 */
export function presentStats(input: {
  campaignId: string;
  threshold: number;
  publishedAt: string;
  figures: CampaignFigures;
  unitNames: ReadonlyMap<string, string>;
}): Omit<CampaignStats, 'status' | 'previous'> {
  const { figures, unitNames } = input;
  const children = new Map<string | null, UnitFigures[]>();
  for (const row of figures.rows) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  const ordered: UnitFigures[] = [];
  const visit = (parent: string | null) => {
    const list = [...(children.get(parent) ?? [])].sort(
      (a, b) =>
        BY_NAME.compare(unitNames.get(a.unitId) ?? '', unitNames.get(b.unitId) ?? '') || (a.unitId < b.unitId ? -1 : 1),
    );
    for (const row of list) {
      ordered.push(row);
      visit(row.unitId);
    }
  };
  visit(null);
  return {
    campaignId: input.campaignId,
    threshold: input.threshold,
    publishedAt: input.publishedAt,
    responses: figures.total.value,
    units: ordered.map((row) => ({
      unitId: row.unitId,
      unitName: unitNames.get(row.unitId) ?? '',
      parentId: row.parentId,
      depth: row.depth,
      invited: row.invited,
      participated: row.participated.value,
      participationRate:
        row.participated.value === null || row.invited === 0
          ? null
          : Math.round((row.participated.value / row.invited) * 1000) / 10,
      instruments: row.instruments.map((i) => ({
        instrumentId: i.instrumentId as InstrumentId,
        respondents: i.respondents.value,
        bands: i.bands.map((b) => ({ band: b.band, count: b.count.value })),
      })),
      suppression: suppressionOf(row),
    })),
  };
}

/**
 * The previous campaign beside this one (decision 024): its published figures for the same viewer,
 * per unit and instrument of this campaign, with every cell withheld in either publication
 * withheld here. Units the previous campaign did not reach are left out.
 */
export function presentPrevious(
  row: CampaignRow,
  publishedAt: string,
  figures: CampaignFigures,
  current: Pick<CampaignStats, 'responses' | 'units'>,
): NonNullable<CampaignStats['previous']> {
  const before = new Map(figures.rows.map((r) => [r.unitId, r]));
  const both = (now: number | null, then: number | null) => (now === null ? null : then);
  return {
    campaignId: row.id,
    title: row.title,
    publishedAt,
    closedAt: row.closed_at,
    responses: both(current.responses, figures.total.value),
    units: current.units.flatMap((unit) => {
      const prev = before.get(unit.unitId);
      if (!prev) return [];
      const participated = both(unit.participated, prev.participated.value);
      return [
        {
          unitId: unit.unitId,
          participated,
          participationRate:
            participated === null || prev.invited === 0 ? null : Math.round((participated / prev.invited) * 1000) / 10,
          instruments: unit.instruments.flatMap((i) => {
            const p = prev.instruments.find((x) => x.instrumentId === i.instrumentId);
            if (!p) return [];
            return [
              {
                instrumentId: i.instrumentId,
                respondents: both(i.respondents, p.respondents.value),
                bands: i.bands.map((b) => ({
                  band: b.band,
                  count: both(b.count, p.bands.find((x) => x.band === b.band)?.count.value ?? null),
                })),
              },
            ];
          }),
        },
      ];
    }),
  };
}
