import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInDay } from '../support/check-ins.js';
import { createAgency } from '../support/factories.js';
import { createTestApp, loginAs, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/**
 * The security headers are worked out once at start-up instead of by helmet on every request
 * (docs/decisions/046-check-in-submit-cpu.md); every kind of answer must still carry exactly the
 * headers it carried when helmet ran per request. The values below were recorded from that build.
 */
const SECURITY = {
  connection: 'keep-alive',
  'content-security-policy':
    "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';worker-src 'self';manifest-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};
/** The names as they travel (HTTP names are case-blind, but the bytes are kept as they were). */
const WIRE_NAMES = [
  'Content-Security-Policy',
  'Cross-Origin-Opener-Policy',
  'Cross-Origin-Resource-Policy',
  'Origin-Agent-Cluster',
  'Referrer-Policy',
  'X-Content-Type-Options',
  'X-DNS-Prefetch-Control',
  'X-Download-Options',
  'X-Frame-Options',
  'X-Permitted-Cross-Domain-Policies',
  'X-XSS-Protection',
];
const JSON_TYPE = 'application/json; charset=utf-8';
const API = { ...SECURITY, 'cache-control': 'no-store', 'content-type': JSON_TYPE };
const HSTS = { 'strict-transport-security': 'max-age=31536000; includeSubDomains' };

/** Headers that differ from answer to answer by nature (time, ids, length, the session's cookie). */
const VOLATILE = new Set(['date', 'x-request-id', 'content-length', 'set-cookie', 'etag', 'last-modified']);

/** Every header of an answer but the volatile ones, as name → value (the order is not compared). */
function headersOf(res: { headers: Record<string, unknown> }): Record<string, string> {
  return Object.fromEntries(
    Object.entries(res.headers)
      .filter(([name]) => !VOLATILE.has(name))
      .map(([name, value]) => [name, String(value)]),
  );
}

const CHECK_IN = checkInDay({ stress: 3, activityMinutes: 10 });

describe.skipIf(postgresSkipReason())('security headers: the same on every kind of answer', () => {
  let t: TestApp;
  let proxied: TestApp;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'teduh-web-'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Teduh</title>');
    t = await createTestApp({ webRoot });
    proxied = await createTestApp({ trustProxy: true });
  });
  afterAll(async () => {
    await t.close();
    await proxied.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it('API answers: written, replayed, refused, unknown, wrong method, wrong token', async () => {
    const { agencyId, rootUnitId } = await createAgency(t.services.db.db);
    const { agent } = await loginAs(t, 'employee', { agencyId, unitId: rootUnitId });
    const submit = await agent.post('/api/v1/me/check-ins', CHECK_IN, { 'idempotency-key': 'headers-0001' });
    expect(submit.statusCode).toBe(201);
    expect(headersOf(submit)).toEqual(API);
    const replay = await agent.post('/api/v1/me/check-ins', CHECK_IN, { 'idempotency-key': 'headers-0001' });
    expect(replay.statusCode).toBe(200);
    expect(headersOf(replay)).toEqual({ ...API, 'idempotent-replayed': 'true' });
    const invalid = await agent.post('/api/v1/me/check-ins', { localDate: 'x' }, { 'idempotency-key': 'headers-0002' });
    expect(invalid.statusCode).toBe(400);
    expect(headersOf(invalid)).toEqual(API);
    const csrf = await agent.post('/api/v1/me/check-ins', CHECK_IN, { 'x-csrf-token': 'not-the-token' });
    expect(csrf.statusCode).toBe(403);
    expect(headersOf(csrf)).toEqual(API);

    const anonymous = await t.anonymous().get('/api/v1/me/check-ins');
    expect(anonymous.statusCode).toBe(401);
    expect(headersOf(anonymous)).toEqual(API);
    const missing = await t.anonymous().get('/api/v1/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(headersOf(missing)).toEqual(API);
    const wrongMethod = await t.anonymous().delete('/api/v1/me/check-ins');
    expect(wrongMethod.statusCode).toBe(405);
    expect(headersOf(wrongMethod)).toEqual({ ...API, allow: 'GET, HEAD, POST' });
  });

  it('the web app’s HTML, health and robots', async () => {
    const html = await t.anonymous().get('/sign-in');
    expect(html.statusCode).toBe(200);
    expect(headersOf(html)).toEqual({
      ...SECURITY,
      'accept-ranges': 'bytes',
      'cache-control': 'no-cache',
      'content-type': 'text/html; charset=utf-8',
      vary: 'accept-encoding',
    });
    const health = await t.anonymous().get('/healthz');
    expect(headersOf(health)).toEqual({ ...SECURITY, 'content-type': JSON_TYPE });
    const robots = await t.anonymous().get('/robots.txt');
    expect(headersOf(robots)).toEqual({
      ...SECURITY,
      'cache-control': 'public, max-age=86400',
      'content-type': 'text/plain; charset=utf-8',
    });
  });

  it('HSTS over HTTPS (through a trusted proxy) only', async () => {
    const api = await proxied.anonymous().get('/api/v1/nothing-here', { 'x-forwarded-proto': 'https' });
    expect(headersOf(api)).toEqual({ ...API, ...HSTS });
    const health = await proxied.anonymous().get('/healthz', { 'x-forwarded-proto': 'https' });
    expect(headersOf(health)).toEqual({ ...SECURITY, 'content-type': JSON_TYPE, ...HSTS });
    const plain = await proxied.anonymous().get('/healthz');
    expect(headersOf(plain)).toEqual({ ...SECURITY, 'content-type': JSON_TYPE });
  });
});

describe.skipIf(postgresSkipReason())('security headers on the wire', () => {
  it('keep the names as helmet spells them', async () => {
    const t = await createTestApp();
    try {
      await t.app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = t.app.server.address() as AddressInfo;
      const names = await new Promise<string[]>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path: '/healthz' }, (res) => {
            res.resume();
            resolve(res.rawHeaders.filter((_, i) => i % 2 === 0));
          })
          .on('error', reject);
      });
      expect(names).toEqual(expect.arrayContaining(WIRE_NAMES));
    } finally {
      await t.close();
    }
  });
});
