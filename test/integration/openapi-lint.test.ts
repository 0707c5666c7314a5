import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

interface Operation {
  operationId?: string;
  security?: Array<Record<string, string[]>>;
}

/**
 * The generated OpenAPI document passes Redocly's recommended rules with no error and no warning,
 * so that clients generated from it work (operation ids, security, servers, unambiguous paths).
 */
describe.skipIf(postgresSkipReason())('the OpenAPI document', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.anonymous().get('/api/openapi.json')).json();
  });
  afterAll(async () => t.close());

  it("is clean under Redocly's recommended ruleset", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location[0]?.pointer})`)).toEqual([]);
  }, 30_000);

  it('declares the session for reads, the session and CSRF header for writes, nothing for public routes', () => {
    const security = (path: string, method: string) => doc.paths[path]?.[method]?.security;
    expect(security('/api/v1/auth/sign-in', 'post')).toEqual([]);
    expect(security('/api/v1/auth/session', 'get')).toEqual([]);
    expect(security('/api/v1/me/safety-plan', 'get')).toEqual([{ session: [] }]);
    expect(security('/api/v1/me/safety-plan', 'put')).toEqual([{ session: [], csrf: [] }]);
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(ids.every((id) => typeof id === 'string' && /^[a-z]+[A-Za-z0-9]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
