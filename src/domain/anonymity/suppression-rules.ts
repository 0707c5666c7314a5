import type { DisclosureAudit } from './disclosure-audit.js';
import { BELOW_THRESHOLD, COMPLEMENTARY, keyAt, type IndexedTable } from './indexed-table.js';

/**
 * The rules of suppression.ts on an indexed table (indexed-table.ts): `reasons` holds one reason
 * code per cell (0 while shown), and the rules only ever add to it.
 *
 * Each pass runs the same rules in the same order as a pass over the whole table, but skips what
 * cannot have changed: a distribution's rule at a node reads only that node's cells of the
 * distribution, the tree rule of a column only that column, a link at a node only its two cells.
 * Each is marked dirty when one of the cells it reads is withheld, and a clean one is skipped —
 * it saw the same cells last time and withheld nothing, so it would withhold nothing again. The
 * cells withheld, their order and their reasons are those of the whole-table passes
 * (docs/benchmarks.md, survey results; pinned by results-fingerprint.test.ts).
 */

const isSmall = (remainder: number, k: number) => remainder > 0 && remainder < k;

/** Runs the rules and the audit to a fixed point; returns the cells withheld, in order. */
export function suppressIndexed(t: IndexedTable, k: number, reasons: Uint8Array, audit: DisclosureAudit): number[] {
  const { width, counts, bounds, distributions, linked, childStart, childList } = t;
  const nodes = t.nodeIds.length;
  const present = (i: number) => counts[i] === counts[i];
  const shown = (i: number) => reasons[i] === 0 && counts[i] === counts[i];
  // Which distributions and links read each column.
  const distributionsOf: number[][] = Array.from({ length: width }, () => []);
  distributions.forEach((d, di) => {
    for (const c of new Set([d.total, ...d.parts])) distributionsOf[c]?.push(di);
  });
  const linksOf: number[][] = Array.from({ length: width }, () => []);
  linked.forEach(([a, b], li) => {
    for (const c of new Set([a, b])) linksOf[c]?.push(li);
  });
  const dirtyDistribution = new Uint8Array(distributions.length * nodes).fill(1);
  const dirtyColumn = new Uint8Array(width).fill(1);
  const dirtyLink = new Uint8Array(linked.length * nodes).fill(1);
  const order: number[] = [];
  const withhold = (i: number, code: number) => {
    reasons[i] = code;
    order.push(i);
    const n = (i / width) | 0;
    const c = i - n * width;
    dirtyColumn[c] = 1;
    for (const di of distributionsOf[c] as number[]) dirtyDistribution[di * nodes + n] = 1;
    for (const li of linksOf[c] as number[]) dirtyLink[li * nodes + n] = 1;
  };
  for (let i = 0; i < counts.length; i++) if (shown(i) && (counts[i] as number) < k) withhold(i, BELOW_THRESHOLD);

  /** The smallest cell among `cells` (ties by the rank of what differs: node or column id). */
  const smallest = (cells: readonly number[], rank: (i: number) => number): number | undefined => {
    let best: number | undefined;
    for (const i of cells)
      if (
        best === undefined ||
        (counts[i] as number) < (counts[best] as number) ||
        (counts[i] === counts[best] && rank(i) < rank(best))
      )
        best = i;
    return best;
  };
  const columnRank = (i: number) => t.columnRank[i % width] as number;
  const nodeRank = (i: number) => t.nodeRank[(i / width) | 0] as number;

  const distributionRule = (di: number, n: number): boolean => {
    const d = distributions[di] as IndexedTable['distributions'][number];
    const row = n * width;
    const totalCell = row + d.total;
    if (!present(totalCell)) return false;
    const totalReason = reasons[totalCell] as number;
    if (totalReason !== 0) {
      // A unit whose respondent count is withheld shows no bands: they would bound or reveal it.
      let changed = false;
      for (const p of d.parts)
        if (shown(row + p)) {
          withhold(row + p, totalReason);
          changed = true;
        }
      return changed;
    }
    const total = counts[totalCell] as number;
    const visible: number[] = [];
    for (const p of d.parts) if (shown(row + p)) visible.push(row + p);
    // A13: one band holding the whole group (the others all 0) says every member's band.
    if (total > 0 && !d.breakdown) {
      const whole = visible.find((i) => counts[i] === total);
      if (whole !== undefined) {
        withhold(whole, COMPLEMENTARY);
        return true;
      }
    }
    let remainder = total;
    for (const i of visible) remainder -= counts[i] as number;
    if (!isSmall(remainder, k)) return false;
    withhold(smallest(visible, columnRank) ?? totalCell, COMPLEMENTARY);
    return true;
  };

  const takesOff = new Float64Array(nodes);
  const boundTakesOff = new Float64Array(nodes);
  const treeRule = (c: number): boolean => {
    // One pass from the leaves up: what each subtree takes off its nearest shown ancestor — its
    // own count when shown, else what its children take off — and the same for invited bounds
    // (NaN where a bound is missing, which any sum keeps).
    const candidates: number[] = [];
    // Start clean, as the whole-table pass did (only a cycle in bad data reads a node before it is set).
    takesOff.fill(0);
    boundTakesOff.fill(Number.NaN);
    for (let n = nodes - 1; n >= 0; n--) {
      let below = 0;
      let boundBelow = 0;
      for (let j = childStart[n] as number; j < (childStart[n + 1] as number); j++) {
        below += takesOff[childList[j] as number] as number;
        boundBelow += boundTakesOff[childList[j] as number] as number;
      }
      const i = n * width + c;
      if (!shown(i)) {
        takesOff[n] = below;
        boundTakesOff[n] = boundBelow;
        continue;
      }
      const count = counts[i] as number;
      const bound = bounds ? (bounds[i] as number) : Number.NaN;
      takesOff[n] = count;
      boundTakesOff[n] = bound;
      const remainder = count - below;
      if (isSmall(remainder, k) || (remainder > 0 && bound - boundBelow === remainder)) candidates.push(n);
    }
    // Withholding a victim changes only the remainder of the node that chose it; the next pass
    // rechecks that one, so the other candidates of this pass stay valid.
    let changed = false;
    for (let j = candidates.length - 1; j >= 0; j--) {
      const n = candidates[j] as number;
      const i = n * width + c;
      if (!shown(i)) continue;
      const below = nearestShown(t, reasons, n, c);
      let remainder = counts[i] as number;
      for (const b of below) remainder -= counts[b] as number;
      if (!isSmall(remainder, k) && !pinsSmallCell(t, reasons, k, n, c, below, remainder)) continue;
      withhold(smallest(below, nodeRank) ?? i, COMPLEMENTARY);
      changed = true;
    }
    return changed;
  };

  const linkRule = (li: number, n: number): boolean => {
    const [a, b] = linked[li] as readonly [number, number];
    const [ia, ib] = [n * width + a, n * width + b];
    const reason = (reasons[ia] as number) || (reasons[ib] as number);
    if (reason === 0) return false;
    let changed = false;
    for (const i of [ia, ib])
      if (shown(i)) {
        withhold(i, reason);
        changed = true;
      }
    return changed;
  };

  // Every pass withholds at least one more cell or stops, so this ends after at most |cells| passes.
  for (;;) {
    let changed = false;
    for (let di = 0; di < distributions.length; di++)
      for (let n = 0; n < nodes; n++) {
        if (dirtyDistribution[di * nodes + n] === 0) continue;
        dirtyDistribution[di * nodes + n] = 0;
        if (distributionRule(di, n)) changed = true;
      }
    for (let c = 0; c < t.ruleColumns; c++) {
      if (dirtyColumn[c] === 0) continue;
      dirtyColumn[c] = 0;
      if (treeRule(c)) changed = true;
    }
    for (let li = 0; li < linked.length; li++)
      for (let n = 0; n < nodes; n++) {
        if (dirtyLink[li * nodes + n] === 0) continue;
        dirtyLink[li * nodes + n] = 0;
        if (linkRule(li, n)) changed = true;
      }
    if (changed) continue;
    // The rules hold one relation at a time; now look for what the relations reveal together.
    for (const found of audit.findIndexed(k, reasons)) {
      if (found.breakAt === null) throw new Error(`a count of ${found.term} is public knowledge`);
      if (reasons[found.breakAt] === 0) {
        withhold(found.breakAt, COMPLEMENTARY);
        changed = true;
      }
    }
    if (!changed) return order;
  }
}

/** The shown cells of column `c` below node `n` with no shown cell between them and it. */
function nearestShown(t: IndexedTable, reasons: Uint8Array, n: number, c: number): number[] {
  const found: number[] = [];
  const stack: number[] = [];
  for (let j = (t.childStart[n + 1] as number) - 1; j >= (t.childStart[n] as number); j--)
    stack.push(t.childList[j] as number);
  while (stack.length > 0) {
    const m = stack.pop() as number;
    const i = m * t.width + c;
    if (reasons[i] === 0 && t.counts[i] === t.counts[i]) found.push(i);
    else
      for (let j = (t.childStart[m + 1] as number) - 1; j >= (t.childStart[m] as number); j--)
        stack.push(t.childList[j] as number);
  }
  return found;
}

/**
 * The remainder rule assumes a reader cannot split the remainder among the withheld cells. They
 * can when the remainder is "full": a unit's invited count is shown, so if everyone invited
 * below node `n` (outside its shown descendants) responded, every withheld count there equals
 * its own invited count. That is a disclosure when one of them is 1..k−1.
 */
function pinsSmallCell(
  t: IndexedTable,
  reasons: Uint8Array,
  k: number,
  n: number,
  c: number,
  below: readonly number[],
  remainder: number,
): boolean {
  const bounds = t.bounds;
  if (!bounds || remainder <= 0) return false;
  const bound = bounds[n * t.width + c] as number;
  if (bound !== bound) return false;
  let belowBound = 0;
  for (const i of below) {
    const b = bounds[i] as number;
    if (b !== b) return false;
    belowBound += b;
  }
  if (bound - belowBound !== remainder) return false;
  const stack: number[] = [];
  for (let j = t.childStart[n] as number; j < (t.childStart[n + 1] as number); j++)
    stack.push(t.childList[j] as number);
  while (stack.length > 0) {
    const m = stack.pop() as number;
    const i = m * t.width + c;
    const count = t.counts[i] as number;
    if (reasons[i] === 0 && count === count) continue;
    if (isSmall(count === count ? count : 0, k)) return true;
    for (let j = t.childStart[m] as number; j < (t.childStart[m + 1] as number); j++)
      stack.push(t.childList[j] as number);
  }
  return false;
}

/**
 * Every way the shown cells break the rules; empty at a fixed point (suppressionViolations() on
 * an indexed table, with the same checks in the same order).
 */
export function violationsIndexed(t: IndexedTable, k: number, reasons: Uint8Array, audit: DisclosureAudit): string[] {
  const { width, counts, nodeIds } = t;
  const shown = (i: number) => reasons[i] === 0 && counts[i] === counts[i];
  const problems: string[] = [];
  for (const [key, n] of t.strays) if (n < k) problems.push(`A1: cell ${key} shows ${n}`);
  for (let i = 0; i < counts.length; i++)
    if (shown(i) && (counts[i] as number) < k) problems.push(`A1: cell ${keyAt(t, i)} shows ${counts[i]}`);
  for (let c = 0; c < t.ruleColumns; c++)
    for (let n = 0; n < nodeIds.length; n++) {
      const i = n * width + c;
      if (!shown(i)) continue;
      const below = nearestShown(t, reasons, n, c);
      let remainder = counts[i] as number;
      for (const b of below) remainder -= counts[b] as number;
      if (isSmall(remainder, k)) problems.push(`A4: ${nodeIds[n]} in ${t.columns[c]} leaves ${remainder}`);
      else if (pinsSmallCell(t, reasons, k, n, c, below, remainder))
        problems.push(`A4: ${nodeIds[n]} in ${t.columns[c]} is full`);
    }
  for (const d of t.distributions)
    for (let n = 0; n < nodeIds.length; n++) {
      const row = n * width;
      const totalCell = row + d.total;
      if (counts[totalCell] !== counts[totalCell]) continue;
      const visible: number[] = [];
      for (const p of d.parts) if (shown(row + p)) visible.push(row + p);
      if (reasons[totalCell] !== 0) {
        if (visible.length > 0) problems.push(`A3: ${nodeIds[n]} shows bands of a withheld total`);
        continue;
      }
      const total = counts[totalCell] as number;
      let remainder = total;
      for (const i of visible) remainder -= counts[i] as number;
      if (isSmall(remainder, k))
        problems.push(`A4: ${nodeIds[n]} distribution ${t.columns[d.total]} leaves ${remainder}`);
      if (!d.breakdown)
        for (const i of visible)
          if (total - (counts[i] as number) < k)
            problems.push(`A13: ${nodeIds[n]} shows ${t.columns[i % width]} holding all but fewer than ${k}`);
    }
  for (const [a, b] of t.linked)
    for (let n = 0; n < nodeIds.length; n++) {
      const [ia, ib] = [n * width + a, n * width + b];
      if (shown(ia) !== shown(ib) && counts[ia] === counts[ia] && counts[ib] === counts[ib])
        problems.push(`A5: ${nodeIds[n]} shows ${t.columns[a]} but not ${t.columns[b]}, which equals it`);
    }
  for (const found of audit.findIndexed(k, reasons))
    problems.push(
      found.kind === 'homogeneous'
        ? `A13: ${found.term} holds at least ${found.value} of a group with fewer than ${k} others`
        : `A5: ${found.term} can be worked out as ${found.value}`,
    );
  return problems;
}
