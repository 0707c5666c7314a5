import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, TEST_PASSWORD, type TestPerson } from '../support/factories.js';
import { createTestAppWithAgency, type Agent, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

describe.skipIf(postgresSkipReason())('sign-in', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;

  beforeAll(async () => {
    ({ t, agencyId, unitId } = await createTestAppWithAgency());
  });
  afterAll(async () => t.close());

  const person = (options: Partial<Parameters<typeof createPerson>[2]> = {}) =>
    createPerson(t.services.db.db, t.services.keys, { agencyId, unitId, ...options });

  const fromIp = (ip: string): Agent => {
    const agent = t.anonymous();
    agent.ip = ip;
    return agent;
  };

  it('signs in with an email or a NIP typed with spaces, and sets a safe session cookie', async () => {
    const p = await person();
    const byEmail = t.anonymous();
    const res = await byEmail.post('/api/v1/auth/sign-in', {
      identifier: p.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ stage: 'full' });
    const cookie = String(res.headers['set-cookie'])
      .split(/,(?=\s*teduh_)/)
      .find((c) => c.startsWith('teduh_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);

    const nip = p.nip as string;
    const spaced = `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
    const byNip = t.anonymous();
    expect((await byNip.post('/api/v1/auth/sign-in', { identifier: spaced, password: TEST_PASSWORD })).statusCode).toBe(
      200,
    );
    const session = await byNip.refreshSession();
    expect(session.json()).toMatchObject({
      stage: 'full',
      person: { id: p.id, fullName: p.fullName },
      roles: ['employee'],
    });
  });

  it('stores only a hash of the session token', async () => {
    const p = await person();
    const agent = t.anonymous();
    await agent.signIn(p.email, TEST_PASSWORD);
    const token = agent.cookies.get('teduh_session') as string;
    const rows = await t.services.db.db.selectFrom('sessions').select('id').where('person_id', '=', p.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).not.toBe(token);
    expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers an unknown account exactly as a wrong password, after the same work', async () => {
    const p = await person();
    const agent = fromIp('198.51.100.1');
    const wrong = await agent.post('/api/v1/auth/sign-in', { identifier: p.email, password: 'bukan kata sandinya' });
    const unknown = await agent.post('/api/v1/auth/sign-in', {
      identifier: 'tidak.ada@uji.go.id',
      password: 'bukan kata sandinya',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (r: typeof wrong) => ({ ...r.json().error, requestId: undefined });
    expect(strip(unknown)).toEqual(strip(wrong));
    expect(wrong.json().error.message).toBe('NIP/email atau kata sandi salah.');

    // Both paths verify one argon2 hash, so their times are of the same order. Interleaved, so
    // that load from other work on the machine falls on both alike.
    const times = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 9; i++) {
      for (const [kind, identifier] of [
        ['known', p.email],
        ['unknown', 'siapa.pun@uji.go.id'],
      ] as const) {
        const a = fromIp(`198.51.100.${50 + i}`);
        const t0 = performance.now();
        await a.post('/api/v1/auth/sign-in', { identifier, password: 'salah sekali lagi ya' });
        times[kind].push(performance.now() - t0);
      }
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[4] as number;
    const known = median(times.known);
    const unknownTime = median(times.unknown);
    expect(unknownTime / known).toBeGreaterThan(0.4);
    expect(unknownTime / known).toBeLessThan(2.5);
  });

  it('records failures and successes in the audit log without the password', async () => {
    const p = await person();
    const agent = fromIp('198.51.100.2');
    await agent.post('/api/v1/auth/sign-in', { identifier: p.email, password: 'kata sandi yang keliru' });
    await agent.post('/api/v1/auth/sign-in', { identifier: p.email, password: TEST_PASSWORD });
    const entries = await t.services.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject_id', '=', p.id)
      .orderBy('occurred_at')
      .execute();
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([
      ['auth.sign_in_failed', 'failure'],
      ['auth.sign_in', 'success'],
    ]);
    expect(JSON.stringify(entries)).not.toContain('keliru');
    expect(JSON.stringify(entries)).not.toContain(TEST_PASSWORD);
  });

  it('says an account is inactive only after the right password', async () => {
    const p = await person({ isActive: false });
    const agent = fromIp('198.51.100.3');
    expect(
      (await agent.post('/api/v1/auth/sign-in', { identifier: p.email, password: 'salah salah salah' })).statusCode,
    ).toBe(401);
    const right = await agent.post('/api/v1/auth/sign-in', { identifier: p.email, password: TEST_PASSWORD });
    expect(right.statusCode).toBe(403);
    expect(right.json().error.code).toBe('account_inactive');
  });

  it('rejects malformed sign-in bodies with a localized 400 and no session', async () => {
    const agent = t.anonymous();
    const res = await agent.post('/api/v1/auth/sign-in', { identifier: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
    expect(res.json().error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'identifier', message: 'Wajib diisi.' }),
        expect.objectContaining({ path: 'password', message: 'Wajib diisi.' }),
      ]),
    );
    expect(agent.cookies.has('teduh_session')).toBe(false);
  });
});

describe.skipIf(postgresSkipReason())('sign-in abuse: growing delays without lock-out', () => {
  let t: TestApp;
  let victim: TestPerson;

  beforeAll(async () => {
    const created = await createTestAppWithAgency();
    t = created.t;
    victim = await createPerson(t.services.db.db, t.services.keys, {
      agencyId: created.agencyId,
      unitId: created.unitId,
    });
  });
  afterAll(async () => t.close());

  const attempt = (ip: string, identifier: string, password: string) => {
    const a = t.anonymous();
    a.ip = ip;
    return a.post('/api/v1/auth/sign-in', { identifier, password });
  };

  it('delays a guesser from one address after five failures, with Retry-After', async () => {
    for (let i = 0; i < 5; i++)
      expect((await attempt('192.0.2.10', victim.email, `tebakan nomor ${i}x`)).statusCode).toBe(401);
    expect((await attempt('192.0.2.10', victim.email, 'tebakan keenam xx')).statusCode).toBe(401);
    const blocked = await attempt('192.0.2.10', victim.email, TEST_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().error.message).toMatch(/Coba lagi dalam \d+ detik/);
    // Waiting out the delay lets the next attempt through.
    t.clock.advance(2_000);
    expect((await attempt('192.0.2.10', victim.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('treats an unknown account exactly the same way', async () => {
    for (let i = 0; i < 6; i++) await attempt('192.0.2.11', 'hantu@uji.go.id', `tebakan nomor ${i}x`);
    expect((await attempt('192.0.2.11', 'hantu@uji.go.id', 'apa saja boleh')).statusCode).toBe(429);
  });

  it('lets the real person in from a browser that signed in before, while an attacker spreads guesses over many addresses', async () => {
    // The victim signs in once: the browser receives the device cookie.
    const victimBrowser = t.anonymous();
    victimBrowser.ip = '192.0.2.50';
    await victimBrowser.signIn(victim.email, TEST_PASSWORD);
    await victimBrowser.post('/api/v1/auth/sign-out');

    for (let i = 0; i < 20; i++) await attempt(`203.0.113.${100 + i}`, victim.email, `tebakan ke ${i} dari botnet`);
    // A new browser now waits (account-wide delay, capped at one minute)…
    const stranger = await attempt('192.0.2.60', victim.email, TEST_PASSWORD);
    expect(stranger.statusCode).toBe(429);
    expect(Number(stranger.headers['retry-after'])).toBeLessThanOrEqual(60);
    // …but the victim's own browser is not held back at all.
    victimBrowser.ip = '192.0.2.61';
    const own = await victimBrowser.post('/api/v1/auth/sign-in', { identifier: victim.email, password: TEST_PASSWORD });
    expect(own.statusCode).toBe(200);
    // And nobody is locked out: a minute later a new browser gets in too.
    t.clock.advance(61_000);
    expect((await attempt('192.0.2.62', victim.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('slows down one address trying many accounts', async () => {
    let last = 0;
    for (let i = 0; i < 52; i++)
      last = (await attempt('192.0.2.99', `orang${i}@uji.go.id`, 'sembarang saja ya')).statusCode;
    expect(last).toBe(429);
  });
});
