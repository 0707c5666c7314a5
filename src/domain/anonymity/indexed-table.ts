import { cellKey, indexTree, type CountTable, type WithheldReason } from './count-table.js';

/**
 * A CountTable numbered once: nodes in the tree's parents-first order, columns by position, each
 * cell at node × width + column in flat arrays. The rules and the disclosure audit look cells up
 * millions of times in a survey's table; an array index costs a load where a string key costs a
 * hash lookup (docs/benchmarks.md, survey results). Same table, same answers: only the addressing
 * changes.
 */
export interface IndexedTable {
  /** The node ids in indexTree() order (parents first, ties by id). */
  nodeIds: readonly string[];
  /** Children of each node, in indexTree()'s order: childList[childStart[n] .. childStart[n+1]). */
  childStart: Int32Array;
  childList: Int32Array;
  /** Each node's rank in id order (the rules break ties between cells by id). */
  nodeRank: Int32Array;
  /**
   * table.columns first (the tree rule runs over these), then any column that only a
   * distribution or a link names, so that every cell the rules can touch has an index.
   */
  columns: readonly string[];
  /** How many of `columns` are table.columns. */
  ruleColumns: number;
  columnRank: Int32Array;
  width: number;
  /** The true count of each cell, NaN where the table publishes none. */
  counts: Float64Array;
  /** The public bound of each cell, NaN where none. */
  bounds: Float64Array | null;
  distributions: ReadonlyArray<{ total: number; parts: Int32Array; breakdown: boolean }>;
  linked: ReadonlyArray<readonly [number, number]>;
  /** Counted keys that name no (node, column) of the table: only A1 ever looks at them. */
  strays: ReadonlyArray<readonly [string, number]>;
}

/** Reason codes in a Uint8Array of cells: 0 while not withheld. */
export const NOT_WITHHELD = 0;
export const BELOW_THRESHOLD = 1;
export const COMPLEMENTARY = 2;
export const reasonCode = (r: WithheldReason): number => (r === 'below_threshold' ? BELOW_THRESHOLD : COMPLEMENTARY);
export const reasonOf = (code: number): WithheldReason =>
  code === BELOW_THRESHOLD ? 'below_threshold' : 'complementary';

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function ranks(ids: readonly string[]): Int32Array {
  const order = ids.map((_, i) => i).sort((a, b) => byId(ids[a] as string, ids[b] as string));
  const rank = new Int32Array(ids.length);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}

/** Builds the index from flat parts (a survey part is cut straight from the survey's arrays). */
export function indexedTable(input: {
  nodeIds: readonly string[];
  children: ReadonlyArray<readonly number[]>;
  columns: readonly string[];
  ruleColumns: number;
  counts: Float64Array;
  bounds: Float64Array | null;
  distributions: IndexedTable['distributions'];
  linked: IndexedTable['linked'];
  strays?: IndexedTable['strays'];
}): IndexedTable {
  const childStart = new Int32Array(input.nodeIds.length + 1);
  const childList: number[] = [];
  input.children.forEach((list, n) => {
    childList.push(...list);
    childStart[n + 1] = childList.length;
  });
  return {
    nodeIds: input.nodeIds,
    childStart,
    childList: Int32Array.from(childList),
    nodeRank: ranks(input.nodeIds),
    columns: input.columns,
    ruleColumns: input.ruleColumns,
    columnRank: ranks(input.columns),
    width: input.columns.length,
    counts: input.counts,
    bounds: input.bounds,
    distributions: input.distributions,
    linked: input.linked,
    strays: input.strays ?? [],
  };
}

const cache = new WeakMap<CountTable, IndexedTable>();

/**
 * The index of a CountTable, built once per table object: a table handed to the engine is read as
 * it is then, so build a new table rather than change the Maps of one already suppressed.
 */
export function indexOf(table: CountTable): IndexedTable {
  let indexed = cache.get(table);
  if (indexed === undefined) {
    indexed = build(table);
    cache.set(table, indexed);
  }
  return indexed;
}

function build(table: CountTable): IndexedTable {
  const tree = indexTree(table.nodes);
  const nodeIds = tree.order;
  const nodeIndex = new Map(nodeIds.map((id, i) => [id, i]));
  const columns = [...table.columns];
  const columnIndex = new Map<string, number>();
  columns.forEach((c, i) => {
    if (!columnIndex.has(c)) columnIndex.set(c, i);
  });
  const ruleColumns = columns.length;
  const col = (c: string) => {
    let i = columnIndex.get(c);
    if (i === undefined) {
      i = columns.length;
      columns.push(c);
      columnIndex.set(c, i);
    }
    return i;
  };
  const distributions = table.distributions.map((d) => ({
    total: col(d.total),
    parts: Int32Array.from(d.parts.map(col)),
    breakdown: d.breakdown === true,
  }));
  const linked = (table.linked ?? []).map(([a, b]) => [col(a), col(b)] as const);
  const width = columns.length;
  const counts = new Float64Array(nodeIds.length * width).fill(Number.NaN);
  const bounds = table.bounds ? new Float64Array(nodeIds.length * width).fill(Number.NaN) : null;
  let placed = 0;
  nodeIds.forEach((id, n) => {
    for (let c = 0; c < width; c++) {
      const key = cellKey(id, columns[c] as string);
      const count = table.counts.get(key);
      if (count !== undefined) {
        counts[n * width + c] = count;
        placed += 1;
      }
      const bound = table.bounds?.get(key);
      if (bounds && bound !== undefined) bounds[n * width + c] = bound;
    }
  });
  const strays: Array<readonly [string, number]> = [];
  if (placed !== table.counts.size) {
    const known = new Set<string>();
    nodeIds.forEach((id) => columns.forEach((c) => known.add(cellKey(id, c))));
    for (const [key, n] of table.counts) if (!known.has(key)) strays.push([key, n]);
  }
  return indexedTable({
    nodeIds,
    children: nodeIds.map((id) => (tree.children.get(id) ?? []).map((c) => nodeIndex.get(c) as number)),
    columns,
    ruleColumns,
    counts,
    bounds,
    distributions,
    linked,
    strays,
  });
}

/** The cell key of cell index `i`. */
export function keyAt(t: IndexedTable, i: number): string {
  return cellKey(t.nodeIds[Math.floor(i / t.width)] as string, t.columns[i % t.width] as string);
}

/** Cell key → index, for seeds and results given as maps (built on first use, once per table). */
const keyIndexCache = new WeakMap<IndexedTable, Map<string, number>>();
export function indexOfKey(t: IndexedTable): Map<string, number> {
  let m = keyIndexCache.get(t);
  if (m === undefined) {
    m = new Map();
    for (let i = 0; i < t.nodeIds.length * t.width; i++) m.set(keyAt(t, i), i);
    keyIndexCache.set(t, m);
  }
  return m;
}
