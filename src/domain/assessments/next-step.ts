import type { InstrumentId, ScoreResult } from '../instruments/types.js';

/**
 * The stepped-care path of docs/principles.md (principle 4) and docs/indonesian-facts.md:
 * self-care → talk to someone (peer, manager, EAP counsellor) → primary care (Puskesmas, klinik
 * pratama) → psychologist or psychiatrist by referral under BPJS → urgent. A crisis answer goes before all of them (docs/instruments.md R0.4).
 */
export const CARE_STEPS = ['self_care', 'talk', 'primary_care', 'specialist', 'urgent'] as const;
export type CareStep = (typeof CARE_STEPS)[number];

export interface NextStep {
  /** The crisis screen comes first, whatever the score. */
  crisis: boolean;
  /** null when the form is incomplete: there is no honest step to suggest from it. */
  step: CareStep | null;
  /** A longer instrument worth taking next (a positive PHQ-2, a low WHO-5 item…). */
  followUp: InstrumentId | null;
  /**
   * Non-crisis "urgent follow-up" of docs/instruments.md §11 (PHQ-9 ≥ 20, GAD-7 ≥ 15, K10 ≥ 30, K6 ≥ 13,
   * WHO-5 raw ≤ 7): see a professional soon.
   */
  urgentFollowUp: boolean;
}

const BY_BAND: Partial<Record<InstrumentId, Record<string, CareStep>>> = {
  phq9: {
    minimal: 'self_care',
    mild: 'talk',
    moderate: 'primary_care',
    moderately_severe: 'specialist',
    severe: 'urgent',
  },
  phq2: { negative: 'self_care', positive: 'talk' },
  gad7: { minimal: 'self_care', mild: 'talk', moderate: 'primary_care', severe: 'urgent' },
  gad2: { negative: 'self_care', positive: 'talk' },
  who5: { adequate: 'self_care', poor_wellbeing: 'talk', likely_depression: 'urgent' },
  // Kemenkes screens adults with the SRQ-20: above the cut-off, the Puskesmas is the next door.
  srq20: { below_cutoff: 'self_care', above_cutoff: 'primary_care' },
  k10: { low: 'self_care', mild: 'talk', moderate: 'primary_care', severe: 'urgent' },
  k6: { low: 'self_care', moderate: 'talk', serious: 'urgent' },
  // Heuristic stress bands: never more than a conversation on their own.
  pss10: { low: 'self_care', moderate: 'self_care', high: 'talk' },
};

/** Results whose next instrument is a fuller or safer one (docs/instruments.md §1, §2, §3, §5). */
function followUpOf(result: ScoreResult): InstrumentId | null {
  switch (result.instrumentId) {
    case 'phq2':
      return result.band === 'positive' ? 'phq9' : null;
    case 'gad2':
      return result.band === 'positive' ? 'gad7' : null;
    case 'who5':
      // Raw < 13 or any item at 0 or 1: test for depression with the PHQ-9.
      return result.band === 'poor_wellbeing' || result.band === 'likely_depression' || result.flags?.anyItem0Or1
        ? 'phq9'
        : null;
    case 'k10':
      return result.band === 'severe' ? 'phq9' : null;
    case 'k6':
      return result.band === 'serious' ? 'phq9' : null;
    default:
      return null;
  }
}

function isUrgentFollowUp(result: ScoreResult): boolean {
  const t = result.total;
  if (t === null) return false;
  switch (result.instrumentId) {
    case 'phq9':
      return t >= 20;
    case 'gad7':
      return t >= 15;
    case 'k10':
      return t >= 30;
    case 'k6':
      return t >= 13;
    case 'who5':
      return t <= 7;
    default:
      return false;
  }
}

/** Burnout is not a diagnosis: high scores lead to a conversation (and workload), the very top to primary care. */
function cbiStep(result: ScoreResult): CareStep | null {
  const scales = Object.values(result.subscales ?? {}).filter((s) => s !== null);
  if (scales.length === 0) return null;
  if (scales.some((s) => s?.band4 === 'severe')) return 'primary_care';
  if (scales.some((s) => s?.band === 'high')) return 'talk';
  return 'self_care';
}

/** What to suggest after a result: crisis first, then the step that fits its severity. */
export function nextStepFor(result: ScoreResult): NextStep {
  const step =
    result.instrumentId === 'cbi'
      ? cbiStep(result)
      : result.band && result.band !== 'incomplete'
        ? (BY_BAND[result.instrumentId]?.[result.band] ?? null)
        : null;
  return { crisis: result.crisis, step, followUp: followUpOf(result), urgentFollowUp: isUrgentFollowUp(result) };
}
