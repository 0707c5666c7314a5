import type { EmploymentType } from './nip.js';
import { INDONESIAN_TIME_ZONES, TIME_ZONE_ABBREVIATIONS, type IndonesianTimeZone } from './unit-tree.js';

/**
 * Values as people type them into a spreadsheet, read into the forms the system keeps. An
 * unrecognised value is null, so the caller can report the row instead of guessing.
 */

/** IANA zones inside Indonesia that share an offset with one of the three we store. */
const ZONE_ALIASES: Record<string, IndonesianTimeZone> = {
  'asia/pontianak': 'Asia/Jakarta',
  'asia/ujung_pandang': 'Asia/Makassar',
};

/** WIB / WITA / WIT or an IANA name, in any letter case, as one of the three stored time zones. */
export function parseTimeZone(text: string): IndonesianTimeZone | null {
  const value = text.trim();
  if (value === '') return null;
  const upper = value.toUpperCase();
  for (const zone of INDONESIAN_TIME_ZONES) {
    if (TIME_ZONE_ABBREVIATIONS[zone] === upper || zone.toUpperCase() === upper) return zone;
  }
  return ZONE_ALIASES[value.toLowerCase()] ?? null;
}

/** PNS / PPPK / NON_ASN in any letter case, with a space or hyphen for the underscore. */
export function parseEmploymentType(text: string): EmploymentType | null {
  const key = text
    .trim()
    .toUpperCase()
    .replace(/[\s_-]+/g, '');
  switch (key) {
    case 'PNS':
      return 'pns';
    case 'PPPK':
      return 'pppk';
    case 'NONASN':
      return 'non_asn';
    default:
      return null;
  }
}
