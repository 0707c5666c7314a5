import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_SAFETY_PLAN } from '../../src/contracts/safety-plan.js';
import type { AssignableRole } from '../../src/domain/access/roles.js';
import { listRoutes, type RegisteredRoute } from '../../src/server/plugins/access-control.js';
import { createPerson, createUnit } from '../support/factories.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/**
 * Agency A and agency B share one install. Everyone in B — whatever their role — walks every
 * registered route with A's ids in every path parameter: nothing of A may come back, and no write
 * may succeed. Lists are checked for A's names and ids too.
 */
describe.skipIf(postgresSkipReason())('tenant isolation: agency B sees nothing of agency A', () => {
  let t: TestApp;
  const markers: string[] = [];
  const idsOfA: Record<string, string> = {};
  const visitors: Array<{ role: AssignableRole; signedIn: SignedIn }> = [];
  let routes: RegisteredRoute[];
  let adminOfA: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    const adminA = await loginAs(t, 'agency_admin');
    adminOfA = adminA;
    const db = t.services.db.db;
    await db.updateTable('agencies').set({ name: 'Instansi Rahasia Alfa' }).where('id', '=', adminA.agencyId).execute();
    const unitA = await createUnit(db, adminA.agencyId, adminA.unitId, {
      name: 'Unit Rahasia Alfa',
      code: 'RAHASIA-ALFA',
    });
    const personA = await createPerson(db, t.services.keys, {
      agencyId: adminA.agencyId,
      unitId: unitA,
      fullName: 'Pegawai Rahasia Alfa',
      password: null,
    });
    await adminA.agent.post(`/api/v1/people/${personA.id}/roles`, { role: 'manager', unitId: unitA });
    const grant = await db
      .selectFrom('role_assignments')
      .select('id')
      .where('person_id', '=', personA.id)
      .executeTakeFirstOrThrow();
    Object.assign(idsOfA, {
      agency: adminA.agencyId,
      unit: unitA,
      person: personA.id,
      grant: grant.id,
      admin: adminA.person.id,
    });
    // A's person keeps a safety plan: no route of B's may return it, or change it.
    const me = {
      id: personA.id,
      agencyId: adminA.agencyId,
      unitId: unitA,
      fullName: 'Pegawai Rahasia Alfa',
      locale: 'id' as const,
    };
    await t.services.safetyPlans.save(me, {
      version: null,
      plan: { ...EMPTY_SAFETY_PLAN, reasonsForLiving: ['Alasan Rahasia Alfa'] },
    });
    markers.push(
      'Instansi Rahasia Alfa',
      'Unit Rahasia Alfa',
      'Pegawai Rahasia Alfa',
      'RAHASIA-ALFA',
      'Alasan Rahasia Alfa',
      personA.email,
      ...Object.values(idsOfA),
    );

    const adminB = await loginAs(t, 'agency_admin');
    visitors.push({ role: 'agency_admin', signedIn: adminB });
    for (const role of ['manager', 'wellbeing_admin', 'counsellor'] as const) {
      visitors.push({ role, signedIn: await loginAs(t, role, { agencyId: adminB.agencyId }) });
    }
    routes = listRoutes(t.app).filter(
      (r) => r.url.startsWith('/api/v1/') && r.access !== 'public' && !r.url.startsWith('/api/v1/platform'),
    );
  });
  afterAll(async () => t.close());

  /** A's id for a path parameter, chosen by what the route is about. */
  function withIdsOfA(url: string): string {
    const idFor = (param: string) => {
      if (param === 'grantId') return idsOfA.grant;
      if (url.startsWith('/api/v1/units')) return idsOfA.unit;
      if (url.startsWith('/api/v1/people')) return idsOfA.person;
      return idsOfA.person;
    };
    return url
      .replace(/:token/g, 'x'.repeat(43))
      .replace(/:kind/g, 'people')
      .replace(/:instrumentId/g, 'phq9')
      .replace(/\/sessions\/:id/g, '/sessions/0123456789abcdef')
      .replace(/:(\w+)/g, (_m, param: string) => idFor(param) as string);
  }

  it('would notice a leak: A’s own admin does see those markers', async () => {
    const res = await adminOfA.agent.get(`/api/v1/people/${idsOfA.person}`);
    expect(res.statusCode).toBe(200);
    expect(markers.filter((m) => res.body.includes(m)).length).toBeGreaterThanOrEqual(3);
  });

  it('answers every route without leaking A, and refuses every write on A’s records', async () => {
    expect(routes.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const { role, signedIn } of visitors) {
      for (const route of routes) {
        const url = withIdsOfA(route.url);
        // Signing out or ending sessions would stop the walk; they only ever touch the caller's own session.
        if (/sign-out|sessions/.test(url)) continue;
        const hasId = /:\w+/.test(route.url);
        const res = await signedIn.agent.request(
          route.method as 'GET',
          url,
          route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        );
        const found = markers.filter((m) => res.body.includes(m));
        if (found.length > 0)
          leaks.push(`${role} ${route.method} ${route.url} → ${res.statusCode} leaks ${found.join(', ')}`);
        if (hasId && route.method !== 'GET' && res.statusCode < 300)
          leaks.push(`${role} ${route.method} ${route.url} → ${res.statusCode} on A's record`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('left A untouched', async () => {
    const person = await t.services.db.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', idsOfA.person as string)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({ full_name: 'Pegawai Rahasia Alfa', is_active: 1 });
    const grants = await t.services.db.db
      .selectFrom('role_assignments')
      .select('id')
      .where('person_id', '=', idsOfA.person as string)
      .execute();
    expect(grants).toHaveLength(1);
    const plan = await t.services.db.db
      .selectFrom('safety_plans')
      .select('version')
      .where('person_id', '=', idsOfA.person as string)
      .executeTakeFirst();
    expect(plan?.version).toBe(1);
  });
});
