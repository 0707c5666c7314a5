import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, TEST_PASSWORD } from '../support/factories.js';
import { createTestAppWithAgency, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

describe.skipIf(postgresSkipReason())('sessions', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;

  beforeAll(async () => {
    ({ t, agencyId, unitId } = await createTestAppWithAgency());
  });
  afterAll(async () => t.close());

  const signedIn = async () => {
    const p = await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId });
    const agent = t.anonymous();
    await agent.signIn(p.email, TEST_PASSWORD);
    return { p, agent };
  };

  it('ends after 30 minutes without activity', async () => {
    const { agent } = await signedIn();
    t.clock.advance(29 * 60_000);
    expect((await agent.get('/api/v1/auth/session')).json()).toHaveProperty('csrfToken');
    // Activity moved the idle deadline forward.
    t.clock.advance(29 * 60_000);
    expect((await agent.get('/api/v1/auth/session')).json()).toHaveProperty('csrfToken');
    t.clock.advance(31 * 60_000);
    // The probe reads an expired session as signed out; every other route answers 401.
    expect((await agent.get('/api/v1/auth/session')).json()).toEqual({ stage: 'signed_out' });
    const res = await agent.get('/api/v1/auth/sessions');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('ends after 12 hours even when in constant use', async () => {
    const { agent } = await signedIn();
    for (let hour = 0; hour < 12; hour++) {
      t.clock.advance(20 * 60_000);
      expect((await agent.get('/api/v1/auth/session')).json()).toHaveProperty('csrfToken');
      t.clock.advance(20 * 60_000);
      expect((await agent.get('/api/v1/auth/session')).json()).toHaveProperty('csrfToken');
      t.clock.advance(20 * 60_000);
      await agent.get('/api/v1/auth/session');
    }
    expect((await agent.get('/api/v1/auth/session')).json()).toEqual({ stage: 'signed_out' });
  });

  it('issues a new token at every sign-in, so an old one stops working', async () => {
    const { p, agent } = await signedIn();
    const before = agent.cookies.get('teduh_session');
    const stolen = t.anonymous();
    stolen.cookies.set('teduh_session', before as string);
    await agent.post('/api/v1/auth/sign-in', { identifier: p.email, password: TEST_PASSWORD });
    expect(agent.cookies.get('teduh_session')).not.toBe(before);
    expect((await stolen.get('/api/v1/auth/session')).json()).toEqual({ stage: 'signed_out' });
  });

  it('signs out this browser, and everywhere', async () => {
    const { p, agent } = await signedIn();
    const other = t.anonymous();
    await other.signIn(p.email, TEST_PASSWORD);
    const list = await agent.get('/api/v1/auth/sessions');
    expect(list.json().items).toHaveLength(2);
    expect(list.json().items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);

    const out = await agent.post('/api/v1/auth/sign-out-everywhere');
    expect(out.json()).toEqual({ ended: 2 });
    expect((await agent.get('/api/v1/auth/session')).json()).toEqual({ stage: 'signed_out' });
    expect((await other.get('/api/v1/auth/session')).json()).toEqual({ stage: 'signed_out' });
  });

  it('ends one chosen session of my own, and not someone else’s', async () => {
    const { p, agent } = await signedIn();
    const phone = t.anonymous();
    await phone.signIn(p.email, TEST_PASSWORD);
    const items = (await agent.get('/api/v1/auth/sessions')).json().items as Array<{ id: string; current: boolean }>;
    const phoneSession = items.find((s) => !s.current) as { id: string };
    const stranger = await signedIn();
    expect((await stranger.agent.delete(`/api/v1/auth/sessions/${phoneSession.id}`)).statusCode).toBe(404);
    expect((await agent.delete(`/api/v1/auth/sessions/${phoneSession.id}`)).statusCode).toBe(200);
    expect((await phone.get('/api/v1/auth/session')).json()).toEqual({ stage: 'signed_out' });
    expect((await agent.get('/api/v1/auth/session')).json()).toHaveProperty('csrfToken');
  });

  it('refuses a cookie-authenticated write without the CSRF token, or from another origin', async () => {
    const { agent } = await signedIn();
    const token = agent.csrfToken;
    agent.csrfToken = null;
    const missing = await agent.patch('/api/v1/profile', { locale: 'en' });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('csrf');
    agent.csrfToken = 'x'.repeat(32);
    expect((await agent.patch('/api/v1/profile', { locale: 'en' })).statusCode).toBe(403);
    agent.csrfToken = token;
    const foreign = await agent.patch('/api/v1/profile', { locale: 'en' }, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect((await agent.patch('/api/v1/profile', { locale: 'en' }, { origin: 'http://teduh.test' })).statusCode).toBe(
      200,
    );
  });

  it('speaks the person’s chosen language once they pick one', async () => {
    const { agent } = await signedIn();
    const id = await agent.post('/api/v1/profile/password', { currentPassword: 'salah', newPassword: 'x' });
    expect(id.json().error.message).toBe('Ada isian yang perlu diperbaiki.');
    await agent.patch('/api/v1/profile', { locale: 'en' });
    const en = await agent.post('/api/v1/profile/password', { currentPassword: 'salah', newPassword: 'x' });
    expect(en.json().error.message).toBe('Some fields need your attention.');
    expect((await agent.refreshSession()).json().person.locale).toBe('en');
  });
});
