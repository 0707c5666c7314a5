import { describe, expect, it } from 'vitest';
import { agencyDistribution, concernBands, concernShare, unitsNeedingAttention } from './campaign-report.js';

const PHQ9 = ['minimal', 'mild', 'moderate', 'moderately_severe', 'severe'];
const instruments = [{ instrumentId: 'phq9', bands: PHQ9 }];
const unit = (unitId: string, parentId: string | null, counts: Array<number | null>, respondents: number | null) => ({
  unitId,
  parentId,
  instruments: [
    { instrumentId: 'phq9', respondents, bands: PHQ9.map((band, i) => ({ band, count: counts[i] ?? null })) },
  ],
});

describe('campaign report', () => {
  it('takes the two most severe bands of a long scale, the worst one of a short scale, the lowest WHO-5', () => {
    expect(concernBands('phq9', PHQ9)).toEqual(['severe', 'moderately_severe']);
    expect(concernBands('pss10', ['low', 'moderate', 'high'])).toEqual(['high']);
    expect(concernBands('who5', ['likely_depression', 'poor_wellbeing', 'adequate'])).toEqual(['likely_depression']);
  });

  it('never judges from a withheld cell', () => {
    expect(
      concernShare(unit('a', null, [5, 5, 5, null, 5], 20).instruments[0]!, ['severe', 'moderately_severe']),
    ).toBeNull();
    expect(concernShare(unit('a', null, [5, 5, 0, 5, 5], 20).instruments[0]!, ['severe', 'moderately_severe'])).toBe(
      0.5,
    );
  });

  it('sums the top rows for the whole, and lists units above it, largest gap first', () => {
    const units = [
      unit('root', null, [20, 10, 10, 5, 5], 50),
      unit('a', 'root', [5, 5, 0, 5, 5], 20),
      unit('b', 'root', [10, 0, 10, 0, 0], 20),
      unit('c', 'root', [null, null, null, null, null], null),
      unit('d', 'a', [0, 0, 0, 5, 5], 10),
    ];
    const [whole] = agencyDistribution(units, instruments);
    expect(whole).toMatchObject({ respondents: 50, concernShare: 0.2 });
    const attention = unitsNeedingAttention(units, instruments);
    expect(attention.map((a) => a.unitId)).toEqual(['d', 'a']);
    expect(attention[0]).toMatchObject({ share: 1, overall: 0.2 });
  });

  it('withholds the whole distribution band when a top row withholds it', () => {
    const [whole] = agencyDistribution(
      [unit('x', null, [10, 5, 5, null, 5], 30), unit('y', null, [10, 5, 5, 5, 5], 30)],
      instruments,
    );
    expect(whole?.bands.find((b) => b.band === 'moderately_severe')?.count).toBeNull();
    expect(whole?.bands.find((b) => b.band === 'minimal')?.count).toBe(20);
    expect(whole?.concernShare).toBeNull();
  });
});
