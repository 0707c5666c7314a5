/**
 * Versions of the consent texts a person agrees to (UU PDP Art. 20–24: recorded, distinguishable,
 * provable). The texts themselves live in the message catalogue under the same keys; change the
 * version whenever the text changes, so every record says which words the person saw.
 */
export const CONSENT_TEXTS = {
  /** Shown before every assessment when the agency has NOT switched on disclosed outreach. */
  self_assessment: 'self-assessment-1',
  /** Shown instead when disclosed outreach is on: says a crisis answer is told to the duty counsellor. */
  self_assessment_outreach: 'self-assessment-outreach-1',
  /** Shown before a result is shared with a counsellor. */
  share_result: 'share-result-1',
} as const;

export type ConsentPurpose = keyof typeof CONSENT_TEXTS;

/** The consent text a person must see before an assessment, given the agency's outreach setting. */
export function assessmentConsentVersion(disclosedOutreach: boolean): string {
  return disclosedOutreach ? CONSENT_TEXTS.self_assessment_outreach : CONSENT_TEXTS.self_assessment;
}
