import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssignableRole } from '../../src/domain/access/roles.js';
import { ROLE_REQUEST_TTL_DAYS } from '../../src/domain/access/roles.js';
import { auditEntries } from '../support/audit-entries.js';
import { PHQ9_MODERATELY_SEVERE, submitAssessment } from '../support/assessments.js';
import { createAgency, createPerson, TEST_PASSWORD, type TestPerson } from '../support/factories.js';
import { createTestApp, loginAs, type Agent, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/**
 * Separation of duties, from the insider's side: an agency admin who wants to read the
 * urgent queue or a shared result, alone or with an accomplice they promote themselves.
 */
const CLINICAL: AssignableRole[] = ['counsellor', 'clinical_supervisor', 'dpo'];

describe.skipIf(postgresSkipReason())('separation of duties for clinical roles', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;
  let adminA: Awaited<ReturnType<typeof loginAs>>;
  let adminB: Awaited<ReturnType<typeof loginAs>>;
  let employee: Awaited<ReturnType<typeof loginAs>>;

  const db = () => t.services.db.db;
  const grantsOf = (personId: string) =>
    db().selectFrom('role_assignments').selectAll().where('person_id', '=', personId).execute();
  const signIn = async (p: TestPerson): Promise<Agent> => {
    // A TOTP step is accepted once: a second sign-in of the same person waits for the next one.
    t.clock.advance(31_000);
    const agent = t.anonymous();
    await agent.signIn(p.email, TEST_PASSWORD, p.totpSecret, t.clock.now());
    return agent;
  };
  /** Everything a clinical or DPO grant would open; none of it may answer 2xx before approval. */
  const probes = [
    '/api/v1/counselling/urgent-requests',
    '/api/v1/counselling/shared-results',
    '/api/v1/dpo/alerts',
    '/api/v1/role-requests',
  ];

  beforeAll(async () => {
    t = await createTestApp();
    adminA = await loginAs(t, 'agency_admin');
    agencyId = adminA.agencyId;
    unitId = adminA.unitId;
    adminB = await loginAs(t, 'agency_admin', { agencyId, unitId });
    employee = await loginAs(t, 'employee', { agencyId, unitId });
    // Someone asked for help and shared a result, so the queue and the shares are not empty.
    const res = await submitAssessment(employee.agent, 'phq9', PHQ9_MODERATELY_SEVERE);
    expect(res.statusCode).toBe(201);
    const help = await employee.agent.post('/api/v1/help/requests', {
      method: 'phone',
      contact: '0812-3456-7890',
      submissionKey: 'help-button-0001',
    });
    expect(help.statusCode).toBe(201);
  });
  afterAll(async () => t.close());

  for (const role of CLINICAL) {
    it(`refuses a self-grant of ${role}, and the admin reaches nothing new`, async () => {
      const res = await adminA.agent.post(`/api/v1/people/${adminA.person.id}/roles`, { role });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('role_self_grant');
      expect((await grantsOf(adminA.person.id)).map((g) => g.role)).toEqual(['agency_admin']);
      for (const url of probes.slice(0, 3)) expect((await adminA.agent.get(url)).statusCode, url).toBe(403);
    });

    it(`makes a grant of ${role} a pending request that opens nothing until approved`, async () => {
      const accomplice = await createPerson(db(), t.services.keys, { agencyId, unitId, totp: true });
      const res = await adminA.agent.post(`/api/v1/people/${accomplice.id}/roles`, { role });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toMatchObject({
        role,
        status: 'pending',
        personId: accomplice.id,
        requestedBy: { id: adminA.person.id },
        canApprove: false,
      });
      expect(await grantsOf(accomplice.id)).toEqual([]);
      const agent = await signIn(accomplice);
      const session = (await agent.get('/api/v1/auth/session')).json();
      expect(session.roles).toEqual(['employee']);
      for (const url of probes) expect((await agent.get(url)).statusCode, `${role} ${url}`).toBe(403);
      // A second request for the same role is refused; the requester cannot approve their own.
      expect((await adminA.agent.post(`/api/v1/people/${accomplice.id}/roles`, { role })).json().error.code).toBe(
        'role_request_pending',
      );
      const own = await adminA.agent.post(`/api/v1/role-requests/${res.json().id}/approve`);
      expect(own.statusCode).toBe(403);
      expect(own.json().error.code).toBe('role_approver_not_independent');
      expect(await grantsOf(accomplice.id)).toEqual([]);
    });
  }

  it('lets an admin and a DPO they requested not complete the chain alone', async () => {
    const accomplice = await createPerson(db(), t.services.keys, { agencyId, unitId, totp: true });
    const dpoRequest = (await adminA.agent.post(`/api/v1/people/${accomplice.id}/roles`, { role: 'dpo' })).json();
    const accompliceAgent = await signIn(accomplice);
    // The pending DPO cannot approve anything, its own grant included.
    expect((await accompliceAgent.post(`/api/v1/role-requests/${dpoRequest.id}/approve`)).statusCode).toBe(403);
    // Nor can a pending agency admin.
    const adminRequest = (
      await adminA.agent.post(`/api/v1/people/${accomplice.id}/roles`, { role: 'agency_admin' })
    ).json();
    expect(adminRequest.status).toBe('pending');
    expect((await accompliceAgent.post(`/api/v1/role-requests/${adminRequest.id}/approve`)).statusCode).toBe(403);
    // The admin cannot give themselves the counsellor role either way round.
    expect(
      (await adminA.agent.post(`/api/v1/people/${adminA.person.id}/roles`, { role: 'counsellor' })).statusCode,
    ).toBe(403);
    const viaAccomplice = (
      await adminA.agent.post(`/api/v1/people/${accomplice.id}/roles`, { role: 'counsellor' })
    ).json();
    expect((await accompliceAgent.post(`/api/v1/role-requests/${viaAccomplice.id}/approve`)).statusCode).toBe(403);
    expect(await grantsOf(accomplice.id)).toEqual([]);
    expect((await accompliceAgent.get('/api/v1/counselling/urgent-requests')).statusCode).toBe(403);
    // Even once a second admin approves the accomplice as DPO, the DPO cannot approve a grant to themselves.
    expect((await adminB.agent.post(`/api/v1/role-requests/${dpoRequest.id}/approve`)).statusCode).toBe(200);
    const asDpo = await signIn(accomplice);
    const selfApprove = await asDpo.post(`/api/v1/role-requests/${viaAccomplice.id}/approve`);
    expect(selfApprove.statusCode).toBe(403);
    expect(selfApprove.json().error.code).toBe('role_approver_not_independent');
    expect((await asDpo.get('/api/v1/counselling/urgent-requests')).statusCode).toBe(403);
  });

  it('takes effect when a second admin approves: access, audit, alerts, notifications and email', async () => {
    const counsellor = await createPerson(db(), t.services.keys, {
      agencyId,
      unitId,
      totp: true,
      fullName: 'Dewi Lestari',
    });
    const dpo = await createPerson(db(), t.services.keys, { agencyId, unitId, roles: ['dpo'], totp: true });
    const request = (await adminA.agent.post(`/api/v1/people/${counsellor.id}/roles`, { role: 'counsellor' })).json();
    const listed = (await adminB.agent.get('/api/v1/role-requests'))
      .json()
      .items.find((r: { id: string }) => r.id === request.id);
    expect(listed).toMatchObject({ canApprove: true, personName: 'Dewi Lestari' });
    const approved = await adminB.agent.post(`/api/v1/role-requests/${request.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json(), approved.body).toMatchObject({ status: 'approved', decidedByName: adminB.person.fullName });
    expect((await grantsOf(counsellor.id)).map((g) => g.role)).toEqual(['counsellor']);
    const agent = await signIn(counsellor);
    expect((await agent.get('/api/v1/counselling/urgent-requests')).statusCode).toBe(200);
    expect((await auditEntries(t, 'org.role_requested', { resourceId: request.id }))[0]?.details).toEqual({
      role: 'counsellor',
      unitId: null,
    });
    expect((await auditEntries(t, 'org.role_approved', { resourceId: request.id }))[0]).toMatchObject({
      actor_id: adminB.person.id,
      subject_id: counsellor.id,
    });
    // A second approval changes nothing.
    expect((await adminB.agent.post(`/api/v1/role-requests/${request.id}/approve`)).json().error.code).toBe(
      'role_request_not_pending',
    );
    // The grantee and the DPO were told, in the app and by email.
    const notes = await db()
      .selectFrom('notifications')
      .select(['person_id', 'kind'])
      .where('payload', 'like', `%${request.id}%`)
      .execute();
    expect(notes).toEqual(
      expect.arrayContaining([
        { person_id: counsellor.id, kind: 'role.requested' },
        { person_id: counsellor.id, kind: 'role.approved' },
        { person_id: dpo.id, kind: 'role.requested' },
        { person_id: dpo.id, kind: 'role.approved' },
      ]),
    );
    const mails = await db()
      .selectFrom('email_outbox')
      .select(['to_address', 'template'])
      .where('to_address', 'in', [counsellor.email, dpo.email])
      .execute();
    expect(mails).toEqual(
      expect.arrayContaining([
        { to_address: counsellor.email, template: 'role_requested' },
        { to_address: counsellor.email, template: 'role_approved' },
        { to_address: dpo.email, template: 'role_request_review' },
        { to_address: dpo.email, template: 'role_request_approved_dpo' },
      ]),
    );
    // The DPO sees both events as alerts, and may acknowledge them.
    const dpoAgent = await signIn(dpo);
    const alerts = (await dpoAgent.get('/api/v1/dpo/alerts'))
      .json()
      .items.filter((a: { personId: string }) => a.personId === counsellor.id);
    expect(alerts.map((a: { kind: string }) => a.kind).sort()).toEqual(['role_approved', 'role_requested']);
    expect((await dpoAgent.post(`/api/v1/dpo/alerts/${alerts[0].id}/acknowledge`)).statusCode).toBe(200);
    const open = (await dpoAgent.get('/api/v1/dpo/alerts')).json().items.map((a: { id: string }) => a.id);
    expect(open).not.toContain(alerts[0].id);
    // Revoking stays immediate: one person may always take access away.
    const grant = (await grantsOf(counsellor.id))[0];
    expect((await adminA.agent.delete(`/api/v1/people/${counsellor.id}/roles/${grant?.id}`)).statusCode).toBe(200);
    expect((await agent.get('/api/v1/counselling/urgent-requests')).statusCode).toBe(403);
  });

  it('shows every employee who can read health data, who approved it and since when', async () => {
    const counsellor = await createPerson(db(), t.services.keys, {
      agencyId,
      unitId,
      totp: true,
      fullName: 'Rahmat Hidayat',
    });
    const request = (await adminA.agent.post(`/api/v1/people/${counsellor.id}/roles`, { role: 'counsellor' })).json();
    let list = (await employee.agent.get('/api/v1/agency/clinical-access')).json();
    expect(list.pending).toEqual(
      expect.arrayContaining([expect.objectContaining({ personName: 'Rahmat Hidayat', role: 'counsellor' })]),
    );
    expect(list.readers.some((r: { personId: string }) => r.personId === counsellor.id)).toBe(false);
    t.clock.advance(60_000);
    await adminB.agent.post(`/api/v1/role-requests/${request.id}/approve`);
    list = (await employee.agent.get('/api/v1/agency/clinical-access')).json();
    expect(list.readers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          personId: counsellor.id,
          name: 'Rahmat Hidayat',
          role: 'counsellor',
          since: t.clock.now().toISOString(),
          approvedByName: adminB.person.fullName,
        }),
      ]),
    );
    expect(list.approvers.map((a: { personId: string }) => a.personId)).toEqual(
      expect.arrayContaining([adminA.person.id, adminB.person.id]),
    );
    // Another agency's list does not show them.
    const stranger = await loginAs(t, 'employee');
    expect(JSON.stringify((await stranger.agent.get('/api/v1/agency/clinical-access')).json())).not.toContain(
      counsellor.id,
    );
    expect((await t.anonymous().get('/api/v1/agency/clinical-access')).statusCode).toBe(401);
  });

  it('lets a request be rejected or withdrawn, and lapses it after a week', async () => {
    const person = await createPerson(db(), t.services.keys, { agencyId, unitId, totp: true });
    const r1 = (await adminA.agent.post(`/api/v1/people/${person.id}/roles`, { role: 'counsellor' })).json();
    expect((await adminB.agent.post(`/api/v1/role-requests/${r1.id}/withdraw`)).statusCode).toBe(403);
    expect((await adminA.agent.post(`/api/v1/role-requests/${r1.id}/withdraw`)).statusCode).toBe(200);
    expect((await adminB.agent.post(`/api/v1/role-requests/${r1.id}/approve`)).json().error.code).toBe(
      'role_request_not_pending',
    );
    const r2 = (await adminA.agent.post(`/api/v1/people/${person.id}/roles`, { role: 'counsellor' })).json();
    expect((await adminB.agent.post(`/api/v1/role-requests/${r2.id}/reject`)).statusCode).toBe(200);
    expect((await auditEntries(t, 'org.role_rejected', { resourceId: r2.id })).length).toBe(1);
    const r3 = (await adminA.agent.post(`/api/v1/people/${person.id}/roles`, { role: 'counsellor' })).json();
    t.clock.advance(ROLE_REQUEST_TTL_DAYS * 24 * 3600_000 + 1000);
    // A week on, sessions have lapsed too: a third admin signs in fresh.
    const adminC = await loginAs(t, 'agency_admin', { agencyId, unitId });
    const late = await adminC.agent.post(`/api/v1/role-requests/${r3.id}/approve`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('role_request_expired');
    const row = await db()
      .selectFrom('role_requests')
      .select('status')
      .where('id', '=', r3.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('expired');
    expect(await grantsOf(person.id)).toEqual([]);
  });

  it('lets a platform admin approve only where the agency has nobody independent', async () => {
    const lone = await createAgency(db());
    const loneAdmin = await loginAs(t, 'agency_admin', { agencyId: lone.agencyId, unitId: lone.rootUnitId });
    const person = await createPerson(db(), t.services.keys, {
      agencyId: lone.agencyId,
      unitId: lone.rootUnitId,
      totp: true,
    });
    const request = (await loneAdmin.agent.post(`/api/v1/people/${person.id}/roles`, { role: 'dpo' })).json();
    expect(request.status).toBe('pending');
    // The single admin cannot approve their own request …
    expect((await loneAdmin.agent.post(`/api/v1/role-requests/${request.id}/approve`)).statusCode).toBe(403);
    // … a platform admin from elsewhere can, and is audited.
    const platform = await loginAs(t, 'platform_admin');
    const listed = (await platform.agent.get('/api/v1/platform/role-requests'))
      .json()
      .items.map((r: { id: string }) => r.id);
    expect(listed).toContain(request.id);
    // An agency with an independent approver is not the platform's to decide.
    const other = await createPerson(db(), t.services.keys, { agencyId, unitId, totp: true });
    const freshAdmin = await loginAs(t, 'agency_admin', { agencyId, unitId });
    const inAgency = (await freshAdmin.agent.post(`/api/v1/people/${other.id}/roles`, { role: 'counsellor' })).json();
    expect(listed).not.toContain(inAgency.id);
    const refused = await platform.agent.post(`/api/v1/platform/role-requests/${inAgency.id}/approve`);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().error.code).toBe('role_approver_in_agency');
    const ok = await platform.agent.post(`/api/v1/platform/role-requests/${request.id}/approve`);
    expect(ok.statusCode).toBe(200);
    expect((await grantsOf(person.id)).map((g) => g.role)).toEqual(['dpo']);
    expect((await auditEntries(t, 'org.role_approved', { resourceId: request.id }))[0]?.details).toMatchObject({
      approvedAs: 'platform',
    });
  });

  it('lets the operator approve at the server where nobody in the app can (a fresh install), audited', async () => {
    const fresh = await createAgency(db());
    const soleAdmin = await loginAs(t, 'agency_admin', { agencyId: fresh.agencyId, unitId: fresh.rootUnitId });
    const person = await createPerson(db(), t.services.keys, {
      agencyId: fresh.agencyId,
      unitId: fresh.rootUnitId,
      totp: true,
    });
    const request = (await soleAdmin.agent.post(`/api/v1/people/${person.id}/roles`, { role: 'dpo' })).json();
    const listed = await t.services.roleRequests.listPendingForOperator();
    expect(listed.map((r) => r.id)).toContain(request.id);
    const approved = await t.services.roleRequests.approveAsOperator(request.id);
    expect(approved.status).toBe('approved');
    expect((await grantsOf(person.id)).map((g) => g.role)).toEqual(['dpo']);
    expect((await auditEntries(t, 'org.role_approved', { resourceId: request.id }))[0]).toMatchObject({
      actor_id: null,
      details: expect.objectContaining({ approvedAs: 'operator' }),
    });
    await expect(t.services.roleRequests.approveAsOperator(request.id)).rejects.toMatchObject({
      code: 'role_request_not_pending',
    });
  });
});
