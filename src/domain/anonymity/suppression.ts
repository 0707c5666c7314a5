import { DisclosureAudit } from './disclosure-audit.js';
import {
  cellKey,
  indexTree,
  type CountTable,
  type Distribution,
  type TreeIndex,
  type Withheld,
  type WithheldReason,
} from './count-table.js';

/**
 * Small-cell suppression for a tree of groups (docs/privacy.md §2), run to a fixed point:
 *
 *  - A1/A3 primary suppression: any count under k is withheld — respondents, participation and
 *    every band cell alike; zero included (a zero is only ever learnt as a remainder of 0).
 *  - A4 complementary suppression, generalised to a tree: for every shown node, its count minus
 *    the counts of its nearest shown descendants must be 0 or at least k. Otherwise the smallest
 *    of those descendants is withheld too (or the node itself when it has none shown), and the
 *    check runs again. With nested units this also gives A5: any two shown groups then differ by
 *    0 or at least k people (proved by a property test).
 *    Invited counts are public, so a remainder made only of people who all took part is "full"
 *    and pins each withheld count in it; that too withholds more when a pinned count is 1..k−1.
 *  - The same remainder rule inside each distribution: if a shown total's withheld parts add up
 *    to 1..k−1, the smallest shown part is withheld too; a withheld total withholds all its parts.
 *  - A13 homogeneity: a shown band equal to its shown total (every other band 0) is withheld; a
 *    band holding all but 1..k−1 is already caught by the remainder rule above. The audit below
 *    extends this to groups worked out by subtraction (a unit's own members).
 *  - Then the two dimensions together (disclosure-audit.ts): a band withheld for its row can be
 *    the only unknown of its column. Whatever chain of subtractions reveals a count of 1..k−1
 *    costs one more shown cell of that chain, and the rules run again.
 *
 * Only ever withholds; a shown value is always the true value. `k` is taken as given: callers
 * pass a campaign's frozen threshold through thresholdOf(), which never goes below 5.
 */
export function suppress(
  table: CountTable,
  k: number,
  seed: ReadonlyMap<string, WithheldReason> = new Map(),
  audit: DisclosureAudit = new DisclosureAudit(table),
): Withheld {
  if (!Number.isInteger(k) || k < 1) throw new Error(`anonymity threshold must be a positive integer, got ${k}`);
  const tree = indexTree(table.nodes);
  const withheld: Withheld = new Map(seed);
  for (const [key, n] of table.counts) if (n < k && !withheld.has(key)) withheld.set(key, 'below_threshold');
  // Every pass withholds at least one more cell or stops, so this ends after at most |cells| passes.
  for (;;) {
    let changed = false;
    for (const d of table.distributions) if (applyDistributionRule(table, tree, d, k, withheld)) changed = true;
    for (const column of table.columns) if (applyTreeRule(table, tree, column, k, withheld)) changed = true;
    if (applyLinkRule(table, tree, withheld)) changed = true;
    if (changed) continue;
    // The rules hold one relation at a time; now look for what the relations reveal together.
    for (const found of audit.find(k, withheld)) {
      if (found.breakWith === null) throw new Error(`a count of ${found.term} is public knowledge`);
      if (!withheld.has(found.breakWith)) {
        withheld.set(found.breakWith, 'complementary');
        changed = true;
      }
    }
    if (!changed) return withheld;
  }
}

/**
 * cellKey(node, column) of one table's cells, each built once: the rules look cells up millions of
 * times in a large table (a survey's has millions of cells), and a key built afresh is joined and
 * hashed on every lookup, while a kept string keeps its hash. Same keys, same results, ~faster.
 */
const keyCache = new WeakMap<CountTable, Map<string, Map<string, string>>>();

function keyIn(table: CountTable, nodeId: string, column: string): string {
  let byNode = keyCache.get(table);
  if (byNode === undefined) {
    byNode = new Map();
    keyCache.set(table, byNode);
  }
  let byColumn = byNode.get(nodeId);
  if (byColumn === undefined) {
    byColumn = new Map();
    byNode.set(nodeId, byColumn);
  }
  let key = byColumn.get(column);
  if (key === undefined) {
    key = cellKey(nodeId, column);
    byColumn.set(column, key);
  }
  return key;
}

const shown = (table: CountTable, withheld: ReadonlyMap<string, WithheldReason>, key: string) =>
  table.counts.has(key) && !withheld.has(key);

const countOf = (table: CountTable, key: string) => table.counts.get(key) ?? 0;

/** The shown descendants of `nodeId` in `column` that have no shown node between them and it. */
export function nearestShownDescendants(
  table: CountTable,
  tree: TreeIndex,
  column: string,
  withheld: ReadonlyMap<string, WithheldReason>,
  nodeId: string,
): string[] {
  const found: string[] = [];
  const stack = [...(tree.children.get(nodeId) ?? [])].reverse();
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (shown(table, withheld, keyIn(table, id, column))) found.push(id);
    else stack.push(...[...(tree.children.get(id) ?? [])].reverse());
  }
  return found;
}

/** What a reader learns by subtraction: a shown node's count minus its nearest shown descendants'. */
export function treeRemainder(
  table: CountTable,
  tree: TreeIndex,
  column: string,
  withheld: ReadonlyMap<string, WithheldReason>,
  nodeId: string,
): number {
  const below = nearestShownDescendants(table, tree, column, withheld, nodeId);
  return (
    countOf(table, keyIn(table, nodeId, column)) -
    below.reduce((sum, id) => sum + countOf(table, keyIn(table, id, column)), 0)
  );
}

const isSmall = (remainder: number, k: number) => remainder > 0 && remainder < k;

/** The smallest cell among `ids` (ties by id, so every run picks the same one). */
function smallest(table: CountTable, ids: readonly string[], keyOf: (id: string) => string): string | undefined {
  return [...ids].sort(
    (a, b) => countOf(table, keyOf(a)) - countOf(table, keyOf(b)) || (a < b ? -1 : a > b ? 1 : 0),
  )[0];
}

/** A4 in one column: withholds one more cell for each shown node whose remainder is 1..k−1. */
function applyTreeRule(table: CountTable, tree: TreeIndex, column: string, k: number, withheld: Withheld): boolean {
  // One pass from the leaves up: what each subtree takes off its nearest shown ancestor — its
  // own count when shown, else what its children take off — and the same for invited bounds.
  const takesOff = new Map<string, number>();
  const boundTakesOff = new Map<string, number | undefined>();
  const candidates: string[] = [];
  for (let i = tree.order.length - 1; i >= 0; i--) {
    const nodeId = tree.order[i] as string;
    const children = tree.children.get(nodeId) ?? [];
    const below = children.reduce((sum, c) => sum + (takesOff.get(c) ?? 0), 0);
    const boundBelow = children.reduce<number | undefined>(
      (sum, c) =>
        sum === undefined || boundTakesOff.get(c) === undefined ? undefined : sum + (boundTakesOff.get(c) as number),
      0,
    );
    const key = keyIn(table, nodeId, column);
    if (!shown(table, withheld, key)) {
      takesOff.set(nodeId, below);
      boundTakesOff.set(nodeId, boundBelow);
      continue;
    }
    const n = countOf(table, key);
    const bound = table.bounds?.get(key);
    takesOff.set(nodeId, n);
    boundTakesOff.set(nodeId, bound);
    const remainder = n - below;
    const full = remainder > 0 && bound !== undefined && boundBelow !== undefined && bound - boundBelow === remainder;
    if (isSmall(remainder, k) || full) candidates.push(nodeId);
  }
  // Withholding a victim changes only the remainder of the node that chose it; the next pass
  // rechecks that one, so the other candidates of this pass stay valid.
  let changed = false;
  for (const nodeId of candidates.reverse()) {
    if (!shown(table, withheld, keyIn(table, nodeId, column))) continue;
    const below = nearestShownDescendants(table, tree, column, withheld, nodeId);
    const remainder =
      countOf(table, keyIn(table, nodeId, column)) -
      below.reduce((sum, id) => sum + countOf(table, keyIn(table, id, column)), 0);
    if (!isSmall(remainder, k) && !pinsSmallCellAtBound(table, tree, column, withheld, nodeId, below, remainder, k))
      continue;
    const victim = smallest(table, below, (id) => keyIn(table, id, column)) ?? nodeId;
    withheld.set(keyIn(table, victim, column), 'complementary');
    changed = true;
  }
  return changed;
}

/**
 * The remainder rule assumes a reader cannot split the remainder among the withheld cells. They
 * can when the remainder is "full": a unit's invited count is shown, so if everyone invited
 * below `nodeId` (outside its shown descendants) responded, every withheld count there equals
 * its own invited count. That is a disclosure when one of them is 1..k−1.
 */
function pinsSmallCellAtBound(
  table: CountTable,
  tree: TreeIndex,
  column: string,
  withheld: ReadonlyMap<string, WithheldReason>,
  nodeId: string,
  below: readonly string[],
  remainder: number,
  k: number,
): boolean {
  const bounds = table.bounds;
  if (!bounds || remainder <= 0) return false;
  const bound = bounds.get(keyIn(table, nodeId, column));
  if (bound === undefined) return false;
  let belowBound = 0;
  for (const id of below) {
    const b = bounds.get(keyIn(table, id, column));
    if (b === undefined) return false;
    belowBound += b;
  }
  if (bound - belowBound !== remainder) return false;
  const stack = [...(tree.children.get(nodeId) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const key = keyIn(table, id, column);
    if (shown(table, withheld, key)) continue;
    if (isSmall(table.counts.get(key) ?? 0, k)) return true;
    stack.push(...(tree.children.get(id) ?? []));
  }
  return false;
}

/** Linked columns (equal in every node) are withheld together. */
function applyLinkRule(table: CountTable, tree: TreeIndex, withheld: Withheld): boolean {
  let changed = false;
  for (const [a, b] of table.linked ?? []) {
    for (const nodeId of tree.order) {
      const [ka, kb] = [keyIn(table, nodeId, a), keyIn(table, nodeId, b)];
      const reason = withheld.get(ka) ?? withheld.get(kb);
      if (!reason) continue;
      for (const key of [ka, kb]) {
        if (shown(table, withheld, key)) {
          withheld.set(key, reason);
          changed = true;
        }
      }
    }
  }
  return changed;
}

/** The remainder rule inside a distribution, and "no total, no parts". */
function applyDistributionRule(
  table: CountTable,
  tree: TreeIndex,
  d: Distribution,
  k: number,
  withheld: Withheld,
): boolean {
  let changed = false;
  for (const nodeId of tree.order) {
    const totalKey = keyIn(table, nodeId, d.total);
    if (!table.counts.has(totalKey)) continue;
    const totalReason = withheld.get(totalKey);
    if (totalReason) {
      // A unit whose respondent count is withheld shows no bands: they would bound or reveal it.
      for (const part of d.parts) {
        const key = keyIn(table, nodeId, part);
        if (shown(table, withheld, key)) {
          withheld.set(key, totalReason);
          changed = true;
        }
      }
      continue;
    }
    const visibleParts = d.parts.filter((part) => shown(table, withheld, keyIn(table, nodeId, part)));
    const total = countOf(table, totalKey);
    // A13: one band holding the whole group (the others all 0) says every member's band.
    const whole =
      total > 0 && !d.breakdown
        ? visibleParts.find((part) => countOf(table, keyIn(table, nodeId, part)) === total)
        : undefined;
    if (whole !== undefined) {
      withheld.set(keyIn(table, nodeId, whole), 'complementary');
      changed = true;
      continue;
    }
    const remainder = total - visibleParts.reduce((sum, part) => sum + countOf(table, keyIn(table, nodeId, part)), 0);
    if (!isSmall(remainder, k)) continue;
    const victim = smallest(table, visibleParts, (part) => keyIn(table, nodeId, part));
    withheld.set(victim === undefined ? totalKey : keyIn(table, nodeId, victim), 'complementary');
    changed = true;
  }
  return changed;
}

/**
 * Every way the shown cells break the rules above; empty at a fixed point. The server checks
 * this before answering and fails closed, so a bug in the rules can never become a disclosure.
 */
export function suppressionViolations(
  table: CountTable,
  k: number,
  withheld: ReadonlyMap<string, WithheldReason>,
  audit: DisclosureAudit = new DisclosureAudit(table),
): string[] {
  const tree = indexTree(table.nodes);
  const problems: string[] = [];
  for (const [key, n] of table.counts) if (!withheld.has(key) && n < k) problems.push(`A1: cell ${key} shows ${n}`);
  for (const column of table.columns) {
    for (const nodeId of tree.order) {
      if (!shown(table, withheld, keyIn(table, nodeId, column))) continue;
      const below = nearestShownDescendants(table, tree, column, withheld, nodeId);
      const remainder = treeRemainder(table, tree, column, withheld, nodeId);
      if (isSmall(remainder, k)) problems.push(`A4: ${nodeId} in ${column} leaves ${remainder}`);
      else if (pinsSmallCellAtBound(table, tree, column, withheld, nodeId, below, remainder, k))
        problems.push(`A4: ${nodeId} in ${column} is full`);
    }
  }
  for (const d of table.distributions) {
    for (const nodeId of tree.order) {
      const totalKey = keyIn(table, nodeId, d.total);
      if (!table.counts.has(totalKey)) continue;
      const visibleParts = d.parts.filter((part) => shown(table, withheld, keyIn(table, nodeId, part)));
      if (withheld.has(totalKey)) {
        if (visibleParts.length > 0) problems.push(`A3: ${nodeId} shows bands of a withheld total`);
        continue;
      }
      const total = countOf(table, totalKey);
      const remainder = total - visibleParts.reduce((sum, part) => sum + countOf(table, keyIn(table, nodeId, part)), 0);
      if (isSmall(remainder, k)) problems.push(`A4: ${nodeId} distribution ${d.total} leaves ${remainder}`);
      for (const part of d.breakdown ? [] : visibleParts)
        if (total - countOf(table, keyIn(table, nodeId, part)) < k)
          problems.push(`A13: ${nodeId} shows ${part} holding all but fewer than ${k}`);
    }
  }
  for (const [a, b] of table.linked ?? []) {
    for (const nodeId of tree.order) {
      if (shown(table, withheld, keyIn(table, nodeId, a)) !== shown(table, withheld, keyIn(table, nodeId, b))) {
        if (table.counts.has(keyIn(table, nodeId, a)) && table.counts.has(keyIn(table, nodeId, b)))
          problems.push(`A5: ${nodeId} shows ${a} but not ${b}, which equals it`);
      }
    }
  }
  for (const found of audit.find(k, withheld)) {
    problems.push(
      found.kind === 'homogeneous'
        ? `A13: ${found.term} holds at least ${found.value} of a group with fewer than ${k} others`
        : `A5: ${found.term} can be worked out as ${found.value}`,
    );
  }
  return problems;
}
