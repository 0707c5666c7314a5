/**
 * Civil-servant identity numbers.
 *
 * NIP PNS (Peraturan Kepala BKN No. 43/2007), 18 digits:
 *   YYYYMMDD  birth date
 *   YYYYMM    TMT CPNS (year and month of first appointment)
 *   G         gender: 1 male, 2 female
 *   NNN       sequence, from 001
 *
 * NI PPPK (as issued by BKN since 2019; structure from BKN's published examples, see
 * docs/decisions/007-nip-and-pppk-numbers.md), 18 digits:
 *   YYYYMMDD  birth date
 *   YYYY      year of appointment
 *   KK        two-digit appointment code (21 for PPPK, other codes e.g. for part-time PPPK)
 *   G         gender: 1 male, 2 female
 *   NNN       sequence, from 001
 */
export type EmploymentType = 'pns' | 'pppk' | 'non_asn';
export const EMPLOYMENT_TYPES: readonly EmploymentType[] = ['pns', 'pppk', 'non_asn'];

export type NipProblem =
  | 'required'
  | 'not_digits'
  | 'wrong_length'
  | 'birth_date_invalid'
  | 'birth_date_in_future'
  | 'appointment_invalid'
  | 'appointment_before_adulthood'
  | 'appointment_in_future'
  | 'pppk_before_2019'
  | 'gender_digit_invalid'
  | 'sequence_zero'
  | 'not_allowed_for_non_asn';

export interface ParsedNip {
  kind: 'pns' | 'pppk';
  birthDate: string; // YYYY-MM-DD
  appointment: string; // YYYY-MM for PNS, YYYY for PPPK
  gender: 'male' | 'female';
  sequence: number;
}

export type NipResult = { ok: true; value: ParsedNip; normalized: string } | { ok: false; problem: NipProblem };

/** Youngest age at which a person can be appointed CPNS or PPPK (UU ASN: at least 18). */
const MIN_APPOINTMENT_AGE = 18;
/** PPPK appointments began with the 2019 intake (PP 49/2018). */
const FIRST_PPPK_YEAR = 2019;

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Strips the spaces and dots people type between NIP groups ("19860926 201505 1 001"). */
export function normalizeNip(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

/**
 * Validates a NIP (PNS) or NI PPPK against its structure. `today` is injected so the rule stays
 * pure and testable. A non-ASN person (e.g. an external counsellor) has no number.
 */
export function validateNip(input: string | null | undefined, kind: EmploymentType, today: Date): NipResult {
  const raw = input == null ? '' : normalizeNip(input);
  if (kind === 'non_asn') {
    return raw === '' ? { ok: false, problem: 'required' } : { ok: false, problem: 'not_allowed_for_non_asn' };
  }
  if (raw === '') return { ok: false, problem: 'required' };
  if (!/^\d+$/.test(raw)) return { ok: false, problem: 'not_digits' };
  if (raw.length !== 18) return { ok: false, problem: 'wrong_length' };

  const birthYear = Number(raw.slice(0, 4));
  const birthMonth = Number(raw.slice(4, 6));
  const birthDay = Number(raw.slice(6, 8));
  if (birthYear < 1900 || !isValidDate(birthYear, birthMonth, birthDay)) {
    return { ok: false, problem: 'birth_date_invalid' };
  }
  const birth = Date.UTC(birthYear, birthMonth - 1, birthDay);
  if (birth > today.getTime()) return { ok: false, problem: 'birth_date_in_future' };

  const genderDigit = raw[14];
  const sequence = Number(raw.slice(15, 18));
  const thisYear = today.getUTCFullYear();
  const thisMonth = today.getUTCMonth() + 1;

  let appointment: string;
  if (kind === 'pns') {
    const tmtYear = Number(raw.slice(8, 12));
    const tmtMonth = Number(raw.slice(12, 14));
    if (tmtMonth < 1 || tmtMonth > 12 || tmtYear < 1900) return { ok: false, problem: 'appointment_invalid' };
    if (tmtYear * 12 + tmtMonth > (thisYear + 1) * 12 + thisMonth) {
      // CPNS numbers are issued a few months ahead of the TMT; a year ahead is a typo.
      return { ok: false, problem: 'appointment_in_future' };
    }
    if (tmtYear - birthYear < MIN_APPOINTMENT_AGE - 1) return { ok: false, problem: 'appointment_before_adulthood' };
    appointment = `${raw.slice(8, 12)}-${raw.slice(12, 14)}`;
  } else {
    const year = Number(raw.slice(8, 12));
    if (year < 1900) return { ok: false, problem: 'appointment_invalid' };
    if (year < FIRST_PPPK_YEAR) return { ok: false, problem: 'pppk_before_2019' };
    if (year > thisYear + 1) return { ok: false, problem: 'appointment_in_future' };
    if (year - birthYear < MIN_APPOINTMENT_AGE - 1) return { ok: false, problem: 'appointment_before_adulthood' };
    appointment = raw.slice(8, 12);
  }
  if (genderDigit !== '1' && genderDigit !== '2') return { ok: false, problem: 'gender_digit_invalid' };
  if (sequence === 0) return { ok: false, problem: 'sequence_zero' };

  return {
    ok: true,
    normalized: raw,
    value: {
      kind,
      birthDate: `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`,
      appointment,
      gender: genderDigit === '1' ? 'male' : 'female',
      sequence,
    },
  };
}

/** Whether a sign-in identifier looks like a NIP rather than an email address. */
export function looksLikeNip(identifier: string): boolean {
  return /^[\d\s.-]{18,30}$/.test(identifier.trim()) && normalizeNip(identifier.trim()).length === 18;
}
