import { INSTRUMENTS } from './catalog.js';
import { CBI_SUBSCALES } from './definitions/cbi.js';
import { K10_ABS_BANDS } from './definitions/k10.js';
import type {
  Answer,
  AnswerProblem,
  InstrumentDefinition,
  InstrumentId,
  Item,
  ScoreOutcome,
  ScoreResult,
  SubscaleResult,
} from './types.js';

/**
 * The scorer of docs/instruments.md, one function for every instrument, driven
 * by its definition. Rules applied, by number:
 *  R0.1 answers are the printed option values; reversal happens here, never in the client.
 *  R0.2 no prorating: an unanswered item makes the form incomplete (total null, band
 *       "incomplete"), except the K10 skip-outs and the CBI's own ≥ 3-items rule; crisis logic
 *       still runs on the items that were answered.
 *  R0.3 band edges are inclusive at the lower edge of the higher band; means compare at 1e-4.
 *  R0.4 crisis only for the items of §11 (PHQ-9 item 9 ≥ 1, SRQ-20 item 17 = Ya).
 */

/** Means are compared with this tolerance (docs/instruments.md R0.3). */
const EPSILON = 1e-4;

function optionRange(item: Item): { min: number; max: number } {
  const values = item.options.map((o) => o.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** The value that counts toward the score: reversed items become (max + min − value). */
function scoredValue(item: Item, value: number): number {
  if (!item.reverse) return value;
  const { min, max } = optionRange(item);
  return max + min - value;
}

/** Checks the shape of the answers: a list of the right length of allowed values or null. */
export function findAnswerProblems(definition: InstrumentDefinition, answers: unknown): AnswerProblem[] {
  if (!Array.isArray(answers))
    return [{ item: null, code: 'not_a_list', params: { expected: definition.items.length } }];
  if (answers.length !== definition.items.length) {
    return [
      { item: null, code: 'wrong_length', params: { expected: definition.items.length, received: answers.length } },
    ];
  }
  const problems: AnswerProblem[] = [];
  definition.items.forEach((item, i) => {
    const value: unknown = answers[i];
    if (value === null || value === undefined) {
      if (item.required) problems.push({ item: item.number, code: 'required', params: {} });
      return;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push({ item: item.number, code: 'not_a_number', params: {} });
      return;
    }
    const allowed = item.options.map((o) => o.value);
    if (!allowed.includes(value)) problems.push({ item: item.number, code: 'not_an_option', params: { allowed } });
  });
  return problems;
}

/** A skipped K10 item counts as its skip value; any other unanswered item stays null. */
function effectiveAnswers(definition: InstrumentDefinition, answers: readonly Answer[]): Answer[] {
  return definition.items.map((item, i) => {
    const value = answers[i] ?? null;
    if (value !== null || !item.skip) return value;
    const trigger = answers[item.skip.whenItem - 1] ?? null;
    return trigger === item.skip.equals ? item.skip.scoreAs : null;
  });
}

function isCrisis(definition: InstrumentDefinition, answers: readonly Answer[]): boolean {
  return definition.items.some((item, i) => {
    const value = answers[i] ?? null;
    return item.crisisAt !== undefined && value !== null && value >= item.crisisAt;
  });
}

function bandOfTotal(definition: InstrumentDefinition, total: number): string {
  const band = definition.bands.find((b) => total >= b.min && total <= b.max);
  if (!band) throw new Error(`total ${total} outside the bands of ${definition.id}`);
  return band.code;
}

function scoreSum(definition: InstrumentDefinition, answers: readonly Answer[]): ScoreResult {
  const effective = effectiveAnswers(definition, answers);
  const complete = effective.every((v) => v !== null);
  const total = complete
    ? definition.items.reduce((sum, item, i) => sum + scoredValue(item, effective[i] as number), 0)
    : null;
  const result: ScoreResult = {
    instrumentId: definition.id,
    total,
    band: total === null ? 'incomplete' : bandOfTotal(definition, total),
    crisis: isCrisis(definition, answers),
  };
  if (definition.id === 'who5') {
    // Percentage = raw × 4 (docs/instruments.md §3); any single item at 0 or 1 recommends follow-up.
    result.percent = total === null ? null : total * 4;
    result.flags = { anyItem0Or1: answers.some((v) => v !== null && v <= 1) };
  }
  if (definition.id === 'k10') {
    result.bandAbs =
      total === null ? null : (K10_ABS_BANDS.find((b) => total >= b.min && total <= b.max)?.code ?? null);
  }
  return result;
}

/** Rounded for the answer only; bands are decided on the full-precision mean (docs/instruments.md R0.3). */
function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function subscaleResult(mean: number): SubscaleResult {
  const atLeast = (edge: number) => mean >= edge - EPSILON;
  return {
    score: round4(mean),
    band: atLeast(50) ? 'high' : 'low',
    band4: atLeast(100) ? 'severe' : atLeast(75) ? 'high' : atLeast(50) ? 'moderate' : 'low',
  };
}

/** CBI: each sub-scale is the mean of its answered items, when at least 3 are answered (docs/instruments.md §7). */
function scoreCbi(definition: InstrumentDefinition, answers: readonly Answer[]): ScoreResult {
  const subscales: Record<string, SubscaleResult | null> = {};
  for (const name of CBI_SUBSCALES) {
    const values = definition.items.flatMap((item, i) => {
      const value = answers[i] ?? null;
      return item.subscale === name && value !== null ? [scoredValue(item, value)] : [];
    });
    subscales[name] = values.length >= 3 ? subscaleResult(values.reduce((a, b) => a + b, 0) / values.length) : null;
  }
  return { instrumentId: definition.id, total: null, band: null, crisis: false, subscales };
}

/**
 * Scores answers (numeric option values in item order, null = unanswered) with the docs/instruments.md rules,
 * or says which items are wrong and why — never a guess.
 */
export function scoreAnswers(id: InstrumentId, answers: unknown): ScoreOutcome {
  const definition = INSTRUMENTS[id];
  const problems = findAnswerProblems(definition, answers);
  if (problems.length > 0) return { ok: false, problems };
  const list = (answers as unknown[]).map((v) => (v === undefined ? null : (v as Answer)));
  return { ok: true, result: definition.scoring === 'cbi' ? scoreCbi(definition, list) : scoreSum(definition, list) };
}
