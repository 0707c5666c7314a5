import { cellKey, indexTree, type CountTable, type Distribution, type TableNode } from '../anonymity/count-table.js';
import {
  isScoredQuestion,
  questionsOf,
  SCALE_MAX,
  type Question,
  type ScoredQuestion,
  type SurveyDefinition,
} from './definition.js';
import { ANY, type Profile } from './profiles.js';
import { favourableFrom, SCALE_FAVOURABLE_FROM, scoredValue } from './scoring.js';
import { ANSWERED } from './tally.js';

/**
 * The count table of a climate survey's results (docs/surveys.md#results-and-anonymity): every
 * count any view of the results can show — per unit, per question, per band or option, and the
 * same again for every value of every breakdown attribute — in one `CountTable`, so that one run
 * of the anonymity engine (src/domain/anonymity/) decides every view at once. Counts are read
 * from the tallies (tally.ts), never from responses.
 */

/** The synthetic node of the whole survey; never a unit id (those are UUIDs). */
export const SURVEY_TOTAL = 'survey-total';
export const RESPONDENTS = 'respondents';

/** The attributes a viewer may filter the results by, as profiles carry them (profiles.ts). */
export const FILTER_ATTRIBUTES = ['employmentType', 'ageBand', 'serviceBand'] as const;
export type FilterAttribute = (typeof FILTER_ATTRIBUTES)[number];
export interface SurveyFilter {
  attribute: FilterAttribute;
  value: string;
}

/**
 * The three bands of a scored question, after reversal. Likert: below the midpoint, the midpoint,
 * above it (1–2 / 3 / 4–5 of 5; 1–3 / 4 / 5–7 of 7). 0–10: 0–4 / 5–6 / 7–10 — the midpoint and the
 * lukewarm 6 are neutral, and favourable starts at 7 as in scoring.ts.
 */
export const BANDS = ['unfavourable', 'neutral', 'favourable'] as const;
export type Band = (typeof BANDS)[number];
export const SCALE_NEUTRAL_FROM = 5;

export function bandOf(question: ScoredQuestion, value: number): Band {
  const scored = scoredValue(question, value);
  const [neutralFrom, favourable] =
    question.kind === 'likert'
      ? [(question.points + 1) / 2, favourableFrom(question.points)]
      : [SCALE_NEUTRAL_FROM, SCALE_FAVOURABLE_FROM];
  return scored >= favourable ? 'favourable' : scored >= neutralFrom ? 'neutral' : 'unfavourable';
}

/** A unit of the tree frozen at opening; `row` as in CampaignUnit: in a target subtree. */
export interface SurveyUnit {
  id: string;
  parentId: string | null;
  row: boolean;
}
export interface SurveyProfile extends Profile {
  key: string;
}
export interface SurveyTally {
  profileKey: string;
  questionId: string;
  value: number;
  count: number;
}

export interface SurveyTableInput {
  definition: SurveyDefinition;
  units: readonly SurveyUnit[];
  profiles: readonly SurveyProfile[];
  tallies: readonly SurveyTally[];
  /** How many responses carry each profile. */
  respondents: readonly { profileKey: string; respondents: number }[];
  /**
   * How many members hold each profile: public (anyone who knows the members and their attributes
   * can assign the profiles), so it bounds every count of the profile's cells.
   */
  members: readonly { profileKey: string; members: number }[];
}

/**
 * A group of profiles a column counts: everyone (attribute null), or one value of one attribute.
 * The value ANY stands for the profiles that keep no value of the attribute: no filter shows
 * them, but the engine must know their cells to protect them (they are what a filter leaves out).
 */
export interface Slice {
  attribute: FilterAttribute | null;
  value: string | null;
}

export const isServedSlice = (slice: Slice) => slice.value !== ANY;

/** One column per count of a question, before it is repeated per slice. */
export interface QuestionColumns {
  question: Question;
  /** Column of the respondents who answered it. */
  n: string;
  /** Scored: one per band, in BANDS order. Single choice: one per option. Multiple: chosen per option. */
  parts: string[];
  /** Multiple choice: not chosen per option (n − chosen), so that each option is a distribution. */
  notChosen: string[];
}

export interface SurveyTable {
  table: CountTable;
  slices: Slice[];
  nodes: { id: string; parentId: string | null; depth: number }[];
  questions: QuestionColumns[];
  /** Sum of the scored values (after reversal) per scored question, keyed by cellKey(node, column(slice, n)). */
  sums: Map<string, number>;
  /** Members per node (subtree), unfiltered: the invited count a page shows. */
  members: Map<string, number>;
  /**
   * The same counts as table.counts, flat: cell (node n of `nodes`, column c of table.columns)
   * at n × columns + c; bounds per node and slice at n × slices + s. The engine cuts its parts
   * straight from these (results-components.ts) instead of looking every cell up by key.
   */
  flat: { counts: Float64Array; bounds: Float64Array };
}

export const sliceColumn = (slice: Slice, base: string) =>
  slice.attribute === null ? base : `${base}@${slice.attribute}=${slice.value}`;

/** A column of the unfiltered view (no breakdown attribute): see sliceColumn. */
export const isUnfilteredColumn = (column: string) => !column.includes('@');

function questionColumns(question: Question): QuestionColumns {
  const q = `q:${question.id}`;
  const n = `${q}:n`;
  if (isScoredQuestion(question)) return { question, n, parts: BANDS.map((b) => `${q}:${b}`), notChosen: [] };
  if (question.kind === 'single')
    return { question, n, parts: question.options.map((_, i) => `${q}:o${i}`), notChosen: [] };
  if (question.kind === 'multiple')
    return {
      question,
      n,
      parts: question.options.map((_, i) => `${q}:o${i}:chosen`),
      notChosen: question.options.map((_, i) => `${q}:o${i}:not`),
    };
  return { question, n, parts: [], notChosen: [] };
}

const add = (array: Float64Array, i: number, value: number) => {
  array[i] = (array[i] as number) + value;
};

/** Where a tally value lands among a question's part columns (−1: in n only). */
function partIndex(question: Question, value: number): number {
  if (value === ANSWERED) return -1;
  if (isScoredQuestion(question)) {
    const min = question.kind === 'likert' ? 1 : 0;
    const max = question.kind === 'likert' ? question.points : SCALE_MAX;
    if (Number.isInteger(value) && value >= min && value <= max) return BANDS.indexOf(bandOf(question, value));
  } else if (question.kind === 'single' || question.kind === 'multiple') {
    if (Number.isInteger(value) && value >= 0 && value < question.options.length) return value;
  }
  // Tallies are written from checked answers; one that fits no cell is a bug, never dropped quietly.
  throw new RangeError(`tally value ${value} does not fit question ${question.id}`);
}

/**
 * The node a unit's profiles count at: the unit itself when it is a row, else the nearest row
 * above it, else the survey total (a non-row ancestor, ANY, or a unit the tree does not hold).
 */
export function nodeOfUnitIn(units: readonly SurveyUnit[]): (unitId: string) => string {
  const rows = new Set(units.filter((u) => u.row).map((u) => u.id));
  const parent = indexTree(units).parent;
  return (unitId) => {
    const seen = new Set<string>();
    for (let u: string | null = unitId; u !== null && !seen.has(u); u = parent.get(u) ?? null) {
      if (rows.has(u)) return u;
      seen.add(u);
    }
    return SURVEY_TOTAL;
  };
}

/**
 * The count table: nodes are the survey total and the row units (each under its nearest row
 * ancestor); a profile counts at its unit, or at the nearest row above it, or at the total only
 * (a profile of a non-row ancestor or of ANY unit). Columns: respondents and every question count
 * per slice; distributions: each question's bands or options within a slice, each multiple-choice
 * option as chosen / not chosen, and each attribute's values as the parts of the unfiltered count.
 */
export function surveyTable(input: SurveyTableInput): SurveyTable {
  const unitTree = indexTree(input.units);
  const nodeOfUnit = nodeOfUnitIn(input.units);
  const tableNodes: TableNode[] = [{ id: SURVEY_TOTAL, parentId: null }];
  for (const u of input.units) {
    if (!u.row) continue;
    const parent = unitTree.parent.get(u.id) ?? null;
    tableNodes.push({ id: u.id, parentId: parent === null ? SURVEY_TOTAL : nodeOfUnit(parent) });
  }
  const tree = indexTree(tableNodes);
  const nodeIndex = new Map(tree.order.map((id, i) => [id, i]));

  const slices: Slice[] = [{ attribute: null, value: null }];
  for (const attribute of FILTER_ATTRIBUTES) {
    const values = new Set(input.profiles.map((p) => p[attribute]));
    // ANY last: the profiles that keep no value of the attribute, counted but never served.
    for (const value of [...values].sort((a, b) => (a === ANY ? 1 : b === ANY ? -1 : a < b ? -1 : a > b ? 1 : 0)))
      slices.push({ attribute, value });
  }
  const sliceIndex = new Map(slices.map((s, i) => [`${s.attribute}=${s.value}`, i]));

  const questions = questionsOf(input.definition).map(questionColumns);
  const questionIndex = new Map(questions.map((q, i) => [q.question.id, i]));
  // Base columns (before slicing): respondents, then per question n, its parts and not-chosen.
  const base: string[] = [RESPONDENTS];
  const offsetOf: number[] = [];
  for (const q of questions) {
    offsetOf.push(base.length);
    base.push(q.n, ...q.parts, ...q.notChosen);
  }
  const width = base.length;
  const S = slices.length;
  const N = tree.order.length;
  const at = (node: number, slice: number, column: number) => (node * S + slice) * width + column;
  const counts = new Float64Array(N * S * width);
  const bound = new Float64Array(N * S);
  const scoredIndex = questions.map((q, i) => (isScoredQuestion(q.question) ? i : -1));
  const sums = new Float64Array(N * S * questions.length);

  const profiles = new Map<string, { node: number; slices: number[] }>();
  for (const p of input.profiles) {
    const inSlices = [0];
    for (const attribute of FILTER_ATTRIBUTES) inSlices.push(sliceIndex.get(`${attribute}=${p[attribute]}`) as number);
    profiles.set(p.key, { node: nodeIndex.get(nodeOfUnit(p.unitId)) as number, slices: inSlices });
  }
  const profileOf = (key: string) => {
    const p = profiles.get(key);
    if (!p) throw new RangeError(`profile ${key} is not a profile of this survey`);
    return p;
  };

  for (const r of input.respondents) {
    const p = profileOf(r.profileKey);
    for (const s of p.slices) add(counts, at(p.node, s, 0), r.respondents);
  }
  // More answers than members would make every bound a lie and the engine's deductions nonsense.
  const membersOf = new Map(input.members.map((m) => [m.profileKey, m.members]));
  for (const r of input.respondents)
    if (r.respondents > (membersOf.get(r.profileKey) ?? 0))
      throw new RangeError(`profile ${r.profileKey} has more responses than members`);
  for (const m of input.members) {
    const p = profileOf(m.profileKey);
    for (const s of p.slices) add(bound, p.node * S + s, m.members);
  }
  for (const t of input.tallies) {
    const p = profileOf(t.profileKey);
    const qi = questionIndex.get(t.questionId);
    if (qi === undefined) throw new RangeError(`tally of ${t.questionId}, which is not a question of this survey`);
    const q = questions[qi] as QuestionColumns;
    const part = partIndex(q.question, t.value);
    const column = (offsetOf[qi] as number) + 1 + part;
    for (const s of p.slices) {
      add(counts, at(p.node, s, column), t.count);
      if (part >= 0 && scoredIndex[qi] !== -1)
        add(
          sums,
          (p.node * S + s) * questions.length + qi,
          scoredValue(q.question as ScoredQuestion, t.value) * t.count,
        );
    }
  }
  // Each node counts its whole subtree: add children into parents, leaves first.
  for (let i = N - 1; i >= 0; i--) {
    const parent = tree.parent.get(tree.order[i] as string);
    if (parent === null || parent === undefined) continue;
    const p = nodeIndex.get(parent) as number;
    for (let j = 0; j < S * width; j++) add(counts, p * S * width + j, counts[i * S * width + j] as number);
    for (let s = 0; s < S; s++) add(bound, p * S + s, bound[i * S + s] as number);
    for (let j = 0; j < S * questions.length; j++)
      add(sums, p * S * questions.length + j, sums[i * S * questions.length + j] as number);
  }
  questions.forEach((q, qi) => {
    const offset = offsetOf[qi] as number;
    q.notChosen.forEach((_, o) => {
      for (let cell = 0; cell < N * S; cell++) {
        const n = counts[cell * width + offset] as number;
        counts[cell * width + offset + 1 + q.parts.length + o] = n - (counts[cell * width + offset + 1 + o] as number);
      }
    });
  });

  const columns: string[] = [];
  const countMap = new Map<string, number>();
  const sumMap = new Map<string, number>();
  const members = new Map<string, number>();
  for (let s = 0; s < S; s++) for (const b of base) columns.push(sliceColumn(slices[s] as Slice, b));
  tree.order.forEach((nodeId, n) => {
    members.set(nodeId, bound[n * S] as number);
    for (let s = 0; s < S; s++) {
      for (let c = 0; c < width; c++) {
        const key = cellKey(nodeId, columns[s * width + c] as string);
        countMap.set(key, counts[at(n, s, c)] as number);
      }
      questions.forEach((q, qi) => {
        if (scoredIndex[qi] === -1) return;
        sumMap.set(
          cellKey(nodeId, sliceColumn(slices[s] as Slice, q.n)),
          sums[(n * S + s) * questions.length + qi] as number,
        );
      });
    }
  });

  const distributions: Distribution[] = [];
  const linked: Array<readonly [string, string]> = [];
  slices.forEach((slice, s) => {
    const col = (b: string) => sliceColumn(slice, b);
    questions.forEach((q, qi) => {
      if (isScoredQuestion(q.question) || q.question.kind === 'single')
        distributions.push({ total: col(q.n), parts: q.parts.map(col) });
      q.notChosen.forEach((not, o) =>
        distributions.push({ total: col(q.n), parts: [col(q.parts[o] as string), col(not)] }),
      );
      // A required question is answered by every respondent, as any reader of the survey knows:
      // the two counts are shown or withheld together. (Where the data says otherwise, the reader's
      // belief is wrong and a link would only withhold for nothing.)
      const [respondents, answered] = [col(RESPONDENTS), col(q.n)];
      if (
        q.question.required &&
        tree.order.every((_, n) => counts[at(n, s, 0)] === counts[at(n, s, offsetOf[qi] as number)])
      )
        linked.push([respondents, answered]);
    });
  });
  // A6: an attribute's values split every unfiltered count, the profiles that keep none (ANY)
  // being a part of their own, so that what a filtered view leaves over is a group the engine
  // audits like any other (its answers' distributions too, A13).
  for (const attribute of FILTER_ATTRIBUTES) {
    const parts = slices.filter((s) => s.attribute === attribute);
    if (parts.length === 0) continue;
    for (const b of base) distributions.push({ total: b, parts: parts.map((s) => sliceColumn(s, b)), breakdown: true });
  }

  const depth = new Map<string, number>();
  const nodes = tree.order.map((id) => {
    const parentId = tree.parent.get(id) ?? null;
    const d = parentId === null ? 0 : (depth.get(parentId) ?? 0) + 1;
    depth.set(id, d);
    return { id, parentId, depth: d };
  });
  return {
    table: lazyBounds({ nodes: tableNodes, columns, counts: countMap, distributions, linked }, () => {
      // Every cell is bounded by the members its node holds in its slice.
      const bounds = new Map<string, number>();
      tree.order.forEach((nodeId, n) => {
        for (let s = 0; s < S; s++)
          for (let c = 0; c < width; c++)
            bounds.set(cellKey(nodeId, columns[s * width + c] as string), bound[n * S + s] as number);
      });
      return bounds;
    }),
    slices,
    nodes,
    questions,
    sums: sumMap,
    members,
    flat: { counts, bounds: bound },
  };
}

/**
 * The table with its bounds Map built on first read. The engine reads a survey's bounds from
 * SurveyTable.flat; the keyed Map (2.2 million keys at 1,000 units) is for readers of the
 * CountTable itself (tableParts(), the property tests), and costs nothing when none asks.
 */
function lazyBounds(table: CountTable, build: () => Map<string, number>): CountTable {
  let bounds: Map<string, number> | undefined;
  return Object.defineProperty(table, 'bounds', {
    enumerable: true,
    get: () => (bounds ??= build()),
  });
}
