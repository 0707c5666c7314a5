import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_TEXTS } from '../../src/domain/assessments/consent.js';
import type { AssignableRole } from '../../src/domain/access/roles.js';
import { listRoutes, type RegisteredRoute } from '../../src/server/plugins/access-control.js';
import { PHQ9_MODERATELY_SEVERE, submitAssessment } from '../support/assessments.js';
import { createAgency, createUnit } from '../support/factories.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/**
 * docs/privacy.md §1.1: no individual health datum is ever visible to a manager or HR. This walks every
 * registered route as the employee's manager, a wellbeing admin, the agency admin and a platform
 * admin of the same agency, with the ids of a real employee's result, share, crisis request and
 * draft in every path parameter, and looks for any trace of them in every answer.
 */

const DRAFT_ANSWERS = [2, 3, 1, 0, 2, 3, 1];
const CONTACT = { method: 'whatsapp', contact: '0812-9999-4321', note: 'catatan-rahasia-pegawai-77' };
// Decision 012: the DPO and the clinical supervisor hold no health-data permission and walk every route too.
const ROLES: AssignableRole[] = [
  'manager',
  'wellbeing_admin',
  'agency_admin',
  'platform_admin',
  'dpo',
  'clinical_supervisor',
];

/** Writes that would end the walker's own session or change its credentials are not walked. */
const isSelfDisruptive = (r: RegisteredRoute) =>
  r.method !== 'GET' && (r.url.startsWith('/api/v1/auth/') || r.url.startsWith('/api/v1/setup'));

describe.skipIf(postgresSkipReason())(
  'no route returns an individual’s result to a manager, wellbeing admin, agency admin or platform admin',
  () => {
    let t: TestApp;
    let employee: SignedIn;
    let counsellor: SignedIn;
    let ids: { result: string; share: string; crisisRequest: string; employee: string };
    let markers: string[];
    const walkers = new Map<AssignableRole, SignedIn>();

    beforeAll(async () => {
      t = await createTestApp();
      const db = t.services.db.db;
      const { agencyId, rootUnitId } = await createAgency(db);
      const unitId = await createUnit(db, agencyId, rootUnitId, { name: 'Bidang Perencanaan' });
      for (const role of ROLES)
        walkers.set(
          role,
          await loginAs(t, role, { agencyId, unitId: rootUnitId, scopeUnitId: role === 'manager' ? unitId : null }),
        );
      employee = await loginAs(t, 'employee', { agencyId, unitId });
      await db
        .updateTable('people')
        .set({ manager_id: walkers.get('manager')?.person.id })
        .where('id', '=', employee.person.id)
        .execute();
      counsellor = await loginAs(t, 'counsellor', { agencyId, unitId: rootUnitId });

      const submitted = await submitAssessment(employee.agent, 'phq9', PHQ9_MODERATELY_SEVERE, {
        contactRequest: CONTACT,
      });
      expect(submitted.statusCode).toBe(201);
      const share = await employee.agent.post(`/api/v1/me/assessments/${submitted.json().id}/shares`, {
        counsellorId: counsellor.person.id,
        consentVersion: CONSENT_TEXTS.share_result,
      });
      expect(share.statusCode).toBe(201);
      await employee.agent.put('/api/v1/me/assessment-drafts/gad7', { answers: DRAFT_ANSWERS, currentIndex: 6 });
      // Everything that follows a result around: notifications, held emails, audited reads.
      await t.services.jobs.drain();
      expect((await counsellor.agent.get(`/api/v1/counselling/shared-results/${share.json().id}`)).statusCode).toBe(
        200,
      );
      expect((await counsellor.agent.get('/api/v1/counselling/urgent-requests')).statusCode).toBe(200);

      ids = {
        result: submitted.json().id,
        share: share.json().id,
        crisisRequest: submitted.json().contactRequestId,
        employee: employee.person.id,
      };
      const stored = await db
        .selectFrom('assessment_results')
        .select(['answers_enc', 'result_enc'])
        .where('id', '=', ids.result)
        .executeTakeFirstOrThrow();
      const draft = await db
        .selectFrom('assessment_drafts')
        .select('answers_enc')
        .where('person_id', '=', employee.person.id)
        .executeTakeFirstOrThrow();
      markers = [
        ids.result,
        ids.share,
        ids.crisisRequest,
        JSON.stringify(PHQ9_MODERATELY_SEVERE),
        JSON.stringify(DRAFT_ANSWERS),
        '"band":"moderately_severe"',
        CONTACT.contact,
        CONTACT.note,
        stored.answers_enc,
        stored.result_enc,
        draft.answers_enc,
      ];
    });
    afterAll(async () => t.close());

    /** Every concrete URL for a route: each path parameter filled with each id of the employee's data. */
    function urlsFor(route: RegisteredRoute): string[] {
      const candidates = (param: string): string[] => {
        switch (param) {
          case 'token':
            return ['tLq9cX2vB7nM4kR8wZ1pA6sD3fG5hJ0yQeUiOoTrEwY'];
          case 'kind':
            return ['people'];
          case 'instrumentId':
            return ['phq9', 'gad7'];
          case 'shareId':
            return [ids.share];
          default:
            // A person id only where nothing is written: a walker may legitimately read a person record.
            return [ids.result, ids.share, ids.crisisRequest, ...(route.method === 'GET' ? [ids.employee] : [])];
        }
      };
      let urls = [route.url];
      for (const [, param] of route.url.matchAll(/:([A-Za-z]+)/g)) {
        urls = urls.flatMap((u) => candidates(param as string).map((value) => u.replace(`:${param}`, value)));
      }
      return urls.map((u) => u.replace(/\/sessions\/[0-9a-f-]{36}/, '/sessions/0123456789abcdef'));
    }

    /** A body that passes validation where one is easy to make, so the service itself decides. */
    function bodyFor(route: RegisteredRoute): unknown {
      if (route.method === 'GET' || route.method === 'DELETE') return undefined;
      if (route.url === '/api/v1/me/assessments/:id/shares')
        return { counsellorId: counsellor.person.id, consentVersion: CONSENT_TEXTS.share_result };
      return {};
    }

    it('finds the markers where they belong: in the employee’s own view (the test can see a leak)', async () => {
      const own = await employee.agent.get(`/api/v1/me/assessments/${ids.result}`);
      expect(own.body).toContain(ids.result);
      expect(own.body).toContain('"band":"moderately_severe"');
      expect(own.body).toContain(ids.share);
      const draft = await employee.agent.get('/api/v1/me/assessment-drafts/gad7');
      expect(draft.body).toContain(JSON.stringify(DRAFT_ANSWERS));
    });

    for (const role of ROLES) {
      it(`leaks nothing to the ${role.replace('_', ' ')} through any route`, async () => {
        const agent = (walkers.get(role) as SignedIn).agent;
        const routes = listRoutes(t.app).filter((r) => !isSelfDisruptive(r));
        expect(routes.length).toBeGreaterThan(60);
        const leaks: string[] = [];
        let answered = 0;
        for (const route of routes) {
          for (const url of urlsFor(route)) {
            const res = await agent.request(route.method as 'GET', url, bodyFor(route));
            if (res.statusCode < 300) answered++;
            const found = markers.filter((m) => res.body.includes(m));
            if (found.length > 0)
              leaks.push(
                `${route.method} ${url} → ${res.statusCode} contains ${found.map((f) => f.slice(0, 40)).join(', ')}`,
              );
          }
        }
        expect(leaks).toEqual([]);
        // The walk really ran signed in: many routes answered, and the session is still alive.
        expect(answered).toBeGreaterThan(10);
        expect((await agent.get('/api/v1/auth/session')).json()).toHaveProperty('csrfToken');
      });
    }

    it('left the employee’s data untouched', async () => {
      const view = await employee.agent.get(`/api/v1/me/assessments/${ids.result}`);
      expect(view.statusCode).toBe(200);
      expect(view.json().shares).toEqual([expect.objectContaining({ id: ids.share, revokedAt: null })]);
      expect((await employee.agent.get('/api/v1/me/assessment-drafts/gad7')).json().answers).toEqual(DRAFT_ANSWERS);
      const request = await t.services.db.db
        .selectFrom('crisis_requests')
        .select('status')
        .where('id', '=', ids.crisisRequest)
        .executeTakeFirstOrThrow();
      expect(request.status).toBe('open');
    });

    it('grants no health permission to those roles at all', async () => {
      const healthRoutes = listRoutes(t.app).filter(
        (r) => r.access === 'read:shared-result:assigned' || r.access === 'read:crisis-request:unit',
      );
      expect(healthRoutes.length).toBeGreaterThanOrEqual(5);
      for (const role of ROLES) {
        const agent = (walkers.get(role) as SignedIn).agent;
        for (const r of healthRoutes) {
          const res = await agent.request(r.method as 'GET', urlsFor(r)[0] as string, bodyFor(r));
          expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
        }
      }
    });
  },
);
