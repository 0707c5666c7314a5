import crypto from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { sha256 } from '../../crypto.js';

/** RFC 6238 defaults that every authenticator app supports: SHA-1, 6 digits, 30 s steps. */
const PERIOD_SECONDS = 30;

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: 'Teduh',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export async function enrolmentOf(secretBase32: string, label: string): Promise<{ otpauthUrl: string; qrSvg: string }> {
  const otpauthUrl = totpFor(secretBase32, label).toString();
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { otpauthUrl, qrSvg };
}

/**
 * The time step a code belongs to, accepting one step of clock drift either way; null when the
 * code is wrong. The caller refuses a step it has already accepted (no replay, RFC 6238 §5.2).
 */
export function matchTotp(secretBase32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32, 'x').validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** The current code, for tests and the CLI. */
export function currentTotp(secretBase32: string, now: Date): string {
  return totpFor(secretBase32, 'x').generate({ timestamp: now.getTime() });
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten single-use recovery codes like `k7m2-q9xa-4t`: 50 bits each, shown once, stored hashed. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from(crypto.randomBytes(10), (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 10)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return sha256(code.trim().toLowerCase().replace(/[\s-]/g, ''));
}
