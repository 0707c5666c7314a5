import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

describe.skipIf(postgresSkipReason())('health and operations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('answers /healthz and /readyz', async () => {
    const live = await t.anonymous().get('/healthz');
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok', version: 'test' });
    const ready = await t.anonymous().get('/readyz');
    expect(ready.statusCode).toBe(200);
  });

  it('turns /readyz to 503 while shutting down', async () => {
    t.state.shuttingDown = true;
    const ready = await t.anonymous().get('/readyz');
    t.state.shuttingDown = false;
    expect(ready.statusCode).toBe(503);
    expect(Number(ready.headers['retry-after'])).toBeGreaterThanOrEqual(5);
  });

  it('proves a write on /readyz, once a second however many probes arrive', async () => {
    const heartbeat = async () =>
      (
        await t.services.db.db
          .selectFrom('instance_state')
          .select('value')
          .where('key', '=', 'readiness_heartbeat')
          .executeTakeFirst()
      )?.value;
    t.clock.advance(5_000);
    const first = await t.anonymous().get('/readyz');
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    const written = await heartbeat();
    expect(written).toBe(t.clock.now().toISOString());

    // A flood within the second is answered from the last probe: no further write.
    t.clock.advance(400);
    const flood = await Promise.all(Array.from({ length: 100 }, () => t.anonymous().get('/readyz')));
    expect(flood.every((r) => r.statusCode === 200)).toBe(true);
    expect(await heartbeat()).toBe(written);

    // After the second, the next probe writes again.
    t.clock.advance(1_000);
    expect((await t.anonymous().get('/readyz')).statusCode).toBe(200);
    expect(await heartbeat()).toBe(t.clock.now().toISOString());
    // The allocation probe of SQLite leaves nothing behind.
    const probes = await t.services.db.db
      .selectFrom('instance_state')
      .select('key')
      .where('key', 'like', 'readiness%')
      .execute();
    expect(probes.map((p) => p.key)).toEqual(['readiness_heartbeat']);
  });

  it('sends security headers with a CSP that allows no inline script', async () => {
    const res = await t.anonymous().get('/healthz');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    // The installable app's service worker and manifest: same origin only.
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS only when the request came over HTTPS through a trusted proxy', async () => {
    const proxied = await createTestApp({ trustProxy: true });
    try {
      const res = await proxied.anonymous().get('/healthz', { 'x-forwarded-proto': 'https' });
      expect(res.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await proxied.close();
    }
  });

  it('answers unknown API routes with the localized error shape', async () => {
    const id = await t.anonymous().get('/api/v1/nothing-here');
    expect(id.statusCode).toBe(404);
    expect(id.json().error.code).toBe('route_not_found');
    expect(id.json().error.message).toBe('Alamat ini tidak tersedia.');
    const en = await t.anonymous().get('/api/v1/nothing-here', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.json().error.message).toBe('This address does not exist.');
  });
});
