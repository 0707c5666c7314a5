import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resultsInput, type FakeResponse } from '../../../test/support/survey-results.js';
import { suppressionViolations } from '../anonymity/suppression.js';
import { commentGroups } from './comment-groups.js';
import { questionsOf, type ScoredQuestion, type SurveyDefinition } from './definition.js';
import { ANY, profileKey, type Profile } from './profiles.js';
import {
  BANDS,
  bandOf,
  isServedSlice,
  nodeOfUnitIn,
  SURVEY_TOTAL,
  surveyTable,
  type SurveyFilter,
  type SurveyUnit,
} from './results-table.js';
import { decideInParts, tableParts, unservedCells } from './results-components.js';
import {
  projectResults,
  shownHistory,
  suppressSurvey,
  type NodeResult,
  type ResultFigure,
  type SurveyResults,
} from './results.js';
import { indexThemes, summariseScored } from './scoring.js';
import { agree, freeText, multiple, option, rating, single, t } from './templates/items.js';

/**
 * The results engine against brute force (docs/surveys.md#results-and-anonymity): random unit
 * trees, profiles, members and answers; every view (everyone, each filter value); every served
 * figure compared with the raw answers, and every difference a reader can take checked.
 */

const K = 5;
const KC = 10;
const definition: SurveyDefinition = {
  themes: [{ id: 'load', name: t('Beban', 'Load'), description: t('Beban', 'Load') }],
  sections: [
    {
      id: 's',
      title: t('Bagian', 'Section'),
      questions: [
        agree('manage', 'load', t('Terkelola', 'Manageable')),
        agree('overtime', 'load', t('Lembur', 'Overtime'), { reverse: true }),
        rating('energy', 'load', t('Energi', 'Energy'), t('Habis', 'Drained'), t('Penuh', 'Full')),
        single('often', t('Seberapa sering', 'How often'), [
          option('never', t('Tidak pernah', 'Never')),
          option('some', t('Kadang', 'Sometimes')),
          option('daily', t('Harian', 'Daily')),
        ]),
        multiple(
          'help',
          t('Bantuan', 'Help'),
          [option('a', t('A', 'A')), option('b', t('B', 'B')), option('c', t('C', 'C'))],
          { required: false },
        ),
        freeText('say', t('Masukan', 'Comments')),
      ],
    },
  ],
};
const questions = questionsOf(definition);

interface World {
  units: SurveyUnit[];
  members: { profile: Profile; members: number }[];
  responses: FakeResponse[];
}

const answersArb = fc.record({
  manage: fc.integer({ min: 1, max: 5 }),
  overtime: fc.integer({ min: 1, max: 5 }),
  energy: fc.integer({ min: 0, max: 10 }),
  often: fc.constantFrom('never', 'some', 'daily'),
  help: fc.option(fc.subarray(['a', 'b', 'c'], { minLength: 1 }), { nil: undefined }),
  say: fc.option(fc.constantFrom('Beban terlalu berat', 'Atasan mendukung', 'Perlu istirahat'), { nil: undefined }),
});

type DrawnAnswers = typeof answersArb extends fc.Arbitrary<infer T> ? T : never;

/** Answers leaning on a few values, so that large, small, empty and homogeneous cells all occur. */
const worldArb: fc.Arbitrary<World> = fc.integer({ min: 1, max: 8 }).chain((unitCount) =>
  fc
    .record({
      parents: fc.tuple(
        ...Array.from({ length: unitCount }, (_, i) =>
          i === 0 ? fc.constant(-1) : fc.integer({ min: 0, max: i - 1 }),
        ),
      ),
      topIsRow: fc.boolean(),
      profiles: fc.uniqueArray(
        fc.record({
          unit: fc.integer({ min: -1, max: unitCount - 1 }),
          employmentType: fc.constantFrom('pns', 'pppk', ANY),
          ageBand: fc.constantFrom('20-39', '40+', ANY),
          serviceBand: fc.constantFrom('0-9', ANY),
        }),
        { minLength: 1, maxLength: 7, selector: (p) => `${p.unit}|${p.employmentType}|${p.ageBand}|${p.serviceBand}` },
      ),
    })
    .chain(({ parents, topIsRow, profiles }) =>
      fc
        .tuple(
          ...profiles.map(() =>
            fc
              .integer({ min: K, max: 16 })
              .chain((members) => fc.tuple(fc.constant(members), fc.array(answersArb, { maxLength: members }))),
          ),
        )
        .map((drawn) => {
          const units = parents.map((p, i) => ({
            id: `u${i}`,
            parentId: p < 0 ? null : `u${p}`,
            row: i > 0 || topIsRow,
          }));
          const members: World['members'] = [];
          const responses: FakeResponse[] = [];
          profiles.forEach((p, i) => {
            const profile: Profile = {
              unitId: p.unit < 0 ? ANY : `u${p.unit}`,
              employmentType: p.employmentType,
              ageBand: p.ageBand,
              serviceBand: p.serviceBand,
            };
            const [count, answers] = drawn[i] as [number, DrawnAnswers[]];
            members.push({ profile, members: count });
            for (const a of answers) {
              const answer: FakeResponse['answers'] = {
                manage: a.manage,
                overtime: a.overtime,
                energy: a.energy,
                often: a.often,
              };
              if (a.help) answer.help = a.help;
              if (a.say) answer.say = a.say;
              responses.push({ profile, answers: answer });
            }
          });
          return { units, members, responses };
        }),
    ),
);

/** The responses a node of a view counts: its subtree's, and only those keeping the filter value. */
function responsesOf(world: World, results: SurveyResults, nodeId: string, filter: SurveyFilter | null) {
  const nodeOf = nodeOfUnitIn(world.units);
  const parent = new Map(results.rows.map((r) => [r.nodeId, r.parentId]));
  const inSubtree = (node: string) => {
    if (nodeId === SURVEY_TOTAL) return true;
    for (let n: string | null = node; n !== null && n !== SURVEY_TOTAL; n = parent.get(n) ?? null)
      if (n === nodeId) return true;
    return false;
  };
  return world.responses.filter(
    (r) => inSubtree(nodeOf(r.profile.unitId)) && (filter === null || r.profile[filter.attribute] === filter.value),
  );
}

function expectShownCount(figure: ResultFigure, truth: number) {
  if (figure.value === null) return;
  expect(figure.value).toBe(truth);
  expect(figure.value).toBeGreaterThanOrEqual(K);
}

/** Every served figure of one node is the true one, over at least k, or withheld. */
function checkNode(node: NodeResult, raw: FakeResponse[]) {
  expectShownCount(node.respondents, raw.length);
  const answersTo = (id: string) => raw.map((r) => r.answers[id] ?? null);
  const byQuestion = new Map<string, (number | null)[]>();
  for (const q of node.questions) {
    const question = questions.find((x) => x.id === q.questionId);
    if (!question) throw new Error(q.questionId);
    const answered = answersTo(q.questionId).filter((a) => a !== null);
    expectShownCount(q.n, answered.length);
    if (q.kind === 'likert' || q.kind === 'scale') {
      const sq = question as ScoredQuestion;
      const values = answersTo(q.questionId) as (number | null)[];
      byQuestion.set(q.questionId, values);
      const summary = summariseScored(sq, values);
      const inBand = BANDS.map((b) => answered.filter((v) => bandOf(sq, v as number) === b).length);
      q.bands.forEach((b, i) => expectShownCount(b.count, inBand[i] as number));
      if (q.favourableShare.value !== null) {
        expect(q.bands[2]?.count.value).not.toBeNull();
        expect(q.n.value).not.toBeNull();
        expect(q.favourableShare.value).toBeCloseTo(summary.favourableShare as number, 10);
      }
      if (q.mean.value !== null) {
        // Every band known exactly: shown, or withheld and known to be 0.
        expect(q.bands.reduce((s, b) => s + (b.count.value ?? 0), 0)).toBe(q.n.value);
        expect(q.mean.value).toBeCloseTo(summary.mean as number, 10);
        expect(new Set(values.filter((v) => v !== null)).size).toBeGreaterThan(1);
      }
    } else if (q.kind === 'single') {
      q.options.forEach((o) => {
        expectShownCount(o.count, answered.filter((a) => a === o.optionId).length);
        if (o.share.value !== null)
          expect(o.share.value).toBeCloseTo((o.count.value as number) / (q.n.value as number));
      });
    } else if (q.kind === 'multiple') {
      q.options.forEach((o) => {
        const chosen = answered.filter((a) => (a as string[]).includes(o.optionId)).length;
        expectShownCount(o.chosen, chosen);
        expectShownCount(o.notChosen, answered.length - chosen);
        if (o.share.value !== null) expect(o.chosen.value).not.toBeNull();
      });
    }
  }
  const theme = node.themes[0];
  if (!theme) throw new Error('theme');
  const truth = indexThemes(definition, byQuestion).get('load');
  if (theme.favourableShare.value !== null)
    expect(theme.favourableShare.value).toBeCloseTo(truth?.favourableShare ?? NaN);
  if (theme.score.value !== null) {
    for (const q of node.questions) if (q.kind === 'likert' || q.kind === 'scale') expect(q.mean.value).not.toBeNull();
    expect(theme.score.value).toBeCloseTo(truth?.score ?? NaN);
  }
}

describe('survey results properties (fast-check)', () => {
  it('serve only true figures over k, and no difference between shown groups isolates 1..k−1 people', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const input = resultsInput(definition, world.units, world.members, world.responses);
        const suppressed = suppressSurvey({ ...input, k: K });
        // The engine's own audit of the one table every view comes from (A1–A5, A13, two-way).
        expect(suppressionViolations(suppressed.survey.table, K, suppressed.withheld)).toEqual([]);

        const filters: (SurveyFilter | null)[] = [
          null,
          ...suppressed.survey.slices
            .filter((s) => s.attribute !== null && isServedSlice(s))
            .map((s) => ({ attribute: s.attribute, value: s.value }) as SurveyFilter),
          { attribute: 'ageBand', value: 'never-kept' },
        ];
        // Every shown count of every view, with the people behind it. Two groups a reader knows to
        // be nested must differ by 0 or at least k: a node and its descendant in one view (parent
        // minus children), and a node for everyone and itself or a descendant in a filtered view
        // (the filter's complement, and both at once).
        const cells: Array<{ node: string; filter: SurveyFilter | null; column: string; people: Set<FakeResponse> }> =
          [];
        const ancestorsOf = new Map<string, Set<string>>();
        for (const filter of filters) {
          const results = projectResults(suppressed, filter);
          for (const node of [results.total, ...results.rows]) {
            const raw = responsesOf(world, results, node.nodeId, filter);
            checkNode(node, raw);
            if (!ancestorsOf.has(node.nodeId)) {
              const above = new Set<string>([node.nodeId, SURVEY_TOTAL]);
              for (let p = node.parentId; p !== null; p = results.rows.find((r) => r.nodeId === p)?.parentId ?? null)
                above.add(p);
              ancestorsOf.set(node.nodeId, above);
            }
            if (node.respondents.value !== null)
              cells.push({ node: node.nodeId, filter, column: 'respondents', people: new Set(raw) });
            for (const q of node.questions)
              if (q.n.value !== null)
                cells.push({
                  node: node.nodeId,
                  filter,
                  column: q.questionId,
                  people: new Set(raw.filter((r) => r.answers[q.questionId] !== undefined)),
                });
          }
        }
        for (const outer of cells)
          for (const inner of cells) {
            if (outer === inner || outer.column !== inner.column) continue;
            if (!ancestorsOf.get(inner.node)?.has(outer.node)) continue;
            const sameView = JSON.stringify(outer.filter) === JSON.stringify(inner.filter);
            if (!sameView && outer.filter !== null) continue;
            const difference = outer.people.size - inner.people.size;
            expect([...inner.people].every((r) => outer.people.has(r))).toBe(true);
            expect(difference === 0 || difference >= K).toBe(true);
          }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
  }, 60_000);

  it('a survey closed again after reopening moves no shown cell by 1..k−1 (before/after differencing)', () => {
    const split = worldArb.chain((world) =>
      fc.tuple(fc.constant(world), fc.integer({ min: 0, max: world.responses.length })),
    );
    fc.assert(
      fc.property(split, ([world, early]) => {
        // The first closing saw the first `early` answers; the late ones came in after reopening.
        const first = suppressSurvey({
          ...resultsInput(definition, world.units, world.members, world.responses.slice(0, early)),
          k: K,
        });
        const history = shownHistory(first);
        const again = suppressSurvey({
          ...resultsInput(definition, world.units, world.members, world.responses),
          k: K,
          history,
        });
        expect(suppressionViolations(again.survey.table, K, again.withheld)).toEqual([]);
        for (const [key, n] of again.survey.table.counts) {
          if (again.withheld.has(key)) continue;
          for (const before of history[key] ?? []) {
            const d = Math.abs(n - before);
            expect(d === 0 || d >= K).toBe(true);
          }
        }
        // What the second closing shows joins the history, so a third closing is held to both.
        const both = shownHistory(again, history);
        for (const [key, values] of Object.entries(history))
          expect(both[key]).toEqual(expect.arrayContaining([...values]));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
  }, 60_000);

  it('the parts share no relation but links, and their decisions together break no rule of the whole table', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const input = resultsInput(definition, world.units, world.members, world.responses);
        const survey = surveyTable(input);
        const parts = tableParts(survey);
        // Every column is in exactly one part, and so is every distribution: the premise that
        // lets each part be decided on its own (docs/surveys.md#one-table-decided-in-parts).
        const partOf = new Map<string, number>();
        parts.forEach((p, i) => p.table.columns.forEach((c) => partOf.set(c, i)));
        expect(partOf.size).toBe(survey.table.columns.length);
        expect(parts.reduce((n, p) => n + p.table.columns.length, 0)).toBe(survey.table.columns.length);
        for (const d of survey.table.distributions)
          for (const part of d.parts) expect(partOf.get(part)).toBe(partOf.get(d.total));
        const partLinks = parts.flatMap((p) => p.links);
        for (const [a, b] of survey.table.linked ?? [])
          if (partOf.get(a) !== partOf.get(b)) expect(partLinks).toContainEqual([a, b]);
        // The union of the parts' decisions, audited as ONE joint table (every rule, the two-way
        // audit over every equation at once): nothing the joint engine would have had to withhold
        // is left shown. The unserved "keeps no value" cells start withheld, as in suppressSurvey().
        const withheld = decideInParts(survey, K, unservedCells(survey));
        expect(suppressionViolations(survey.table, K, withheld)).toEqual([]);
        for (const [key, n] of survey.table.counts) if (!withheld.has(key)) expect(n).toBeGreaterThanOrEqual(K);
      }),
      { numRuns: 150, seed: 4812 },
    );
  });

  it('comment groups: at least k_c respondents, shown in the results, and no remainder under k_c', () => {
    fc.assert(
      fc.property(worldArb, fc.integer(), (world, seed) => {
        const input = resultsInput(definition, world.units, world.members, world.responses);
        const results = projectResults(suppressSurvey({ ...input, k: K }), null);
        const comments = world.responses
          .filter((r) => typeof r.answers.say === 'string')
          .map((r) => ({ questionId: 'say', profileKey: profileKey(r.profile), text: r.answers.say as string }));
        let state = seed;
        const randomInt = (max: number) => {
          state = (state * 1103515245 + 12345) & 0x7fffffff;
          return state % max;
        };
        const groups = commentGroups({ ...input, results, comments, kc: KC, randomInt });
        const rows = new Map([results.total, ...results.rows].map((r) => [r.nodeId, r]));
        const shown = new Set(groups.map((g) => g.nodeId));
        for (const group of groups) {
          const row = rows.get(group.nodeId) as NodeResult;
          const raw = responsesOf(world, results, group.nodeId, null);
          expect(row.respondents.value).toBe(raw.length);
          expect(raw.length).toBeGreaterThanOrEqual(KC);
          // The texts are exactly the group's comments, whatever their order.
          const texts = group.questions.flatMap((q) => q.texts).sort();
          expect(texts).toEqual(raw.flatMap((r) => (typeof r.answers.say === 'string' ? [r.answers.say] : [])).sort());
          // The group minus its nearest shown sub-groups: nobody, or at least k_c people.
          const parent = new Map(results.rows.map((r) => [r.nodeId, r.parentId ?? SURVEY_TOTAL]));
          const nearest = [...shown].filter((id) => {
            if (id === group.nodeId || id === SURVEY_TOTAL) return false;
            let p = parent.get(id) ?? null;
            while (p !== null && p !== group.nodeId && !shown.has(p))
              p = p === SURVEY_TOTAL ? null : (parent.get(p) ?? null);
            return p === group.nodeId;
          });
          const rest = raw.length - nearest.reduce((s, id) => s + responsesOf(world, results, id, null).length, 0);
          expect(rest === 0 || rest >= KC).toBe(true);
        }
        const json = JSON.stringify(groups);
        for (const p of input.profiles) expect(json).not.toContain(p.key);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
  }, 60_000);
});
