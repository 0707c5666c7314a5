/**
 * Password rules (NIST SP 800-63B §5.1.1.2, OWASP ASVS 2.1): long enough, not a known common or
 * breached password, not built from the person's own identifiers; no composition rules.
 */
export const MIN_PASSWORD_LENGTH = 12;
/** Long passphrases are welcome; the cap only guards the hashing cost. */
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'repetitive' | 'contains_identity';

export interface PasswordContext {
  /** NIP, email, name parts: a password built from them is guessable by anyone who knows the person. */
  identifiers: readonly string[];
}

/** Counts code points, so an emoji or an accented letter is one character, as the person sees it. */
export function passwordLength(password: string): number {
  return [...password].length;
}

function stripAffixes(password: string): string {
  // "garuda2024!!", "!!Bismillah123": the word in the middle is what an attacker's list holds.
  return password.replace(/^[\d\W_]+/, '').replace(/[\d\W_]+$/, '');
}

function isRepetitive(password: string): boolean {
  const chars = [...password.toLowerCase()];
  if (new Set(chars).size <= 3) return true;
  // A short unit repeated: "abcabcabcabc", "12341234123412".
  for (let unit = 1; unit <= chars.length / 2; unit++) {
    const head = chars.slice(0, unit).join('');
    if (head.repeat(Math.ceil(chars.length / unit)).slice(0, chars.length) === chars.join('')) return true;
  }
  return isSequential(chars);
}

function isSequential(chars: string[]): boolean {
  let runs = 0;
  for (let i = 1; i < chars.length; i++) {
    const step = (chars[i] as string).charCodeAt(0) - (chars[i - 1] as string).charCodeAt(0);
    if (step === 1 || step === -1) runs++;
  }
  return runs >= chars.length - 2;
}

/**
 * Checks a new password. `isCommon` answers whether a lowercased candidate is on the shipped list
 * of common and breached passwords; it is injected to keep this rule free of I/O.
 */
export function checkPassword(
  password: string,
  context: PasswordContext,
  isCommon: (candidate: string) => boolean,
): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (length > MAX_PASSWORD_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  const squeezed = lower.replace(/\s+/g, '');
  const core = stripAffixes(squeezed);
  if (isCommon(lower) || isCommon(squeezed) || (core.length >= 4 && isCommon(core))) return 'common';
  if (isRepetitive(squeezed)) return 'repetitive';
  for (const id of context.identifiers) {
    const needle = id.toLowerCase().replace(/\s+/g, '');
    if (needle.length >= 4 && (squeezed.includes(needle) || (core.length >= 4 && needle.includes(core)))) {
      return 'contains_identity';
    }
  }
  return null;
}
