import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/server/modules/auth/totp.js';
import { createPerson, TEST_PASSWORD } from '../support/factories.js';
import { createTestAppWithAgency, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

describe.skipIf(postgresSkipReason())('two-factor sign-in', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;

  beforeAll(async () => {
    ({ t, agencyId, unitId } = await createTestAppWithAgency());
  });
  afterAll(async () => t.close());

  const code = (secret: string, offsetMs = 0) => currentTotp(secret, new Date(t.clock.now().getTime() + offsetMs));

  it('sends an admin without two-factor to enrolment, and lets nothing else through until it is done', async () => {
    const admin = await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId, roles: ['agency_admin'] });
    const agent = t.anonymous();
    expect(await agent.signIn(admin.email, TEST_PASSWORD)).toBe('two_factor_setup');
    const blocked = await agent.get('/api/v1/agency');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('two_factor_setup_required');

    const setup = await agent.post('/api/v1/auth/two-factor/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl, qrSvg } = setup.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Teduh:/);
    expect(qrSvg).toMatch(/^<svg/);

    const wrong = await agent.post('/api/v1/auth/two-factor/enable', {
      code: '000000' === code(secret) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(422);
    const enabled = await agent.post('/api/v1/auth/two-factor/enable', { code: code(secret) });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json().recoveryCodes).toHaveLength(10);
    await agent.refreshSession();
    expect((await agent.get('/api/v1/agency')).statusCode).toBe(200);

    const stored = await t.services.db.db
      .selectFrom('credentials')
      .selectAll()
      .where('person_id', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(stored.totp_secret_enc).not.toContain(secret);
    expect(t.services.keys.decrypt(stored.totp_secret_enc as string)).toBe(secret);
  });

  it('asks for the code at sign-in, refuses a wrong or replayed one, and rotates the session', async () => {
    const admin = await createPerson(t.services.db.db, t.services.keys, {
      agencyId,
      unitId,
      roles: ['agency_admin'],
      totp: true,
    });
    const secret = admin.totpSecret as string;
    const agent = t.anonymous();
    expect(await agent.signIn(admin.email, TEST_PASSWORD)).toBe('two_factor');
    const pending = await agent.get('/api/v1/agency');
    expect(pending.statusCode).toBe(401);
    expect(pending.json().error.code).toBe('two_factor_required');
    const tokenBefore = agent.cookies.get('teduh_session');

    expect((await agent.post('/api/v1/auth/two-factor/verify', { code: code(secret, 10 * 60_000) })).statusCode).toBe(
      401,
    );
    const ok = await agent.post('/api/v1/auth/two-factor/verify', { code: code(secret) });
    expect(ok.statusCode).toBe(200);
    expect(agent.cookies.get('teduh_session')).not.toBe(tokenBefore);
    await agent.refreshSession();
    expect((await agent.get('/api/v1/agency')).statusCode).toBe(200);

    // The same code, seconds later, in another browser: refused (RFC 6238 §5.2).
    const second = t.anonymous();
    await second.signIn(admin.email, TEST_PASSWORD);
    expect((await second.post('/api/v1/auth/two-factor/verify', { code: code(secret) })).statusCode).toBe(401);
    t.clock.advance(30_000);
    expect((await second.post('/api/v1/auth/two-factor/verify', { code: code(secret) })).statusCode).toBe(200);
  });

  it('accepts each recovery code once', async () => {
    const p = await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId, roles: ['counsellor'] });
    const agent = t.anonymous();
    await agent.signIn(p.email, TEST_PASSWORD);
    const { secret } = (await agent.post('/api/v1/auth/two-factor/setup')).json();
    const { recoveryCodes } = (await agent.post('/api/v1/auth/two-factor/enable', { code: code(secret) })).json();

    const a = t.anonymous();
    await a.signIn(p.email, TEST_PASSWORD);
    expect(
      (await a.post('/api/v1/auth/two-factor/verify', { recoveryCode: recoveryCodes[0].toUpperCase() })).statusCode,
    ).toBe(200);
    const b = t.anonymous();
    await b.signIn(p.email, TEST_PASSWORD);
    expect((await b.post('/api/v1/auth/two-factor/verify', { recoveryCode: recoveryCodes[0] })).statusCode).toBe(401);
    await a.refreshSession();
    expect((await a.get('/api/v1/auth/two-factor/recovery-codes')).json()).toEqual({ remaining: 9 });
  });

  it('slows down code guessing', async () => {
    const p = await createPerson(t.services.db.db, t.services.keys, {
      agencyId,
      unitId,
      roles: ['wellbeing_admin'],
      totp: true,
    });
    const agent = t.anonymous();
    await agent.signIn(p.email, TEST_PASSWORD);
    const bad = code(p.totpSecret as string) === '123456' ? '654321' : '123456';
    for (let i = 0; i < 6; i++) await agent.post('/api/v1/auth/two-factor/verify', { code: bad });
    expect(
      (await agent.post('/api/v1/auth/two-factor/verify', { code: code(p.totpSecret as string) })).statusCode,
    ).toBe(429);
  });

  it('cannot be turned off by a role that requires it; an employee may turn it on and off', async () => {
    const admin = await createPerson(t.services.db.db, t.services.keys, {
      agencyId,
      unitId,
      roles: ['agency_admin'],
      totp: true,
    });
    const a = t.anonymous();
    await a.signIn(admin.email, TEST_PASSWORD, admin.totpSecret, t.clock.now());
    const refused = await a.post('/api/v1/auth/two-factor/disable', { password: TEST_PASSWORD });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('two_factor_mandatory');

    const emp = await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId });
    const e = t.anonymous();
    await e.signIn(emp.email, TEST_PASSWORD);
    const { secret } = (await e.post('/api/v1/auth/two-factor/setup')).json();
    t.clock.advance(30_000);
    expect((await e.post('/api/v1/auth/two-factor/enable', { code: code(secret) })).statusCode).toBe(200);
    await e.refreshSession();
    expect((await e.post('/api/v1/auth/two-factor/disable', { password: 'bukan ini' })).statusCode).toBe(422);
    expect((await e.post('/api/v1/auth/two-factor/disable', { password: TEST_PASSWORD })).statusCode).toBe(200);
    const again = t.anonymous();
    expect(await again.signIn(emp.email, TEST_PASSWORD)).toBe('full');
  });
});
