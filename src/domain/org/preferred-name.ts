/**
 * The name Teduh greets a person by (docs/decisions/022-preferred-name-and-own-state.md): the short
 * name they chose on their profile ("nama panggilan"), else the first word of their full name once
 * academic, professional and religious titles are taken off. Indonesian names carry titles before
 * ("Dr.", "Ir.", "H.", "Hj.", "drg.") and after ("S.Kom.", "M.Si.", "Sp.KJ") the name, and a
 * person may have a single name; a full name that is nothing but titles falls back to itself.
 */

/** The longest nama panggilan a person may choose: a greeting, not a second full name. */
export const PREFERRED_NAME_MAX = 40;

/** Titles written before a name, compared without dots and case. */
const PREFIX_TITLES = new Set([
  'dr',
  'drg',
  'drh',
  'dra',
  'drs',
  'ir',
  'h',
  'hj',
  'prof',
  'kh',
  'ny',
  'tn',
  'sdr',
  'sdri',
  'bpk',
  'bapak',
  'ibu',
  'apt',
  'ns',
  'ners',
  'hc',
]);

/**
 * A word that is a title: one of the prefixes above, or a degree such as S.Kom., S.H., M.Si.,
 * Sp.KJ, A.Md., Ph.D, MBA — recognised by its dotted, abbreviated shape rather than a list, since
 * degrees keep being added.
 */
function isTitle(word: string): boolean {
  const bare = word.replace(/[.,]/g, '').toLowerCase();
  if (bare === '') return true;
  if (PREFIX_TITLES.has(bare)) return true;
  // Dotted abbreviations: "S.Kom.", "M.Si", "A.Md.", "Ph.D", "S.E.", "Sp.KJ(K)".
  if (/^[A-Za-z]{1,3}\.([A-Za-z()]{1,5}\.?)+$/.test(word.replace(/,$/, ''))) return true;
  // Undotted degrees in capitals: "MBA", "MM", "MPH", "SH" (a name is not written in capitals only).
  if (/^(MBA|MM|MPH|MKM|MSc|MA|SH|SE|SKM|ST|SPd|SSos|SKom|PhD|CPA|CFP)$/i.test(bare) && word === word.toUpperCase())
    return true;
  return false;
}

/** The first word of a full name that is not a title, or the trimmed name when every word is one. */
export function firstNameOf(fullName: string): string {
  // "Budi Santoso, S.Kom., M.Si." — titles after a comma are never the name.
  const words = fullName
    .split(',')[0]!
    .split(/\s+/)
    .filter((w) => w !== '');
  const name = words.find((w) => !isTitle(w));
  return name ?? fullName.trim();
}

/** How to greet the person: their chosen short name when set, else the first word of their name. */
export function greetingNameOf(person: { fullName: string; preferredName: string | null }): string {
  const chosen = person.preferredName?.trim();
  return chosen ? chosen : firstNameOf(person.fullName);
}
