import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, TEST_PASSWORD } from '../support/factories.js';
import { startMailbox, type Mailbox } from '../support/mailbox.js';
import { createTestApp, createTestAppWithAgency, loginAs, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

// Links are read as their recipient reads them: from the mail that reached the address.
let mailbox: Mailbox;
beforeAll(async () => {
  mailbox = await startMailbox();
});
afterAll(async () => mailbox.close());

describe.skipIf(postgresSkipReason())('invitations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ smtpUrl: mailbox.smtpUrl });
  });
  afterAll(async () => t.close());

  it('invites a person by email; they choose a password and are signed in', async () => {
    const admin = await loginAs(t, 'agency_admin');
    const invitee = await createPerson(t.services.db.db, t.services.keys, {
      agencyId: admin.agencyId,
      unitId: admin.unitId,
      password: null,
      fullName: 'Made Wirawan',
    });

    const sent = await admin.agent.post(`/api/v1/people/${invitee.id}/invitation`);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({ sentTo: invitee.email, expiresAt: expect.any(String), viaOutbox: false });
    const token = await mailbox.lastToken(t, invitee.email, 'invite');
    const stored = await t.services.db.db
      .selectFrom('email_outbox')
      .selectAll()
      .where('to_address', '=', invitee.email)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('sent');
    expect(stored.subject).toContain('Undangan ke Teduh');
    expect(stored.body_text).toContain('Made Wirawan');
    expect(stored.body_text).not.toContain(token);
    expect(stored.secret_body_enc).toBeNull();
    const hashed = await t.services.db.db
      .selectFrom('auth_tokens')
      .select('token_hash')
      .where('person_id', '=', invitee.id)
      .executeTakeFirstOrThrow();
    expect(hashed.token_hash).not.toBe(token);

    const browser = t.anonymous();
    const info = await browser.get(`/api/v1/auth/invitations/${token}`);
    expect(info.json()).toMatchObject({ fullName: 'Made Wirawan', twoFactorRequired: false });

    const weak = await browser.post(`/api/v1/auth/invitations/${token}/accept`, { password: 'Made Wirawan 1990' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.details[0]).toMatchObject({ path: 'password', code: 'password.contains_identity' });
    const common = await browser.post(`/api/v1/auth/invitations/${token}/accept`, { password: 'bismillah12345' });
    expect(common.json().error.details[0].code).toBe('password.common');

    const accepted = await browser.post(`/api/v1/auth/invitations/${token}/accept`, {
      password: 'sawah hijau di lereng merapi',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ stage: 'full' });
    expect((await browser.refreshSession()).json().person.id).toBe(invitee.id);

    const reused = await t
      .anonymous()
      .post(`/api/v1/auth/invitations/${token}/accept`, { password: 'sawah hijau di lereng merapi' });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().error.code).toBe('token_invalid');
    expect(await t.anonymous().signIn(invitee.email, 'sawah hijau di lereng merapi')).toBe('full');
  });

  it('voids an earlier invitation when a new one is sent, and expires after a week', async () => {
    const admin = await loginAs(t, 'agency_admin');
    const invitee = await createPerson(t.services.db.db, t.services.keys, {
      agencyId: admin.agencyId,
      unitId: admin.unitId,
      password: null,
    });
    await admin.agent.post(`/api/v1/people/${invitee.id}/invitation`);
    const first = await mailbox.lastToken(t, invitee.email, 'invite');
    t.clock.advance(1000);
    await admin.agent.post(`/api/v1/people/${invitee.id}/invitation`);
    const second = await mailbox.lastToken(t, invitee.email, 'invite');
    expect(second).not.toBe(first);
    expect((await t.anonymous().get(`/api/v1/auth/invitations/${first}`)).statusCode).toBe(410);
    t.clock.advance(7 * 24 * 3_600_000 + 1000);
    expect((await t.anonymous().get(`/api/v1/auth/invitations/${second}`)).statusCode).toBe(410);
  });

  it('sends invitations for an admin role straight to two-factor enrolment', async () => {
    const admin = await loginAs(t, 'agency_admin');
    const invitee = await createPerson(t.services.db.db, t.services.keys, {
      agencyId: admin.agencyId,
      unitId: admin.unitId,
      password: null,
      roles: ['counsellor'],
    });
    await admin.agent.post(`/api/v1/people/${invitee.id}/invitation`);
    const token = await mailbox.lastToken(t, invitee.email, 'invite');
    const b = t.anonymous();
    expect((await b.get(`/api/v1/auth/invitations/${token}`)).json().twoFactorRequired).toBe(true);
    expect(
      (await b.post(`/api/v1/auth/invitations/${token}/accept`, { password: 'sawah hijau di lereng merapi' })).json(),
    ).toEqual({ stage: 'two_factor_setup' });
  });

  it('lets only the agency admin of the person’s own agency invite', async () => {
    const admin = await loginAs(t, 'agency_admin');
    const invitee = await createPerson(t.services.db.db, t.services.keys, {
      agencyId: admin.agencyId,
      unitId: admin.unitId,
      password: null,
    });
    const otherAdmin = await loginAs(t, 'agency_admin');
    expect((await otherAdmin.agent.post(`/api/v1/people/${invitee.id}/invitation`)).statusCode).toBe(404);
    const employee = await loginAs(t, 'employee', { agencyId: admin.agencyId, unitId: admin.unitId });
    expect((await employee.agent.post(`/api/v1/people/${invitee.id}/invitation`)).statusCode).toBe(403);
    expect((await t.anonymous().post(`/api/v1/people/${invitee.id}/invitation`)).statusCode).toBe(401);
    const noEmail = await createPerson(t.services.db.db, t.services.keys, {
      agencyId: admin.agencyId,
      unitId: admin.unitId,
      password: null,
    });
    await t.services.db.db
      .updateTable('people')
      .set({ email: null, email_normalized: null })
      .where('id', '=', noEmail.id)
      .execute();
    expect((await admin.agent.post(`/api/v1/people/${noEmail.id}/invitation`)).json().error.code).toBe('no_email');
    const outbox = await t.services.db.db
      .selectFrom('email_outbox')
      .select('id')
      .where('agency_id', '=', admin.agencyId)
      .execute();
    expect(outbox).toHaveLength(0);
  });
});

describe.skipIf(postgresSkipReason())('password reset and change', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;
  beforeAll(async () => {
    ({ t, agencyId, unitId } = await createTestAppWithAgency({ smtpUrl: mailbox.smtpUrl }));
  });
  afterAll(async () => t.close());

  it('answers the same for known and unknown accounts, and emails only real ones', async () => {
    const p = await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId });
    const known = await t.anonymous().post('/api/v1/auth/password-reset', { identifier: p.nip });
    const unknown = await t.anonymous().post('/api/v1/auth/password-reset', { identifier: 'siapa@uji.go.id' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    await mailbox.deliver(t);
    const emails = await t.services.db.db
      .selectFrom('email_outbox')
      .select('to_address')
      .where('template', '=', 'reset')
      .execute();
    expect(emails.map((e) => e.to_address)).toEqual([p.email]);
  });

  it('resets with the emailed link: old sessions end, the new password works, the link dies', async () => {
    const p = await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId });
    const oldBrowser = t.anonymous();
    await oldBrowser.signIn(p.email, TEST_PASSWORD);
    await t.anonymous().post('/api/v1/auth/password-reset', { identifier: p.email });
    const token = await mailbox.lastToken(t, p.email, 'reset-password');
    expect((await t.anonymous().get(`/api/v1/auth/password-reset/${token}`)).statusCode).toBe(200);
    expect((await t.anonymous().post(`/api/v1/auth/password-reset/${token}`, { password: 'pendek' })).statusCode).toBe(
      422,
    );
    expect(
      (await t.anonymous().post(`/api/v1/auth/password-reset/${token}`, { password: 'angin laut selatan sore' }))
        .statusCode,
    ).toBe(200);
    expect((await oldBrowser.get('/api/v1/auth/session')).json()).toEqual({ stage: 'signed_out' });
    expect(await t.anonymous().signIn(p.email, 'angin laut selatan sore')).toBe('full');
    expect(
      (await t.anonymous().post(`/api/v1/auth/password-reset/${token}`, { password: 'angin laut utara pagi' }))
        .statusCode,
    ).toBe(410);
    const notice = await t.services.db.db
      .selectFrom('email_outbox')
      .select('subject')
      .where('to_address', '=', p.email)
      .where('template', '=', 'password_changed')
      .execute();
    expect(notice).toHaveLength(1);
  });

  it('expires reset links after an hour', async () => {
    const p = await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId });
    t.clock.advance(2 * 3_600_000); // clear earlier reset throttling
    await t.anonymous().post('/api/v1/auth/password-reset', { identifier: p.email });
    const token = await mailbox.lastToken(t, p.email, 'reset-password');
    t.clock.advance(61 * 60_000);
    expect(
      (await t.anonymous().post(`/api/v1/auth/password-reset/${token}`, { password: 'angin laut selatan sore' }))
        .statusCode,
    ).toBe(410);
  });

  it('changes the password from the profile and signs out other browsers, not this one', async () => {
    const p = await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId });
    const here = t.anonymous();
    const there = t.anonymous();
    await here.signIn(p.email, TEST_PASSWORD);
    await there.signIn(p.email, TEST_PASSWORD);
    const wrong = await here.post('/api/v1/profile/password', {
      currentPassword: 'bukan ini',
      newPassword: 'hujan di bulan juni lagi',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.details[0]).toMatchObject({
      path: 'currentPassword',
      message: 'Kata sandi saat ini salah.',
    });
    const ok = await here.post('/api/v1/profile/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'hujan di bulan juni lagi',
    });
    expect(ok.statusCode).toBe(200);
    expect((await here.get('/api/v1/auth/session')).json()).toHaveProperty('csrfToken');
    expect((await there.get('/api/v1/auth/session')).json()).toEqual({ stage: 'signed_out' });
  });
});
