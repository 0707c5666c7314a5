import type { Kysely } from 'kysely';
import type { Database, PersonRow } from '../../../db/schema.js';
import { requiresTwoFactor } from '../../../domain/access/roles.js';
import { looksLikeNip, normalizeNip } from '../../../domain/org/nip.js';
import type { Clock } from '../../clock.js';
import { randomToken, type KeyRing } from '../../crypto.js';
import { signInThrottleKeys } from '../../../domain/auth/sign-in-throttle.js';
import { AppError, tooManyRequests } from '../../http/errors.js';
import type { AuditService } from '../audit/index.js';
import type { OrgDirectory } from '../org/index.js';
import { findCredentials } from './credentials.repository.js';
import { verifyPassword } from './password.service.js';
import type { SessionService, SessionStage } from './session.service.js';
import type { ThrottleKey, ThrottleService } from './throttle.service.js';

/** A browser that signed in to an account before is trusted a little more (see sign-in-throttle). */
const DEVICE_COOKIE_MAX_AGE_MS = 180 * 24 * 3_600_000;

export interface SignInAttempt {
  identifier: string;
  password: string;
  ip: string;
  userAgent: string | null;
  deviceCookie: string | undefined;
  /** The session the browser had before, ended at sign-in (fixation defence). */
  previousSessionId: string | null;
  requestId: string;
}

export interface SignInSuccess {
  token: string;
  stage: SessionStage;
  person: PersonRow;
  deviceCookie: string;
}

/** `nip:<digits>` or `email:<lowercased>`: one spelling per account, for lookups and throttling. */
export function canonicalIdentifier(identifier: string): { nip: string } | { email: string } {
  const trimmed = identifier.trim();
  return looksLikeNip(trimmed) ? { nip: normalizeNip(trimmed) } : { email: trimmed.toLowerCase() };
}

export class SignInService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      keys: KeyRing;
      sessions: SessionService;
      throttle: ThrottleService;
      audit: AuditService;
      directory: OrgDirectory;
    },
  ) {}

  /**
   * Password sign-in. An unknown account, a wrong password and an account without a password all
   * get the same answer after the same work (one argon2 verification), so the response tells an
   * attacker nothing about which accounts exist.
   */
  async signIn(attempt: SignInAttempt): Promise<SignInSuccess> {
    const { db, throttle, audit, sessions, directory } = this.deps;
    const id = canonicalIdentifier(attempt.identifier);
    const account = 'nip' in id ? `nip:${id.nip}` : `email:${id.email}`;
    const person = await directory.personBySignInIdentifier(id);
    const trustedDevice = person ? this.trustedDeviceId(attempt.deviceCookie, person.id) : null;
    const keys: ThrottleKey[] = signInThrottleKeys({ account, ip: attempt.ip, trustedDevice });
    const wait = await throttle.secondsToWait(keys);
    if (wait > 0) throw tooManyRequests(wait);

    const credentials = person ? await findCredentials(db, person.id) : undefined;
    const passwordOk = await verifyPassword(credentials?.password_hash, attempt.password);

    if (!person || !passwordOk) {
      await throttle.recordFailure(keys);
      await audit.record({
        agencyId: person?.agency_id ?? null,
        action: 'auth.sign_in_failed',
        subjectId: person?.id ?? null,
        outcome: 'failure',
        requestId: attempt.requestId,
        details: { method: 'nip' in id ? 'nip' : 'email', reason: person ? 'wrong_password' : 'unknown_account' },
      });
      throw new AppError(401, 'invalid_credentials');
    }
    if (person.is_active !== 1) {
      await audit.record({
        agencyId: person.agency_id,
        action: 'auth.sign_in_failed',
        subjectId: person.id,
        outcome: 'denied',
        requestId: attempt.requestId,
        details: { reason: 'inactive' },
      });
      throw new AppError(403, 'account_inactive');
    }

    await throttle.reset(keys.filter((k) => k.scope !== 'ip'));
    const grants = await directory.grantsOf(person.id);
    const stage: SessionStage = credentials?.totp_enabled_at
      ? 'two_factor'
      : requiresTwoFactor(grants)
        ? 'two_factor_setup'
        : 'full';
    if (attempt.previousSessionId) await sessions.end(attempt.previousSessionId);
    const { token } = await sessions.start(person, stage, { ip: attempt.ip, userAgent: attempt.userAgent });
    await audit.record({
      agencyId: person.agency_id,
      action: 'auth.sign_in',
      actorId: person.id,
      subjectId: person.id,
      requestId: attempt.requestId,
      details: { method: 'nip' in id ? 'nip' : 'email', stage },
    });
    return { token, stage, person, deviceCookie: this.deviceCookieFor(person.id, trustedDevice ?? randomToken(16)) };
  }

  /** A signed device cookie bound to the account: `personId.deviceId.issuedAt.signature`. */
  deviceCookieFor(personId: string, deviceId: string): string {
    const value = `${personId}.${deviceId}.${this.deps.clock.now().getTime()}`;
    return `${value}.${this.deps.keys.sign(value)}`;
  }

  /** The device id of a valid, unexpired cookie bound to this person; null otherwise. */
  private trustedDeviceId(cookie: string | undefined, personId: string): string | null {
    if (!cookie) return null;
    const [id, deviceId, issued, signature] = cookie.split('.');
    if (!id || !deviceId || !issued || !signature || id !== personId) return null;
    if (!this.deps.keys.verify(`${id}.${deviceId}.${issued}`, signature)) return null;
    return this.deps.clock.now().getTime() - Number(issued) < DEVICE_COOKIE_MAX_AGE_MS ? deviceId : null;
  }
}

export const DEVICE_COOKIE = 'teduh_device';
export const DEVICE_COOKIE_MAX_AGE_SECONDS = DEVICE_COOKIE_MAX_AGE_MS / 1000;
