/**
 * Reliable change and the clinical cut-off for measurement-based care (docs/instruments.md §17).
 *
 * Jacobson & Truax (1991, J Consult Clin Psychol 59:12–19): a change between two scores is reliable
 * when |x2 − x1| / S_diff ≥ 1.96, where S_diff = √2 · SE and SE = SD · √(1 − r), r being the
 * measure's reliability. The smallest reliable change is therefore 1.96 · √2 · SD · √(1 − r).
 *
 * Teduh uses the whole-point thresholds of NHS Talking Therapies for anxiety and depression (formerly
 * IAPT; the IAPT Data Handbook and the programme's manual): a change of 6 or more on PHQ-9 and 4 or
 * more on GAD-7, which were derived this way by Richards & Borglin (2011, J Affect Disord 133:51–60).
 * With the published internal consistencies (PHQ-9 α = 0.89, Kroenke et al. 2001; GAD-7 α = 0.92,
 * Spitzer et al. 2006) and a clinical sample's SD of about 6 (PHQ-9) and 5 (GAD-7) points, the
 * formula gives 5.4 and 3.9 points, i.e. 6 and 4 whole points (`smallestReliableChange`, tested).
 */

/** The instruments a measurement-based-care chart follows. */
export const MBC_INSTRUMENTS = ['phq9', 'gad7'] as const;
export type MbcInstrument = (typeof MBC_INSTRUMENTS)[number];

/** The smallest change in total that counts as reliable (NHS Talking Therapies). */
export const RELIABLE_CHANGE_POINTS: Record<MbcInstrument, number> = { phq9: 6, gad7: 4 };

/** The clinical cut-off: a total at or above it is in the clinical range (Kroenke 2001; Spitzer 2006). */
export const CLINICAL_CUT_OFF: Record<MbcInstrument, number> = { phq9: 10, gad7: 10 };

/** The Jacobson–Truax smallest reliable change for a measure with this SD and reliability r. */
export function smallestReliableChange(sd: number, reliability: number): number {
  const se = sd * Math.sqrt(1 - reliability);
  return 1.96 * Math.sqrt(2) * se;
}

/** The Jacobson–Truax index for two scores: (x2 − x1) / S_diff. */
export function reliableChangeIndex(before: number, after: number, sd: number, reliability: number): number {
  const sDiff = Math.sqrt(2) * sd * Math.sqrt(1 - reliability);
  return (after - before) / sDiff;
}

/**
 * What a change between two totals means. Both measures score symptoms, so a lower total is better:
 * `improved` / `deteriorated` when the change reaches the threshold, otherwise `no_reliable_change`.
 */
export type ReliableChange = 'improved' | 'deteriorated' | 'no_reliable_change';

export function reliableChange(instrument: MbcInstrument, before: number, after: number): ReliableChange {
  const delta = after - before;
  const threshold = RELIABLE_CHANGE_POINTS[instrument];
  if (delta <= -threshold) return 'improved';
  if (delta >= threshold) return 'deteriorated';
  return 'no_reliable_change';
}

/** Whether a total is in the clinical range. */
export function inClinicalRange(instrument: MbcInstrument, total: number): boolean {
  return total >= CLINICAL_CUT_OFF[instrument];
}

/**
 * Reliable *and* clinically significant change (Jacobson & Truax): reliable improvement that also
 * crosses from the clinical range to below the cut-off is `recovered`.
 */
export function changeBetween(
  instrument: MbcInstrument,
  before: number,
  after: number,
): { delta: number; change: ReliableChange; recovered: boolean } {
  const change = reliableChange(instrument, before, after);
  return {
    delta: after - before,
    change,
    recovered: change === 'improved' && inClinicalRange(instrument, before) && !inClinicalRange(instrument, after),
  };
}
