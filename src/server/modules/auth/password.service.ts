import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPassword, type PasswordContext, type PasswordProblem } from '../../../domain/auth/password-policy.js';
import { INDONESIAN_COMMON_PASSWORD_WORDS } from './common-passwords-id.js';

/**
 * argon2id with OWASP's minimum parameters (19 MiB, 2 iterations, 1 lane): about 30 ms a hash
 * on one core here, slow for an attacker with a stolen table, quick enough for sign-in.
 */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

let commonPasswords: Set<string> | undefined;

/** The shipped list: ~49,000 breached passwords plus Indonesian favourites. Loaded once. */
function isCommonPassword(candidate: string): boolean {
  if (!commonPasswords) {
    const breached = (dictionary as Record<string, string[]>)['passwords-common'] ?? [];
    commonPasswords = new Set([...breached, ...INDONESIAN_COMMON_PASSWORD_WORDS].map((w) => w.toLowerCase()));
    for (const w of INDONESIAN_COMMON_PASSWORD_WORDS) commonPasswords.add(w.replace(/\s+/g, ''));
  }
  return commonPasswords.has(candidate);
}

export function checkNewPassword(password: string, context: PasswordContext): PasswordProblem | null {
  return checkPassword(password, context, isCommonPassword);
}

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** A real hash of a random password, verified against when the account is unknown (equal timing). */
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    decoyHash ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** Identifiers a password must not be built from. */
export function identityOf(person: { full_name: string; nip: string | null; email: string | null }): string[] {
  const parts = person.full_name.split(/\s+/).filter((p) => p.length >= 4);
  const local = person.email?.split('@')[0];
  return [...parts, ...(person.nip ? [person.nip] : []), ...(local ? [local] : [])];
}
