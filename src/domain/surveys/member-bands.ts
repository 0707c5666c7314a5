import { validateNip, type EmploymentType } from '../org/nip.js';

/**
 * The coarse attributes a survey breaks its results down by, besides the unit and the employment
 * type (docs/decisions/048-climate-surveys.md): an age band and a years-of-service band, both read
 * from the NIP (its birth date and its first appointment, docs/glossary.md), on the day the survey
 * opens. Wide bands on purpose: a finer one would mostly be generalised away by the profiles, and
 * what it showed would be closer to a person. No NIP, or one that does not parse: `unknown`.
 */
export const AGE_BANDS = ['<30', '30-39', '40-49', '50+'] as const;
export const SERVICE_BANDS = ['<5', '5-14', '15-24', '25+'] as const;
export const UNKNOWN = 'unknown';

export type AgeBand = (typeof AGE_BANDS)[number] | typeof UNKNOWN;
export type ServiceBand = (typeof SERVICE_BANDS)[number] | typeof UNKNOWN;

export function memberBands(
  nip: string | null,
  employmentType: string,
  today: Date,
): { ageBand: AgeBand; serviceBand: ServiceBand } {
  if (!nip || (employmentType !== 'pns' && employmentType !== 'pppk'))
    return { ageBand: UNKNOWN, serviceBand: UNKNOWN };
  const parsed = validateNip(nip, employmentType as EmploymentType, today);
  if (!parsed.ok) return { ageBand: UNKNOWN, serviceBand: UNKNOWN };
  const age = fullYearsBetween(parsed.value.birthDate, today);
  // PNS: year and month of the first appointment; PPPK: its year (counted from 1 January).
  const appointed =
    parsed.value.appointment.length === 7 ? `${parsed.value.appointment}-01` : `${parsed.value.appointment}-01-01`;
  const service = fullYearsBetween(appointed, today);
  return {
    ageBand: age < 30 ? '<30' : age < 40 ? '30-39' : age < 50 ? '40-49' : '50+',
    serviceBand: service < 5 ? '<5' : service < 15 ? '5-14' : service < 25 ? '15-24' : '25+',
  };
}

/** Whole years from an ISO date to `today` (UTC), as an age is counted. */
function fullYearsBetween(isoDate: string, today: Date): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const years = today.getUTCFullYear() - y;
  const beforeAnniversary = today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d);
  return Math.max(0, beforeAnniversary ? years - 1 : years);
}
