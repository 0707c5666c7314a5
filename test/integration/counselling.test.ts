import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_TEXTS } from '../../src/domain/assessments/consent.js';
import type { JobRunner } from '../../src/server/modules/jobs/job-runner.js';
import { newId } from '../../src/server/crypto.js';
import { URGENT_QUEUE_LIMIT } from '../../src/server/modules/support/crisis-requests.repository.js';
import { crisisOutboxState, watchCrisisOutbox } from '../../src/server/modules/support/crisis-outbox-watch.js';
import { PHQ9_CRISIS, PHQ9_MODERATELY_SEVERE, addCounsellor, submitAssessment } from '../support/assessments.js';
import { auditEntries } from '../support/audit-entries.js';
import { createAgency, createUnit } from '../support/factories.js';
import { createTestApp, createTestAppOn, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

const CONTACT = { method: 'phone', contact: '0274 555 0101', note: 'Tolong hubungi saya secepatnya' };

describe.skipIf(postgresSkipReason())('the crisis outbox, the urgent queue and shared results', () => {
  let t: TestApp;
  let agencyId: string;
  let unitA: string;
  let unitB: string;
  let employee: SignedIn;
  let agencyWide: SignedIn;
  let counsellorA: SignedIn;
  let counsellorB: SignedIn;
  const db = () => t.services.db.db;

  beforeAll(async () => {
    t = await createTestApp();
    const agency = await createAgency(db());
    agencyId = agency.agencyId;
    unitA = await createUnit(db(), agencyId, agency.rootUnitId, { name: 'Bidang Anggaran' });
    unitB = await createUnit(db(), agencyId, agency.rootUnitId, { name: 'Bidang Aset' });
    employee = await loginAs(t, 'employee', { agencyId, unitId: unitA });
    agencyWide = await loginAs(t, 'counsellor', { agencyId, unitId: agency.rootUnitId });
    counsellorA = await loginAs(t, 'counsellor', { agencyId, unitId: unitA, scopeUnitId: unitA });
    counsellorB = await loginAs(t, 'counsellor', { agencyId, unitId: unitB, scopeUnitId: unitB });
  });
  afterAll(async () => t.close());

  describe('crisis.notify', () => {
    let requestId: string;
    beforeAll(async () => {
      // People who must never be told: the person's manager, HR and admins.
      await loginAs(t, 'manager', { agencyId, unitId: unitA, scopeUnitId: unitA });
      await loginAs(t, 'agency_admin', { agencyId });
      await loginAs(t, 'wellbeing_admin', { agencyId });
      const res = await submitAssessment(employee.agent, 'phq9', PHQ9_CRISIS, { contactRequest: CONTACT });
      requestId = res.json().contactRequestId;
      await t.services.jobs.drain();
    });

    it('notifies exactly the counsellors whose grant covers the person’s unit, in-app and by email', async () => {
      const notified = await db()
        .selectFrom('notifications')
        .selectAll()
        .where('kind', '=', 'crisis.request')
        .execute();
      expect(notified.map((n) => n.person_id).sort()).toEqual([agencyWide.person.id, counsellorA.person.id].sort());
      for (const n of notified) expect(JSON.parse(n.payload)).toEqual({ requestId });
      const emails = await db()
        .selectFrom('email_outbox')
        .selectAll()
        .where('template', '=', 'crisis_request')
        .execute();
      expect(emails.map((e) => e.to_address).sort()).toEqual(
        [agencyWide.person.email, counsellorA.person.email].sort(),
      );
    });

    it('carries no name of the person and no health data', async () => {
      const emails = await db()
        .selectFrom('email_outbox')
        .selectAll()
        .where('template', '=', 'crisis_request')
        .execute();
      for (const e of emails) {
        const text = `${e.subject}\n${e.body_text}`;
        expect(text).toContain('http://teduh.test/counselling/urgent');
        expect(text).not.toContain(employee.person.fullName);
        expect(text).not.toContain(CONTACT.contact);
        expect(text).not.toContain(CONTACT.note);
        expect(text).not.toMatch(/PHQ|skor|score/i);
      }
      const notes = await db().selectFrom('notifications').select('payload').execute();
      expect(JSON.stringify(notes)).not.toContain(employee.person.fullName);
    });

    it('never notifies twice when the job runs again', async () => {
      await t.services.crisis.notify(requestId);
      await t.services.crisis.notify(requestId);
      await t.services.jobs.drain();
      expect(
        await db().selectFrom('notifications').select('id').where('kind', '=', 'crisis.request').execute(),
      ).toHaveLength(2);
      expect(
        await db().selectFrom('email_outbox').select('id').where('template', '=', 'crisis_request').execute(),
      ).toHaveLength(2);
    });
  });

  describe('the urgent queue', () => {
    let requestId: string;
    beforeAll(async () => {
      const res = await employee.agent.post('/api/v1/help/requests', { ...CONTACT, submissionKey: 'help-queue-0001' });
      requestId = res.json().id;
    });

    it('shows a counsellor the requests of their units with the contact, and audits every read per person', async () => {
      const before = (await auditEntries(t, 'crisis.request_viewed', { subjectId: employee.person.id })).length;
      const list = await counsellorA.agent.get('/api/v1/counselling/urgent-requests');
      expect(list.statusCode).toBe(200);
      const item = (list.json().items as Array<Record<string, unknown>>).find((r) => r.id === requestId);
      expect(item).toMatchObject({
        source: 'help_button',
        status: 'open',
        person: { id: employee.person.id, fullName: employee.person.fullName, unitName: 'Bidang Anggaran' },
        contactMethod: 'phone',
        contact: '0274 555 0101',
        note: CONTACT.note,
        acknowledgedBy: null,
      });
      const entries = await auditEntries(t, 'crisis.request_viewed', { subjectId: employee.person.id });
      const fresh = entries.slice(before);
      expect(fresh.length).toBe(list.json().items.length);
      expect(fresh[0]).toMatchObject({
        actor_id: counsellorA.person.id,
        actor_role: 'counsellor',
        purpose: 'crisis_follow_up',
        resource_type: 'crisis_request',
      });
      expect(JSON.stringify(entries)).not.toContain('0274');
      expect(JSON.stringify(entries)).not.toContain(CONTACT.note);
    });

    it('hides requests outside the counsellor’s units, and the queue from everyone else', async () => {
      expect((await counsellorB.agent.get('/api/v1/counselling/urgent-requests')).json().items).toEqual([]);
      expect(
        (await counsellorB.agent.post(`/api/v1/counselling/urgent-requests/${requestId}/acknowledge`)).statusCode,
      ).toBe(404);
      const manager = await loginAs(t, 'manager', { agencyId, unitId: unitA, scopeUnitId: unitA });
      expect((await manager.agent.get('/api/v1/counselling/urgent-requests')).statusCode).toBe(403);
      expect((await employee.agent.get('/api/v1/counselling/urgent-requests')).statusCode).toBe(403);
      const elsewhere = await loginAs(t, 'counsellor');
      expect((await elsewhere.agent.get('/api/v1/counselling/urgent-requests')).json().items).toEqual([]);
      expect((await elsewhere.agent.post(`/api/v1/counselling/urgent-requests/${requestId}/close`)).statusCode).toBe(
        404,
      );
    });

    it('records who took a request up and when it was closed, audited, never re-opened', async () => {
      const ack = await counsellorA.agent.post(`/api/v1/counselling/urgent-requests/${requestId}/acknowledge`);
      expect(ack.json()).toMatchObject({
        status: 'acknowledged',
        acknowledgedBy: { id: counsellorA.person.id },
        acknowledgedAt: expect.any(String),
      });
      const again = await agencyWide.agent.post(`/api/v1/counselling/urgent-requests/${requestId}/acknowledge`);
      expect(again.json().acknowledgedBy.id).toBe(counsellorA.person.id);
      const closed = await agencyWide.agent.post(`/api/v1/counselling/urgent-requests/${requestId}/close`);
      expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
      const late = await counsellorA.agent.post(`/api/v1/counselling/urgent-requests/${requestId}/acknowledge`);
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('crisis_request_closed');
      const active = (await agencyWide.agent.get('/api/v1/counselling/urgent-requests')).json().items as Array<{
        id: string;
      }>;
      expect(active.map((r) => r.id)).not.toContain(requestId);
      const done = (await agencyWide.agent.get('/api/v1/counselling/urgent-requests?status=closed')).json()
        .items as Array<{ id: string }>;
      expect(done.map((r) => r.id)).toContain(requestId);
      expect(await auditEntries(t, 'crisis.request_acknowledged', { resourceId: requestId })).toHaveLength(2);
      expect(await auditEntries(t, 'crisis.request_closed', { resourceId: requestId })).toEqual([
        expect.objectContaining({
          actor_id: agencyWide.person.id,
          subject_id: employee.person.id,
          purpose: 'crisis_follow_up',
        }),
      ]);
    });

    it('shows the person who read their request; the agency audit log does not say whose it was', async () => {
      const log = (await employee.agent.get('/api/v1/me/access-log')).json().items as Array<{
        action: string;
        actor: { id: string };
        purpose: string;
      }>;
      const viewers = log.filter((e) => e.action === 'crisis.request_viewed').map((e) => [e.actor.id, e.purpose]);
      expect(viewers).toContainEqual([counsellorA.person.id, 'crisis_follow_up']);
      expect(viewers).toContainEqual([agencyWide.person.id, 'crisis_follow_up']);
      const admin = await loginAs(t, 'agency_admin', { agencyId });
      const audit = (await admin.agent.get('/api/v1/audit?action=crisis.request_viewed')).json().items as Array<{
        subject: unknown;
        resourceId: unknown;
      }>;
      expect(audit.length).toBeGreaterThan(0);
      for (const e of audit) expect(e).toMatchObject({ subject: null, resourceId: null });
      const bySubject = (await admin.agent.get(`/api/v1/audit?subjectId=${employee.person.id}`)).json().items as Array<{
        action: string;
      }>;
      expect(bySubject.filter((e) => e.action.startsWith('crisis.') || e.action.startsWith('assessment.'))).toEqual([]);
    });
  });

  describe('sharing a result with a counsellor', () => {
    let resultId: string;
    let shareId: string;
    beforeAll(async () => {
      resultId = (await submitAssessment(employee.agent, 'phq9', PHQ9_MODERATELY_SEVERE)).json().id;
    });

    it('offers the counsellors whose grant covers my unit', async () => {
      const list = (await employee.agent.get('/api/v1/me/counsellors')).json().items as Array<{
        id: string;
        unitName: string;
      }>;
      expect(list.map((c) => c.id).sort()).toEqual([agencyWide.person.id, counsellorA.person.id].sort());
      const self = (await counsellorA.agent.get('/api/v1/me/counsellors')).json().items as Array<{ id: string }>;
      expect(self.map((c) => c.id)).toEqual([agencyWide.person.id]);
    });

    it('shares only with consent, only with such a counsellor, once', async () => {
      const url = `/api/v1/me/assessments/${resultId}/shares`;
      const consentVersion = CONSENT_TEXTS.share_result;
      expect(
        (
          await employee.agent.post(url, { counsellorId: counsellorA.person.id, consentVersion: 'share-result-0' })
        ).json().error.code,
      ).toBe('consent_required');
      expect(
        (await employee.agent.post(url, { counsellorId: counsellorB.person.id, consentVersion })).json().error.code,
      ).toBe('share_not_allowed');
      const manager = await loginAs(t, 'manager', { agencyId, unitId: unitA });
      expect((await employee.agent.post(url, { counsellorId: manager.person.id, consentVersion })).statusCode).toBe(
        422,
      );
      const other = await loginAs(t, 'employee', { agencyId, unitId: unitA });
      expect((await other.agent.post(url, { counsellorId: counsellorA.person.id, consentVersion })).statusCode).toBe(
        404,
      );
      const shared = await employee.agent.post(url, { counsellorId: counsellorA.person.id, consentVersion });
      expect(shared.statusCode).toBe(201);
      expect(shared.json()).toMatchObject({
        counsellor: { id: counsellorA.person.id, fullName: counsellorA.person.fullName },
        revokedAt: null,
      });
      shareId = shared.json().id;
      const twice = await employee.agent.post(url, { counsellorId: counsellorA.person.id, consentVersion });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe('share_exists');
      expect((await employee.agent.get(`/api/v1/me/assessments/${resultId}`)).json().shares).toEqual([shared.json()]);
      const consents = (await employee.agent.get('/api/v1/me/consents')).json().items as Array<Record<string, unknown>>;
      expect(consents.find((c) => c.purpose === 'share_result')).toMatchObject({
        purpose: 'share_result',
        textVersion: 'share-result-1',
        subjectType: 'counsellor',
        subjectId: counsellorA.person.id,
        counsellorName: counsellorA.person.fullName,
        withdrawnAt: null,
      });
    });

    it('lets that counsellor alone read it, each read audited in the owner’s access log', async () => {
      const inbox = (await counsellorA.agent.get('/api/v1/counselling/shared-results')).json().items;
      expect(inbox).toEqual([
        {
          shareId,
          person: { id: employee.person.id, fullName: employee.person.fullName, unitName: 'Bidang Anggaran' },
          instrumentId: 'phq9',
          resultCreatedAt: expect.any(String),
          grantedAt: expect.any(String),
        },
      ]);
      expect((await agencyWide.agent.get('/api/v1/counselling/shared-results')).json().items).toEqual([]);
      expect((await agencyWide.agent.get(`/api/v1/counselling/shared-results/${shareId}`)).statusCode).toBe(404);
      t.clock.advance(1_000);
      const read = await counsellorA.agent.get(`/api/v1/counselling/shared-results/${shareId}`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({
        shareId,
        answers: PHQ9_MODERATELY_SEVERE,
        result: { id: resultId, result: { total: 17, band: 'moderately_severe' }, bandLabel: 'cukup berat' },
      });
      const audited = await auditEntries(t, 'assessment.shared_result_viewed', { subjectId: employee.person.id });
      expect(audited).toEqual([
        expect.objectContaining({
          actor_id: counsellorA.person.id,
          actor_role: 'counsellor',
          resource_type: 'result_share',
          resource_id: shareId,
          purpose: 'counselling',
          details: null,
        }),
      ]);
      const log = (await employee.agent.get('/api/v1/me/access-log')).json().items as Array<Record<string, unknown>>;
      expect(log[0]).toMatchObject({
        action: 'assessment.shared_result_viewed',
        actor: { id: counsellorA.person.id, fullName: counsellorA.person.fullName },
        actorRole: 'counsellor',
        purpose: 'counselling',
        resourceType: 'result_share',
      });
      // Paged newest first with a cursor, every entry once.
      const pages: string[] = [];
      let cursor: string | null = null;
      do {
        const page = (
          await employee.agent.get(`/api/v1/me/access-log?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        ).json() as { items: Array<{ id: string }>; nextCursor: string | null };
        pages.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(pages).toEqual(log.map((e) => e.id));
      // Nobody else's log shows it, and the person's own actions are not in their access log.
      expect(((await counsellorA.agent.get('/api/v1/me/access-log')).json().items as unknown[]).length).toBe(0);
    });

    it('stops at once when the person revokes the share', async () => {
      expect((await counsellorB.agent.delete(`/api/v1/me/assessments/${resultId}/shares/${shareId}`)).statusCode).toBe(
        404,
      );
      const revoked = await employee.agent.delete(`/api/v1/me/assessments/${resultId}/shares/${shareId}`);
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json().revokedAt).toEqual(expect.any(String));
      expect(
        (await employee.agent.delete(`/api/v1/me/assessments/${resultId}/shares/${shareId}`)).json().revokedAt,
      ).toBe(revoked.json().revokedAt);
      expect((await counsellorA.agent.get(`/api/v1/counselling/shared-results/${shareId}`)).statusCode).toBe(404);
      expect((await counsellorA.agent.get('/api/v1/counselling/shared-results')).json().items).toEqual([]);
      const consent = (
        (await employee.agent.get('/api/v1/me/consents')).json().items as Array<{
          purpose: string;
          withdrawnAt: string | null;
        }>
      ).find((c) => c.purpose === 'share_result');
      expect(consent?.withdrawnAt).toBe(revoked.json().revokedAt);
      // A fresh share after a revocation is a new consent.
      const again = await employee.agent.post(`/api/v1/me/assessments/${resultId}/shares`, {
        counsellorId: counsellorA.person.id,
        consentVersion: CONSENT_TEXTS.share_result,
      });
      expect(again.statusCode).toBe(201);
    });
  });

  describe('notifications', () => {
    it('shows a person their own notifications and lets them mark them read', async () => {
      const mine = await agencyWide.agent.get('/api/v1/me/notifications');
      expect(mine.statusCode).toBe(200);
      const { items, unread } = mine.json() as {
        items: Array<{ id: string; kind: string; readAt: string | null }>;
        unread: number;
      };
      expect(items.length).toBeGreaterThan(0);
      expect(unread).toBe(items.filter((n) => n.readAt === null).length);
      expect(items[0]).toMatchObject({ kind: 'crisis.request', payload: { requestId: expect.any(String) } });
      const first = items[0] as { id: string };
      expect((await counsellorB.agent.post(`/api/v1/me/notifications/${first.id}/read`)).statusCode).toBe(404);
      expect((await agencyWide.agent.post(`/api/v1/me/notifications/${first.id}/read`)).json()).toEqual({ ok: true });
      expect((await agencyWide.agent.get('/api/v1/me/notifications')).json().unread).toBe(unread - 1);
      await agencyWide.agent.post('/api/v1/me/notifications/read-all');
      expect((await agencyWide.agent.get('/api/v1/me/notifications')).json().unread).toBe(0);
      expect((await counsellorA.agent.get('/api/v1/me/notifications')).json().unread).toBeGreaterThan(0);
      expect((await t.anonymous().get('/api/v1/me/notifications')).statusCode).toBe(401);
    });
  });
});

describe.skipIf(postgresSkipReason())('a crisis request survives a restart between submit and delivery', () => {
  it('is delivered once by the next app on the same database', async () => {
    const first = await createTestApp();
    const { agencyId, rootUnitId } = await createAgency(first.services.db.db);
    const counsellor = await addCounsellor(first, agencyId, rootUnitId);
    const employee = await loginAs(first, 'employee', { agencyId, unitId: rootUnitId });
    const res = await submitAssessment(employee.agent, 'phq9', PHQ9_CRISIS, { contactRequest: CONTACT });
    expect(res.statusCode).toBe(201);
    // The process stops before its job runner ever ran: nothing was delivered.
    await first.app.close();
    await first.database.reopen();
    const second = await createTestAppOn(first.database, first.services.config, first.clock);
    try {
      const db = second.services.db.db;
      expect(await db.selectFrom('notifications').select('id').execute()).toEqual([]);
      await second.services.jobs.drain();
      await second.services.jobs.drain();
      const notes = await db.selectFrom('notifications').selectAll().where('person_id', '=', counsellor.id).execute();
      expect(notes).toEqual([
        expect.objectContaining({
          kind: 'crisis.request',
          payload: JSON.stringify({ requestId: res.json().contactRequestId }),
        }),
      ]);
      const emails = await db.selectFrom('email_outbox').select(['to_address', 'template']).execute();
      expect(emails).toEqual([{ to_address: counsellor.email, template: 'crisis_request' }]);
      const job = await db.selectFrom('jobs').selectAll().where('kind', '=', 'crisis.notify').executeTakeFirstOrThrow();
      expect(job.completed_at).not.toBeNull();
      // The contact is still readable after the restart (same key): the counsellor can call.
      const counsellorAgent = second.anonymous();
      await counsellorAgent.signIn(
        counsellor.email,
        counsellor.password as string,
        counsellor.totpSecret,
        second.clock.now(),
      );
      const queue = (await counsellorAgent.get('/api/v1/counselling/urgent-requests')).json().items;
      expect(queue).toEqual([expect.objectContaining({ contact: CONTACT.contact, source: 'assessment' })]);
    } finally {
      await second.close();
    }
  });
});

describe.skipIf(postgresSkipReason())('the crisis outbox alarm (docs/privacy.md §5)', () => {
  it('turns /healthz/crisis-outbox to 503 and logs an error while a request waits too long, and clears on delivery', async () => {
    const t = await createTestApp();
    try {
      const db = t.services.db.db;
      const { agencyId, rootUnitId } = await createAgency(db);
      await addCounsellor(t, agencyId, rootUnitId);
      const employee = await loginAs(t, 'employee', { agencyId, unitId: rootUnitId });
      const status = async () => {
        const res = await t.anonymous().get('/healthz/crisis-outbox');
        return [res.statusCode, res.json()];
      };
      expect(await status()).toEqual([200, { status: 'ok' }]);
      expect(
        (await submitAssessment(employee.agent, 'phq9', PHQ9_CRISIS, { contactRequest: CONTACT })).statusCode,
      ).toBe(201);
      t.clock.advance(4 * 60_000);
      expect(await status()).toEqual([200, { status: 'ok' }]);
      t.clock.advance(60_000);
      // Only the status is public: no count, no age, nobody's id.
      expect(await status()).toEqual([503, { status: 'delayed' }]);

      const errors: Array<{ obj: Record<string, unknown>; msg: string }> = [];
      const tasks: Array<() => Promise<void>> = [];
      const runner = { every: (task: { run: () => Promise<void> }) => tasks.push(task.run) } as unknown as JobRunner;
      const log = {
        error: (obj: Record<string, unknown>, msg: string) => errors.push({ obj, msg }),
      } as unknown as FastifyBaseLogger;
      watchCrisisOutbox(runner, { db, clock: t.clock, log, alertAfterMinutes: 5 });
      await tasks[0]?.();
      expect(errors).toEqual([
        {
          obj: {
            alert: 'crisis_outbox_delayed',
            status: 'delayed',
            pending: 1,
            oldestMinutes: 5,
            failed: 0,
            alertAfterMinutes: 5,
          },
          msg: expect.stringContaining('crisis outbox delayed'),
        },
      ]);

      await t.services.jobs.drain();
      expect(await status()).toEqual([200, { status: 'ok' }]);
      await tasks[0]?.();
      expect(errors).toHaveLength(1);

      // A request the relay gave up on keeps the alarm on until someone acts.
      await db
        .updateTable('jobs')
        .set({ completed_at: null, failed_at: t.clock.now().toISOString() })
        .where('kind', '=', 'crisis.notify')
        .execute();
      expect(await crisisOutboxState(db, t.clock.now(), 5)).toEqual({
        status: 'delayed',
        pending: 0,
        oldestMinutes: null,
        failed: 1,
      });
    } finally {
      await t.close();
    }
  });
});

describe.skipIf(postgresSkipReason())('a long urgent queue', () => {
  it('shows the newest page and says how many requests wait in all', async () => {
    const t = await createTestApp();
    try {
      const db = t.services.db.db;
      const { agencyId, rootUnitId } = await createAgency(db);
      const counsellor = await loginAs(t, 'counsellor', { agencyId, unitId: rootUnitId });
      const employee = await loginAs(t, 'employee', { agencyId, unitId: rootUnitId });
      const start = t.clock.now().getTime();
      const rows = Array.from({ length: URGENT_QUEUE_LIMIT + 5 }, (_, i) => ({
        id: newId(),
        agency_id: agencyId,
        person_id: employee.person.id,
        unit_id: rootUnitId,
        source: 'help_button',
        result_id: null,
        contact_method: 'phone',
        contact_enc: t.services.keys.encrypt(CONTACT.contact),
        preferred_time: null,
        note_enc: null,
        status: 'open',
        submission_key: `k-${i}`,
        created_at: new Date(start + i * 60_000).toISOString(),
        acknowledged_by: null,
        acknowledged_at: null,
        closed_at: null,
      }));
      for (let i = 0; i < rows.length; i += 50)
        await db
          .insertInto('crisis_requests')
          .values(rows.slice(i, i + 50))
          .execute();
      const res = await counsellor.agent.get('/api/v1/counselling/urgent-requests');
      expect(res.statusCode).toBe(200);
      const { items, total } = res.json() as { items: Array<{ id: string }>; total: number };
      expect(total).toBe(URGENT_QUEUE_LIMIT + 5);
      expect(items).toHaveLength(URGENT_QUEUE_LIMIT);
      // Newest first: the five oldest are the ones left off.
      expect(items[0]?.id).toBe(rows.at(-1)?.id);
      expect(items.map((r) => r.id)).not.toContain(rows[0]?.id);
      const closed = await counsellor.agent.get('/api/v1/counselling/urgent-requests?status=closed');
      expect(closed.json()).toEqual({ items: [], total: 0 });
    } finally {
      await t.close();
    }
  });
});
