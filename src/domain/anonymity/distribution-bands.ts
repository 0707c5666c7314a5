import { INSTRUMENTS } from '../instruments/catalog.js';
import type { InstrumentId, ScoreResult } from '../instruments/types.js';

/**
 * The bands a campaign distribution counts, per instrument: the instrument's own bands in their
 * published order. Campaign submissions are complete forms, so 'incomplete' is never one of them.
 *
 * The CBI has no total and no overall band (docs/instruments.md §7): each sub-scale has its own. For
 * distribution purposes a person counts in the highest four-level band (`band4`: low, moderate,
 * high, severe) of any sub-scale they answered, so one person is one count and a burnt-out
 * sub-scale is never averaged away.
 */
export const CBI_DISTRIBUTION_BANDS = ['low', 'moderate', 'high', 'severe'] as const;

export function distributionBands(instrumentId: InstrumentId): string[] {
  if (instrumentId === 'cbi') return [...CBI_DISTRIBUTION_BANDS];
  return INSTRUMENTS[instrumentId].bands.map((b) => b.code);
}

/**
 * The band to keep in the clear beside a stored result (assessment_results.band), which is what
 * campaign statistics count: the result's band, or for the CBI the highest sub-scale band4.
 */
export function campaignBandOf(result: ScoreResult): string | null {
  if (result.instrumentId !== 'cbi') return result.band === 'incomplete' ? null : result.band;
  let highest = -1;
  for (const sub of Object.values(result.subscales ?? {})) {
    if (sub) highest = Math.max(highest, CBI_DISTRIBUTION_BANDS.indexOf(sub.band4));
  }
  return highest < 0 ? null : (CBI_DISTRIBUTION_BANDS[highest] as string);
}
