import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

describe.skipIf(postgresSkipReason())('bad input never becomes a 500', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ bodyLimit: 4096 });
  });
  afterAll(async () => t.close());

  it('answers broken JSON with a localized 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: '{"identifier": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_json', message: 'Data yang dikirim bukan JSON yang sah.' });
    expect(res.body).not.toMatch(/at .*\.js/);
  });

  it('answers an oversized body with 413', async () => {
    const res = await t.anonymous().post('/api/v1/auth/sign-in', { identifier: 'x'.repeat(10_000), password: 'y' });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'content-type': 'text/xml' }, payload: '<a/>' });
    expect(res.statusCode).toBe(415);
  });

  it('answers wrong types and unknown enum values with field messages', async () => {
    const admin = await loginAs(t, 'agency_admin');
    const res = await admin.agent.put('/api/v1/agency/settings', { name: 5, shortName: '', timeZone: 'WIB', anonymityThreshold: 'lima' });
    expect(res.statusCode).toBe(400);
    const byPath = Object.fromEntries((res.json().error.details as Array<{ path: string; message: string }>).map((d) => [d.path, d.message]));
    expect(byPath).toMatchObject({
      name: 'Isian ini tidak sesuai format yang diminta.',
      shortName: 'Wajib diisi.',
      timeZone: 'Pilih zona waktu WIB, WITA, atau WIT.',
      anonymityThreshold: 'Isian ini tidak sesuai format yang diminta.',
    });
  });

  it('refuses a malformed Idempotency-Key', async () => {
    const admin = await loginAs(t, 'agency_admin');
    const res = await admin.agent.patch('/api/v1/profile', { locale: 'id' }, { 'idempotency-key': 'x' });
    expect(res.statusCode).toBe(400);
  });

  it('answers a closed database with 503 and Retry-After, not 500', async () => {
    const broken = await createTestApp();
    const admin = await loginAs(broken, 'agency_admin');
    await broken.database.handle.close();
    const res = await admin.agent.get('/api/v1/agency');
    expect(res.statusCode).toBe(503);
    // Jittered (5–10 s) so that refused clients do not all come back in the same second.
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(5);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(10);
    expect(res.json().error).toMatchObject({ code: 'service_unavailable', requestId: expect.any(String) });
    await broken.app.close();
  });

  it('answers an unreachable PostgreSQL with 503 on /readyz and on the API', async () => {
    const { buildApp } = await import('../../src/server/app.js');
    const { openDatabase } = await import('../../src/db/connection.js');
    const db = openDatabase({ url: 'postgres://nobody@127.0.0.1:1/teduh' });
    const { app } = await buildApp({ config: t.services.config, db, logger: false });
    try {
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { identifier: 'a@b.go.id', password: 'whatever it is' } });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('service_unavailable');
    } finally {
      await app.close();
      await db.close();
    }
  });
});
