import { startFakeSmtp, type ReceivedMail } from './fake-smtp.js';
import type { TestApp } from './test-app.js';

/** Undoes quoted-printable: soft line breaks and =XX escapes (nodemailer wraps long lines). */
export function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i] as string, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

export type LinkKind = 'invite' | 'reset-password' | 'confirm-email-change';

/**
 * The recipients' side of email in tests: a fake SMTP server the app sends to. Links are read
 * the only way the product allows — from the mail that reached the address — never from the
 * outbox table or an API answer.
 */
export async function startMailbox() {
  const smtp = await startFakeSmtp();
  const mailsTo = (address: string): Array<ReceivedMail & { text: string }> =>
    smtp.received
      .filter((m) => m.to.some((to) => to.toLowerCase().includes(address.toLowerCase())))
      .map((m) => ({ ...m, text: decodeQuotedPrintable(m.data) }));
  return {
    smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
    received: smtp.received,
    close: () => smtp.close(),
    mailsTo,
    /** Runs the job runner until idle, so queued emails (and reset requests) go out. */
    async deliver(t: TestApp): Promise<void> {
      await t.services.jobs.drain();
    },
    /** The token of the newest link of `kind` mailed to `address`, after delivering what is queued. */
    async lastToken(t: TestApp, address: string, kind: LinkKind): Promise<string> {
      await t.services.jobs.drain();
      const pattern = new RegExp(`/${kind}/([A-Za-z0-9_-]+)`, 'g');
      const tokens = mailsTo(address).flatMap((m) => [...m.text.matchAll(pattern)].map((x) => x[1] as string));
      const last = tokens.at(-1);
      if (!last) throw new Error(`no ${kind} link mailed to ${address}`);
      return last;
    },
  };
}

export type Mailbox = Awaited<ReturnType<typeof startMailbox>>;
