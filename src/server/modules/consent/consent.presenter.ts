import type { ConsentView } from '../../../contracts/consent.js';
import { consentStatusAt, type ConsentKind } from '../../../domain/consent/consent.js';
import type { NamedConsentRow } from './consent.repository.js';

/** A consent row → the client's view of it, with its state at `at`. */
export function presentConsent(row: NamedConsentRow, at: string): ConsentView {
  const status = consentStatusAt(
    { grantedAt: row.granted_at, expiresAt: row.expires_at, revokedAt: row.revoked_at },
    at,
  );
  return {
    id: row.id,
    kind: row.kind as ConsentKind,
    counsellor: { id: row.counsellor_id, fullName: row.counsellor_name },
    recipient: row.recipient_id ? { id: row.recipient_id, fullName: row.recipient_name ?? '' } : null,
    textVersion: row.text_version,
    months: row.months,
    grantedAt: row.granted_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    // A consent whose grant lies ahead of the clock (never made by the service) reads as active.
    status: status === 'not_yet' ? 'active' : status,
  };
}
