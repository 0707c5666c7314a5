import { cellKey, indexTree, type CountTable, type Withheld } from '../anonymity/count-table.js';
import { suppress } from '../anonymity/suppression.js';
import { shuffled, type RandomInt } from './batches.js';
import { nodeOfUnitIn, RESPONDENTS, SURVEY_TOTAL, type SurveyProfile, type SurveyUnit } from './results-table.js';
import type { SurveyResults } from './results.js';

/**
 * Which groups' comments may be read (docs/surveys.md#results-and-anonymity, docs/privacy.md A2,
 * A10). A node's comments are those of every response counted in it (its whole subtree), and they
 * are shown only when the node's respondent count is shown in the results and is at least k_c.
 * Like counts, comment groups can be subtracted: the comments of a unit that are in none of its
 * shown sub-units' groups come from the rest of its respondents, so that rest must be 0 or at
 * least k_c. That is the anonymity engine's remainder rule on one column with k_c as its
 * threshold, seeded with the nodes the results already withhold.
 *
 * The output holds only the texts, per question, in a random order: no profile, no id, no date.
 */

/** The fewest respondents a group's comments are shown for (A2); a survey may freeze a higher one. */
export const MIN_COMMENT_GROUP = 10;

export interface SurveyComment {
  questionId: string;
  profileKey: string;
  /** Already masked when stored (comment-mask.ts). */
  text: string;
}

export interface CommentGroup {
  nodeId: string;
  questions: { questionId: string; texts: string[] }[];
}

export function commentGroups(input: {
  /** The unfiltered results: a node whose respondent count is withheld there shows no comments. */
  results: SurveyResults;
  units: readonly SurveyUnit[];
  profiles: readonly SurveyProfile[];
  respondents: readonly { profileKey: string; respondents: number }[];
  comments: readonly SurveyComment[];
  /** The survey's frozen comment threshold, never below MIN_COMMENT_GROUP. */
  kc: number;
  /** crypto.randomInt in the server, a seeded one in tests. */
  randomInt: RandomInt;
}): CommentGroup[] {
  const kc = Math.max(MIN_COMMENT_GROUP, Number.isInteger(input.kc) ? input.kc : MIN_COMMENT_GROUP);
  const rows = [input.results.total, ...input.results.rows];
  const nodes = rows.map((r) => ({
    id: r.nodeId,
    parentId: r.nodeId === SURVEY_TOTAL ? null : (r.parentId ?? SURVEY_TOTAL),
  }));
  const nodeOfUnit = nodeOfUnitIn(input.units);
  const nodeOfProfile = new Map(input.profiles.map((p) => [p.key, nodeOfUnit(p.unitId)]));
  const tree = indexTree(nodes);

  // Respondents per node, the whole subtree, from the same figures the results count.
  const own = new Map<string, number>();
  for (const r of input.respondents) {
    const node = nodeOfProfile.get(r.profileKey) ?? SURVEY_TOTAL;
    own.set(node, (own.get(node) ?? 0) + r.respondents);
  }
  const subtree = new Map<string, number>();
  for (const id of [...tree.order].reverse())
    subtree.set(id, (own.get(id) ?? 0) + (tree.children.get(id) ?? []).reduce((s, c) => s + (subtree.get(c) ?? 0), 0));

  const table: CountTable = {
    nodes,
    columns: [RESPONDENTS],
    counts: new Map(nodes.map((n) => [cellKey(n.id, RESPONDENTS), subtree.get(n.id) ?? 0])),
    distributions: [],
  };
  const seed: Withheld = new Map();
  for (const r of rows) if (r.respondents.withheld) seed.set(cellKey(r.nodeId, RESPONDENTS), 'complementary');
  const withheld = suppress(table, kc, seed);

  const ancestorsOf = (node: string): string[] => {
    const path: string[] = [];
    for (let n: string | null = node; n !== null && !path.includes(n); n = tree.parent.get(n) ?? null) path.push(n);
    return path;
  };
  const shownNodes = new Set(nodes.map((n) => n.id).filter((id) => !withheld.has(cellKey(id, RESPONDENTS))));
  const texts = new Map<string, Map<string, string[]>>();
  for (const c of input.comments) {
    for (const node of ancestorsOf(nodeOfProfile.get(c.profileKey) ?? SURVEY_TOTAL)) {
      if (!shownNodes.has(node)) continue;
      const byQuestion = texts.get(node) ?? new Map<string, string[]>();
      texts.set(node, byQuestion);
      byQuestion.set(c.questionId, [...(byQuestion.get(c.questionId) ?? []), c.text]);
    }
  }
  return tree.order
    .filter((id) => shownNodes.has(id))
    .map((nodeId) => ({
      nodeId,
      questions: [...(texts.get(nodeId) ?? new Map<string, string[]>())]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([questionId, list]) => ({ questionId, texts: shuffled(list, input.randomInt) })),
    }));
}
