import type { FastifyBaseLogger } from 'fastify';
import type { i18n } from 'i18next';
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../../../db/schema.js';
import type { Locale } from '../../../i18n/locales.js';
import { translatorFor } from '../../../i18n/translator.js';
import type { Clock } from '../../clock.js';
import { newId, type KeyRing } from '../../crypto.js';
import { isHoldableEmail } from '../../../domain/boundaries/messages.js';
import { enqueueJob, type JobRunner } from '../jobs/index.js';
import type { HoldGate } from '../boundaries/index.js';
import {
  cancelUnsentEmails,
  findEmail,
  findOutboxPage,
  insertEmail,
  markEmailFailed,
  markEmailSent,
  wipeSecretsBefore,
} from './mail.repository.js';
import { eraseEmailsBefore } from './retention.repository.js';

export type EmailTemplate =
  | 'invite'
  | 'reset'
  | 'password_changed'
  | 'crisis_request'
  | 'campaign_invite'
  | 'campaign_reminder'
  // Climate surveys (docs/surveys.md).
  | 'survey_invite'
  | 'survey_reminder'
  // Survey results published to staff (docs/decisions/051-survey-publication-and-actions.md).
  | 'survey_published'
  // Account recovery (docs/decisions/011-account-recovery.md).
  | 'invitation_accepted'
  | 'email_changed'
  | 'reset_on_hold'
  // Separation of duties (docs/decisions/012-separation-of-duties.md): a role grant waiting for a second person, and its approval.
  | 'role_requested'
  | 'role_request_review'
  | 'role_approved'
  | 'role_request_approved_dpo'
  // Session notes (docs/decisions/041-session-notes.md): a clinical supervisor used break-glass (to the DPOs; no note content).
  | 'break_glass'
  // A counselling booking's reminder, to a client who asked for it by email (docs/decisions/049-counselling-journey.md).
  | 'booking_reminder'
  // Committee meetings and focus groups (docs/decisions/053-committee-and-focus-groups.md).
  | 'committee_meeting_scheduled'
  | 'committee_meeting_changed'
  | 'committee_meeting_cancelled'
  | 'focus_group_invite'
  | 'focus_group_reminder'
  | 'focus_group_cancelled';

/**
 * Emails about the recipient's own counselling: the agency admin's outbox never lists them, since
 * even "a reminder to this address" tells an admin that the person sees a counsellor
 * (docs/decisions/049-counselling-journey.md).
 */
export const PRIVATE_TEMPLATES: readonly EmailTemplate[] = ['booking_reminder'];

export interface EmailRequest {
  agencyId: string | null;
  agencyName: string;
  to: string;
  locale: Locale;
  template: EmailTemplate;
  params: Record<string, string>;
  /**
   * Parameters only the recipient may see (a sign-in link). The stored, admin-readable body shows
   * them redacted; the full text is kept sealed until sent, and never when it cannot be sent.
   */
  secretParams?: Record<string, string>;
  /**
   * The recipient, when they are a person of the agency: a routine email (a campaign invitation or
   * reminder) is then sent only within their hours (docs/boundaries.md).
   */
  personId?: string;
}

const SEND_JOB = 'email.send';
/** Sealed texts older than the longest-lived link (an invitation, 7 days) are useless: wiped. */
const SECRET_KEEP_MS = 8 * 24 * 3_600_000;

/**
 * Email through a transactional outbox: the message row (and, with SMTP, its send job) is written
 * in the caller's transaction, so an invitation exists exactly when the change that made it
 * committed. Without SMTP_URL the message is held with its metadata and a redacted body.
 *
 * Secret links (decision 011): `body_text` never holds one. With SMTP the full text is sealed in
 * `secret_body_enc` and wiped as soon as it is sent; without SMTP it is not kept at all, and only a
 * developer who set TEDUH_DEV_LOG_EMAIL_LINKS=1 (refused in production) sees it in the log.
 */
export class MailService {
  private readonly transport: Transporter | undefined;

  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      i18n: i18n;
      log: FastifyBaseLogger;
      smtpUrl: string | undefined;
      from: string;
      keys: KeyRing;
      /** TEDUH_DEV_LOG_EMAIL_LINKS: print held emails' secret links to the log (development only). */
      devLogLinks: boolean;
      /** The work-hour boundaries gate (docs/boundaries.md); without it nothing is held. */
      boundaries?: HoldGate;
    },
  ) {
    this.transport = deps.smtpUrl ? nodemailer.createTransport(deps.smtpUrl) : undefined;
  }

  get usesSmtp(): boolean {
    return this.transport !== undefined;
  }

  /** Renders the email in the recipient's language and queues it. */
  async queue(db: Kysely<Database>, request: EmailRequest): Promise<string> {
    const t = translatorFor(this.deps.i18n, request.locale);
    const secret = request.secretParams ?? {};
    const redacted = Object.fromEntries(Object.keys(secret).map((k) => [k, t('email.redacted_link')]));
    const render = (extra: Record<string, string>) => {
      const params = { ...request.params, ...extra, agency: request.agencyName };
      return `${t(`email.${request.template}.body`, params)}\n\n${t('email.signature', params)}\n`;
    };
    const subject = t(`email.${request.template}.subject`, { ...request.params, agency: request.agencyName });
    const hasSecret = Object.keys(secret).length > 0;
    const bodyText = render(redacted);
    const id = newId();
    const now = this.deps.clock.now();
    await insertEmail(db, {
      id,
      agency_id: request.agencyId,
      to_address: request.to,
      template: request.template,
      subject,
      body_text: bodyText,
      created_at: now.toISOString(),
      status: this.transport ? 'pending' : 'held',
      sent_at: null,
      attempts: 0,
      last_error: null,
      secret_body_enc: this.transport && hasSecret ? this.deps.keys.encrypt(render(secret)) : null,
    });
    if (this.transport) {
      // A routine email outside the recipient's hours waits in the durable queue for their next allowed moment.
      const gate = this.deps.boundaries;
      const heldUntil =
        gate && request.personId && isHoldableEmail(request.template)
          ? (await gate.holdUntil(db, [request.personId], now)).get(request.personId)
          : null;
      await enqueueJob(
        db,
        {
          kind: SEND_JOB,
          payload: { emailId: id },
          dedupeKey: `email:${id}`,
          ...(heldUntil ? { runAt: heldUntil } : {}),
        },
        now,
      );
    } else if (this.deps.devLogLinks && hasSecret) {
      // Warn, not info: a live link in a log must stand out, and it shows at the usual dev log level.
      this.deps.log.warn(
        { devEmail: { to: request.to, template: request.template, ...secret } },
        'email held: secret link for the developer (TEDUH_DEV_LOG_EMAIL_LINKS)',
      );
    } else {
      this.deps.log.info({ email: { id, template: request.template } }, 'email held (no SMTP configured)');
    }
    return id;
  }

  /** One page of the agency's outbox, newest first, with the total (the agency admin's outbox page). */
  async outboxPage(agencyId: string, page: number, pageSize: number) {
    return findOutboxPage(this.deps.db, agencyId, pageSize, (page - 1) * pageSize, PRIVATE_TEMPLATES);
  }

  /**
   * Stops unsent emails of one kind to one address (a reset voided by an email change): they
   * will not be sent, and their sealed text is wiped.
   */
  async cancelUnsent(db: Kysely<Database>, to: string, template: EmailTemplate): Promise<void> {
    await cancelUnsentEmails(db, to, template);
  }

  /** Wipes sealed texts that were never sent and whose links have expired anyway (the longest lives 7 days). */
  async wipeStaleSecrets(): Promise<void> {
    const cutoff = new Date(this.deps.clock.now().getTime() - SECRET_KEEP_MS).toISOString();
    await wipeSecretsBefore(this.deps.db, cutoff);
  }

  /** Registers the sender with the job runner. */
  registerJobs(runner: JobRunner): void {
    runner.register(SEND_JOB, async (payload) => {
      const { emailId } = payload as { emailId: string };
      await this.send(emailId);
    });
  }

  private async send(emailId: string): Promise<void> {
    const { db, clock } = this.deps;
    const email = await findEmail(db, emailId);
    if (!email || email.status !== 'pending' || !this.transport) return;
    const text = email.secret_body_enc ? this.deps.keys.decrypt(email.secret_body_enc) : email.body_text;
    try {
      await this.transport.sendMail({
        from: this.deps.from,
        to: email.to_address,
        subject: email.subject,
        text,
        headers: { 'X-Teduh-Email-Id': email.id },
      });
      // Sent: the link now lives only in the recipient's mailbox.
      await markEmailSent(db, email.id, email.attempts + 1, clock.now().toISOString());
    } catch (err) {
      await markEmailFailed(db, email.id, email.attempts + 1, String((err as Error).message).slice(0, 300));
      throw err;
    }
  }

  /** The retention schedule: erases the agency's finished emails queued before `cutoff` (in `db`, its transaction). */
  eraseOlderThan(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
    return eraseEmailsBefore(db, agencyId, cutoff);
  }
}
