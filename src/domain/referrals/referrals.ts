import { addDays, type LocalDate } from '../schedule/zoned-time.js';

/**
 * Referrals on the BPJS Kesehatan path (docs/indonesian-facts.md, "The care pathway";
 * docs/decisions/044-referrals.md): care starts at the person's registered primary facility (FKTP:
 * Puskesmas or klinik pratama), which treats or refers on to a clinical psychologist or a
 * psychiatrist at a hospital. Pure rules: where a letter may go, what it may carry, how its status
 * moves and when it lapses.
 */

/** Where the letter is addressed: the primary level first, the hospital level only by a counsellor. */
export const DESTINATION_LEVELS = ['puskesmas', 'klinik_pratama', 'rs_psikolog_klinis', 'rs_psikiater'] as const;
export type DestinationLevel = (typeof DESTINATION_LEVELS)[number];

export const PREPARED_BY = ['client', 'counsellor'] as const;
export type PreparedBy = (typeof PREPARED_BY)[number];

/**
 * The levels each author may address. A letter a person writes for themself goes to their FKTP:
 * under BPJS a hospital sees them only on the FKTP's own referral, so a self-made letter to a
 * hospital would send them to the wrong door.
 */
export function destinationsFor(preparedBy: PreparedBy): readonly DestinationLevel[] {
  return preparedBy === 'client' ? ['puskesmas', 'klinik_pratama'] : DESTINATION_LEVELS;
}

/**
 * What the letter may carry, each only when the client approved it. The NIP is not offered: a
 * clinic needs no employee number, and it would tell the clinic the person's employer.
 */
export const LETTER_FIELDS = ['name', 'birth_date', 'bpjs_number', 'summary', 'scores'] as const;
export type LetterField = (typeof LETTER_FIELDS)[number];

export const STATUSES = ['prepared', 'given', 'visited', 'closed', 'cancelled'] as const;
export type ReferralStatus = (typeof STATUSES)[number];

/** prepared → given → visited → closed; cancelled from any open step. */
const NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  prepared: ['given', 'cancelled'],
  given: ['visited', 'closed', 'cancelled'],
  visited: ['closed'],
  closed: [],
  cancelled: [],
};

export function nextStatuses(from: ReferralStatus): readonly ReferralStatus[] {
  return NEXT[from];
}

export function canMove(from: ReferralStatus, to: ReferralStatus): boolean {
  return NEXT[from].includes(to);
}

/** Whether the referral still asks something of anyone (closed and cancelled are done). */
export function isOpen(status: ReferralStatus): boolean {
  return NEXT[status].length > 0;
}

/** A referral letter is valid about three months (docs/indonesian-facts.md): 90 days from its date. */
export const VALID_DAYS = 90;

/** The last day the letter is valid, both ends counted: issued on day 0, valid to day 90. */
export function expiresOn(issuedOn: LocalDate): LocalDate {
  return addDays(issuedOn, VALID_DAYS);
}

export type Expiry = { kind: 'valid'; daysLeft: number } | { kind: 'expires_today' } | { kind: 'expired' };

/** How the letter stands on `today` (the person's local date), for "Berlaku 62 hari lagi" / "Kedaluwarsa". */
export function expiryOf(expires: LocalDate, today: LocalDate): Expiry {
  const days = Math.round((Date.parse(expires) - Date.parse(today)) / 86_400_000);
  if (days < 0) return { kind: 'expired' };
  if (days === 0) return { kind: 'expires_today' };
  return { kind: 'valid', daysLeft: days };
}

/** Days left from which the list warns that the letter is about to lapse. */
export const EXPIRES_SOON_DAYS = 14;

export function expiresSoon(expiry: Expiry): boolean {
  return expiry.kind === 'expires_today' || (expiry.kind === 'valid' && expiry.daysLeft <= EXPIRES_SOON_DAYS);
}

/**
 * The fields that may print: approved ones only, and of those only what exists (a BPJS number the
 * person never typed, a summary never written, no scores chosen).
 */
export function printableFields(
  approved: readonly LetterField[],
  present: Readonly<Record<LetterField, boolean>>,
): LetterField[] {
  return LETTER_FIELDS.filter((f) => approved.includes(f) && present[f]);
}

/** A BPJS Kesehatan card number (Nomor Kartu JKN): 13 digits, spaces and dashes allowed when typed. */
export function normalizeBpjsNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{13}$/.test(digits) ? digits : null;
}
