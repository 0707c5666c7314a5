import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { newId } from '../../src/server/crypto.js';
import { limits } from '../../src/server/http/rate-limit.js';
import { addPeople, addUnit, launchCampaign } from '../support/campaigns.js';
import { createAgency } from '../support/factories.js';
import { createTestAppWithAgency, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/**
 * Rate limits (docs/decisions/014-rate-limits.md), from the prober's side: reads by id, aggregate views, exports and
 * sign-in flows answer 429 with Retry-After in the API's error shape once a person, an agency or
 * an address goes past its policy — and everyday use never does.
 */

/** Asserts a 429 in the API's localized error shape, with a Retry-After of about the window left. */
function expectLimited(res: LightMyRequestResponse, windowSeconds: number): void {
  expect(res.statusCode, res.body).toBe(429);
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  // The rest of the window plus a small spread, never more than a tenth (at most 5 s) over.
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds + Math.min(5, Math.ceil(windowSeconds / 10)));
  const body = res.json() as { error: Record<string, unknown> };
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'requestId']);
  expect(body.error).toMatchObject({
    code: 'rate_limited',
    message: expect.stringContaining('detik'),
    requestId: expect.any(String),
  });
}

/** Sends `n` requests one after another; returns the index of the first 429, or -1. */
async function firstLimited(
  n: number,
  send: (i: number) => Promise<LightMyRequestResponse>,
): Promise<{ at: number; res: LightMyRequestResponse | null }> {
  for (let i = 0; i < n; i++) {
    const res = await send(i);
    if (res.statusCode === 429) return { at: i, res };
  }
  return { at: -1, res: null };
}

describe.skipIf(postgresSkipReason())('rate limits', () => {
  let t: TestApp;
  let agencyId: string;
  let rootId: string;

  beforeAll(async () => {
    ({ t, agencyId, unitId: rootId } = await createTestAppWithAgency());
  });
  afterAll(async () => t.close());

  it('1,000 id probes by one person meet a 429 after 300 a minute; the next window opens again', async () => {
    const prober = await loginAs(t, 'employee', { agencyId });
    const { at, res } = await firstLimited(1_000, () => prober.agent.get(`/api/v1/me/assessments/${newId()}`));
    expect(at).toBe(limits.readById.rules[0].max);
    expectLimited(res as LightMyRequestResponse, 60);
    // Every further probe in the window is refused too, not answered 404.
    expect((await prober.agent.get(`/api/v1/me/assessments/${newId()}`)).statusCode).toBe(429);
    // Another person of the agency is not held back by the prober.
    const colleague = await loginAs(t, 'employee', { agencyId });
    expect((await colleague.agent.get(`/api/v1/me/assessments/${newId()}`)).statusCode).toBe(404);
    t.clock.advance(61_000);
    expect((await prober.agent.get(`/api/v1/me/assessments/${newId()}`)).statusCode).toBe(404);
  });

  it('200 figure views in 6 s meet a 429 after 60; refreshing every 5 s for 10 minutes never does', async () => {
    const unit = await addUnit(t, agencyId, rootId, 'Dinas Sosial');
    await addPeople(t, agencyId, unit, 6);
    const admin = await loginAs(t, 'wellbeing_admin', { agencyId });
    const id = await launchCampaign(admin.agent, [unit]);

    // Everyday use first: one refresh every 5 seconds for ten minutes.
    const steady = await loginAs(t, 'wellbeing_admin', { agencyId });
    for (let i = 0; i < 120; i++) {
      expect((await steady.agent.get(`/api/v1/campaigns/${id}/stats`)).statusCode).toBe(200);
      t.clock.advance(5_000);
    }

    const { at, res } = await firstLimited(200, (i) => {
      if (i % 33 === 32) t.clock.advance(1_000);
      return admin.agent.get(`/api/v1/campaigns/${id}/stats`);
    });
    expect(at).toBe(limits.figures.rules[0].max);
    expectLimited(res as LightMyRequestResponse, 60);
  });

  it('per agency: six admins of one agency share 300 figure views a minute; another agency is not affected', async () => {
    t.clock.advance(120_000);
    const unit = await addUnit(t, agencyId, rootId, 'Dinas Perhubungan');
    await addPeople(t, agencyId, unit, 6);
    const admins: SignedIn[] = [];
    for (let i = 0; i < 6; i++) admins.push(await loginAs(t, 'wellbeing_admin', { agencyId }));
    const id = await launchCampaign((admins[0] as SignedIn).agent, [unit]);
    // Five admins, 60 views each (each at their own limit, none over it): the agency's 300.
    for (const admin of admins.slice(0, 5)) {
      for (let i = 0; i < 60; i++)
        expect((await admin.agent.get(`/api/v1/campaigns/${id}/stats`)).statusCode).toBe(200);
    }
    // The sixth has viewed nothing, yet the agency is over its limit.
    expectLimited(await (admins[5] as SignedIn).agent.get(`/api/v1/campaigns/${id}/stats`), 60);

    const other = await createAgency(t.services.db.db, { name: 'Pemerintah Kota Lain' });
    const otherUnit = await addUnit(t, other.agencyId, other.rootUnitId, 'Dinas Sosial');
    await addPeople(t, other.agencyId, otherUnit, 6);
    const outsider = await loginAs(t, 'wellbeing_admin', { agencyId: other.agencyId });
    const otherId = await launchCampaign(outsider.agent, [otherUnit]);
    expect((await outsider.agent.get(`/api/v1/campaigns/${otherId}/stats`)).statusCode).toBe(200);
  });

  it('100 FHIR exports meet a 429 after 20 an hour', async () => {
    const person = await loginAs(t, 'employee', { agencyId });
    const { at, res } = await firstLimited(100, () => person.agent.get('/api/v1/me/assessments/fhir'));
    expect(at).toBe(limits.export.rules[0].max);
    expectLimited(res as LightMyRequestResponse, 3_600);
  });

  it('sign-in flows are limited per address, generously: invitation-token probes meet a 429, another address does not', async () => {
    const prober = t.anonymous();
    prober.ip = '198.51.100.7';
    const { at, res } = await firstLimited(400, () =>
      prober.get(`/api/v1/auth/invitations/${'x'.repeat(43)}${newId().slice(0, 4)}`),
    );
    expect(at).toBe(limits.signIn.rules[0].max);
    expectLimited(res as LightMyRequestResponse, 60);
    // The same address is refused on the other sign-in flows too (one policy), before any password check.
    expect(
      (await prober.post('/api/v1/auth/sign-in', { identifier: 'someone@example.go.id', password: 'wrong' }))
        .statusCode,
    ).toBe(429);
    expect((await prober.post('/api/v1/auth/password-reset', { email: 'someone@example.go.id' })).statusCode).toBe(429);
    // A colleague behind another address signs in as usual.
    const colleague = await loginAs(t, 'employee', { agencyId });
    expect(colleague.person.id).toBeTruthy();
  });

  it('two app instances on one database share the counter', async () => {
    t.clock.advance(3_600_000);
    const second = await buildApp({
      config: t.services.config,
      db: t.database.connectAgain(),
      clock: t.clock,
      logger: false,
      version: 'test',
    });
    await second.app.ready();
    try {
      const person = await loginAs(t, 'employee', { agencyId });
      const cookie = [...person.agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      // 10 exports through the first instance, 10 through the second: the 21st is refused by either.
      for (let i = 0; i < 10; i++) expect((await person.agent.get('/api/v1/me/assessments/fhir')).statusCode).toBe(200);
      for (let i = 0; i < 10; i++) {
        const res = await second.app.inject({
          method: 'GET',
          url: '/api/v1/me/assessments/fhir',
          headers: { cookie },
          remoteAddress: person.agent.ip,
        });
        expect(res.statusCode, res.body).toBe(200);
      }
      expectLimited(
        await second.app.inject({
          method: 'GET',
          url: '/api/v1/me/assessments/fhir',
          headers: { cookie },
          remoteAddress: person.agent.ip,
        }),
        3_600,
      );
      expectLimited(await person.agent.get('/api/v1/me/assessments/fhir'), 3_600);
    } finally {
      await second.app.close();
      await second.services.db.close();
    }
  });

  it('a counsellor paging through work and an admin looking people up never meet a limit', async () => {
    t.clock.advance(3_600_000);
    const admin = await loginAs(t, 'agency_admin', { agencyId });
    const people = await addPeople(t, agencyId, rootId, 40);
    // Forty people opened, twice each, within a minute: far more than anyone clicks.
    for (const p of [...people, ...people])
      expect((await admin.agent.get(`/api/v1/people/${p.id}`)).statusCode).toBe(200);
  });

  it('keeps one row per key and window, and purges ended windows', async () => {
    t.clock.advance(3_600_000);
    const person = await loginAs(t, 'employee', { agencyId });
    await person.agent.get(`/api/v1/me/assessments/${newId()}`);
    const keys = async () =>
      (await t.services.db.db.selectFrom('rate_limit_counters').select(['key', 'count']).execute()).map((r) => r.key);
    const mine = (await keys()).filter((k) => k.includes(person.person.id));
    expect(mine).toEqual([`by-id:person:${person.person.id}`]);
    // Keys name a person, an agency or an address — never a path, an id probed or a body.
    for (const key of await keys()) expect(key).toMatch(/^[a-z-]+:(person|agency|address):[^:]+$/);
    // Two minutes on (the session still lives), the next request purges the ended windows.
    t.clock.advance(120_000);
    expect((await person.agent.get(`/api/v1/me/assessments/${newId()}`)).statusCode).toBe(404);
    const left = await t.services.db.db.selectFrom('rate_limit_counters').select(['key', 'expires_at']).execute();
    expect(left.filter((r) => r.expires_at <= t.clock.now().toISOString())).toEqual([]);
    expect(left.map((r) => r.key)).toContain(`by-id:person:${person.person.id}`);
  });
});
