import { questionsOf, type SurveyDefinition } from '../../src/domain/surveys/definition.js';
import { profileKey, type Profile } from '../../src/domain/surveys/profiles.js';
import type { SurveyProfile, SurveyTableInput, SurveyUnit } from '../../src/domain/surveys/results-table.js';
import { tallyEntries, type AnswerValue, type TallyQuestion } from '../../src/domain/surveys/tally.js';

/**
 * Survey-results inputs built from individual responses, as the write path would count them
 * (tally.ts), so that tests can compare every served figure with the raw answers.
 */
export interface FakeResponse {
  profile: Profile;
  answers: Record<string, AnswerValue>;
}

export function surveyProfile(p: Profile): SurveyProfile {
  return { key: profileKey(p), ...p };
}

export function resultsInput(
  definition: SurveyDefinition,
  units: readonly SurveyUnit[],
  members: ReadonlyArray<{ profile: Profile; members: number }>,
  responses: readonly FakeResponse[],
): SurveyTableInput {
  const profiles = new Map<string, SurveyProfile>();
  for (const { profile } of [...members, ...responses]) profiles.set(profileKey(profile), surveyProfile(profile));
  const questions = questionsOf(definition) as unknown as TallyQuestion[];
  const tallies = new Map<string, { profileKey: string; questionId: string; value: number; count: number }>();
  const respondents = new Map<string, number>();
  for (const r of responses) {
    const key = profileKey(r.profile);
    respondents.set(key, (respondents.get(key) ?? 0) + 1);
    for (const e of tallyEntries(questions, r.answers)) {
      const id = `${key}|${e.questionId}|${e.value}`;
      const t = tallies.get(id) ?? { profileKey: key, questionId: e.questionId, value: e.value, count: 0 };
      t.count += 1;
      tallies.set(id, t);
    }
  }
  return {
    definition,
    units,
    profiles: [...profiles.values()],
    tallies: [...tallies.values()],
    respondents: [...respondents].map(([profileKey, n]) => ({ profileKey, respondents: n })),
    members: members.map((m) => ({ profileKey: profileKey(m.profile), members: m.members })),
  };
}
