import { describe, expect, it } from 'vitest';
import { scoreAnswers } from '../../domain/instruments/scoring.js';
import { generateDemo } from './generate.js';
import { generateWellbeing } from './wellbeing.js';

const now = new Date('2026-11-22T05:00:00.000Z');

describe('demo wellbeing activity', () => {
  const demo = generateDemo();
  const activity = generateWellbeing(demo.agencies, now);

  it('is the same on every run', () => {
    expect(generateWellbeing(generateDemo().agencies, now)).toEqual(activity);
  });

  it('stores exactly what the scorer gives for every result', () => {
    for (const r of activity.results) {
      const outcome = scoreAnswers(r.instrumentId, r.answers);
      expect(outcome.ok && outcome.result).toEqual(r.result);
    }
  });

  it('has a closed and an open campaign of the same instruments in Sleman, and an open one under way in BLSN', () => {
    const [past, current, slemanNow] = activity.campaigns;
    expect(slemanNow).toMatchObject({ status: 'open', agencyKey: past?.agencyKey, instrumentIds: past?.instrumentIds });
    expect(slemanNow?.launchedAt && past?.closedAt && slemanNow.launchedAt > past.closedAt).toBe(true);
    expect(past).toMatchObject({ status: 'closed', instrumentIds: ['phq9', 'who5'] });
    expect(current).toMatchObject({ status: 'open', instrumentIds: ['cbi', 'pss10'] });
    const respondents = (key: string) =>
      new Set(activity.results.filter((r) => r.campaignKey === key).map((r) => r.personKey)).size;
    expect(respondents('sleman-q3') / (past?.memberKeys.length ?? 1)).toBeGreaterThan(0.55);
    expect(respondents('blsn-burnout')).toBeGreaterThan(20);
    expect(respondents('sleman-q4')).toBeGreaterThan(20);
  });

  it('gives the demo employee a history to chart, a shared result and the counsellor an urgent request', () => {
    const employee = demo.agencies[0]?.people.find((p) => p.signIn?.label === 'Employee');
    const history = activity.results.filter((r) => r.personKey === employee?.key && r.instrumentId === 'phq9');
    expect(history.length).toBeGreaterThanOrEqual(3);
    expect(activity.share).toMatchObject({ personKey: employee?.key, instrumentId: 'phq9' });
    expect(activity.urgentRequest).not.toBeNull();
  });

  it('keeps crisis answers rare, as in a real agency', () => {
    const crises = activity.results.filter((r) => r.result.crisis).length;
    expect(crises).toBeLessThan(activity.results.length * 0.05);
  });
});
