/**
 * Climate-survey results benchmark (docs/surveys.md#results-and-anonymity): an agency of about
 * 120,000 members in 1,000 units (four levels), a survey of 30 questions (22 five-point items in
 * six themes, 3 ratings 0–10, 3 single choices, 1 multiple choice, 1 free text) answered by
 * 100,000 of them. Members get their profiles as at opening (profiles.ts); the answers are counted
 * into tallies as the write path counts them (tally.ts). Times:
 *
 *  - the yardstick: the same tallies summed per unit and question value by hand, each unit
 *    counting its subtree — what any results page must at least do;
 *  - surveyResults(): the count table of every view (each unit, question, band or option, for
 *    everyone and for every value of the three filter attributes), the anonymity engine over it
 *    part by part (results-components.ts: suppress() with the disclosure audit and the
 *    fail-closed check suppressionViolations() per part) and the projection of one view; then
 *    each further view projected from the same suppressed survey;
 *  - the steps one by one: building the table, then deciding it in parts.
 *
 * The result is computed once per publication and stored (docs/decisions/048-climate-surveys.md),
 * so this is the cost of a close or a republication, not of a page view.
 *
 *   npx tsx bench/survey-results.bench.ts
 *   BENCH_UNITS=200 BENCH_RESPONSES=20000 BENCH_RUNS=3 npx tsx bench/survey-results.bench.ts
 *
 * Figures are recorded in docs/benchmarks.md.
 */
import { questionsOf, type Question, type SurveyDefinition } from '../src/domain/surveys/definition.js';
import { assignProfiles, profileKey, type MemberAttributes } from '../src/domain/surveys/profiles.js';
import { decideInParts, unservedCells } from '../src/domain/surveys/results-components.js';
import { surveyTable, type SurveyTableInput, type SurveyUnit } from '../src/domain/surveys/results-table.js';
import { projectResults, suppressSurvey, surveyResults } from '../src/domain/surveys/results.js';
import { ANSWERED } from '../src/domain/surveys/tally.js';
import { agree, freeText, multiple, option, rating, single, t } from '../src/domain/surveys/templates/items.js';
import { median, ms } from './support.js';

const UNITS = Number(process.env.BENCH_UNITS ?? 1000);
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const K = 5;

/** A seeded generator (mulberry32): the same agency and answers on every run. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(20261204);
const pick = <T>(items: readonly T[], weights?: readonly number[]): T => {
  if (!weights) return items[Math.floor(random() * items.length)] as T;
  let r = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) {
    r -= weights[i] as number;
    if (r < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
};

function definition(): SurveyDefinition {
  const themes = ['demands', 'control', 'support', 'clarity', 'change', 'rest'];
  const choices = (n: number) => Array.from({ length: n }, (_, i) => option(`o${i}`, t(`Pilihan ${i}`, `Choice ${i}`)));
  const questions: Question[] = [
    ...Array.from({ length: 22 }, (_, i) =>
      agree(`item-${i}`, themes[i % themes.length] as string, t(`Pernyataan ${i}`, `Statement ${i}`), {
        reverse: i % 4 === 3,
      }),
    ),
    ...Array.from({ length: 3 }, (_, i) =>
      rating(`rating-${i}`, 'rest', t(`Nilai ${i}`, `Rating ${i}`), t('Rendah', 'Low'), t('Tinggi', 'High')),
    ),
    ...Array.from({ length: 3 }, (_, i) => single(`single-${i}`, t(`Pilih ${i}`, `Choose ${i}`), choices(4), false)),
    multiple('multi', t('Pilih beberapa', 'Choose some'), choices(6), { maxChoices: 3, required: false }),
    freeText('say', t('Masukan', 'Comments')),
  ];
  return {
    themes: themes.map((id) => ({ id, name: t(id, id), description: t(id, id) })),
    sections: [{ id: 's', title: t('Bagian', 'Section'), questions }],
  };
}

/** 1 + 9 + 90 + 900 units for the default 1,000: every level ten times the one above. */
function unitTree(count: number): SurveyUnit[] {
  const units: SurveyUnit[] = [{ id: 'u0', parentId: null, row: true }];
  for (let i = 1; i < count; i++) units.push({ id: `u${i}`, parentId: `u${Math.floor((i - 1) / 10)}`, row: true });
  return units;
}

/** One respondent's answer as tally values (ANSWERED first), or null when skipped. */
function answerValues(q: Question, leaning: number): number[] | null {
  switch (q.kind) {
    case 'likert': {
      const v = Math.min(5, Math.max(1, Math.round(3 + leaning + (random() - 0.5) * 3)));
      return [ANSWERED, v];
    }
    case 'scale':
      return [ANSWERED, Math.min(10, Math.max(0, Math.round(6 + leaning * 2 + (random() - 0.5) * 6)))];
    case 'single':
      return random() < 0.1 ? null : [ANSWERED, pick([0, 1, 2, 3], [5, 3, 2, 1])];
    case 'multiple': {
      if (random() < 0.15) return null;
      const chosen = new Set<number>();
      const howMany = 1 + Math.floor(random() * 3);
      while (chosen.size < howMany) chosen.add(Math.floor(random() * 6));
      return [ANSWERED, ...chosen];
    }
    case 'text':
      return random() < 0.2 ? [ANSWERED] : null;
  }
}

function agency() {
  const def = definition();
  const units = unitTree(UNITS);
  const members: MemberAttributes[] = [];
  const perUnit = Math.round((RESPONSES * 1.2) / UNITS);
  units.forEach((u) => {
    const size = Math.max(1, Math.round(perUnit * (0.5 + random())));
    for (let i = 0; i < size; i++)
      members.push({
        personId: `${u.id}.${i}`,
        unitId: u.id,
        employmentType: pick(['pns', 'pppk', 'non_asn'], [70, 25, 5]),
        ageBand: pick(['20-29', '30-39', '40-49', '50-59', '60+'], [15, 30, 30, 22, 3]),
        serviceBand: pick(['0-4', '5-9', '10-19', '20-29', '30+'], [20, 20, 30, 22, 8]),
      });
  });
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const started = performance.now();
  const assignment = assignProfiles(members, parentOf, K);
  const profiling = performance.now() - started;
  if (!assignment.ok) throw new Error('too few members');
  const keyOf = new Map<string, string>();
  const profiles = new Map<string, SurveyTableInput['profiles'][number]>();
  const memberCount = new Map<string, number>();
  for (const [personId, p] of assignment.profiles) {
    const key = profileKey(p);
    keyOf.set(personId, key);
    profiles.set(key, { key, ...p });
    memberCount.set(key, (memberCount.get(key) ?? 0) + 1);
  }
  // RESPONSES of the members answer, chosen at random; each unit leans a little one way.
  const order = members.map((m) => m.personId).sort(() => random() - 0.5);
  const leaning = new Map(units.map((u) => [u.id, (random() - 0.5) * 1.5]));
  const questions = questionsOf(def);
  const tallies = new Map<string, { profileKey: string; questionId: string; value: number; count: number }>();
  const respondents = new Map<string, number>();
  for (const personId of order.slice(0, Math.min(RESPONSES, order.length))) {
    const key = keyOf.get(personId) as string;
    respondents.set(key, (respondents.get(key) ?? 0) + 1);
    const lean = leaning.get(personId.split('.')[0] as string) ?? 0;
    for (const q of questions) {
      for (const value of answerValues(q, lean) ?? []) {
        const id = `${key}|${q.id}|${value}`;
        const row = tallies.get(id) ?? { profileKey: key, questionId: q.id, value, count: 0 };
        row.count += 1;
        tallies.set(id, row);
      }
    }
  }
  const input: SurveyTableInput = {
    definition: def,
    units,
    profiles: [...profiles.values()],
    tallies: [...tallies.values()],
    respondents: [...respondents].map(([profileKey, n]) => ({ profileKey, respondents: n })),
    members: [...memberCount].map(([profileKey, n]) => ({ profileKey, members: n })),
  };
  return { input, members: members.length, profiling };
}

/** The yardstick: every tally added into its unit and every unit above it, by hand. */
function sumByHand(input: SurveyTableInput): number {
  const parent = new Map(input.units.map((u) => [u.id, u.parentId]));
  const unitOf = new Map(input.profiles.map((p) => [p.key, p.unitId]));
  const totals = new Map<string, number>();
  for (const row of input.tallies) {
    for (let u: string | null = unitOf.get(row.profileKey) ?? null; u !== null; u = parent.get(u) ?? null) {
      const key = `${u}|${row.questionId}|${row.value}`;
      totals.set(key, (totals.get(key) ?? 0) + row.count);
    }
  }
  return totals.size;
}

function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
}

const { input, members, profiling } = agency();
console.log(
  `${UNITS} units, ${members} members in ${input.profiles.length} profiles (assigned in ${ms(profiling)}), ` +
    `${RESPONSES} responses → ${input.tallies.length} tally rows; k = ${K}`,
);
const figures: Record<string, number[]> = {};
const record = (name: string, value: number) => {
  // Printed as it comes too: at full size a run takes minutes.
  console.log(`  ${name}: ${ms(value)}`);
  (figures[name] ??= []).push(value);
};
for (let run = 0; run < RUNS; run++) {
  record('yardstick: tallies summed per unit by hand', timed(() => sumByHand(input))[1]);
  const [suppressed, deciding] = timed(() => suppressSurvey({ ...input, k: K }));
  record('suppressSurvey(): table, decision in parts, fail-closed checks', deciding);
  const [results, projecting] = timed(() => projectResults(suppressed, null));
  record('projectResults(), everyone', projecting);
  record(
    'projectResults(), filter employmentType=pns',
    timed(() => projectResults(suppressed, { attribute: 'employmentType', value: 'pns' }))[1],
  );
  const { survey, withheld } = suppressed;
  // The steps apart only where they are quick enough to repeat (BENCH_STEPS=0 skips them).
  if (process.env.BENCH_STEPS !== '0') {
    record('  step: count table built', timed(() => surveyTable(input))[1]);
    record(
      '  step: decideInParts() (suppress() per part, and its check)',
      timed(() => decideInParts(survey, K, unservedCells(survey)))[1],
    );
    record('  whole: surveyResults(), one view', timed(() => surveyResults({ ...input, k: K }))[1]);
  }
  if (run === 0) {
    const shown = survey.table.counts.size - withheld.size;
    console.log(
      `${survey.table.columns.length} columns × ${survey.nodes.length} nodes = ${survey.table.counts.size} cells, ` +
        `${survey.table.distributions.length} distributions; ${shown} cells shown; ` +
        `total row: ${results.total.respondents.value} respondents`,
    );
  }
}
console.log(`\nmedian of ${RUNS} runs:`);
for (const [name, values] of Object.entries(figures)) console.log(`${name.padEnd(60)} ${ms(median(values))}`);
