/**
 * Free-text answers of a climate survey with what could name someone masked before anyone sees
 * them (docs/decisions/048-climate-surveys.md; A10): names of the agency's people, identity and
 * phone numbers (NIP, NIK, any run of eight or more digits, however grouped) and e-mail addresses.
 * Masked when the comment is stored, so no screen, export or backup holds the original.
 *
 * Names are masked word by word and generously: every word of three letters or more that is part
 * of someone's name goes, even where it is also an ordinary word ("Indah", "Agung", "Sejahtera").
 * A comment that reads a little oddly is the lesser harm; one that names the manager it complains
 * about, or its own author, is the one this prevents.
 */

export const MASK = { name: '[nama]', number: '[nomor]', email: '[email]' } as const;

/** Academic and religious titles and honorifics found around Indonesian names, not names themselves. */
const NOT_NAMES = new Set([
  'dr',
  'drs',
  'dra',
  'drg',
  'ir',
  'prof',
  'hj',
  'haji',
  'hajah',
  'bapak',
  'ibu',
  'pak',
  'bu',
  'sdr',
  'sdri',
]);

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
/** Eight or more digits, grouped by spaces, dots, dashes or brackets, optionally after a +. */
const LONG_NUMBER = /\+?\(?\d(?:[\s.()-]*\d){7,}/g;
const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;

/** Lower case without accents, so "Ratna", "RATNA" and "Rátna" are one name. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The words of full names that are worth masking: three letters or more, not a title. Titles
 * written with dots ("S.Pd.", "M.Si.", "H.") are dropped whole.
 */
export function nameWordsOf(fullNames: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const fullName of fullNames) {
    for (const part of fullName.split(/[\s,]+/)) {
      if (part.includes('.')) continue;
      for (const word of part.match(WORD) ?? []) {
        const folded = foldWord(word);
        if (folded.length >= 3 && !NOT_NAMES.has(folded)) words.add(folded);
      }
    }
  }
  return words;
}

/** The comment with e-mail addresses, long numbers and the given name words masked. */
export function maskComment(text: string, nameWords: ReadonlySet<string>): string {
  return text
    .replace(EMAIL, MASK.email)
    .replace(LONG_NUMBER, MASK.number)
    .replace(WORD, (word) => (nameWords.has(foldWord(word)) ? MASK.name : word));
}
