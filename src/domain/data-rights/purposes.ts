/**
 * The purposes a person can consent to, see and withdraw on "My data" (UU PDP art. 9, 20–22, 24).
 * Each purpose groups the stored consent records (`consents.purpose`) that belong to it, names the
 * text version a fresh grant from the My data page records, and says what a withdrawal stops.
 * Pure: no I/O. See docs/decisions/013-data-rights.md.
 */
export const CONSENT_PURPOSES = [
  'store_results',
  'share_result',
  'campaign_participation',
  'email_notifications',
] as const;

export type ConsentPurposeId = (typeof CONSENT_PURPOSES)[number];

/** Version of the text shown when a person grants a purpose again on the My data page. */
export const PURPOSE_TEXTS: Record<Exclude<ConsentPurposeId, 'share_result'>, string> = {
  store_results: 'store-results-1',
  campaign_participation: 'campaign-participation-1',
  email_notifications: 'email-notifications-1',
};

/**
 * Which purpose a stored consent record belongs to. The consent shown before each self-check
 * (with or without the disclosed-outreach notice) is consent to store that result.
 */
export function purposeOfRecord(recordPurpose: string): ConsentPurposeId | null {
  switch (recordPurpose) {
    case 'self_assessment':
    case 'self_assessment_outreach':
    case 'store_results':
      return 'store_results';
    case 'share_result':
      return 'share_result';
    case 'campaign_participation':
      return 'campaign_participation';
    case 'email_notifications':
      return 'email_notifications';
    default:
      return null;
  }
}

/** Stored consent record purposes that a withdrawal of this purpose marks withdrawn. */
export function recordsOfPurpose(purpose: ConsentPurposeId): string[] {
  return purpose === 'store_results' ? ['self_assessment', 'self_assessment_outreach', 'store_results'] : [purpose];
}

/**
 * Whether a purpose is on. A standing choice, once made, decides; without one, every purpose is
 * on: storing is consented at each self-check, and campaign invitations and their emails are the
 * agency's task until the person says no (then they stop at once).
 */
export function isPurposeOn(choice: { granted: number } | undefined): boolean {
  return choice === undefined || choice.granted === 1;
}

/** Whether a purpose can be withdrawn as a whole on the My data page (a share is withdrawn one by one). */
export function isStandingPurpose(purpose: ConsentPurposeId): purpose is Exclude<ConsentPurposeId, 'share_result'> {
  return purpose !== 'share_result';
}
