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
import { decideInParts, unservedCells } from '../src/domain/surveys/results-components.js';
import { surveyTable, type SurveyTableInput } from '../src/domain/surveys/results-table.js';
import { projectResults, suppressSurvey, surveyResults } from '../src/domain/surveys/results.js';
import { surveyAgency } from './survey-agency.js';
import { median, ms } from './support.js';

const UNITS = Number(process.env.BENCH_UNITS ?? 1000);
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const K = 5;

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

const { input, members, profiling } = surveyAgency({ units: UNITS, responses: RESPONSES, k: K });
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
