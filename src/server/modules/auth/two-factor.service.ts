import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { requiresTwoFactor } from '../../../domain/access/roles.js';
import type { Clock } from '../../clock.js';
import { newId, type KeyRing } from '../../crypto.js';
import { AppError, tooManyRequests } from '../../http/errors.js';
import type { SessionState } from '../../http/context.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { OrgDirectory } from '../org/index.js';
import { findCredentials } from './credentials.repository.js';
import { verifyPassword } from './password.service.js';
import type { SessionService } from './session.service.js';
import type { ThrottleService } from './throttle.service.js';
import {
  countUnusedRecoveryCodes,
  disableTwoFactor,
  enableTwoFactor,
  replaceRecoveryCodes,
  setLastStep,
  storePendingSecret,
  useRecoveryCode,
} from './two-factor.repository.js';
import { enrolmentOf, hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret } from './totp.js';

/**
 * TOTP two-factor (RFC 6238) with single-use recovery codes. Required for the roles that see
 * other people's records or change the agency; optional for everyone else.
 */
export class TwoFactorService {
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

  /** Starts enrolment: a new secret, kept pending until a code from it is confirmed. */
  async beginEnrolment(session: SessionState) {
    const { db, keys, directory } = this.deps;
    if (session.stage === 'two_factor') throw new AppError(401, 'two_factor_required');
    const creds = await this.credentialsOf(session.person.id);
    if (creds?.totp_enabled_at) throw new AppError(409, 'two_factor_already_enabled');
    const secret = newTotpSecret();
    await storePendingSecret(db, session.person.id, keys.encrypt(secret));
    const person = await directory.personAnywhere(session.person.id);
    const label = person?.email ?? person?.nip ?? session.person.fullName;
    return { secret, ...(await enrolmentOf(secret, label)) };
  }

  /** Confirms enrolment with a code; returns the recovery codes (shown once) and a fresh session token. */
  async confirmEnrolment(session: SessionState, code: string, origin: AuditOrigin) {
    const { db, keys, clock, sessions, audit } = this.deps;
    const creds = await this.credentialsOf(session.person.id);
    if (creds?.totp_enabled_at) throw new AppError(409, 'two_factor_already_enabled');
    if (!creds?.totp_pending_enc) throw new AppError(422, 'invalid_code');
    await this.assertNotThrottled(session.person.id);
    const secret = keys.decrypt(creds.totp_pending_enc);
    const step = matchTotp(secret, code, clock.now());
    if (step === null) {
      await this.recordFailure(session, origin, 'enrol');
      throw new AppError(422, 'invalid_code');
    }
    const recoveryCodes = newRecoveryCodes();
    await db.transaction().execute(async (trx) => {
      await enableTwoFactor(trx, session.person.id, creds.totp_pending_enc as string, step, clock.now().toISOString());
      await this.replaceRecoveryCodes(trx, session.person.id, recoveryCodes);
      await audit.record({ ...origin, action: 'auth.two_factor_enabled', subjectId: session.person.id }, trx);
    });
    await this.deps.throttle.reset([this.throttleKey(session.person.id)]);
    const rotated = await sessions.rotate(session.sessionId, 'full');
    return { recoveryCodes, token: rotated?.token ?? null };
  }

  /** The second step of sign-in: a TOTP code or a recovery code. Returns the new session token. */
  async verify(session: SessionState, input: { code: string } | { recoveryCode: string }, origin: AuditOrigin) {
    const { db, keys, clock, sessions, audit } = this.deps;
    if (session.stage !== 'two_factor') throw new AppError(409, 'conflict');
    await this.assertNotThrottled(session.person.id);
    const creds = await this.credentialsOf(session.person.id);
    if (!creds?.totp_secret_enc) throw new AppError(409, 'two_factor_not_enabled');

    if ('code' in input) {
      const step = matchTotp(keys.decrypt(creds.totp_secret_enc), input.code, clock.now());
      if (step === null || (creds.totp_last_step !== null && step <= creds.totp_last_step)) {
        await this.recordFailure(session, origin, 'code');
        throw new AppError(401, 'invalid_code');
      }
      await setLastStep(db, session.person.id, step);
    } else {
      const used = await useRecoveryCode(
        db,
        session.person.id,
        hashRecoveryCode(input.recoveryCode),
        clock.now().toISOString(),
      );
      if (!used) {
        await this.recordFailure(session, origin, 'recovery_code');
        throw new AppError(401, 'invalid_code');
      }
      await audit.record({ ...origin, action: 'auth.recovery_code_used', subjectId: session.person.id });
    }
    await this.deps.throttle.reset([this.throttleKey(session.person.id)]);
    const rotated = await sessions.rotate(session.sessionId, 'full');
    return { token: rotated?.token ?? null };
  }

  async regenerateRecoveryCodes(session: SessionState, password: string, origin: AuditOrigin): Promise<string[]> {
    await this.confirmPassword(session.person.id, password);
    const creds = await this.credentialsOf(session.person.id);
    if (!creds?.totp_enabled_at) throw new AppError(409, 'two_factor_not_enabled');
    const codes = newRecoveryCodes();
    await this.deps.db.transaction().execute(async (trx) => {
      await this.replaceRecoveryCodes(trx, session.person.id, codes);
      await this.deps.audit.record(
        { ...origin, action: 'auth.recovery_codes_regenerated', subjectId: session.person.id },
        trx,
      );
    });
    return codes;
  }

  /** Turns two-factor off, unless a role requires it. */
  async disable(session: SessionState, password: string, origin: AuditOrigin): Promise<void> {
    const { db, directory } = this.deps;
    await this.confirmPassword(session.person.id, password);
    if (requiresTwoFactor(await directory.grantsOf(session.person.id))) throw new AppError(409, 'two_factor_mandatory');
    const creds = await this.credentialsOf(session.person.id);
    if (!creds?.totp_enabled_at) throw new AppError(409, 'two_factor_not_enabled');
    await db.transaction().execute(async (trx) => {
      await disableTwoFactor(trx, session.person.id);
      await this.deps.audit.record(
        { ...origin, action: 'auth.two_factor_disabled', subjectId: session.person.id },
        trx,
      );
    });
  }

  async remainingRecoveryCodes(personId: string): Promise<number> {
    return countUnusedRecoveryCodes(this.deps.db, personId);
  }

  private async confirmPassword(personId: string, password: string): Promise<void> {
    const creds = await this.credentialsOf(personId);
    if (!(await verifyPassword(creds?.password_hash, password))) throw new AppError(422, 'wrong_password');
  }

  private async replaceRecoveryCodes(db: Kysely<Database>, personId: string, codes: string[]): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    const rows = codes.map((c) => ({
      id: newId(),
      person_id: personId,
      code_hash: hashRecoveryCode(c),
      created_at: now,
    }));
    await replaceRecoveryCodes(db, rows, personId);
  }

  private credentialsOf(personId: string) {
    return findCredentials(this.deps.db, personId);
  }

  /** Six-digit codes are guessable without a limit: the same growing delays as passwords. */
  private throttleKey(personId: string) {
    return { scope: 'account_ip' as const, subject: `totp:${personId}` };
  }

  private async assertNotThrottled(personId: string): Promise<void> {
    const wait = await this.deps.throttle.secondsToWait([this.throttleKey(personId)]);
    if (wait > 0) throw tooManyRequests(wait);
  }

  private async recordFailure(session: SessionState, origin: AuditOrigin, kind: string): Promise<void> {
    await this.deps.throttle.recordFailure([this.throttleKey(session.person.id)]);
    await this.deps.audit.record({
      ...origin,
      action: 'auth.two_factor_failed',
      subjectId: session.person.id,
      outcome: 'failure',
      details: { kind },
    });
  }
}
