import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPermission, type Permission } from '../../src/domain/access/permissions.js';
import { listRoutes, type RegisteredRoute } from '../../src/server/plugins/access-control.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/**
 * Routes anyone may call without signing in. Adding a public route means adding it here, on
 * purpose, in review.
 */
const PUBLIC_ROUTES = [
  'GET /healthz',
  'GET /readyz',
  // Uptime monitors watch the crisis outbox; it answers only ok or delayed.
  'GET /healthz/crisis-outbox',
  'GET /api/openapi.json',
  // The web app's session probe: { stage: 'signed_out' } rather than a 401 in a signed-out browser's console.
  'GET /api/v1/auth/session',
  'GET /api/v1/setup',
  'POST /api/v1/setup',
  'POST /api/v1/auth/sign-in',
  'GET /api/v1/auth/invitations/:token',
  'POST /api/v1/auth/invitations/:token/accept',
  'POST /api/v1/auth/password-reset',
  'GET /api/v1/auth/password-reset/:token',
  'POST /api/v1/auth/password-reset/:token',
  // Account recovery (decision 011): the person confirms, from their old address, an email change an admin made.
  'POST /api/v1/auth/email-change/:token/confirm',
  // Scoring (docs/instruments.md §15): published instruments; scoring stores and reveals nothing (rate-limited).
  'GET /api/v1/instruments',
  'GET /api/v1/instruments/:id',
  'POST /api/v1/instruments/:id/score',
  // Someone in danger must reach the crisis contacts even when signed out (docs/instruments.md §16 defaults).
  'GET /api/v1/help/contacts',
];

const FAKE_ID = '3f1c2a9e-7d4b-4c1e-9a55-2b8e6f0d1c3a';

/** A concrete URL for a route pattern: ids are random UUIDs, tokens random strings. */
function concrete(url: string): string {
  return url
    .replace(/:token/g, 'tLq9cX2vB7nM4kR8wZ1pA6sD3fG5hJ0yQeUiOoTrEwY')
    .replace(/:kind/g, 'people')
    .replace(/\/sessions\/:id/g, '/sessions/0123456789abcdef')
    .replace(/:[A-Za-z]+/g, FAKE_ID);
}

const key = (r: RegisteredRoute) => `${r.method} ${r.url}`;
const isApi = (r: RegisteredRoute) =>
  r.url.startsWith('/api/v1') || r.url === '/api/openapi.json' || r.url.startsWith('/healthz') || r.url === '/readyz';

describe.skipIf(postgresSkipReason())('every route declares and enforces its access', () => {
  let t: TestApp;
  let routes: RegisteredRoute[];
  let employee: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    routes = listRoutes(t.app).filter(isApi);
    employee = await loginAs(t, 'employee');
  });
  afterAll(async () => t.close());

  it('has exactly the listed public routes', () => {
    const publicRoutes = routes
      .filter((r) => r.access === 'public')
      .map(key)
      .sort();
    expect(publicRoutes).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('answers 401 to every other route without a session, whatever the body', async () => {
    const protectedRoutes = routes.filter((r) => r.access !== 'public');
    expect(protectedRoutes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const r of protectedRoutes) {
      const res = await t
        .anonymous()
        .request(
          r.method as 'GET',
          concrete(r.url),
          r.method === 'GET' || r.method === 'DELETE' ? undefined : { junk: true },
        );
      if (res.statusCode !== 401 || res.json().error?.code !== 'unauthenticated')
        failures.push(`${key(r)} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 or 404 to a plain employee on every route that needs a permission they lack', async () => {
    const adminRoutes = routes.filter(
      (r) =>
        r.access !== 'public' &&
        r.access !== 'signed-in' &&
        r.access !== 'signed-in:partial' &&
        !hasPermission(
          { personId: employee.person.id, agencyId: employee.person.agencyId, grants: [] },
          r.access as Permission,
        ),
    );
    expect(adminRoutes.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const r of adminRoutes) {
      const res = await employee.agent.request(
        r.method as 'GET',
        concrete(r.url),
        r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      );
      if (![403, 404].includes(res.statusCode)) failures.push(`${key(r)} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('keeps the safety plan to its owner: its routes need the own permissions only an employee holds', () => {
    const plan = routes
      .filter((r) => r.url === '/api/v1/me/safety-plan')
      .map((r) => `${r.method} ${String(r.access)}`)
      .sort();
    expect(plan).toEqual(['DELETE update:safety-plan:own', 'GET read:safety-plan:own', 'PUT update:safety-plan:own']);
  });

  it('documents every API route in the OpenAPI 3.1 document', async () => {
    const res = await t.anonymous().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const missing = routes
      .filter((r) => r.url !== '/api/openapi.json')
      .map(key)
      .filter((k) => !documented.has(k));
    expect(missing).toEqual([]);
  });

  it('serves a browsable API reference', async () => {
    const res = await t.anonymous().get('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});
