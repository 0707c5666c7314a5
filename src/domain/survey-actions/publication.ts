import type { ResultFigure, ThemeResult } from '../surveys/results.js';

/**
 * What a survey publication may show staff (docs/decisions/051-survey-publication-and-actions.md):
 * theme indexes of result cells — a theme in the whole survey or in one unit — exactly as the
 * stored results serve them. A cell the anonymity engine withheld cannot be published; figures
 * are copied from the stored view, never computed here or taken from a client.
 */

export interface ResultNode {
  nodeId: string;
  parentId: string | null;
  depth: number;
  themes: readonly ThemeResult[];
}

export interface PublicationCell {
  nodeId: string;
  parentId: string | null;
  depth: number;
  themeId: string;
  favourableShare: ResultFigure;
  score: ResultFigure;
  /** Some figure of the cell is shown by the results: only such a cell may be published. */
  served: boolean;
}

/** A published figure: the cell's stored figures, copied. */
export type PublishedFigure = Omit<PublicationCell, 'served' | 'parentId' | 'depth'>;

export const cellKey = (nodeId: string, themeId: string) => `${nodeId}|${themeId}`;

/** The limit on chosen cells: every theme of every unit of a large agency fits. */
export const MAX_SELECTED = 5000;

/** Every theme cell of the stored results: the whole survey first, then the units in their order. */
export function publicationCells(results: { total: ResultNode; rows: readonly ResultNode[] }): PublicationCell[] {
  return [results.total, ...results.rows].flatMap((node) =>
    node.themes.map((theme) => ({
      nodeId: node.nodeId,
      parentId: node.parentId,
      depth: node.depth,
      themeId: theme.themeId,
      favourableShare: theme.favourableShare,
      score: theme.score,
      served: theme.favourableShare.value !== null || theme.score.value !== null,
    })),
  );
}

/** Transparent by default: every served cell is chosen until the admin unchooses it. */
export function defaultSelection(cells: readonly PublicationCell[]): string[] {
  return cells.filter((c) => c.served).map((c) => cellKey(c.nodeId, c.themeId));
}

export type CopyOutcome =
  { ok: true; figures: PublishedFigure[] } | { ok: false; withheld: string[]; unknown: string[] };

/**
 * The chosen cells' figures, copied from the stored cells in the results' order. Refuses the
 * whole choice when it names a withheld cell or one the results do not have.
 */
export function copyFigures(cells: readonly PublicationCell[], selected: readonly string[]): CopyOutcome {
  const byKey = new Map(cells.map((c) => [cellKey(c.nodeId, c.themeId), c]));
  const chosen = new Set(selected);
  const unknown = [...chosen].filter((k) => !byKey.has(k));
  const withheld = [...chosen].filter((k) => byKey.get(k)?.served === false);
  if (unknown.length > 0 || withheld.length > 0) return { ok: false, withheld, unknown };
  return {
    ok: true,
    figures: cells
      .filter((c) => chosen.has(cellKey(c.nodeId, c.themeId)))
      .map((c) => ({ nodeId: c.nodeId, themeId: c.themeId, favourableShare: c.favourableShare, score: c.score })),
  };
}
