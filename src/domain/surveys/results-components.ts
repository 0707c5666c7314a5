import { cellKey, type CountTable, type Withheld } from '../anonymity/count-table.js';
import { DisclosureAudit } from '../anonymity/disclosure-audit.js';
import { suppress, suppressionViolations } from '../anonymity/suppression.js';
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

/**
 * suppress() over each part, seeded with `seed` and with what the respondents part withheld in
 * linked columns; a linked n that a question's own rules withhold withholds the respondents cell
 * too, and the parts it touches run again. Ends because cells are only ever added. Fails closed:
 * each part is checked with suppressionViolations() and every link for agreement.
 */
export function decideInParts(survey: SurveyTable, k: number, seed: Withheld): Withheld {
  const parts = tableParts(survey);
  // The unfiltered figures are what every reader starts from: a chain through a breakdown is
  // broken in the breakdown where it can be (disclosure-audit.ts, keep).
  const audits = parts.map((p) => new DisclosureAudit(p.table, { keep: isUnfilteredColumn }));
  const withheld: Withheld = new Map(seed);
  const nodes = survey.nodes.map((n) => n.id);
  /** How many of each part's cells were withheld after its last run (−1: not run yet). */
  const decided = parts.map(() => -1);
  const run = (i: number) => {
    const part = parts[i] as TablePart;
    const partSeed: Withheld = new Map();
    for (const key of part.table.counts.keys()) {
      const reason = withheld.get(key);
      if (reason) partSeed.set(key, reason);
    }
    for (const [respondents, n] of part.links)
      for (const node of nodes) {
        const reason = withheld.get(cellKey(node, respondents));
        if (reason) partSeed.set(cellKey(node, n), reason);
      }
    // Unchanged since this part's last run: it is still at its fixed point, so skip the passes.
    if (partSeed.size === decided[i]) return;
    const result = suppress(part.table, k, partSeed, audits[i]);
    for (const [key, reason] of result) withheld.set(key, reason);
    decided[i] = result.size;
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
        for (const node of nodes) {
          const reason = withheld.get(cellKey(node, n));
          const rKey = cellKey(node, respondents);
          if (reason && !withheld.has(rKey)) {
            withheld.set(rKey, reason);
            dirty = parts.map((p, i) => i === 0 || p.links.length > 0);
          }
        }
  }
  parts.forEach((part, i) => {
    const problems = suppressionViolations(part.table, k, withheld, audits[i]);
    for (const [respondents, n] of part.links)
      for (const node of nodes)
        if (withheld.has(cellKey(node, respondents)) !== withheld.has(cellKey(node, n)))
          problems.push(`A5: ${node} shows ${respondents} or ${n} but not both`);
    if (problems.length > 0) throw new Error(`survey results break the anonymity rules: ${problems[0]}`);
  });
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
