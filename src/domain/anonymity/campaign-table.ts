import { pathToUnit, subtreeIds, type UnitNode } from '../org/unit-tree.js';
import {
  cellKey,
  indexTree,
  publishedCount,
  type CountTable,
  type TableNode,
  type Withheld,
  type WithheldReason,
} from './count-table.js';
import { DisclosureAudit } from './disclosure-audit.js';
import { suppress, suppressionViolations } from './suppression.js';
import { freezeThreshold } from './threshold.js';
import { rememberShown, withholdRecentChanges, type ShownHistory } from './time-differencing.js';

/**
 * Campaign statistics as suppressed tables (docs/privacy.md A1–A9). The figures are counted per unit
 * as the organisation stood at launch (A8), a parent counting its whole subtree.
 *
 * Suppression runs twice. First over every cell any viewer could ever be shown — the chosen
 * subtrees, plus the participation count of each of their ancestors, which is what a
 * unit-scoped admin sees as their total. Then, seeded with that result, over exactly the cells
 * this viewer sees (their units and their own total), so that the rules hold in every single
 * view, and two admins with different scopes who compare notes still know no more than the
 * first, common result reveals.
 */

export const PARTICIPATED = 'participated';
export const respondentsColumn = (instrumentId: string) => instrumentId;
export const bandColumn = (instrumentId: string, band: string) => `${instrumentId}:${band}`;

/** The synthetic node holding a viewer's total; never a unit id (those are UUIDs). */
export const VIEWER_TOTAL = 'viewer-total';

export interface CampaignUnit {
  id: string;
  parentId: string | null;
  /** In a chosen subtree: a row of the statistics. Otherwise an ancestor of a chosen unit. */
  row: boolean;
}

/** People whose unit at launch is this unit (not its sub-units). */
export interface OwnCounts {
  invited: number;
  /** Completed at least one of the campaign's instruments. */
  participated: number;
  instruments: Record<string, { respondents: number; bands: Record<string, number> }>;
}

export interface InstrumentBands {
  instrumentId: string;
  bands: readonly string[];
}

/**
 * A8: the units a campaign is counted by, fixed at launch — every unit of the chosen subtrees
 * (rows), and the ancestors of the chosen units up to the top (not rows).
 */
export function campaignUnitsAtLaunch(tree: readonly UnitNode[], chosenUnitIds: readonly string[]): CampaignUnit[] {
  const rows = new Set<string>();
  for (const id of chosenUnitIds) for (const u of subtreeIds(tree, id)) rows.add(u);
  const ancestors = new Set<string>();
  for (const id of chosenUnitIds) for (const u of pathToUnit(tree, id)) if (!rows.has(u)) ancestors.add(u);
  return tree
    .filter((u) => rows.has(u.id) || ancestors.has(u.id))
    .map((u) => ({ id: u.id, parentId: u.parentId, row: rows.has(u.id) }));
}

interface Columns {
  all: string[];
  rowOnly: string[];
  distributions: CountTable['distributions'];
}

function columnsOf(instruments: readonly InstrumentBands[]): Columns {
  const rowOnly: string[] = [];
  const distributions = instruments.map((i) => {
    const parts = i.bands.map((b) => bandColumn(i.instrumentId, b));
    rowOnly.push(respondentsColumn(i.instrumentId), ...parts);
    return { total: respondentsColumn(i.instrumentId), parts };
  });
  return { all: [PARTICIPATED, ...rowOnly], rowOnly, distributions };
}

function ownValue(own: OwnCounts | undefined, column: string): number {
  if (!own) return 0;
  if (column === PARTICIPATED) return own.participated;
  const [instrumentId, band] = column.split(':') as [string, string | undefined];
  const counts = own.instruments[instrumentId];
  if (!counts) return 0;
  return band === undefined ? counts.respondents : (counts.bands[band] ?? 0);
}

/** Every cell any viewer may see, with subtree counts; invited counts are public bounds. */
export function campaignTable(
  units: readonly CampaignUnit[],
  own: ReadonlyMap<string, OwnCounts>,
  instruments: readonly InstrumentBands[],
): CountTable {
  const { all, distributions } = columnsOf(instruments);
  const tree = indexTree(units);
  const counts = new Map<string, number>();
  const bounds = new Map<string, number>();
  const subtotal = new Map<string, number>();
  const invited = new Map<string, number>();
  for (const id of [...tree.order].reverse()) {
    const children = tree.children.get(id) ?? [];
    invited.set(id, (own.get(id)?.invited ?? 0) + children.reduce((s, c) => s + (invited.get(c) ?? 0), 0));
    for (const column of all) {
      const key = cellKey(id, column);
      subtotal.set(
        key,
        ownValue(own.get(id), column) + children.reduce((s, c) => s + (subtotal.get(cellKey(c, column)) ?? 0), 0),
      );
    }
  }
  const rowIds = new Set(units.filter((u) => u.row).map((u) => u.id));
  for (const id of tree.order) {
    // An ancestor outside the chosen subtrees only ever shows participation, as a scoped total.
    for (const column of rowIds.has(id) ? all : [PARTICIPATED]) {
      const key = cellKey(id, column);
      counts.set(key, subtotal.get(key) as number);
      bounds.set(key, invited.get(id) as number);
    }
  }
  // With one instrument, participation is that instrument's respondents: withheld together.
  const only = instruments.length === 1 ? instruments[0] : undefined;
  const linked = only ? [[PARTICIPATED, respondentsColumn(only.instrumentId)] as const] : [];
  return {
    nodes: units.map((u) => ({ id: u.id, parentId: u.parentId })),
    columns: all,
    counts,
    distributions,
    bounds,
    linked,
  };
}

export interface Figure {
  value: number | null;
  withheld: WithheldReason | null;
}

export interface UnitFigures {
  unitId: string;
  /** The nearest ancestor that is also a row of this view, or null. */
  parentId: string | null;
  depth: number;
  invited: number;
  participated: Figure;
  instruments: Array<{ instrumentId: string; respondents: Figure; bands: Array<{ band: string; count: Figure }> }>;
}

export interface CampaignFigures {
  /** Participants in everything this viewer sees. */
  total: Figure;
  rows: UnitFigures[];
}

/**
 * The figures one viewer sees. `scope` is null for an agency-wide viewer, otherwise the units
 * their role covers (each with its subtree).
 */
export function campaignFigures(input: {
  units: readonly CampaignUnit[];
  own: ReadonlyMap<string, OwnCounts>;
  instruments: readonly InstrumentBands[];
  threshold: number;
  scope: readonly string[] | null;
  /** Cells this publication withholds because they moved by 1..k−1 since they were shown (A7). */
  timeWithheld?: readonly string[];
}): CampaignFigures {
  const k = freezeThreshold(input.threshold);
  const global = campaignTable(input.units, input.own, input.instruments);
  const globalWithheld = suppress(
    global,
    k,
    new Map((input.timeWithheld ?? []).map((key) => [key, 'complementary' as const])),
  );

  const { table, rows, totalParts } = viewerTable(global, input.units, input.scope);
  const seed: Withheld = new Map();
  for (const [key, reason] of globalWithheld) if (table.counts.has(key)) seed.set(key, reason);
  const totalKey = cellKey(VIEWER_TOTAL, PARTICIPATED);
  const hiddenPart = totalParts.map((id) => globalWithheld.get(cellKey(id, PARTICIPATED))).find((r) => r !== undefined);
  if (hiddenPart) seed.set(totalKey, hiddenPart);
  const audit = new DisclosureAudit(table);
  const withheld = suppress(table, k, seed, audit);
  // Fail closed: figures that break a rule are never answered, whatever the cause.
  const problems = suppressionViolations(table, k, withheld, audit);
  if (problems.length > 0) throw new Error(`campaign figures break the anonymity rules: ${problems[0]}`);

  const figure = (node: string, column: string): Figure => {
    const value = publishedCount(table, withheld, node, column);
    return { value, withheld: value === null ? (withheld.get(cellKey(node, column)) ?? 'below_threshold') : null };
  };
  const viewerTree = indexTree(table.nodes);
  const depthOf = (id: string): number => {
    const p = viewerTree.parent.get(id);
    return p === null || p === undefined || p === VIEWER_TOTAL ? 0 : depthOf(p) + 1;
  };
  return {
    total: figure(VIEWER_TOTAL, PARTICIPATED),
    rows: viewerTree.order
      .filter((id) => id !== VIEWER_TOTAL)
      .map((id) => {
        const parent = viewerTree.parent.get(id) ?? null;
        return {
          unitId: id,
          parentId: parent === VIEWER_TOTAL ? null : parent,
          depth: depthOf(id),
          invited: (global.bounds?.get(cellKey(id, PARTICIPATED)) as number) ?? 0,
          participated: figure(id, PARTICIPATED),
          instruments: input.instruments.map((i) => ({
            instrumentId: i.instrumentId,
            respondents: figure(id, respondentsColumn(i.instrumentId)),
            bands: i.bands.map((band) => ({ band, count: figure(id, bandColumn(i.instrumentId, band)) })),
          })),
        };
      })
      .filter((r) => rows.has(r.unitId)),
  };
}

/**
 * The cells one viewer sees: the rows inside their scope (in the launch-time tree) under a
 * synthetic total, which adds up the participation of the top units of their scope.
 */
export function viewerTable(global: CountTable, units: readonly CampaignUnit[], scope: readonly string[] | null) {
  const tree = indexTree(units);
  const launchTree = units.map((u) => ({ id: u.id, parentId: u.parentId }));
  const scopeRoots =
    scope === null
      ? units.filter((u) => tree.parent.get(u.id) === null).map((u) => u.id)
      : scope.filter((id) => tree.parent.has(id));
  const covered = new Set<string>();
  for (const root of scopeRoots) for (const id of subtreeIds(launchTree, root)) covered.add(id);
  // The top units of the scope: no other scope unit above them (a nested grant adds nothing).
  const totalParts = scopeRoots.filter(
    (root) =>
      !pathToUnit(launchTree, root)
        .slice(0, -1)
        .some((a) => scopeRoots.includes(a)),
  );
  const rows = new Set(units.filter((u) => u.row && covered.has(u.id)).map((u) => u.id));

  const nodes: TableNode[] = [{ id: VIEWER_TOTAL, parentId: null }];
  for (const id of rows) {
    let parent = tree.parent.get(id) ?? null;
    while (parent !== null && !rows.has(parent)) parent = tree.parent.get(parent) ?? null;
    nodes.push({ id, parentId: parent ?? VIEWER_TOTAL });
  }
  const counts = new Map<string, number>();
  const bounds = new Map<string, number>();
  for (const id of rows) {
    for (const column of global.columns) {
      const key = cellKey(id, column);
      const n = global.counts.get(key);
      if (n === undefined) continue;
      counts.set(key, n);
      const b = global.bounds?.get(key);
      if (b !== undefined) bounds.set(key, b);
    }
  }
  const totalKey = cellKey(VIEWER_TOTAL, PARTICIPATED);
  counts.set(
    totalKey,
    totalParts.reduce((s, id) => s + (global.counts.get(cellKey(id, PARTICIPATED)) ?? 0), 0),
  );
  bounds.set(
    totalKey,
    totalParts.reduce((s, id) => s + (global.bounds?.get(cellKey(id, PARTICIPATED)) ?? 0), 0),
  );
  const table: CountTable = {
    nodes,
    columns: global.columns,
    counts,
    distributions: global.distributions,
    bounds,
    linked: global.linked,
  };
  return { table, rows, totalParts };
}

/**
 * A7 at a publication: from the counts to publish and every value each cell was shown with
 * before, the cells to withhold because they moved by 1..k−1 (to store with the publication and
 * pass to campaignFigures as `timeWithheld`), and the history including what this one shows.
 * Suppression is deterministic, so every later view of this publication shows the same cells.
 */
export function campaignPublication(input: {
  units: readonly CampaignUnit[];
  own: ReadonlyMap<string, OwnCounts>;
  instruments: readonly InstrumentBands[];
  threshold: number;
  history: ShownHistory;
}): { timeWithheld: string[]; history: Record<string, number[]> } {
  const k = freezeThreshold(input.threshold);
  const global = campaignTable(input.units, input.own, input.instruments);
  const { seed, withheld } = withholdRecentChanges(global, k, input.history);
  return { timeWithheld: [...seed.keys()], history: rememberShown(input.history, global, withheld) };
}
