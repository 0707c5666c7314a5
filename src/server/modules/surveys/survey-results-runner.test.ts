import { describe, expect, it } from 'vitest';
import { resultsInput, type FakeResponse } from '../../../../test/support/survey-results.js';
import { ANY, type Profile } from '../../../domain/surveys/profiles.js';
import { templateFor } from '../../../domain/surveys/templates/index.js';
import { computeViews, type ComputeInput } from './survey-results-compute.js';
import { computeSurveyViews } from './survey-results-runner.js';

describe('computing survey results off the server thread', () => {
  const definition = templateFor('pulse', 'administration')!.definition;
  const profile = (unitId: string): Profile => ({ unitId, employmentType: 'pns', ageBand: ANY, serviceBand: ANY });
  const units = [
    { id: 'root', parentId: null, row: true },
    { id: 'a', parentId: 'root', row: true },
    { id: 'b', parentId: 'root', row: true },
  ];
  const responses: FakeResponse[] = Array.from({ length: 24 }, (_, i) => ({
    profile: profile(i % 2 === 0 ? 'a' : 'b'),
    answers: { 'pls-workload': 1 + (i % 5), 'pls-support': 1 + ((i * 3) % 5), 'pls-energy': i % 11 },
  }));
  const input: ComputeInput = {
    table: resultsInput(
      definition,
      units,
      [
        { profile: profile('a'), members: 14 },
        { profile: profile('b'), members: 14 },
      ],
      responses,
    ),
    k: 5,
    kc: 10,
    responseCount: responses.length,
    snapshots: [],
    comments: null,
    computedAt: '2026-12-04T02:00:00.000Z',
  };

  it('gives in a worker thread exactly the views it gives inline', async () => {
    const inline = computeViews(input);
    expect(inline.views.length).toBeGreaterThan(0);
    expect(JSON.parse(inline.views[0]!.body).results.total.respondents.value).toBe(24);
    const threaded = await computeSurveyViews(input, 0);
    expect(threaded).toEqual(inline);
  }, 60_000);

  it('fails the computation (and so the job, which retries) when the engine throws in the worker', async () => {
    const broken = { ...input, table: { ...input.table, respondents: [{ profileKey: 'nobody', respondents: 1 }] } };
    expect(() => computeViews(broken)).toThrow(/nobody/);
    await expect(computeSurveyViews(broken, 0)).rejects.toThrow(/nobody/);
  }, 60_000);
});
