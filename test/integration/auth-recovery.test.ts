import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { ConfigError, loadConfig } from '../../src/server/config.js';
import { currentTotp } from '../../src/server/modules/auth/totp.js';
import { createAgency, createPerson, TEST_PASSWORD, type TestPerson } from '../support/factories.js';
import { startMailbox, type Mailbox } from '../support/mailbox.js';
import { multipartForm } from '../support/multipart.js';
import { createTestApp, loginAs, type Agent, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/**
 * Account recovery (decision 011), written as the attacker: an agency admin who wants into one
 * employee's account (and so their results and safety plan). Every path they had must fail, and
 * the employee must hear about every attempt that touches their account.
 */

const NEW_PASSWORD = 'angin laut selatan sore';
const TOKEN_IN = /\/(?:invite|reset-password|confirm-email-change)\/([A-Za-z0-9_-]{20,})/g;

/** Every secret token in a text. */
function tokensIn(text: string): string[] {
  return [...text.matchAll(TOKEN_IN)].map((m) => m[1] as string);
}

async function outboxText(admin: Agent): Promise<string> {
  const res = await admin.get('/api/v1/agency/outbox?pageSize=100');
  expect(res.statusCode).toBe(200);
  return JSON.stringify(res.json());
}

async function rawTables(t: TestApp): Promise<string> {
  const db = t.services.db.db;
  const [emails, jobs] = await Promise.all([
    db.selectFrom('email_outbox').selectAll().execute(),
    db.selectFrom('jobs').selectAll().execute(),
  ]);
  return JSON.stringify({ emails, jobs });
}

describe.skipIf(postgresSkipReason())('account recovery: the admin as attacker, with SMTP', () => {
  let mailbox: Mailbox;
  let t: TestApp;
  let admin: SignedIn & { agencyId: string; unitId: string };
  const person = (options: Partial<Parameters<typeof createPerson>[2]> = {}) =>
    createPerson(t.services.db.db, t.services.keys, { agencyId: admin.agencyId, unitId: admin.unitId, ...options });

  beforeAll(async () => {
    mailbox = await startMailbox();
    t = await createTestApp({ smtpUrl: mailbox.smtpUrl });
    admin = await loginAs(t, 'agency_admin');
  });
  // Tests move the clock by hours: the admin signs in afresh (same agency) so their session is live.
  beforeEach(async () => {
    admin = await loginAs(t, 'agency_admin', { agencyId: admin.agencyId, unitId: admin.unitId });
  });
  afterAll(async () => {
    await t.close();
    await mailbox.close();
  });

  it('path 1: re-sending an invitation to someone with a password is refused and mails nothing', async () => {
    const victim = await person();
    const before = mailbox.received.length;
    const res = await admin.agent.post(`/api/v1/people/${victim.id}/invitation`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('already_signed_up');
    expect(JSON.stringify(res.json())).not.toMatch(/\/invite\//);
    await mailbox.deliver(t);
    expect(mailbox.received.length).toBe(before);
    const tokens = await t.services.db.db
      .selectFrom('auth_tokens')
      .select('id')
      .where('person_id', '=', victim.id)
      .execute();
    expect(tokens).toHaveLength(0);
  });

  it('path 1b: an invitation sent before the first password dies with it', async () => {
    const invitee = await person({ password: null });
    await admin.agent.post(`/api/v1/people/${invitee.id}/invitation`);
    const invitation = await mailbox.lastToken(t, invitee.email, 'invite');
    // The invitee sets a password another way (a reset to their own address).
    await t.anonymous().post('/api/v1/auth/password-reset', { identifier: invitee.email });
    const reset = await mailbox.lastToken(t, invitee.email, 'reset-password');
    expect(
      (await t.anonymous().post(`/api/v1/auth/password-reset/${reset}`, { password: NEW_PASSWORD })).statusCode,
    ).toBe(200);
    const late = await t
      .anonymous()
      .post(`/api/v1/auth/invitations/${invitation}/accept`, { password: 'sawah hijau di lereng merapi' });
    expect(late.statusCode).toBe(410);
    expect(await t.anonymous().signIn(invitee.email, NEW_PASSWORD)).toBe('full');
  });

  it('path 2: no live link in the outbox, the API answers or the stored rows, pending or sent', async () => {
    const invitee = await person({ password: null });
    const victim = await person();
    const sent = await admin.agent.post(`/api/v1/people/${invitee.id}/invitation`);
    expect(sent.json()).toEqual({ sentTo: invitee.email, expiresAt: expect.any(String), viaOutbox: false });
    await t.anonymous().post('/api/v1/auth/password-reset', { identifier: victim.nip });
    await mailbox.deliver(t);
    // Pending: the reset's email job has run, the invitation's too; make one more pending on purpose.
    const pendingInvitee = await person({ password: null });
    await admin.agent.post(`/api/v1/people/${pendingInvitee.id}/invitation`);

    const pending = await t.services.db.db
      .selectFrom('email_outbox')
      .selectAll()
      .where('to_address', '=', pendingInvitee.email)
      .executeTakeFirstOrThrow();
    expect(pending.status).toBe('pending');
    expect(pending.secret_body_enc).toBeTruthy();
    expect(tokensIn(pending.body_text)).toEqual([]);
    expect(pending.body_text).toContain('[tautan rahasia: hanya dikirim kepada penerima]');
    const pendingView = await outboxText(admin.agent);
    expect(tokensIn(pendingView)).toEqual([]);
    expect(pendingView).not.toMatch(/https?:\/\//);

    const tokens = [
      await mailbox.lastToken(t, invitee.email, 'invite'),
      await mailbox.lastToken(t, victim.email, 'reset-password'),
      await mailbox.lastToken(t, pendingInvitee.email, 'invite'),
    ];
    const sentView = await outboxText(admin.agent);
    const raw = await rawTables(t);
    for (const token of tokens) {
      expect(sentView).not.toContain(token);
      expect(raw).not.toContain(token);
    }
    // The reset job's payload holds the typed identifier sealed, not in the clear.
    expect(raw).not.toContain(victim.nip as string);
    const resetJobs = await t.services.db.db
      .selectFrom('jobs')
      .select(['payload', 'completed_at'])
      .where('kind', '=', 'auth.password_reset_request')
      .execute();
    expect(resetJobs.length).toBeGreaterThan(0);
    for (const job of resetJobs) expect(job).toEqual({ payload: 'null', completed_at: expect.any(String) });
    const rows = await t.services.db.db
      .selectFrom('email_outbox')
      .select(['status', 'secret_body_enc'])
      .where('template', 'in', ['invite', 'reset'])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row.status).toBe('sent');
      expect(row.secret_body_enc).toBeNull();
    }
    // The recipient did get a working link.
    expect((await t.anonymous().get(`/api/v1/auth/invitations/${tokens[0]}`)).statusCode).toBe(200);
  });

  it('path 3: changing the email, then asking for a reset, gives the admin no link for 24 hours', async () => {
    const victim = await person();
    // A reset the victim asked for earlier is still pending in their own mailbox.
    await t.anonymous().post('/api/v1/auth/password-reset', { identifier: victim.email });
    const earlierReset = await mailbox.lastToken(t, victim.email, 'reset-password');

    const adminAddress = `kendali.admin.${victim.id.slice(0, 6)}@uji.go.id`;
    const changed = await admin.agent.patch(`/api/v1/people/${victim.id}`, { email: adminAddress });
    expect(changed.statusCode).toBe(200);
    t.clock.advance(2 * 3_600_000); // past the reset throttle window
    for (const identifier of [adminAddress, victim.nip as string]) {
      expect((await t.anonymous().post('/api/v1/auth/password-reset', { identifier })).statusCode).toBe(202);
    }
    await mailbox.deliver(t);
    const toAdmin = mailbox.mailsTo(adminAddress);
    expect(toAdmin.length).toBeGreaterThan(0);
    expect(toAdmin.flatMap((m) => tokensIn(m.text))).toEqual([]);
    expect(toAdmin[0]?.text).toContain('ditahan sampai');
    // The link the victim had before the change is void.
    expect(
      (await t.anonymous().post(`/api/v1/auth/password-reset/${earlierReset}`, { password: NEW_PASSWORD })).statusCode,
    ).toBe(410);

    // The old address was told, with a way to confirm; the person was told in-app.
    const notice = mailbox.mailsTo(victim.email).find((m) => m.text.includes('mengubah alamat email'));
    expect(notice?.text).toContain('k***@uji.go.id');
    expect(tokensIn(notice?.text ?? '')).toHaveLength(1);
    const victimBrowser = t.anonymous();
    await victimBrowser.signIn(victim.nip as string, TEST_PASSWORD);
    const bell = (await victimBrowser.get('/api/v1/me/notifications')).json();
    expect(bell.items.map((n: { kind: string }) => n.kind)).toContain('auth.email_changed');

    // 24 hours later resets work again (the person had a day to react): that is the documented bound.
    t.clock.advance(22 * 3_600_000 + 60_000);
    await t.anonymous().post('/api/v1/auth/password-reset', { identifier: adminAddress });
    expect(await mailbox.lastToken(t, adminAddress, 'reset-password')).toMatch(/^[\w-]{43}$/);
  });

  it('path 3b: an import that changes the email is held exactly like the form', async () => {
    const victim = await person();
    const unit = await t.services.db.db
      .selectFrom('org_units')
      .select('code')
      .where('id', '=', admin.unitId)
      .executeTakeFirstOrThrow();
    const adminAddress = `impor.admin.${victim.id.slice(0, 6)}@uji.go.id`;
    const csv = `nip;nama_lengkap;jenis_kepegawaian;email;telepon;jabatan;kode_unit;nip_atasan\r\n${victim.nip};${victim.fullName};PNS;${adminAddress};;;${unit.code};\r\n`;
    const form = multipartForm({ kind: 'people' }, { name: 'pegawai.csv', content: csv });
    const uploaded = await admin.agent.post('/api/v1/imports', form.payload, form.headers);
    expect(uploaded.statusCode).toBe(202);
    await t.services.imports.whenIdle();
    const committed = await admin.agent.post(`/api/v1/imports/${uploaded.json().id}/commit`, {
      mode: 'all_or_nothing',
    });
    expect(committed.json().result).toMatchObject({ updated: 1 });
    t.clock.advance(2 * 3_600_000);
    await t.anonymous().post('/api/v1/auth/password-reset', { identifier: adminAddress });
    await mailbox.deliver(t);
    expect(mailbox.mailsTo(adminAddress).flatMap((m) => tokensIn(m.text))).toEqual([]);
    expect(mailbox.mailsTo(victim.email).some((m) => m.text.includes('mengubah alamat email'))).toBe(true);
  });

  it('the person confirms the change from the old address, and resets work at once', async () => {
    const p = await person();
    const newAddress = `baru.${p.id.slice(0, 6)}@uji.go.id`;
    await admin.agent.patch(`/api/v1/people/${p.id}`, { email: newAddress });
    const confirm = await mailbox.lastToken(t, p.email, 'confirm-email-change');
    expect((await t.anonymous().post(`/api/v1/auth/email-change/${confirm}/confirm`)).statusCode).toBe(200);
    expect((await t.anonymous().post(`/api/v1/auth/email-change/${confirm}/confirm`)).statusCode).toBe(410);
    await t.anonymous().post('/api/v1/auth/password-reset', { identifier: newAddress });
    const reset = await mailbox.lastToken(t, newAddress, 'reset-password');
    expect(
      (await t.anonymous().post(`/api/v1/auth/password-reset/${reset}`, { password: NEW_PASSWORD })).statusCode,
    ).toBe(200);
    const actions = await t.services.db.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', p.id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['auth.recovery_hold_started', 'auth.recovery_confirmed', 'auth.password_reset']),
    );
  });

  it('completing a reset ends every session of the person and tells them by email and in-app', async () => {
    const victim = await person();
    const browsers = [t.anonymous(), t.anonymous()];
    for (const b of browsers) await b.signIn(victim.email, TEST_PASSWORD);
    await t.anonymous().post('/api/v1/auth/password-reset', { identifier: victim.email });
    const token = await mailbox.lastToken(t, victim.email, 'reset-password');
    expect(
      (await t.anonymous().post(`/api/v1/auth/password-reset/${token}`, { password: NEW_PASSWORD })).statusCode,
    ).toBe(200);
    for (const b of browsers) expect((await b.get('/api/v1/auth/session')).json()).toEqual({ stage: 'signed_out' });
    await mailbox.deliver(t);
    expect(mailbox.mailsTo(victim.email).some((m) => m.text.includes('Kata sandi Teduh Anda baru saja diubah'))).toBe(
      true,
    );
    const fresh = t.anonymous();
    await fresh.signIn(victim.email, NEW_PASSWORD);
    const bell = (await fresh.get('/api/v1/me/notifications')).json();
    expect(bell.items.map((n: { kind: string }) => n.kind)).toContain('auth.password_changed');
  });

  it('accepting an invitation ends any other session of the person and tells them', async () => {
    const invitee = await person({ password: null });
    // A session that exists however it came to be (say, opened before an admin cleared a password).
    const other = await t.services.sessions.start({ id: invitee.id, agency_id: invitee.agencyId }, 'full', {
      ip: null,
      userAgent: null,
    });
    await admin.agent.post(`/api/v1/people/${invitee.id}/invitation`);
    const token = await mailbox.lastToken(t, invitee.email, 'invite');
    const browser = t.anonymous();
    expect(
      (await browser.post(`/api/v1/auth/invitations/${token}/accept`, { password: 'sawah hijau di lereng merapi' }))
        .statusCode,
    ).toBe(200);
    expect(await t.services.sessions.resolve(other.token)).toBeNull();
    expect((await browser.refreshSession()).statusCode).toBe(200);
    await mailbox.deliver(t);
    expect(mailbox.mailsTo(invitee.email).some((m) => m.text.includes('Akun Teduh Anda baru saja diaktifkan'))).toBe(
      true,
    );
    const bell = (await browser.get('/api/v1/me/notifications')).json();
    expect(bell.items.map((n: { kind: string }) => n.kind)).toContain('auth.invitation_accepted');
  });

  it('a person with two-factor still passes it after a reset', async () => {
    const p = await person({ totp: true });
    await t.anonymous().post('/api/v1/auth/password-reset', { identifier: p.email });
    const token = await mailbox.lastToken(t, p.email, 'reset-password');
    expect(
      (await t.anonymous().post(`/api/v1/auth/password-reset/${token}`, { password: NEW_PASSWORD })).statusCode,
    ).toBe(200);
    const b = t.anonymous();
    const signIn = await b.post('/api/v1/auth/sign-in', { identifier: p.email, password: NEW_PASSWORD });
    expect(signIn.json()).toEqual({ stage: 'two_factor' });
    await b.refreshSession();
    expect((await b.get('/api/v1/me/notifications')).statusCode).toBe(401);
    expect((await b.post('/api/v1/auth/two-factor/verify', { code: '000000' })).statusCode).toBe(401);
    const ok = await b.post('/api/v1/auth/two-factor/verify', {
      code: currentTotp(p.totpSecret as string, t.clock.now()),
    });
    expect(ok.statusCode).toBe(200);
  });
});

describe.skipIf(postgresSkipReason())(
  'account recovery without SMTP: held, redacted, and logged only on the developer flag',
  () => {
    let t: TestApp;
    let admin: SignedIn & { agencyId: string; unitId: string };

    beforeAll(async () => {
      t = await createTestApp();
      admin = await loginAs(t, 'agency_admin');
    });
    afterAll(async () => t.close());

    /** An app on the same database whose log lines are kept, in development mode. */
    async function loggedApp(devLogEmailLinks: boolean) {
      const lines: string[] = [];
      const stream = new Writable({
        write(chunk, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      });
      const built = await buildApp({
        config: { ...t.services.config, env: 'development', logLevel: 'info', devLogEmailLinks },
        db: t.database.handle,
        clock: t.clock,
        logger: { stream },
      });
      await built.app.ready();
      return { built, lines };
    }

    it('holds the invitation with a redacted body; neither the admin nor the log sees its link', async () => {
      const { built, lines } = await loggedApp(false);
      try {
        const invitee = await createPerson(t.services.db.db, t.services.keys, {
          agencyId: admin.agencyId,
          unitId: admin.unitId,
          password: null,
        });
        const res = await built.app.inject({
          method: 'POST',
          url: `/api/v1/people/${invitee.id}/invitation`,
          headers: {
            cookie: [...admin.agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            'x-csrf-token': admin.agent.csrfToken as string,
          },
          remoteAddress: admin.agent.ip,
        });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({ sentTo: invitee.email, expiresAt: expect.any(String), viaOutbox: true });
        const held = await t.services.db.db
          .selectFrom('email_outbox')
          .selectAll()
          .where('to_address', '=', invitee.email)
          .executeTakeFirstOrThrow();
        expect(held.status).toBe('held');
        expect(held.secret_body_enc).toBeNull();
        expect(tokensIn(held.body_text)).toEqual([]);
        expect(tokensIn(await outboxText(admin.agent))).toEqual([]);
        expect(lines.join('')).toContain('email held (no SMTP configured)');
        expect(tokensIn(lines.join(''))).toEqual([]);
      } finally {
        await built.app.close();
      }
    });

    it('prints the link only with TEDUH_DEV_LOG_EMAIL_LINKS, and never logs a token opened in the browser', async () => {
      const { built, lines } = await loggedApp(true);
      try {
        const invitee = await createPerson(t.services.db.db, t.services.keys, {
          agencyId: admin.agencyId,
          unitId: admin.unitId,
          password: null,
        });
        const res = await built.app.inject({
          method: 'POST',
          url: `/api/v1/people/${invitee.id}/invitation`,
          headers: {
            cookie: [...admin.agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            'x-csrf-token': admin.agent.csrfToken as string,
          },
          remoteAddress: admin.agent.ip,
        });
        expect(res.statusCode).toBe(200);
        const logged = tokensIn(lines.join(''));
        expect(logged).toHaveLength(1);
        // A browser opening the link: the request log keeps the path without the token.
        const token = logged[0] as string;
        await built.app.inject({ method: 'GET', url: `/invite/${token}` });
        await built.app.inject({ method: 'GET', url: `/api/v1/auth/invitations/${token}` });
        const requestLines = lines.filter((l) => l.includes('"req"'));
        expect(requestLines.join('')).not.toContain(token);
        expect(requestLines.join('')).toContain('/invite/:token');
      } finally {
        await built.app.close();
      }
    });

    it('refuses the developer flag in production', () => {
      const env = { NODE_ENV: 'production', TEDUH_SECRET: 'x'.repeat(40), TEDUH_DEV_LOG_EMAIL_LINKS: '1' };
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(loadConfig({ ...env, TEDUH_DEV_LOG_EMAIL_LINKS: '0' }).devLogEmailLinks).toBe(false);
      expect(
        loadConfig({ NODE_ENV: 'test', TEDUH_DEV_LOG_EMAIL_LINKS: '1', DATA_DIR: t.services.config.dataDir })
          .devLogEmailLinks,
      ).toBe(false);
    });
  },
);

describe.skipIf(postgresSkipReason())('lock-out-proof sign-in (device cookies)', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;
  const OFFICE = '192.0.2.200';

  beforeAll(async () => {
    t = await createTestApp();
    ({ agencyId, unitId } = await loginAs(t, 'employee'));
  });
  afterAll(async () => t.close());

  const browserAt = (ip: string): Agent => {
    const a = t.anonymous();
    a.ip = ip;
    return a;
  };

  it('200 wrong passwords from one address leave the victim and a colleague there, on known browsers, signing in at once', async () => {
    const victim: TestPerson = await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId });
    const colleague: TestPerson = await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId });
    const victimBrowser = browserAt(OFFICE);
    const colleagueBrowser = browserAt(OFFICE);
    await victimBrowser.signIn(victim.email, TEST_PASSWORD);
    await colleagueBrowser.signIn(colleague.email, TEST_PASSWORD);
    await victimBrowser.post('/api/v1/auth/sign-out');
    await colleagueBrowser.post('/api/v1/auth/sign-out');
    victimBrowser.csrfToken = null;
    colleagueBrowser.csrfToken = null;

    const statuses = new Map<number, number>();
    for (let i = 0; i < 200; i++) {
      const target = i % 3 === 0 ? colleague.email : i % 3 === 1 ? victim.email : `orang${i}@uji.go.id`;
      const res = await browserAt(OFFICE).post('/api/v1/auth/sign-in', {
        identifier: target,
        password: `tebakan ke ${i} dari kantor`,
      });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    }
    expect(statuses.get(429)).toBeGreaterThan(100);

    // Unknown browsers at that address wait…
    const stranger = await browserAt(OFFICE).post('/api/v1/auth/sign-in', {
      identifier: victim.email,
      password: TEST_PASSWORD,
    });
    expect(stranger.statusCode).toBe(429);
    const newColleague = await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId });
    expect(
      (
        await browserAt(OFFICE).post('/api/v1/auth/sign-in', {
          identifier: newColleague.email,
          password: TEST_PASSWORD,
        })
      ).statusCode,
    ).toBe(429);
    // …the known ones do not, at once (no clock advance).
    const own = await victimBrowser.post('/api/v1/auth/sign-in', { identifier: victim.email, password: TEST_PASSWORD });
    expect(own.statusCode).toBe(200);
    const theirs = await colleagueBrowser.post('/api/v1/auth/sign-in', {
      identifier: colleague.email,
      password: TEST_PASSWORD,
    });
    expect(theirs.statusCode).toBe(200);
  });

  it('a device cookie is bound to its account and signed: it neither transfers nor can be forged', async () => {
    const a = await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId });
    const b = await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId });
    const browser = browserAt('192.0.2.201');
    await browser.signIn(a.email, TEST_PASSWORD);
    const cookie = browser.cookies.get('teduh_device') as string;
    expect(cookie.split('.')[0]).toBe(a.id);
    // b's account is attacked from elsewhere until unknown browsers wait.
    for (let i = 0; i < 12; i++)
      await browserAt(`203.0.113.${150 + i}`).post('/api/v1/auth/sign-in', {
        identifier: b.email,
        password: `salah ${i} kali ya`,
      });
    const borrowed = browserAt('192.0.2.202');
    borrowed.cookies.set('teduh_device', cookie);
    expect(
      (await borrowed.post('/api/v1/auth/sign-in', { identifier: b.email, password: TEST_PASSWORD })).statusCode,
    ).toBe(429);
    const forged = browserAt('192.0.2.203');
    const [, device, issued] = cookie.split('.');
    forged.cookies.set('teduh_device', `${b.id}.${device}.${issued}.${'A'.repeat(43)}`);
    expect(
      (await forged.post('/api/v1/auth/sign-in', { identifier: b.email, password: TEST_PASSWORD })).statusCode,
    ).toBe(429);
  });

  it('someone holding a stolen device cookie still gets only a few tries', async () => {
    const p = await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId });
    const browser = browserAt('192.0.2.210');
    await browser.signIn(p.email, TEST_PASSWORD);
    const thief = browserAt('198.51.100.210');
    thief.cookies.set('teduh_device', browser.cookies.get('teduh_device') as string);
    for (let i = 0; i < 6; i++)
      await thief.post('/api/v1/auth/sign-in', { identifier: p.email, password: `tebakan pencuri ${i}` });
    expect(
      (await thief.post('/api/v1/auth/sign-in', { identifier: p.email, password: 'tebakan pencuri lagi' })).statusCode,
    ).toBe(429);
  });
});

describe.skipIf(postgresSkipReason())('reset requests: same answer, same time', () => {
  let t: TestApp;
  let known: TestPerson;

  beforeAll(async () => {
    t = await createTestApp();
    const { agencyId, unitId } = await loginAs(t, 'employee');
    known = await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId });
  });
  afterAll(async () => t.close());

  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)] as number;
  };

  it('answers a known account no slower than an unknown one (medians of 40 interleaved requests)', async () => {
    const times = { known: [] as number[], unknown: [] as number[] };
    const once = async (kind: 'known' | 'unknown', i: number) => {
      // Counters from earlier requests would short-cut later ones: each request starts from none.
      await t.services.db.db.deleteFrom('sign_in_throttle').execute();
      const agent = t.anonymous();
      agent.ip = `198.18.${i % 250}.${kind === 'known' ? 1 : 2}`;
      const identifier = kind === 'known' ? known.email : `tidak.ada.${i}@uji.go.id`;
      const started = performance.now();
      const res = await agent.post('/api/v1/auth/password-reset', { identifier });
      const took = performance.now() - started;
      expect(res.statusCode).toBe(202);
      expect(res.body).toBe('{"ok":true}');
      return took;
    };
    for (let i = 0; i < 5; i++) await once(i % 2 ? 'known' : 'unknown', i); // warm-up
    for (let i = 0; i < 40; i++) {
      const first = i % 2 === 0 ? 'known' : 'unknown';
      const second = first === 'known' ? 'unknown' : 'known';
      times[first].push(await once(first, i));
      times[second].push(await once(second, i));
    }
    const k = median(times.known);
    const u = median(times.unknown);
    // Generous for a shared machine, yet well below the extra work a known account used to cost
    // in the request (token, email row and audit entry in one more transaction).
    expect(k).toBeLessThan(u * 1.3 + 1);
    // The work did happen, off the request path: one link for the known account, none for the others.
    await t.services.jobs.drain();
    const emails = await t.services.db.db
      .selectFrom('email_outbox')
      .select('to_address')
      .where('template', '=', 'reset')
      .execute();
    expect(new Set(emails.map((e) => e.to_address))).toEqual(new Set([known.email]));
  });
});

describe.skipIf(postgresSkipReason())('cookie names over https', () => {
  let t: TestApp;
  let p: TestPerson;

  beforeAll(async () => {
    t = await createTestApp({ publicUrl: 'https://teduh.test' });
    const { agencyId, rootUnitId } = await createAgency(t.services.db.db);
    p = await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId: rootUnitId });
  });
  afterAll(async () => t.close());

  it('uses __Host- names, Secure, Path=/ and no Domain; a plain-named cookie is not read', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { identifier: p.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const setCookies = ([] as string[]).concat(res.headers['set-cookie'] as string | string[]);
    const session = setCookies.find((c) => c.startsWith('__Host-teduh_session='));
    const device = setCookies.find((c) => c.startsWith('__Host-teduh_device='));
    for (const c of [session, device]) {
      expect(c).toBeDefined();
      expect(c).toMatch(/; Secure/);
      expect(c).toMatch(/; Path=\/(;|$)/);
      expect(c).not.toMatch(/Domain=/i);
      expect(c).toMatch(/HttpOnly/);
    }
    expect(setCookies.some((c) => c.startsWith('teduh_session='))).toBe(false);
    const token = /^__Host-teduh_session=([^;]+)/.exec(session as string)?.[1] as string;
    const withPrefix = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: `__Host-teduh_session=${token}` },
    });
    expect(withPrefix.json()).toHaveProperty('csrfToken');
    // A cookie tossed in under the plain name (from a sibling subdomain or plain http) is ignored.
    const plain = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: `teduh_session=${token}` },
    });
    expect(plain.json()).toEqual({ stage: 'signed_out' });
  });

  it('keeps plain names over http', async () => {
    const plain = await createTestApp();
    try {
      const { agencyId, unitId } = await loginAs(plain, 'employee');
      const q = await createPerson(plain.services.db.db, plain.services.keys, { agencyId, unitId });
      const res = await plain.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { identifier: q.email, password: TEST_PASSWORD },
      });
      const names = ([] as string[]).concat(res.headers['set-cookie'] as string | string[]).map((c) => c.split('=')[0]);
      expect(names).toEqual(expect.arrayContaining(['teduh_session', 'teduh_device']));
      expect(names.some((n) => n?.startsWith('__Host-'))).toBe(false);
      // A device cookie of the old, narrower path is cleared so it cannot shadow the new one.
      const legacy = ([] as string[])
        .concat(res.headers['set-cookie'] as string | string[])
        .find((c) => c.includes('Path=/api/v1/auth'));
      expect(legacy).toMatch(/^teduh_device=;.*Expires=Thu, 01 Jan 1970/);
    } finally {
      await plain.close();
    }
  });
});
