import { cellKey, indexTree, type CountTable, type Withheld } from '../anonymity/count-table.js';
import { DisclosureAudit } from '../anonymity/disclosure-audit.js';
import { indexedTable, reasonCode, reasonOf, type IndexedTable } from '../anonymity/indexed-table.js';
import { suppressIndexed, violationsIndexed } from '../anonymity/suppression-rules.js';
import { isServedSlice, isUnfilteredColumn, RESPONDENTS, sliceColumn, type SurveyTable } from './results-table.js';

/**
 * The survey table cut into the parts the anonymity engine can decide one at a time
 * (docs/surveys.md#one-table-decided-in-parts): the respondents counts of every slice, then each
 * question's counts of every slice. No rule and no equation of the disclosure audit joins two
 * parts: a column's tree equations stay in its column, a distribution's total and parts are one
 * question's (or, for a breakdown, one base column's slices), and the public bounds are constants.
 * The one relation that crosses parts is a link — a required question's n equals the respondents
 * count — and decideInParts() keeps linked cells shown or withheld together until nothing moves.
 */

export interface TablePart {
  /** 'respondents', or the question id. */
  name: string;
  table: CountTable;
  /** Per slice, the respondents column and this part's n column when the two are linked. */
  links: Array<readonly [string, string]>;
}

function partTable(table: CountTable, columns: readonly string[]): CountTable {
  const inPart = new Set(columns);
  const counts = new Map<string, number>();
  const bounds = new Map<string, number>();
  for (const node of table.nodes) {
    for (const column of columns) {
      const key = cellKey(node.id, column);
      const n = table.counts.get(key);
      if (n !== undefined) counts.set(key, n);
      const b = table.bounds?.get(key);
      if (b !== undefined) bounds.set(key, b);
    }
  }
  return {
    nodes: table.nodes,
    columns,
    counts,
    bounds,
    distributions: table.distributions.filter((d) => inPart.has(d.total)),
    linked: (table.linked ?? []).filter(([a, b]) => inPart.has(a) && inPart.has(b)),
  };
}

/** The respondents part first, then one part per question, each over every slice. */
export function tableParts(survey: SurveyTable): TablePart[] {
  const { table, slices } = survey;
  const linked = new Set((table.linked ?? []).map(([a, b]) => `${a}\u001f${b}`));
  const respondents = slices.map((s) => sliceColumn(s, RESPONDENTS));
  const parts: TablePart[] = [{ name: RESPONDENTS, table: partTable(table, respondents), links: [] }];
  for (const q of survey.questions) {
    const bases = [q.n, ...q.parts, ...q.notChosen];
    const columns = slices.flatMap((s) => bases.map((b) => sliceColumn(s, b)));
    const links = slices
      .map((s) => [sliceColumn(s, RESPONDENTS), sliceColumn(s, q.n)] as const)
      .filter(([a, b]) => linked.has(`${a}\u001f${b}`));
    parts.push({ name: q.question.id, table: partTable(table, columns), links });
  }
  return parts;
}

/** A part cut straight from the survey's flat arrays, with its audit; cells map back by index. */
interface IndexedPart {
  table: IndexedTable;
  audit: DisclosureAudit;
  /** Per column of the part, its column in the survey table. */
  columns: Int32Array;
  /** Per slice, the survey columns of respondents and of this part's n when the two are linked. */
  links: Array<readonly [number, number]>;
}

/** The parts of a survey, built once and reused by every decision over it (a reopened survey's). */
export interface PreparedParts {
  survey: SurveyTable;
  parts: IndexedPart[];
  nodeIds: readonly string[];
  columnIndex: Map<string, number>;
}

/** tableParts() without the string-keyed tables: the same parts, columns, distributions and links. */
export function prepareParts(survey: SurveyTable): PreparedParts {
  const { table, slices } = survey;
  const tree = indexTree(table.nodes);
  const nodeIds = tree.order;
  const nodeIndex = new Map(nodeIds.map((id, i) => [id, i]));
  const children = nodeIds.map((id) => (tree.children.get(id) ?? []).map((c) => nodeIndex.get(c) as number));
  const columnIndex = new Map(table.columns.map((c, i) => [c, i]));
  const surveyWidth = table.columns.length;
  const perSlice = surveyWidth / slices.length;
  const linked = new Set((table.linked ?? []).map(([a, b]) => `${a}\u001f${b}`));
  const partColumns: string[][] = [slices.map((s) => sliceColumn(s, RESPONDENTS))];
  const partLinks: Array<Array<readonly [string, string]>> = [[]];
  for (const q of survey.questions) {
    const bases = [q.n, ...q.parts, ...q.notChosen];
    partColumns.push(slices.flatMap((s) => bases.map((b) => sliceColumn(s, b))));
    partLinks.push(
      slices
        .map((s) => [sliceColumn(s, RESPONDENTS), sliceColumn(s, q.n)] as const)
        .filter(([a, b]) => linked.has(`${a}\u001f${b}`)),
    );
  }
  const parts = partColumns.map((names, pi) => {
    const local = new Map(names.map((c, j) => [c, j]));
    const width = names.length;
    const columns = Int32Array.from(names, (c) => columnIndex.get(c) as number);
    const counts = new Float64Array(nodeIds.length * width);
    const bounds = new Float64Array(nodeIds.length * width);
    for (let n = 0; n < nodeIds.length; n++)
      for (let j = 0; j < width; j++) {
        const c = columns[j] as number;
        counts[n * width + j] = survey.flat.counts[n * surveyWidth + c] as number;
        bounds[n * width + j] = survey.flat.bounds[n * slices.length + Math.floor(c / perSlice)] as number;
      }
    const col = (c: string) => {
      const j = local.get(c);
      // Every distribution keeps to one part by construction (the module comment); fail closed.
      if (j === undefined) throw new Error(`survey column ${c} is not in part ${pi}`);
      return j;
    };
    const indexed = indexedTable({
      nodeIds,
      children,
      columns: names,
      ruleColumns: width,
      counts,
      bounds,
      distributions: table.distributions
        .filter((d) => local.has(d.total))
        .map((d) => ({
          total: col(d.total),
          parts: Int32Array.from(d.parts.map(col)),
          breakdown: d.breakdown === true,
        })),
      linked: (table.linked ?? [])
        .filter(([a, b]) => local.has(a) && local.has(b))
        .map(([a, b]) => [col(a), col(b)] as const),
    });
    return {
      table: indexed,
      // The unfiltered figures are what every reader starts from: a chain through a breakdown is
      // broken in the breakdown where it can be (disclosure-audit.ts, keep).
      audit: new DisclosureAudit(indexed, { keep: isUnfilteredColumn }),
      columns,
      links: (partLinks[pi] as Array<readonly [string, string]>).map(
        ([a, b]) => [columnIndex.get(a) as number, columnIndex.get(b) as number] as const,
      ),
    };
  });
  return { survey, parts, nodeIds, columnIndex };
}

/**
 * suppress() over each part, seeded with `seed` and with what the respondents part withheld in
 * linked columns; a linked n that a question's own rules withhold withholds the respondents cell
 * too, and the parts it touches run again. Ends because cells are only ever added. Fails closed:
 * each part is checked with suppressionViolations() and every link for agreement.
 *
 * Cells are addressed by index in the survey's flat layout (SurveyTable.flat) and each part's
 * (indexed-table.ts); the steps, their order and so the cells withheld and their reasons are those
 * of the string-keyed parts of tableParts() (docs/surveys.md#one-table-decided-in-parts).
 */
export function decideInParts(
  survey: SurveyTable,
  k: number,
  seed: Withheld,
  prepared: PreparedParts = prepareParts(survey),
): Withheld {
  const { parts, nodeIds, columnIndex } = prepared;
  const surveyWidth = survey.table.columns.length;
  const nodes = nodeIds.length;
  const nodeIndex = new Map(nodeIds.map((id, i) => [id, i]));
  const reasons = new Uint8Array(nodes * surveyWidth);
  /** Seed cells outside the survey table: kept as given, as a Map seed keeps them. */
  const strays: Withheld = new Map();
  for (const [key, reason] of seed) {
    const cut = key.indexOf('\u001f');
    const n = cut < 0 ? undefined : nodeIndex.get(key.slice(0, cut));
    const c = cut < 0 ? undefined : columnIndex.get(key.slice(cut + 1));
    if (n === undefined || c === undefined) strays.set(key, reason);
    else reasons[n * surveyWidth + c] = reasonCode(reason);
  }
  /** How many of each part's cells were withheld after its last run (−1: not run yet). */
  const decided = parts.map(() => -1);
  const partReasons = (part: IndexedPart) => {
    const width = part.columns.length;
    const own = new Uint8Array(nodes * width);
    for (let n = 0; n < nodes; n++)
      for (let j = 0; j < width; j++)
        own[n * width + j] = reasons[n * surveyWidth + (part.columns[j] as number)] as number;
    return own;
  };
  const run = (i: number) => {
    const part = parts[i] as IndexedPart;
    const width = part.columns.length;
    const own = partReasons(part);
    for (const [respondents, n] of part.links) {
      const j = part.columns.indexOf(n);
      for (let node = 0; node < nodes; node++) {
        const reason = reasons[node * surveyWidth + respondents] as number;
        if (reason !== 0) own[node * width + j] = reason;
      }
    }
    let size = 0;
    for (const r of own) if (r !== 0) size += 1;
    // Unchanged since this part's last run: it is still at its fixed point, so skip the passes.
    if (size === decided[i]) return;
    const added = suppressIndexed(part.table, k, own, part.audit);
    for (let n = 0; n < nodes; n++)
      for (let j = 0; j < width; j++) {
        const r = own[n * width + j] as number;
        if (r !== 0) reasons[n * surveyWidth + (part.columns[j] as number)] = r;
      }
    decided[i] = size + added.length;
  };
  let dirty = parts.map(() => true);
  while (dirty.some(Boolean)) {
    if (dirty[0]) run(0);
    for (let i = 1; i < parts.length; i++) if (dirty[0] || dirty[i]) run(i);
    dirty = parts.map(() => false);
    // A question's rules may withhold a linked n: its respondents cell (and so every other
    // linked question) follows.
    for (const part of parts)
      for (const [respondents, n] of part.links)
        for (let node = 0; node < nodes; node++) {
          const reason = reasons[node * surveyWidth + n] as number;
          const r = node * surveyWidth + respondents;
          if (reason !== 0 && reasons[r] === 0) {
            reasons[r] = reason;
            dirty = parts.map((p, i) => i === 0 || p.links.length > 0);
          }
        }
  }
  parts.forEach((part) => {
    const problems = violationsIndexed(part.table, k, partReasons(part), part.audit);
    for (const [respondents, n] of part.links)
      for (let node = 0; node < nodes; node++)
        if ((reasons[node * surveyWidth + respondents] !== 0) !== (reasons[node * surveyWidth + n] !== 0))
          problems.push(
            `A5: ${nodeIds[node]} shows ${survey.table.columns[respondents]} or ${survey.table.columns[n]} but not both`,
          );
    if (problems.length > 0) throw new Error(`survey results break the anonymity rules: ${problems[0]}`);
  });
  const withheld: Withheld = new Map(strays);
  for (let n = 0; n < nodes; n++)
    for (let c = 0; c < surveyWidth; c++) {
      const r = reasons[n * surveyWidth + c] as number;
      if (r !== 0) withheld.set(cellKey(nodeIds[n] as string, survey.table.columns[c] as string), reasonOf(r));
    }
  return withheld;
}

/** The cells no view serves (the "keeps no value" slices): unknowns to every reader from the start. */
export function unservedCells(survey: SurveyTable): Withheld {
  const seed: Withheld = new Map();
  const width = survey.table.columns.length / survey.slices.length;
  survey.slices.forEach((slice, i) => {
    if (isServedSlice(slice)) return;
    for (const column of survey.table.columns.slice(i * width, (i + 1) * width))
      for (const node of survey.nodes) seed.set(cellKey(node.id, column), 'below_threshold');
  });
  return seed;
}
