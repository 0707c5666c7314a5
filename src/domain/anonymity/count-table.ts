/**
 * The shape every suppression rule works on: a tree of groups (organisation units, each counting
 * its whole subtree) and, per group, counts in named columns (respondents, each severity band).
 * Pure data and small helpers; the rules are in suppression.ts.
 */

/** A group in the tree; parentId is the nearest ancestor that is also in the table (null on top). */
export interface TableNode {
  id: string;
  parentId: string | null;
}

/** Some columns split another one: a total (respondents) and its parts (the bands). */
export interface Distribution {
  total: string;
  parts: readonly string[];
  /**
   * The parts say who people are (a breakdown by an attribute of the members, such as employment
   * type), not how they answered. One part holding the whole total then says only that nobody
   * else is counted there, which a remainder of 0 says anyway: A13 does not apply, the remainder
   * rule does. What each part answered has distributions of its own, checked as usual.
   */
  breakdown?: true;
}

export interface CountTable {
  nodes: readonly TableNode[];
  columns: readonly string[];
  /**
   * The true count of each cell that may be published, keyed by cellKey(node, column). A node's
   * count includes its descendants'. A (node, column) without an entry is not published at all:
   * the rules look through it as if it were withheld, and never show it.
   */
  counts: ReadonlyMap<string, number>;
  distributions: readonly Distribution[];
  /**
   * What a reader already knows a cell cannot exceed, such as the number of people invited in a
   * unit (shown in full). A withheld count whose every invited person responded equals that
   * bound, so the rules must not let a region of withheld cells be exactly full.
   */
  bounds?: ReadonlyMap<string, number>;
  /**
   * Pairs of columns that hold the same count in every node, as a reader knows (a campaign with
   * one instrument: participation equals that instrument's respondents). Such cells are shown or
   * withheld together, else the shown one gives the withheld one away.
   */
  linked?: ReadonlyArray<readonly [string, string]>;
}

export type WithheldReason = 'below_threshold' | 'complementary';

/** Cells kept back, with the reason that kept each back first. */
export type Withheld = Map<string, WithheldReason>;

const SEPARATOR = '\u001f';

export function cellKey(nodeId: string, column: string): string {
  return `${nodeId}${SEPARATOR}${column}`;
}

/** The tree of a table: children per node and a parents-first order, both deterministic. */
export interface TreeIndex {
  order: readonly string[];
  children: ReadonlyMap<string, readonly string[]>;
  parent: ReadonlyMap<string, string | null>;
}

export function indexTree(nodes: readonly TableNode[]): TreeIndex {
  const ids = new Set(nodes.map((n) => n.id));
  const parent = new Map<string, string | null>();
  const children = new Map<string, string[]>();
  const tops: string[] = [];
  for (const n of [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const p = n.parentId !== null && ids.has(n.parentId) && n.parentId !== n.id ? n.parentId : null;
    parent.set(n.id, p);
    if (p === null) tops.push(n.id);
    else children.set(p, [...(children.get(p) ?? []), n.id]);
  }
  const order: string[] = [];
  const seen = new Set<string>();
  const stack = [...tops].reverse();
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    order.push(id);
    stack.push(...[...(children.get(id) ?? [])].reverse());
  }
  // A cycle in bad data leaves nodes unreached: treat them as tops rather than losing them.
  for (const n of nodes) if (!seen.has(n.id)) order.push(n.id);
  return { order, children, parent };
}

/** The count a viewer is shown: the true count, or null when withheld or never published. */
export function publishedCount(
  table: CountTable,
  withheld: ReadonlyMap<string, WithheldReason>,
  nodeId: string,
  column: string,
): number | null {
  const key = cellKey(nodeId, column);
  const n = table.counts.get(key);
  if (n === undefined || withheld.has(key)) return null;
  return n;
}
