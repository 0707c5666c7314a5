import net from 'node:net';
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
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"identifier": ',
    });
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
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'text/xml' },
      payload: '<a/>',
    });
    expect(res.statusCode).toBe(415);
  });

  it('answers wrong types and unknown enum values with field messages', async () => {
    const admin = await loginAs(t, 'agency_admin');
    const res = await admin.agent.put('/api/v1/agency/settings', {
      name: 5,
      shortName: '',
      timeZone: 'WIB',
      anonymityThreshold: 'lima',
    });
    expect(res.statusCode).toBe(400);
    const byPath = Object.fromEntries(
      (res.json().error.details as Array<{ path: string; message: string }>).map((d) => [d.path, d.message]),
    );
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
    // The operations endpoints answer in their own shape: not ready, outbox state unknown.
    expect((await broken.anonymous().get('/readyz')).statusCode).toBe(503);
    const outbox = await broken.anonymous().get('/healthz/crisis-outbox');
    expect(outbox.statusCode).toBe(503);
    expect(outbox.json()).toEqual({ status: 'unknown' });
    expect(outbox.headers['retry-after']).toMatch(/^\d+$/);
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
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { identifier: 'a@b.go.id', password: 'whatever it is' },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('service_unavailable');
    } finally {
      await app.close();
      await db.close();
    }
  });

  it('answers a wrong method on a known path with 405, an Allow header and the localized error shape', async () => {
    const health = await t.app.inject({ method: 'POST', url: '/healthz' });
    expect(health.statusCode).toBe(405);
    expect(health.headers.allow).toBe('GET, HEAD');
    expect(health.json().error).toMatchObject({
      code: 'method_not_allowed',
      message: 'Alamat ini tidak menerima permintaan POST. Yang diterima: GET, HEAD.',
      requestId: expect.any(String),
    });

    // A path with a parameter, in English.
    const one = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/assessments/3f1c2a9e-7d4b-4c1e-9a55-2b8e6f0d1c3a',
      headers: { 'accept-language': 'en' },
    });
    expect(one.statusCode).toBe(405);
    expect(one.headers.allow).toBe('DELETE, GET, HEAD');
    expect(one.json().error.message).toBe('This address does not accept PUT requests. It accepts: DELETE, GET, HEAD.');

    const list = await t.app.inject({ method: 'PATCH', url: '/api/v1/me/assessments?x=1' });
    expect(list.statusCode).toBe(405);
    expect(list.headers.allow).toBe('GET, HEAD, POST');

    // The right method still reaches the route (and its access rule), and an unknown path stays 404.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/assessments' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/me/nothing-here' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/assessments/a/b/c' })).statusCode).toBe(404);
  });
});

describe.skipIf(postgresSkipReason())('slow request bodies are cut', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    // REQUEST_TIMEOUT_SECONDS is 30 by default; 2 here so the test does not wait half a minute.
    t = await createTestApp({ requestTimeoutMs: 2_000 });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => t.close());

  /** Sends `head`, then trickles `body` a byte at a time; resolves with what came back and when the server closed. */
  function trickle(
    head: string,
    body: string,
    everyMs: number,
  ): Promise<{ text: string; closedAfterMs: number; bytesSent: number }> {
    return new Promise((resolve) => {
      const started = Date.now();
      const socket = net.connect(port, '127.0.0.1');
      let text = '';
      let sent = 0;
      let timer: NodeJS.Timeout | undefined;
      socket.on('data', (d) => (text += d.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ text, closedAfterMs: Date.now() - started, bytesSent: sent });
      });
      socket.on('connect', () => {
        socket.write(head);
        timer = setInterval(() => {
          if (sent < body.length && !socket.destroyed) socket.write(body[sent++] as string);
        }, everyMs);
      });
    });
  }

  it('answers 408 and closes a body that trickles in slower than the request timeout', async () => {
    const body = JSON.stringify({ identifier: 'siapa@uji.go.id', password: 'kata sandi apa saja' });
    // 54 bytes at 5 a second would take about 11 s; the server gives the whole request 2 s.
    const head = `POST /api/v1/auth/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const result = await trickle(head, body, 200);
    expect(result.text).toMatch(/^HTTP\/1\.1 408/);
    expect(result.bytesSent).toBeLessThan(body.length);
    expect(result.closedAfterMs).toBeGreaterThanOrEqual(1_900);
    expect(result.closedAfterMs).toBeLessThan(4_000);
  });

  it('closes a request whose headers never finish', async () => {
    const result = await trickle('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: ' + 'a'.repeat(200), 200);
    expect(result.closedAfterMs).toBeLessThan(4_000);
    expect(result.text === '' || /^HTTP\/1\.1 408/.test(result.text)).toBe(true);
  });

  it('cuts at 30 s unless REQUEST_TIMEOUT_SECONDS says otherwise, and refuses a nonsense value', async () => {
    const { loadConfig, ConfigError } = await import('../../src/server/config.js');
    const base = { NODE_ENV: 'test' as const, TEDUH_SECRET: 'x'.repeat(40) };
    expect(loadConfig(base).requestTimeoutMs).toBe(30_000);
    expect(loadConfig({ ...base, REQUEST_TIMEOUT_SECONDS: '45' }).requestTimeoutMs).toBe(45_000);
    expect(() => loadConfig({ ...base, REQUEST_TIMEOUT_SECONDS: '0' })).toThrow(ConfigError);
    expect(t.app.server.requestTimeout).toBe(2_000);
    expect(t.app.server.headersTimeout).toBe(2_000);
  });

  it('still serves a request that arrives at an ordinary pace', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
  });
});
