import crypto from 'node:crypto';
import { Secret } from 'otpauth';
import { requiresTwoFactor, type RoleGrant } from '../../domain/access/roles.js';

/**
 * The documented demo credentials (docs/demo.md). They are public on purpose: the demo database
 * is for trying Teduh out, never for real people. `teduh demo-code` refuses any account whose
 * two-step secret is not the documented one, so it cannot be turned against a real account.
 */
export const DEMO_PASSWORD = 'teduh demo sejuk 2026';

/**
 * The two-step (TOTP) secret of a demo account: base32 of SHA-1("teduh-demo-totp:" + email),
 * 32 characters (160 bits, as RFC 4226 recommends). Derived rather than random so that the same
 * account has the same secret on every install and in docs/demo.md.
 */
export function demoTotpSecretFor(email: string): string {
  const digest = crypto.createHash('sha1').update(`teduh-demo-totp:${email.toLowerCase()}`, 'utf8').digest();
  return new Secret({ buffer: digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength) }).base32;
}

/** Whether these grants would force two-step enrolment at sign-in (so the demo pre-enrols them). */
export function needsDemoTotp(roles: readonly { role: RoleGrant['role'] }[]): boolean {
  return requiresTwoFactor(roles.map((r) => ({ role: r.role, unitId: null })));
}
