import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../support/audit-entries.js';
import { createPerson, createUnit, TEST_PASSWORD, type TestPerson } from '../support/factories.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

type Signed = SignedIn & { agencyId: string; unitId: string };

describe.skipIf(postgresSkipReason())('role grants', () => {
  let t: TestApp;
  let admin: Signed;
  let employee: Signed;
  let otherAdmin: Signed;
  let unit: string;
  let person: TestPerson;

  const db = () => t.services.db.db;
  const grantsOf = (personId: string) =>
    db().selectFrom('role_assignments').selectAll().where('person_id', '=', personId).execute();

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'agency_admin');
    employee = await loginAs(t, 'employee', { agencyId: admin.agencyId });
    otherAdmin = await loginAs(t, 'agency_admin');
    unit = await createUnit(db(), admin.agencyId, admin.unitId, { name: 'Bidang Umum', code: 'UMUM' });
    person = await createPerson(db(), t.services.keys, { agencyId: admin.agencyId, unitId: unit });
  });
  afterAll(async () => t.close());

  describe('GET /api/v1/people/:id/roles', () => {
    it('refuses without a session, to an employee, and answers 404 to another agency', async () => {
      expect((await t.anonymous().get(`/api/v1/people/${person.id}/roles`)).statusCode).toBe(401);
      expect((await employee.agent.get(`/api/v1/people/${person.id}/roles`)).statusCode).toBe(403);
      expect((await otherAdmin.agent.get(`/api/v1/people/${person.id}/roles`)).statusCode).toBe(404);
    });

    it('lists grants with unit names', async () => {
      const res = await admin.agent.get(`/api/v1/people/${admin.person.id}/roles`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([
        expect.objectContaining({ role: 'agency_admin', unitId: null, unitName: null }),
      ]);
      expect(res.json().pending).toEqual([]);
    });
  });

  describe('POST /api/v1/people/:id/roles', () => {
    it('refuses without a session and to an employee', async () => {
      expect((await t.anonymous().post(`/api/v1/people/${person.id}/roles`, { role: 'manager' })).statusCode).toBe(401);
      expect((await employee.agent.post(`/api/v1/people/${person.id}/roles`, { role: 'manager' })).statusCode).toBe(
        403,
      );
    });

    it('keeps other agencies out, by person and by unit', async () => {
      const cross = await otherAdmin.agent.post(`/api/v1/people/${person.id}/roles`, { role: 'agency_admin' });
      expect(cross.statusCode).toBe(404);
      const crossUnit = await admin.agent.post(`/api/v1/people/${person.id}/roles`, {
        role: 'manager',
        unitId: otherAdmin.unitId,
      });
      expect(crossUnit.statusCode).toBe(422);
      expect(crossUnit.json().error.code).toBe('unit_not_found');
      expect(await grantsOf(person.id)).toHaveLength(0);
    });

    it('grants a unit-scoped role, audits it, and the person can use it at once', async () => {
      const res = await admin.agent.post(`/api/v1/people/${person.id}/roles`, { role: 'manager', unitId: unit });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ role: 'manager', unitId: unit, unitName: 'Bidang Umum' });
      const entries = await auditEntries(t, 'org.role_granted', { subjectId: person.id });
      expect(entries).toHaveLength(1);
      expect(entries[0]?.details).toEqual({ role: 'manager', unitId: unit });
      const browser = t.anonymous();
      await browser.signIn(person.email, TEST_PASSWORD);
      const list = await browser.get('/api/v1/people');
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([person.id]);
    });

    it('makes a counsellor grant a pending request listed beside the grants, with no grant yet', async () => {
      const helper = await createPerson(db(), t.services.keys, { agencyId: admin.agencyId, unitId: unit });
      const res = await admin.agent.post(`/api/v1/people/${helper.id}/roles`, { role: 'counsellor', unitId: unit });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toMatchObject({
        role: 'counsellor',
        unitId: unit,
        unitName: 'Bidang Umum',
        status: 'pending',
      });
      expect(await grantsOf(helper.id)).toEqual([]);
      const list = (await admin.agent.get(`/api/v1/people/${helper.id}/roles`)).json();
      expect(list.items).toEqual([]);
      expect(list.pending).toEqual([
        expect.objectContaining({ id: res.json().id, role: 'counsellor', canApprove: false }),
      ]);
      expect((await auditEntries(t, 'org.role_requested', { subjectId: helper.id }))[0]?.details).toEqual({
        role: 'counsellor',
        unitId: unit,
      });
      expect(await auditEntries(t, 'org.role_granted', { subjectId: helper.id })).toEqual([]);
    });

    it('refuses a duplicate grant', async () => {
      const res = await admin.agent.post(`/api/v1/people/${person.id}/roles`, { role: 'manager', unitId: unit });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'role_exists', message: 'Peran ini sudah diberikan.' });
      // The same role over the whole agency is a different grant.
      expect((await admin.agent.post(`/api/v1/people/${person.id}/roles`, { role: 'manager' })).statusCode).toBe(201);
    });

    it('limits only unit-scoped roles to a unit', async () => {
      const res = await admin.agent.post(`/api/v1/people/${person.id}/roles`, { role: 'agency_admin', unitId: unit });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('role_scope_not_allowed');
      expect((await grantsOf(person.id)).some((g) => g.role === 'agency_admin')).toBe(false);
    });

    it('answers a bad role with 400', async () => {
      const employeeRole = await admin.agent.post(`/api/v1/people/${person.id}/roles`, { role: 'employee' });
      expect(employeeRole.statusCode).toBe(400);
      expect(employeeRole.json().error.details[0]).toMatchObject({
        path: 'role',
        message: 'Pilih salah satu pilihan yang tersedia.',
      });
    });

    it('lets only a platform admin grant platform admin', async () => {
      const denied = await admin.agent.post(`/api/v1/people/${person.id}/roles`, { role: 'platform_admin' });
      expect(denied.statusCode).toBe(403);
      const operator = await createPerson(db(), t.services.keys, {
        agencyId: admin.agencyId,
        unitId: admin.unitId,
        roles: ['agency_admin', 'platform_admin'],
        totp: true,
      });
      const browser = t.anonymous();
      await browser.signIn(operator.email, TEST_PASSWORD, operator.totpSecret, t.clock.now());
      // Platform admin approves grants where an agency has nobody else: it waits for a second person too.
      const requested = await browser.post(`/api/v1/people/${person.id}/roles`, { role: 'platform_admin' });
      expect(requested.statusCode).toBe(202);
      expect(requested.json()).toMatchObject({ role: 'platform_admin', status: 'pending' });
      // An agency admin can neither approve nor withdraw it …
      expect((await admin.agent.post(`/api/v1/role-requests/${requested.json().id}/approve`)).statusCode).toBe(403);
      expect((await admin.agent.post(`/api/v1/role-requests/${requested.json().id}/withdraw`)).statusCode).toBe(403);
      // … another platform admin approves it; then the agency admin cannot take it back either.
      const second = await createPerson(db(), t.services.keys, {
        agencyId: admin.agencyId,
        unitId: admin.unitId,
        roles: ['platform_admin'],
        totp: true,
      });
      const secondBrowser = t.anonymous();
      await secondBrowser.signIn(second.email, TEST_PASSWORD, second.totpSecret, t.clock.now());
      expect(
        (await secondBrowser.post(`/api/v1/platform/role-requests/${requested.json().id}/approve`)).statusCode,
      ).toBe(200);
      const grant = (await grantsOf(person.id)).find((g) => g.role === 'platform_admin');
      const revoke = await admin.agent.delete(`/api/v1/people/${person.id}/roles/${grant?.id}`);
      expect(revoke.statusCode).toBe(403);
    });

    it('sends a person granted a two-factor role to enrolment', async () => {
      const helper = await createPerson(db(), t.services.keys, { agencyId: admin.agencyId, unitId: unit });
      const browser = t.anonymous();
      expect(await browser.signIn(helper.email, TEST_PASSWORD)).toBe('full');
      expect(
        (await admin.agent.post(`/api/v1/people/${helper.id}/roles`, { role: 'wellbeing_admin', unitId: unit }))
          .statusCode,
      ).toBe(201);
      const session = await browser.get('/api/v1/auth/session');
      expect(session.json().stage).toBe('two_factor_setup');
    });
  });

  describe('DELETE /api/v1/people/:id/roles/:grantId', () => {
    it('refuses without a session, to an employee, and answers 404 to another agency or a grant of someone else', async () => {
      const [grant] = await grantsOf(person.id);
      const url = `/api/v1/people/${person.id}/roles/${grant?.id}`;
      expect((await t.anonymous().delete(url)).statusCode).toBe(401);
      expect((await employee.agent.delete(url)).statusCode).toBe(403);
      expect((await otherAdmin.agent.delete(url)).statusCode).toBe(404);
      const wrongPerson = await admin.agent.delete(`/api/v1/people/${admin.person.id}/roles/${grant?.id}`);
      expect(wrongPerson.statusCode).toBe(404);
      expect(await grantsOf(person.id)).toContainEqual(expect.objectContaining({ id: grant?.id }));
    });

    it('revokes a grant and audits it', async () => {
      const grant = (await grantsOf(person.id)).find((g) => g.role === 'manager' && g.unit_id === unit);
      const res = await admin.agent.delete(`/api/v1/people/${person.id}/roles/${grant?.id}`);
      expect(res.statusCode).toBe(200);
      expect((await grantsOf(person.id)).some((g) => g.id === grant?.id)).toBe(false);
      const entries = await auditEntries(t, 'org.role_revoked', { resourceId: grant?.id });
      expect(entries[0]?.details).toEqual({ role: 'manager', unitId: unit });
    });

    it('keeps the last agency admin grant', async () => {
      const [own] = (await grantsOf(admin.person.id)).filter((g) => g.role === 'agency_admin');
      // The operator created above is the other active admin of this agency: deactivate them first.
      const operator = await db()
        .selectFrom('role_assignments')
        .select('person_id')
        .where('agency_id', '=', admin.agencyId)
        .where('role', '=', 'agency_admin')
        .where('person_id', '!=', admin.person.id)
        .executeTakeFirstOrThrow();
      await db().updateTable('people').set({ is_active: 0 }).where('id', '=', operator.person_id).execute();
      const res = await admin.agent.delete(`/api/v1/people/${admin.person.id}/roles/${own?.id}`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('last_agency_admin');
      expect(await grantsOf(admin.person.id)).toHaveLength(1);
      // With a second active admin, the grant can go.
      const second = await createPerson(db(), t.services.keys, {
        agencyId: admin.agencyId,
        unitId: admin.unitId,
        roles: ['agency_admin'],
      });
      expect(
        (await admin.agent.delete(`/api/v1/people/${second.id}/roles/${(await grantsOf(second.id))[0]?.id}`))
          .statusCode,
      ).toBe(200);
      await createPerson(db(), t.services.keys, {
        agencyId: admin.agencyId,
        unitId: admin.unitId,
        roles: ['agency_admin'],
      });
      expect((await admin.agent.delete(`/api/v1/people/${admin.person.id}/roles/${own?.id}`)).statusCode).toBe(200);
    });
  });
});
