import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { SERVER_DIR } from './base-url.js';

/** The e2e server's stdout (playwright.config.ts): JSON log lines. */
const SERVER_LOG = path.resolve(SERVER_DIR, 'server.log');

/**
 * Without SMTP nobody sees an invitation's link — not the admin, not the outbox. A developer's
 * install started with TEDUH_DEV_LOG_EMAIL_LINKS=1 prints it to the log, and that is where the
 * journey reads it, standing in for the invitee's mailbox.
 */
export async function devMailLink(to: string, template: 'invite' | 'reset' | 'email_changed'): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      () => {
        const lines = fs.existsSync(SERVER_LOG) ? fs.readFileSync(SERVER_LOG, 'utf8').split('\n') : [];
        const found = lines
          .filter((l) => l.includes('"devEmail"'))
          .map((l) => JSON.parse(l) as { devEmail: { to: string; template: string; link: string } })
          .filter((l) => l.devEmail.to === to && l.devEmail.template === template);
        link = found.at(-1)?.devEmail.link;
        return link;
      },
      { message: `a ${template} link for ${to} in the developer log` },
    )
    .toBeTruthy();
  return link as string;
}
