import type { FastifyBaseLogger } from 'fastify';
import type { i18n } from 'i18next';
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../../../db/schema.js';
import type { Locale } from '../../../i18n/locales.js';
import { translatorFor } from '../../../i18n/translator.js';
import type { Clock } from '../../clock.js';
import { newId } from '../../crypto.js';
import { enqueueJob } from '../jobs/job-queue.js';
import type { JobRunner } from '../jobs/job-runner.js';

export type EmailTemplate =
  | 'invite'
  | 'reset'
  | 'password_changed'
  | 'crisis_request'
  | 'campaign_invite'
  | 'campaign_reminder'
  // Issue 7, separation of duties: a role grant waiting for a second person, and its approval.
  | 'role_requested'
  | 'role_request_review'
  | 'role_approved'
  | 'role_request_approved_dpo';

export interface EmailRequest {
  agencyId: string | null;
  agencyName: string;
  to: string;
  locale: Locale;
  template: EmailTemplate;
  params: Record<string, string>;
}

const SEND_JOB = 'email.send';

/**
 * Email through a transactional outbox: the message row (and, with SMTP, its send job) is written
 * in the caller's transaction, so an invitation exists exactly when the change that made it
 * committed. Without SMTP_URL the message is held for the agency admin to read (and, in
 * development, printed to the log so a developer can click the link).
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
      logBodies: boolean;
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
    const params = { ...request.params, agency: request.agencyName };
    const subject = t(`email.${request.template}.subject`, params);
    const bodyText = `${t(`email.${request.template}.body`, params)}\n\n${t('email.signature', params)}\n`;
    const id = newId();
    const now = this.deps.clock.now();
    await db
      .insertInto('email_outbox')
      .values({
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
      })
      .execute();
    if (this.transport) {
      await enqueueJob(db, { kind: SEND_JOB, payload: { emailId: id }, dedupeKey: `email:${id}` }, now);
    } else if (this.deps.logBodies) {
      this.deps.log.info({ email: { to: request.to, subject, body: bodyText } }, 'email held (no SMTP configured)');
    }
    return id;
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
    const email = await db.selectFrom('email_outbox').selectAll().where('id', '=', emailId).executeTakeFirst();
    if (!email || email.status === 'sent' || !this.transport) return;
    try {
      await this.transport.sendMail({
        from: this.deps.from,
        to: email.to_address,
        subject: email.subject,
        text: email.body_text,
        headers: { 'X-Teduh-Email-Id': email.id },
      });
      await db
        .updateTable('email_outbox')
        .set({ status: 'sent', sent_at: clock.now().toISOString(), attempts: email.attempts + 1, last_error: null })
        .where('id', '=', email.id)
        .execute();
    } catch (err) {
      await db
        .updateTable('email_outbox')
        .set({ status: 'pending', attempts: email.attempts + 1, last_error: String((err as Error).message).slice(0, 300) })
        .where('id', '=', email.id)
        .execute();
      throw err;
    }
  }
}
