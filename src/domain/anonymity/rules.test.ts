import { describe, expect, it } from 'vitest';
import { scoreAnswers } from '../instruments/scoring.js';
import { INSTRUMENT_IDS } from '../instruments/types.js';
import { campaignBandOf, distributionBands } from './distribution-bands.js';
import { freezeThreshold, MIN_ANONYMITY_THRESHOLD, thresholdOf } from './threshold.js';
import { shouldRepublish } from './time-differencing.js';

describe('threshold (A1, A9)', () => {
  it('never goes below 5, whatever the agency setting or the stored row says', () => {
    expect(MIN_ANONYMITY_THRESHOLD).toBe(5);
    expect(freezeThreshold(3)).toBe(5);
    expect(freezeThreshold(7)).toBe(7);
    expect(freezeThreshold(Number.NaN)).toBe(5);
    expect(thresholdOf(null)).toBe(5);
    expect(thresholdOf(2)).toBe(5);
    expect(thresholdOf(10)).toBe(10);
  });
});

describe('time differencing (A7)', () => {
  const published = { responseCount: 12, publishedAt: '2026-11-23T03:00:00.000Z' };
  it('publishes the first figures', () => {
    expect(shouldRepublish({ published: null, currentResponses: 0, k: 5 })).toBe(true);
  });
  it('keeps the published figures until k new responses arrived', () => {
    expect(shouldRepublish({ published, currentResponses: 16, k: 5 })).toBe(false);
    expect(shouldRepublish({ published, currentResponses: 17, k: 5 })).toBe(true);
    // A deleted result only delays the next publication.
    expect(shouldRepublish({ published, currentResponses: 10, k: 5 })).toBe(false);
  });
  it('closing is no exception: fewer than k new responses keep the last figures', () => {
    // Before decision 010 was amended, closing republished at once, so one colleague's answer showed as a +1.
    expect(shouldRepublish({ published, currentResponses: 13, k: 5 })).toBe(false);
    expect(shouldRepublish({ published, currentResponses: 17, k: 5 })).toBe(true);
  });
});

describe('distribution bands', () => {
  it('are the instrument bands, never "incomplete"; the CBI uses the four-level band', () => {
    for (const id of INSTRUMENT_IDS) expect(distributionBands(id)).not.toContain('incomplete');
    expect(distributionBands('phq9')).toEqual(['minimal', 'mild', 'moderate', 'moderately_severe', 'severe']);
    expect(distributionBands('cbi')).toEqual(['low', 'moderate', 'high', 'severe']);
  });

  it('a CBI result counts in the highest band4 of its sub-scales', () => {
    // personal all "often" (75) → high; work all "never" (0, item 13 reversed → 0 too) … → low.
    const cbi = scoreAnswers('cbi', [
      75,
      75,
      75,
      75,
      75,
      75,
      0,
      0,
      0,
      0,
      0,
      0,
      100,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    if (!cbi.ok) throw new Error(JSON.stringify(cbi.problems));
    expect(campaignBandOf(cbi.result)).toBe('high');
    const phq = scoreAnswers('phq9', [1, 1, 1, 1, 1, 1, 1, 1, 0]);
    if (!phq.ok) throw new Error('phq9');
    expect(campaignBandOf(phq.result)).toBe(phq.result.band);
  });
});
