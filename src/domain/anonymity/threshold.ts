/**
 * The anonymity threshold k (docs/privacy.md §2). A1/A3: no count, percentage or distribution cell of
 * fewer than k respondents is ever shown; the floor is 5 and no role can lower it. A9: a campaign
 * freezes its threshold when it launches, so a later settings change cannot re-cut its figures.
 */
export const MIN_ANONYMITY_THRESHOLD = 5;

/** A9: the threshold a campaign keeps from launch on — the agency's current value, never below the floor. */
export function freezeThreshold(agencyThreshold: number): number {
  if (!Number.isInteger(agencyThreshold)) return MIN_ANONYMITY_THRESHOLD;
  return Math.max(MIN_ANONYMITY_THRESHOLD, agencyThreshold);
}

/**
 * The k to apply to a launched campaign's figures. A stored value below the floor (hand-edited
 * data, an old row) still gets the floor: A1 holds whatever the database says.
 */
export function thresholdOf(frozen: number | null | undefined): number {
  return frozen === null || frozen === undefined ? MIN_ANONYMITY_THRESHOLD : freezeThreshold(frozen);
}
