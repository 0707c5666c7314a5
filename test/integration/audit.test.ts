import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes } from '../../src/server/plugins/access-control.js';
import { PHQ9_MODERATELY_SEVERE, submitAssessment } from '../support/assessments.js';
import { TEST_PASSWORD } from '../support/factories.js';
import { createTestApp, loginAs, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

describe.skipIf(postgresSkipReason())('audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('lets the agency admin browse and filter their agency’s entries, newest first, page by page', async () => {
    const admin = await loginAs(t, 'agency_admin');
    const emp = await loginAs(t, 'employee', { agencyId: admin.agencyId, unitId: admin.unitId });
    for (let i = 0; i < 3; i++) {
      t.clock.advance(1000);
      await t
        .anonymous()
        .post('/api/v1/auth/sign-in', { identifier: emp.person.email, password: `salah sekali ${i} ya` });
    }
    const all = await admin.agent.get('/api/v1/audit?limit=2');
    expect(all.statusCode).toBe(200);
    const first = all.json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(first.items[0].occurredAt >= first.items[1].occurredAt).toBe(true);
    const next = (await admin.agent.get(`/api/v1/audit?limit=2&cursor=${first.nextCursor}`)).json();
    expect(next.items[0].id).not.toBe(first.items[1].id);

    const failed = (await admin.agent.get('/api/v1/audit?action=auth.sign_in_failed')).json();
    expect(failed.items).toHaveLength(3);
    expect(failed.items[0]).toMatchObject({
      action: 'auth.sign_in_failed',
      outcome: 'failure',
      subject: { id: emp.person.id, fullName: emp.person.fullName },
    });
    const bySubject = (await admin.agent.get(`/api/v1/audit?subjectId=${emp.person.id}&outcome=success`)).json();
    expect(bySubject.items.map((i: { action: string }) => i.action)).toEqual(['auth.sign_in']);
    expect(JSON.stringify(failed)).not.toContain('salah sekali');
  });

  it('does not tell the agency admin who uses the self-check: a person’s own copies, erasures and consents show with neither actor nor subject, and no search by person finds them', async () => {
    const admin = await loginAs(t, 'agency_admin');
    const emp = await loginAs(t, 'employee', { agencyId: admin.agencyId, unitId: admin.unitId });
    const submitted = await submitAssessment(emp.agent, 'phq9', PHQ9_MODERATELY_SEVERE);
    expect(submitted.statusCode).toBe(201);
    expect((await emp.agent.get('/api/v1/me/assessments/fhir')).statusCode).toBe(200);
    expect((await emp.agent.get('/api/v1/me/export.json')).statusCode).toBe(200);
    expect(
      (await emp.agent.post('/api/v1/me/erasure', { scope: 'result', resultId: submitted.json().id })).statusCode,
    ).toBe(200);

    const selfActions = ['assessment.exported', 'my_data.exported', 'my_data.erased'];
    const log = (await admin.agent.get('/api/v1/audit?limit=200')).json().items as Array<{
      action: string;
      actor: unknown;
      subject: unknown;
      resourceId: unknown;
    }>;
    const own = log.filter((i) => selfActions.includes(i.action));
    expect(own.map((i) => i.action).sort()).toEqual([...selfActions].sort());
    for (const entry of own) expect(entry).toMatchObject({ actor: null, subject: null, resourceId: null });
    expect(JSON.stringify(own)).not.toContain(emp.person.id);
    for (const filter of [`actorId=${emp.person.id}`, `subjectId=${emp.person.id}`]) {
      const found = (await admin.agent.get(`/api/v1/audit?limit=200&${filter}`)).json().items as Array<{
        action: string;
      }>;
      expect(found.filter((i) => selfActions.includes(i.action))).toEqual([]);
    }
    // The person sees their own copies and erasure in their own access history.
    expect((await emp.agent.get('/api/v1/me/export.json')).body).toContain('assessment.exported');
  });

  it('shows nothing of another agency, and nothing to an employee', async () => {
    const a = await loginAs(t, 'agency_admin');
    const b = await loginAs(t, 'agency_admin');
    const items = (await b.agent.get('/api/v1/audit?limit=200')).json().items as Array<{
      actor: { id: string } | null;
      subject: { id: string } | null;
    }>;
    expect(items.some((i) => i.actor?.id === a.person.id || i.subject?.id === a.person.id)).toBe(false);
    const emp = await loginAs(t, 'employee', { agencyId: a.agencyId });
    expect((await emp.agent.get('/api/v1/audit')).statusCode).toBe(403);
    const manager = await loginAs(t, 'manager', { agencyId: a.agencyId });
    expect((await manager.agent.get('/api/v1/audit')).statusCode).toBe(403);
  });

  it('refuses bad filters with a 400', async () => {
    const admin = await loginAs(t, 'agency_admin');
    const res = await admin.agent.get('/api/v1/audit?action=drop.table&limit=9999');
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['action', 'limit']);
  });

  it('cannot be edited or deleted: no route does it, and the database refuses', async () => {
    const writes = listRoutes(t.app).filter((r) => r.url.startsWith('/api/v1/audit') && r.method !== 'GET');
    expect(writes).toEqual([]);
    const db = t.services.db.db;
    await expect(db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (t.services.db.kind === 'postgres')
      await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(TEST_PASSWORD).toBeTruthy();
  });
});
