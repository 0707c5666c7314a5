import type { Kysely } from 'kysely';
import type { Database, PersonRow } from '../../../db/schema.js';
import { requiresTwoFactor } from '../../../domain/access/roles.js';
import { formatDateTime } from '../../../i18n/format.js';
import { isLocale, type Locale } from '../../../i18n/locales.js';
import type { Clock } from '../../clock.js';
import { newId, randomToken, sha256, type KeyRing } from '../../crypto.js';
import { AppError, FieldValidationError, notFound } from '../../http/errors.js';
import type { SessionState } from '../../http/context.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import { enqueueJob, wipeJobPayload, type JobRunner } from '../jobs/index.js';
import type { MailService } from '../mail/index.js';
import type { NotificationService } from '../notifications/index.js';
import type { OrgDirectory } from '../org/index.js';
import { findCredentials, upsertPasswordHash } from './credentials.repository.js';
import {
  deleteHold,
  findActiveHold,
  findTokenByHash,
  hasPassword,
  insertToken,
  markTokenUsed,
  upsertHold,
  voidTokens,
} from './recovery.repository.js';
import { checkNewPassword, hashPassword, identityOf, verifyPassword } from './password.service.js';
import type { SessionService, SessionStage } from './session.service.js';
import { canonicalIdentifier } from './sign-in.service.js';
import type { ThrottleService } from './throttle.service.js';

const INVITATION_TTL_MS = 7 * 24 * 3_600_000;
const RESET_TTL_MS = 60 * 60_000;
/** After an admin changes a person's email, resets wait this long unless the old address confirms. */
export const RECOVERY_HOLD_MS = 24 * 3_600_000;
const RESET_JOB = 'auth.password_reset_request';

type TokenPurpose = 'invite' | 'reset' | 'confirm_email_change';

/**
 * Passwords: invitations (first password), resets by email, and changes from the profile.
 * Tokens are random, single-use, short-lived, and stored only as hashes; the links that carry
 * them reach their recipient alone (decision 011): never an API answer, the outbox or a log.
 */
export class CredentialsService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      sessions: SessionService;
      throttle: ThrottleService;
      mail: MailService;
      audit: AuditService;
      keys: KeyRing;
      publicUrl: string;
      directory: OrgDirectory;
      notifications: NotificationService;
    },
  ) {}

  /** Registers the reset-request worker: the lookup and the email happen off the request path. */
  registerJobs(runner: JobRunner): void {
    runner.register(RESET_JOB, async (payload, job) => {
      const { identifier, requestId } = payload as { identifier: string; requestId: string };
      await this.processResetRequest(this.deps.keys.decrypt(identifier), requestId);
      // Done: the typed identifier, sealed as it is, need not stay in the jobs table.
      await wipeJobPayload(this.deps.db, job.id);
    });
  }

  /**
   * Sends (or re-sends) an invitation; earlier unused invitations of the person stop working.
   * Only for someone who never chose a password: for anyone else a link would let the sender
   * take the account over. They use "forgot password", which reaches them alone.
   */
  async invite(agencyId: string, personId: string, origin: AuditOrigin) {
    const { db, clock, mail, audit, directory } = this.deps;
    const person = await directory.person(agencyId, personId);
    if (!person) throw notFound();
    if (person.is_active !== 1) throw new AppError(409, 'account_inactive');
    if (!person.email) throw new AppError(422, 'no_email');
    if (await hasPassword(db, person.id)) throw new AppError(409, 'already_signed_up');
    const expiresAt = new Date(clock.now().getTime() + INVITATION_TTL_MS);
    await db.transaction().execute(async (trx) => {
      const token = await this.issueToken(trx, person, 'invite', expiresAt, origin.actorId ?? null);
      await this.sendLink(trx, person, 'invite', `/invite/${token}`, expiresAt);
      await audit.record(
        {
          ...origin,
          action: 'auth.invitation_sent',
          subjectId: person.id,
          resourceType: 'person',
          resourceId: person.id,
        },
        trx,
      );
    });
    // The link went into the email alone: the admin learns where it went, never the link.
    return { sentTo: person.email, expiresAt: expiresAt.toISOString(), viaOutbox: !mail.usesSmtp };
  }

  /** What the invitation or reset page shows before the person chooses a password. */
  async describeToken(purpose: TokenPurpose, token: string) {
    const { person, row } = await this.validToken(purpose, token);
    const agency = await this.deps.directory.agencyOrThrow(person.agency_id);
    return {
      fullName: person.full_name,
      agencyName: agency.name,
      twoFactorRequired: requiresTwoFactor(await this.deps.directory.grantsOf(person.id)),
      expiresAt: row.expires_at,
    };
  }

  /**
   * Sets the first password from an invitation and signs the person in (they proved control of
   * the email address). Any other session of theirs ends, and they are told by email and in-app.
   * An invitation that outlived the person's first password is void. Returns the session token.
   */
  async acceptInvitation(
    token: string,
    password: string,
    client: { ip: string; userAgent: string | null; requestId: string },
  ) {
    const { db, sessions, audit, directory } = this.deps;
    const { person, row } = await this.validToken('invite', token);
    this.assertPolicy(person, password);
    const hash = await hashPassword(password);
    const grants = await directory.grantsOf(person.id);
    return db.transaction().execute(async (trx) => {
      if (await hasPassword(trx, person.id)) throw new AppError(410, 'token_invalid');
      await this.useToken(trx, row.id);
      await this.storePassword(trx, person.id, hash);
      await sessions.endAllFor(person.id, undefined, trx);
      const totpEnabled = await this.hasTwoFactor(trx, person.id);
      const stage: SessionStage = totpEnabled ? 'two_factor' : requiresTwoFactor(grants) ? 'two_factor_setup' : 'full';
      const started = await sessions.start(person, stage, { ip: client.ip, userAgent: client.userAgent }, trx);
      await this.notifyPasswordSet(trx, person, 'invitation_accepted');
      await audit.record(
        {
          agencyId: person.agency_id,
          action: 'auth.invitation_accepted',
          actorId: person.id,
          subjectId: person.id,
          requestId: client.requestId,
        },
        trx,
      );
      return { token: started.token, stage, person };
    });
  }

  /**
   * Starts a reset. Always answers the same way and after the same work, whether or not the
   * account exists: the throttle, then a job holding the sealed identifier. Looking the person up,
   * issuing the link and writing the email happen in the job, so a known account is not slower.
   */
  async requestReset(identifier: string, client: { ip: string; requestId: string }): Promise<void> {
    const { db, clock, throttle, keys } = this.deps;
    const id = canonicalIdentifier(identifier);
    const throttleKeys = [
      { scope: 'ip' as const, subject: `reset:${client.ip}` },
      { scope: 'account_ip' as const, subject: `reset:${'nip' in id ? id.nip : id.email}` },
    ];
    if ((await throttle.secondsToWait(throttleKeys)) > 0) return;
    // Every request counts toward the delay: resets send email, which must not be floodable.
    await throttle.recordFailure(throttleKeys);
    await enqueueJob(
      db,
      {
        kind: RESET_JOB,
        payload: { identifier: keys.encrypt(identifier), requestId: client.requestId },
        maxAttempts: 3,
      },
      clock.now(),
    );
  }

  /** The job behind requestReset: a link for a real, active account with an email and no hold. */
  private async processResetRequest(identifier: string, requestId: string): Promise<void> {
    const { db, clock, audit, directory } = this.deps;
    const person = await directory.personBySignInIdentifier(canonicalIdentifier(identifier));
    if (!person || person.is_active !== 1 || !person.email) return;
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const hold = await findActiveHold(trx, person.id, now.toISOString());
      if (hold) {
        // An admin changed the address lately: no link to it until the hold ends or the old address confirms.
        await this.sendHoldNotice(trx, person, hold.ends_at);
        await audit.record(
          { agencyId: person.agency_id, action: 'auth.password_reset_held', subjectId: person.id, requestId },
          trx,
        );
        return;
      }
      const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
      const token = await this.issueToken(trx, person, 'reset', expiresAt, null);
      await this.sendLink(trx, person, 'reset', `/reset-password/${token}`, expiresAt);
      await audit.record(
        { agencyId: person.agency_id, action: 'auth.password_reset_requested', subjectId: person.id, requestId },
        trx,
      );
    });
  }

  /**
   * Completes a reset: new password, every session ended, a notice by email and in-app.
   * Two-factor stays as it was: the next sign-in still asks for the code.
   */
  async completeReset(token: string, password: string, requestId: string): Promise<void> {
    const { db, clock, sessions, audit } = this.deps;
    const { person, row } = await this.validToken('reset', token);
    this.assertPolicy(person, password);
    const hash = await hashPassword(password);
    await db.transaction().execute(async (trx) => {
      // Links are voided when a hold starts; this also covers one issued in the same instant.
      if (await findActiveHold(trx, person.id, clock.now().toISOString())) throw new AppError(410, 'token_invalid');
      await this.useToken(trx, row.id);
      await this.storePassword(trx, person.id, hash);
      await sessions.endAllFor(person.id, undefined, trx);
      await this.notifyPasswordSet(trx, person, 'password_changed');
      await audit.record(
        { agencyId: person.agency_id, action: 'auth.password_reset', subjectId: person.id, requestId },
        trx,
      );
    });
  }

  /**
   * Called in the transaction of an admin's change of a person's email (decision 011): pending
   * resets are voided, the old address is told (with a link to confirm the change), the person
   * gets an in-app notice, and — if they have an account to protect — resets wait 24 hours.
   */
  async onEmailChangedByAdmin(
    trx: Kysely<Database>,
    person: PersonRow,
    newEmail: string | null,
    origin: AuditOrigin,
  ): Promise<void> {
    const { clock, mail, audit } = this.deps;
    const now = clock.now();
    await voidTokens(trx, person.id, 'reset', now.toISOString());
    await voidTokens(trx, person.id, 'confirm_email_change', now.toISOString());
    if (person.email) await mail.cancelUnsent(trx, person.email, 'reset');
    if (!(await hasPassword(trx, person.id))) return;
    const endsAt = new Date(now.getTime() + RECOVERY_HOLD_MS);
    await upsertHold(trx, {
      personId: person.id,
      agencyId: person.agency_id,
      reason: 'email_changed',
      createdBy: origin.actorId ?? null,
      createdAt: now.toISOString(),
      endsAt: endsAt.toISOString(),
    });
    if (person.email) {
      const token = await this.issueToken(trx, person, 'confirm_email_change', endsAt, origin.actorId ?? null);
      const { locale, timeZone, agencyName } = await this.mailContext(trx, person);
      await mail.queue(trx, {
        agencyId: person.agency_id,
        agencyName,
        to: person.email,
        locale,
        template: 'email_changed',
        params: {
          name: person.full_name,
          when: formatDateTime(now.toISOString(), locale, timeZone),
          until: formatDateTime(endsAt.toISOString(), locale, timeZone),
          masked: maskEmail(newEmail),
        },
        secretParams: { link: `${this.deps.publicUrl}/confirm-email-change/${token}` },
      });
    }
    await this.deps.notifications.add(trx, [
      {
        agencyId: person.agency_id,
        personId: person.id,
        kind: 'auth.email_changed',
        payload: { until: endsAt.toISOString() },
      },
    ]);
    await audit.record(
      {
        ...origin,
        action: 'auth.recovery_hold_started',
        subjectId: person.id,
        resourceType: 'person',
        resourceId: person.id,
        details: { until: endsAt.toISOString() },
      },
      trx,
    );
  }

  /** The person confirms, from their old address, that the admin's change of email was theirs: the hold ends. */
  async confirmEmailChange(token: string, requestId: string): Promise<void> {
    const { db, audit } = this.deps;
    const { person, row } = await this.validToken('confirm_email_change', token);
    await db.transaction().execute(async (trx) => {
      await this.useToken(trx, row.id);
      await deleteHold(trx, person.id);
      await audit.record(
        {
          agencyId: person.agency_id,
          action: 'auth.recovery_confirmed',
          actorId: null,
          subjectId: person.id,
          requestId,
        },
        trx,
      );
    });
  }

  /** Changes the password from the profile; other sessions are signed out. */
  async changePassword(session: SessionState, current: string, next: string, origin: AuditOrigin): Promise<void> {
    const { db, sessions, audit, directory } = this.deps;
    const person = await directory.personAnywhere(session.person.id);
    if (!person) throw notFound();
    const creds = await findCredentials(db, person.id);
    if (!(await verifyPassword(creds?.password_hash, current))) {
      throw new FieldValidationError([{ path: 'currentPassword', key: 'password.wrong_current' }]);
    }
    this.assertPolicy(person, next, 'newPassword');
    const hash = await hashPassword(next);
    await db.transaction().execute(async (trx) => {
      await this.storePassword(trx, person.id, hash);
      await sessions.endAllFor(person.id, session.sessionId, trx);
      await this.notifyPasswordSet(trx, person, 'password_changed');
      await audit.record({ ...origin, action: 'auth.password_changed', subjectId: person.id }, trx);
    });
  }

  private assertPolicy(person: PersonRow, password: string, path = 'password'): void {
    const problem = checkNewPassword(password, { identifiers: identityOf(person) });
    if (problem) throw new FieldValidationError([{ path, key: `password.${problem}` }]);
  }

  private async validToken(purpose: TokenPurpose, token: string) {
    const { db, clock, directory } = this.deps;
    const row = await findTokenByHash(db, sha256(token), purpose);
    if (!row || row.used_at || row.expires_at <= clock.now().toISOString()) throw new AppError(410, 'token_invalid');
    const person = await directory.personAnywhere(row.person_id);
    if (!person || person.is_active !== 1) throw new AppError(410, 'token_invalid');
    return { person, row };
  }

  private async issueToken(
    db: Kysely<Database>,
    person: PersonRow,
    purpose: TokenPurpose,
    expiresAt: Date,
    createdBy: string | null,
  ) {
    const now = this.deps.clock.now().toISOString();
    // One live link per purpose: a new invitation or reset voids the older ones.
    await voidTokens(db, person.id, purpose, now);
    const token = randomToken();
    await insertToken(db, {
      id: newId(),
      person_id: person.id,
      agency_id: person.agency_id,
      purpose,
      token_hash: sha256(token),
      created_by: createdBy,
      created_at: now,
      expires_at: expiresAt.toISOString(),
    });
    return token;
  }

  private async useToken(db: Kysely<Database>, id: string): Promise<void> {
    // Two tabs submitting the same link: only the first wins.
    if (!(await markTokenUsed(db, id, this.deps.clock.now().toISOString()))) throw new AppError(410, 'token_invalid');
  }

  private async storePassword(db: Kysely<Database>, personId: string, hash: string): Promise<void> {
    await upsertPasswordHash(db, personId, hash, this.deps.clock.now().toISOString());
  }

  private async hasTwoFactor(db: Kysely<Database>, personId: string): Promise<boolean> {
    return Boolean((await findCredentials(db, personId))?.totp_enabled_at);
  }

  private localeOf(person: PersonRow): Locale {
    return isLocale(person.locale) ? person.locale : 'id';
  }

  /** Dates in the person's unit's time zone and language, and the agency's name, for an email. */
  private async mailContext(db: Kysely<Database>, person: PersonRow) {
    const agency = await this.deps.directory.agencyOrThrow(person.agency_id, db);
    const unit = await this.deps.directory.unit(person.unit_id, db);
    return { locale: this.localeOf(person), timeZone: unit?.time_zone ?? agency.time_zone, agencyName: agency.name };
  }

  private async sendLink(
    db: Kysely<Database>,
    person: PersonRow,
    template: 'invite' | 'reset',
    path: string,
    expiresAt: Date,
  ) {
    const { locale, timeZone, agencyName } = await this.mailContext(db, person);
    await this.deps.mail.queue(db, {
      agencyId: person.agency_id,
      agencyName,
      to: person.email as string,
      locale,
      template,
      params: { name: person.full_name, expires: formatDateTime(expiresAt.toISOString(), locale, timeZone) },
      secretParams: { link: `${this.deps.publicUrl}${path}` },
    });
  }

  private async sendHoldNotice(db: Kysely<Database>, person: PersonRow, until: string): Promise<void> {
    const { locale, timeZone, agencyName } = await this.mailContext(db, person);
    await this.deps.mail.queue(db, {
      agencyId: person.agency_id,
      agencyName,
      to: person.email as string,
      locale,
      template: 'reset_on_hold',
      params: { name: person.full_name, until: formatDateTime(until, locale, timeZone) },
    });
  }

  /** Tells the person their password was set, by email and in-app (their sessions just ended). */
  private async notifyPasswordSet(
    db: Kysely<Database>,
    person: PersonRow,
    template: 'password_changed' | 'invitation_accepted',
  ): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    await this.deps.notifications.add(db, [
      { agencyId: person.agency_id, personId: person.id, kind: `auth.${template}`, payload: { at: now } },
    ]);
    if (!person.email) return;
    const { locale, timeZone, agencyName } = await this.mailContext(db, person);
    await this.deps.mail.queue(db, {
      agencyId: person.agency_id,
      agencyName,
      to: person.email,
      locale,
      template,
      params: { name: person.full_name, when: formatDateTime(now, locale, timeZone) },
    });
  }
}

/** `b***@domain` — enough for the old address's owner to recognise (or not) the new one. */
function maskEmail(email: string | null): string {
  if (!email) return '—';
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}
