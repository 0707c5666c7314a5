import type { Kysely } from 'kysely';
import type { Database, PersonRow } from '../../../db/schema.js';
import { requiresTwoFactor } from '../../../domain/access/roles.js';
import { formatDateTime } from '../../../i18n/format.js';
import { isLocale, type Locale } from '../../../i18n/locales.js';
import type { Clock } from '../../clock.js';
import { newId, randomToken, sha256 } from '../../crypto.js';
import { AppError, FieldValidationError, notFound } from '../../http/errors.js';
import type { SessionState } from '../../http/context.js';
import type { AuditOrigin, AuditService } from '../audit/audit.service.js';
import type { MailService } from '../mail/mail.service.js';
import { findGrantsOf, findPersonBySignInIdentifier } from '../org/people.repository.js';
import { upsertPasswordHash } from './credentials.repository.js';
import { checkNewPassword, hashPassword, identityOf, verifyPassword } from './password.service.js';
import type { SessionService, SessionStage } from './session.service.js';
import { canonicalIdentifier } from './sign-in.service.js';
import type { ThrottleService } from './throttle.service.js';

const INVITATION_TTL_MS = 7 * 24 * 3_600_000;
const RESET_TTL_MS = 60 * 60_000;

type TokenPurpose = 'invite' | 'reset';

/**
 * Passwords: invitations (first password), resets by email, and changes from the profile.
 * Tokens are random, single-use, short-lived, and stored only as hashes.
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
      publicUrl: string;
    },
  ) {}

  /** Sends (or re-sends) an invitation; earlier unused invitations of the person stop working. */
  async invite(agencyId: string, personId: string, origin: AuditOrigin) {
    const { db, clock, mail, audit } = this.deps;
    const person = await db.selectFrom('people').selectAll().where('agency_id', '=', agencyId).where('id', '=', personId).executeTakeFirst();
    if (!person) throw notFound();
    if (person.is_active !== 1) throw new AppError(409, 'account_inactive');
    if (!person.email) throw new AppError(422, 'no_email');
    const expiresAt = new Date(clock.now().getTime() + INVITATION_TTL_MS);
    const link = await db.transaction().execute(async (trx) => {
      const token = await this.issueToken(trx, person, 'invite', expiresAt, origin.actorId ?? null);
      await this.sendLink(trx, person, 'invite', `/invite/${token}`, expiresAt);
      await audit.record({ ...origin, action: 'auth.invitation_sent', subjectId: person.id, resourceType: 'person', resourceId: person.id }, trx);
      return `${this.deps.publicUrl}/invite/${token}`;
    });
    const held = !mail.usesSmtp;
    return { sentTo: person.email, expiresAt: expiresAt.toISOString(), viaOutbox: held, link: held ? link : null };
  }

  /** What the invitation or reset page shows before the person chooses a password. */
  async describeToken(purpose: TokenPurpose, token: string) {
    const { person, row } = await this.validToken(purpose, token);
    const agency = await this.deps.db.selectFrom('agencies').select('name').where('id', '=', person.agency_id).executeTakeFirstOrThrow();
    return {
      fullName: person.full_name,
      agencyName: agency.name,
      twoFactorRequired: requiresTwoFactor(await findGrantsOf(this.deps.db, person.id)),
      expiresAt: row.expires_at,
    };
  }

  /**
   * Sets the first password from an invitation and signs the person in (they proved control of
   * the email address). Returns the session token and stage.
   */
  async acceptInvitation(token: string, password: string, client: { ip: string; userAgent: string | null; requestId: string }) {
    const { db, sessions, audit } = this.deps;
    const { person, row } = await this.validToken('invite', token);
    this.assertPolicy(person, password);
    const hash = await hashPassword(password);
    const grants = await findGrantsOf(db, person.id);
    return db.transaction().execute(async (trx) => {
      await this.useToken(trx, row.id);
      await this.storePassword(trx, person.id, hash);
      const totpEnabled = await this.hasTwoFactor(trx, person.id);
      const stage: SessionStage = totpEnabled ? 'two_factor' : requiresTwoFactor(grants) ? 'two_factor_setup' : 'full';
      const started = await sessions.start(person, stage, { ip: client.ip, userAgent: client.userAgent }, trx);
      await audit.record(
        { agencyId: person.agency_id, action: 'auth.invitation_accepted', actorId: person.id, subjectId: person.id, requestId: client.requestId },
        trx,
      );
      return { token: started.token, stage, person };
    });
  }

  /**
   * Starts a reset. Always answers the same way, whether or not the account exists, so the form
   * cannot be used to discover who has an account. Throttled like sign-in.
   */
  async requestReset(identifier: string, client: { ip: string; requestId: string }): Promise<void> {
    const { db, clock, throttle, audit } = this.deps;
    const id = canonicalIdentifier(identifier);
    const keys = [
      { scope: 'ip' as const, subject: `reset:${client.ip}` },
      { scope: 'account_ip' as const, subject: `reset:${'nip' in id ? id.nip : id.email}` },
    ];
    if ((await throttle.secondsToWait(keys)) > 0) return;
    // Every request counts toward the delay: resets send email, which must not be floodable.
    await throttle.recordFailure(keys);
    const person = await findPersonBySignInIdentifier(db, id);
    if (!person || person.is_active !== 1 || !person.email) return;
    const expiresAt = new Date(clock.now().getTime() + RESET_TTL_MS);
    await db.transaction().execute(async (trx) => {
      const token = await this.issueToken(trx, person, 'reset', expiresAt, null);
      await this.sendLink(trx, person, 'reset', `/reset-password/${token}`, expiresAt);
      await audit.record(
        { agencyId: person.agency_id, action: 'auth.password_reset_requested', subjectId: person.id, requestId: client.requestId },
        trx,
      );
    });
  }

  /** Completes a reset: new password, every session ended, a notice by email. */
  async completeReset(token: string, password: string, requestId: string): Promise<void> {
    const { db, sessions, audit } = this.deps;
    const { person, row } = await this.validToken('reset', token);
    this.assertPolicy(person, password);
    const hash = await hashPassword(password);
    await db.transaction().execute(async (trx) => {
      await this.useToken(trx, row.id);
      await this.storePassword(trx, person.id, hash);
      await sessions.endAllFor(person.id, undefined, trx);
      await this.notifyPasswordChanged(trx, person);
      await audit.record({ agencyId: person.agency_id, action: 'auth.password_reset', subjectId: person.id, requestId }, trx);
    });
  }

  /** Changes the password from the profile; other sessions are signed out. */
  async changePassword(session: SessionState, current: string, next: string, origin: AuditOrigin): Promise<void> {
    const { db, sessions, audit } = this.deps;
    const person = await db.selectFrom('people').selectAll().where('id', '=', session.person.id).executeTakeFirstOrThrow();
    const creds = await db.selectFrom('credentials').select('password_hash').where('person_id', '=', person.id).executeTakeFirst();
    if (!(await verifyPassword(creds?.password_hash, current))) {
      throw new FieldValidationError([{ path: 'currentPassword', key: 'password.wrong_current' }]);
    }
    this.assertPolicy(person, next, 'newPassword');
    const hash = await hashPassword(next);
    await db.transaction().execute(async (trx) => {
      await this.storePassword(trx, person.id, hash);
      await sessions.endAllFor(person.id, session.sessionId, trx);
      await this.notifyPasswordChanged(trx, person);
      await audit.record({ ...origin, action: 'auth.password_changed', subjectId: person.id }, trx);
    });
  }

  private assertPolicy(person: PersonRow, password: string, path = 'password'): void {
    const problem = checkNewPassword(password, { identifiers: identityOf(person) });
    if (problem) throw new FieldValidationError([{ path, key: `password.${problem}` }]);
  }

  private async validToken(purpose: TokenPurpose, token: string) {
    const { db, clock } = this.deps;
    const row = await db
      .selectFrom('auth_tokens')
      .selectAll()
      .where('token_hash', '=', sha256(token))
      .where('purpose', '=', purpose)
      .executeTakeFirst();
    if (!row || row.used_at || row.expires_at <= clock.now().toISOString()) throw new AppError(410, 'token_invalid');
    const person = await db.selectFrom('people').selectAll().where('id', '=', row.person_id).executeTakeFirst();
    if (!person || person.is_active !== 1) throw new AppError(410, 'token_invalid');
    return { person, row };
  }

  private async issueToken(db: Kysely<Database>, person: PersonRow, purpose: TokenPurpose, expiresAt: Date, createdBy: string | null) {
    const now = this.deps.clock.now().toISOString();
    // One live link per purpose: a new invitation or reset voids the older ones.
    await db
      .updateTable('auth_tokens')
      .set({ used_at: now })
      .where('person_id', '=', person.id)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .execute();
    const token = randomToken();
    await db
      .insertInto('auth_tokens')
      .values({
        id: newId(),
        person_id: person.id,
        agency_id: person.agency_id,
        purpose,
        token_hash: sha256(token),
        created_by: createdBy,
        created_at: now,
        expires_at: expiresAt.toISOString(),
        used_at: null,
      })
      .execute();
    return token;
  }

  private async useToken(db: Kysely<Database>, id: string): Promise<void> {
    const result = await db
      .updateTable('auth_tokens')
      .set({ used_at: this.deps.clock.now().toISOString() })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    // Two tabs submitting the same link: only the first wins.
    if (Number(result.numUpdatedRows) !== 1) throw new AppError(410, 'token_invalid');
  }

  private async storePassword(db: Kysely<Database>, personId: string, hash: string): Promise<void> {
    await upsertPasswordHash(db, personId, hash, this.deps.clock.now().toISOString());
  }

  private async hasTwoFactor(db: Kysely<Database>, personId: string): Promise<boolean> {
    const row = await db.selectFrom('credentials').select('totp_enabled_at').where('person_id', '=', personId).executeTakeFirst();
    return Boolean(row?.totp_enabled_at);
  }

  private async agencyOf(db: Kysely<Database>, agencyId: string) {
    return db.selectFrom('agencies').select(['name', 'time_zone']).where('id', '=', agencyId).executeTakeFirstOrThrow();
  }

  private localeOf(person: PersonRow): Locale {
    return isLocale(person.locale) ? person.locale : 'id';
  }

  private async sendLink(db: Kysely<Database>, person: PersonRow, template: 'invite' | 'reset', path: string, expiresAt: Date) {
    const agency = await this.agencyOf(db, person.agency_id);
    const unit = await db.selectFrom('org_units').select('time_zone').where('id', '=', person.unit_id).executeTakeFirst();
    const locale = this.localeOf(person);
    await this.deps.mail.queue(db, {
      agencyId: person.agency_id,
      agencyName: agency.name,
      to: person.email as string,
      locale,
      template,
      params: {
        name: person.full_name,
        link: `${this.deps.publicUrl}${path}`,
        expires: formatDateTime(expiresAt.toISOString(), locale, unit?.time_zone ?? agency.time_zone),
      },
    });
  }

  private async notifyPasswordChanged(db: Kysely<Database>, person: PersonRow): Promise<void> {
    if (!person.email) return;
    const agency = await this.agencyOf(db, person.agency_id);
    const unit = await db.selectFrom('org_units').select('time_zone').where('id', '=', person.unit_id).executeTakeFirst();
    const locale = this.localeOf(person);
    await this.deps.mail.queue(db, {
      agencyId: person.agency_id,
      agencyName: agency.name,
      to: person.email,
      locale,
      template: 'password_changed',
      params: {
        name: person.full_name,
        when: formatDateTime(this.deps.clock.now().toISOString(), locale, unit?.time_zone ?? agency.time_zone),
      },
    });
  }
}
