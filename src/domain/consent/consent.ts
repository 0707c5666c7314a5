/**
 * Counselling consent (docs/decisions/042-counselling-consent.md): a client's permission, per
 * counsellor and per kind of data, limited in time and revocable at once. Pure rules only: whether a
 * consent is active at an instant, when it ends, and what revoking it does.
 */

/** What a consent lets a counsellor do (docs/privacy.md §6). */
export const CONSENT_KINDS = ['shared_results', 'check_in_trends', 'notes_transfer'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** The periods a client may choose, in months; six unless they choose otherwise. */
export const CONSENT_PERIODS = [3, 6, 12] as const;
export type ConsentPeriod = (typeof CONSENT_PERIODS)[number];
export const DEFAULT_CONSENT_PERIOD: ConsentPeriod = 6;

/**
 * The text version a client agrees to now, per kind. The words live in the `consent` message area
 * under `texts.<kind>.v<n>`; a changed text is a new version (the hashes below pin each version's
 * words, and a unit test fails when the words change under an old version).
 */
export const CURRENT_CONSENT_TEXT: Record<ConsentKind, string> = {
  shared_results: 'consent.shared_results.v1',
  check_in_trends: 'consent.check_in_trends.v1',
  notes_transfer: 'consent.notes_transfer.v1',
};

/**
 * SHA-256 (hex) of each version's words as shown, per language: stored with every consent, so the
 * record proves which words the client saw (UU PDP Art. 22). `consent-texts.test.ts` (server/modules/consent)
 * recomputes them from the catalogue: changing the words under an old version fails it.
 */
export const CONSENT_TEXT_HASHES: Record<string, { id: string; en: string }> = {
  'consent.shared_results.v1': {
    id: '0e1dfe187f7775d935746e81d4da35285fdc65dc18965805b21a1982d510c316',
    en: '0e139bc80817c890cc6b970b79cfe1e78784b28805b7c0bc623548af2fbf597c',
  },
  'consent.check_in_trends.v1': {
    id: '02c9d6d5a6cba3b1c6ccabef24e6fdb2804a1387b1020c979cb073676cc8e405',
    en: 'd801256f2aa50c8799b83aa46adebaeda50f942bd907bfebc8970bfcc3dcd17f',
  },
  'consent.notes_transfer.v1': {
    id: '788cb90257dbd7286500f75161429d7135dbb65f41ec1823433790b98f2759c3',
    en: '76efb226c4027092ae27b3b03161cbbc35bffbab678939ac522187d28777419e',
  },
};

/** The message key of a version's words: `consent.shared_results.v1` → `texts.shared_results.v1`. */
export function consentTextKey(version: string): string {
  return `texts.${version.replace(/^consent\./, '')}`;
}

/** The kind a text version belongs to, or undefined for an unknown version. */
export function kindOfVersion(version: string): ConsentKind | undefined {
  return CONSENT_KINDS.find((k) => version.startsWith(`consent.${k}.v`));
}

/**
 * When a consent granted at `grantedAt` for `months` ends: the same day of the month that many
 * months later (UTC), or the month's last day when it has no such day (31 August + 6 → 28/29 February).
 */
export function consentExpiresAt(grantedAt: string, months: number): string {
  const start = new Date(grantedAt);
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(start.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(y, m, day, start.getUTCHours(), start.getUTCMinutes(), start.getUTCSeconds(), start.getUTCMilliseconds()),
  ).toISOString();
}

/** The times that decide a consent's state. */
export interface ConsentTimes {
  grantedAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export type ConsentStatus = 'active' | 'expired' | 'revoked';

/**
 * A consent's state at instant `at`: active from its grant (inclusive) until it expires or is
 * revoked (both exclusive: at the very instant of either it no longer holds). A revocation before
 * the expiry wins; a consent revoked after it had expired stays "expired".
 */
export function consentStatusAt(c: ConsentTimes, at: string): ConsentStatus | 'not_yet' {
  const t = Date.parse(at);
  if (t < Date.parse(c.grantedAt)) return 'not_yet';
  const expires = Date.parse(c.expiresAt);
  const revoked = c.revokedAt === null ? Infinity : Date.parse(c.revokedAt);
  if (revoked <= t && revoked < expires) return 'revoked';
  if (expires <= t) return 'expired';
  return 'active';
}

/** Whether the consent lets its counsellor in at instant `at`. */
export function isConsentActiveAt(c: ConsentTimes, at: string): boolean {
  return consentStatusAt(c, at) === 'active';
}

/**
 * What revoking at `at` does. An active consent ends at that instant (the counsellor's very next
 * request is refused); one that has already ended is left as it is, so a repeated revocation is
 * harmless and never rewrites the history.
 */
export function revokeConsent(c: ConsentTimes, at: string): { changed: boolean; revokedAt: string | null } {
  if (!isConsentActiveAt(c, at)) return { changed: false, revokedAt: c.revokedAt };
  return { changed: true, revokedAt: at };
}
