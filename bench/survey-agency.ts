/**
 * The agency and survey the results benchmarks share (bench/survey-results.bench.ts, the engine;
 * bench/survey-results-read.ts, the page): generated, not sampled from anyone.
 */
import { seeded } from '../test/support/engine-fingerprint.js';
import { questionsOf, type Question, type SurveyDefinition } from '../src/domain/surveys/definition.js';
import { assignProfiles, profileKey, type MemberAttributes } from '../src/domain/surveys/profiles.js';
import type { SurveyTableInput, SurveyUnit } from '../src/domain/surveys/results-table.js';
import { ANSWERED } from '../src/domain/surveys/tally.js';
import { agree, freeText, multiple, option, rating, single, t } from '../src/domain/surveys/templates/items.js';

let random = seeded(20261204);
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

/** 1 + 9 + 90 + 900 units for 1,000: every level ten times the one above. */
function unitTree(count: number, idOf: (i: number) => string): SurveyUnit[] {
  const units: SurveyUnit[] = [{ id: idOf(0), parentId: null, row: true }];
  for (let i = 1; i < count; i++) units.push({ id: idOf(i), parentId: idOf(Math.floor((i - 1) / 10)), row: true });
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

export interface SurveyAgencyOptions {
  units: number;
  responses: number;
  k: number;
  /** The i-th unit's id (default `u<i>`): a bench over the database passes real ids. */
  unitId?: (i: number) => string;
}

/**
 * The benchmarks' agency and survey, the same on every run (a fixed seed): `units` units ten to a
 * parent, about 1.2 members per response with employment type, age and service bands, profiles
 * assigned by the real assignProfiles(), a 30-question survey (22 five-point items in six themes, 3
 * ratings 0–10, 3 single choices of 4, 1 multiple choice of 6, 1 free text) answered by `responses`
 * of them, counted into tallies as the write path counts them.
 */
export function surveyAgency({
  units: UNITS,
  responses: RESPONSES,
  k: K,
  unitId = (i) => `u${i}`,
}: SurveyAgencyOptions) {
  random = seeded(20261204);
  const def = definition();
  const units = unitTree(UNITS, unitId);
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
