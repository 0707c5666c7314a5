import { DisclosureAudit } from './disclosure-audit.js';
import { cellKey, type CountTable, type TreeIndex, type Withheld, type WithheldReason } from './count-table.js';
import { indexOf, indexOfKey, keyAt, reasonCode, reasonOf } from './indexed-table.js';
import { suppressIndexed, violationsIndexed } from './suppression-rules.js';

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
  const t = indexOf(table);
  const reasons = new Uint8Array(t.nodeIds.length * t.width);
  const withheld: Withheld = new Map(seed);
  if (seed.size > 0) {
    const at = indexOfKey(t);
    for (const [key, reason] of seed) {
      const i = at.get(key);
      if (i !== undefined) reasons[i] = reasonCode(reason);
    }
  }
  for (const [key, n] of t.strays) if (n < k && !withheld.has(key)) withheld.set(key, 'below_threshold');
  for (const i of suppressIndexed(t, k, reasons, audit)) withheld.set(keyAt(t, i), reasonOf(reasons[i] as number));
  return withheld;
}

// The keyed helpers below read a CountTable as a reader would (the tests use them); the engine
// itself runs on the indexed table (suppression-rules.ts).
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
    if (shown(table, withheld, cellKey(id, column))) found.push(id);
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
    countOf(table, cellKey(nodeId, column)) - below.reduce((sum, id) => sum + countOf(table, cellKey(id, column)), 0)
  );
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
  const t = indexOf(table);
  const reasons = new Uint8Array(t.nodeIds.length * t.width);
  for (let i = 0; i < reasons.length; i++) {
    const reason = withheld.get(keyAt(t, i));
    if (reason) reasons[i] = reasonCode(reason);
  }
  return [
    ...t.strays.filter(([key, n]) => n < k && !withheld.has(key)).map(([key, n]) => `A1: cell ${key} shows ${n}`),
    ...violationsIndexed({ ...t, strays: [] }, k, reasons, audit),
  ];
}
