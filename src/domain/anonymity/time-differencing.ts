import type { CountTable, Withheld } from './count-table.js';
import { suppress } from './suppression.js';

/**
 * docs/privacy.md A7 — time differencing. A reader who saved yesterday's figures subtracts them from
 * today's: if one person answered in between, the difference is that person. Two guards, applied
 * at every publication (a view that finds enough new responses, closing, any later republication):
 *
 *  1. New figures are published only when at least k new responses arrived since the last
 *     publication (shouldRepublish); otherwise the last published figures stay. Closing is no
 *     exception: a campaign closed after fewer than k new responses keeps its last figures.
 *  2. Even then, k new responses spread over the units can move one cell by 1. So a cell is shown
 *     only when its value differs from every value it was ever shown with by 0 or at least k;
 *     otherwise it is withheld in this publication (and the rules run again, so the cells that
 *     would give it away by subtraction go too). Hence no published cell ever changes by 1..k−1
 *     between any two publications a reader saw.
 *
 * A response is one person completing one instrument of the campaign. A deleted result lowers
 * the current count, which only delays the next publication (never hastens it).
 */
export interface Publication {
  /** Responses counted in the published figures. */
  responseCount: number;
  publishedAt: string;
}

/** Guard 1: whether a new publication may replace `published` (none yet: always). */
export function shouldRepublish(input: {
  published: Publication | null;
  currentResponses: number;
  k: number;
}): boolean {
  const { published, currentResponses, k } = input;
  if (!published) return true;
  return currentResponses - published.responseCount >= k;
}

/** Every value each cell was shown with in earlier publications, by cell key. */
export type ShownHistory = Readonly<Record<string, readonly number[]>>;

/** True when `value` differs from one of the earlier shown values by 1..k−1. */
export function movedBySmallAmount(earlier: readonly number[] | undefined, value: number, k: number): boolean {
  return (earlier ?? []).some((v) => {
    const d = Math.abs(value - v);
    return d > 0 && d < k;
  });
}

/**
 * Guard 2 on one table: the cells to withhold because they moved by 1..k−1 since a value they
 * were shown with (the seed to pass to suppress), and the resulting withheld set. Runs to a fixed
 * point: suppression may show a cell that an earlier round hid for another reason.
 */
export function withholdRecentChanges(
  table: CountTable,
  k: number,
  history: ShownHistory,
): { seed: Withheld; withheld: Withheld } {
  const seed: Withheld = new Map();
  for (;;) {
    const withheld = suppress(table, k, seed);
    let moved = false;
    for (const [key, n] of table.counts) {
      if (withheld.has(key) || !movedBySmallAmount(history[key], n, k)) continue;
      seed.set(key, 'complementary');
      moved = true;
    }
    if (!moved) return { seed, withheld };
  }
}

/** The history after a publication: every earlier value plus what this one shows. */
export function rememberShown(
  history: ShownHistory,
  table: CountTable,
  withheld: ReadonlyMap<string, unknown>,
): Record<string, number[]> {
  const next: Record<string, number[]> = {};
  for (const [key, values] of Object.entries(history)) next[key] = [...values];
  for (const [key, n] of table.counts) {
    if (withheld.has(key)) continue;
    const values = (next[key] ??= []);
    if (!values.includes(n)) values.push(n);
  }
  return next;
}
