import type { CounsellorReferralView, ReferralScore, ReferralView } from '../../../contracts/referrals.js';
import {
  expiresSoon,
  expiryOf,
  nextStatuses,
  type DestinationLevel,
  type LetterField,
  type ReferralStatus,
} from '../../../domain/referrals/referrals.js';
import type { NamedReferralRow } from './referrals.repository.js';

/** A referral's sealed parts, opened. */
export interface Opened {
  destinationName: string | null;
  reason: string | null;
  bpjsNumber: string | null;
  scores: ReferralScore[];
}

const split = (v: string): string[] => (v === '' ? [] : v.split(','));

function common(row: NamedReferralRow, opened: Opened, today: string) {
  const status = row.status as ReferralStatus;
  const expiry = expiryOf(row.expires_on, today);
  return {
    id: row.id,
    preparedBy: row.prepared_by as 'client' | 'counsellor',
    destinationLevel: row.destination_level as DestinationLevel,
    destinationName: opened.destinationName,
    reason: opened.reason,
    approvedFields: split(row.approved_fields) as LetterField[],
    approvedAt: row.approved_at,
    status,
    nextStatuses: [...nextStatuses(status)],
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
    expiry: {
      kind: expiry.kind,
      daysLeft: expiry.kind === 'valid' ? expiry.daysLeft : null,
      soon: expiresSoon(expiry),
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The client's own referral: all it holds, so they see what they approve. */
export function presentOwnReferral(
  row: NamedReferralRow,
  opened: Opened,
  today: string,
  birthDate: string | null,
): ReferralView {
  return {
    ...common(row, opened, today),
    counsellorName: row.prepared_by === 'counsellor' ? row.author_name : null,
    bpjsNumber: opened.bpjsNumber,
    scores: opened.scores,
    letterReady: row.approved_at !== null,
    identity: { name: row.client_name, birthDate },
  };
}

/** The counsellor's view: their own summary and the status, never the client's BPJS number or scores. */
export function presentCounsellorReferral(
  row: NamedReferralRow,
  opened: Opened,
  today: string,
): CounsellorReferralView {
  return {
    ...common(row, opened, today),
    clientId: row.client_id,
    clientName: row.client_name,
    letterReady: row.approved_at !== null,
  };
}
