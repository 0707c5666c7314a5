import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_TEXTS } from '../../src/domain/assessments/consent.js';
import type { JobRunner } from '../../src/server/modules/jobs/job-runner.js';
import { newId } from '../../src/server/crypto.js';
import { URGENT_QUEUE_LIMIT } from '../../src/server/modules/counselling/index.js';
import { crisisOutboxState, watchCrisisOutbox } from '../../src/server/modules/help/index.js';
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
          band: 'moderately_severe',
          bandLabel: 'cukup berat',
          careStep: 'specialist',
          crisis: false,
          isNew: true,
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
      // Opened: no longer new for this counsellor.
      expect((await counsellorA.agent.get('/api/v1/counselling/shared-results')).json().items[0].isNew).toBe(false);
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
      // The newest entries: the read of the result and (written with it) of the person's requests for help it lists.
      const newest = log.filter((e) => e.occurredAt === log[0]?.occurredAt);
      expect([...new Set(newest.map((e) => e.action))].sort()).toEqual([
        'assessment.shared_result_viewed',
        'crisis.request_viewed',
      ]);
      expect(newest.find((e) => e.action === 'assessment.shared_result_viewed')).toMatchObject({
        action: 'assessment.shared_result_viewed',
        actor: { id: counsellorA.person.id, fullName: counsellorA.person.fullName },
        actorRole: 'counsellor',
        purpose: 'counselling',
        resourceType: 'result_share',
      });
      // Paged newest first with a cursor: every audit row in exactly one entry, no entry twice.
      const pages: Array<{ id: string; count: number }> = [];
      let cursor: string | null = null;
      do {
        const page = (
          await employee.agent.get(`/api/v1/me/access-log?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        ).json() as { items: Array<{ id: string; count: number }>; nextCursor: string | null };
        pages.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      const rows = await db()
        .selectFrom('audit_log')
        .select('id')
        .where('subject_id', '=', employee.person.id)
        .where('actor_id', 'is not', null)
        .where('actor_id', '!=', employee.person.id)
        .execute();
      expect(pages.reduce((n, e) => n + e.count, 0)).toBe(rows.length);
      expect(log.reduce((n, e) => n + (e.count as number), 0)).toBe(rows.length);
      expect(new Set(pages.map((e) => e.id)).size).toBe(pages.length);
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

  describe('triage of shared results', () => {
    let person: SignedIn;
    const shares: Record<string, string> = {};
    let requestId: string;
    const share = async (resultId: string, counsellorId: string) => {
      const res = await person.agent.post(`/api/v1/me/assessments/${resultId}/shares`, {
        counsellorId,
        consentVersion: CONSENT_TEXTS.share_result,
      });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    beforeAll(async () => {
      person = await loginAs(t, 'employee', { agencyId, unitId: unitA });
      // Oldest to newest: a minimal PHQ-9, a crisis answer (low total) asking to be contacted,
      // a severe GAD-7, a moderately severe PHQ-9 and a newer minimal PHQ-9.
      const submitted: Array<[string, string, number[], Record<string, unknown>?]> = [
        ['minimalOld', 'phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0]],
        ['crisis', 'phq9', PHQ9_CRISIS, { contactRequest: CONTACT }],
        ['gadSevere', 'gad7', [3, 3, 3, 2, 2, 1, 1]],
        ['phqModSevere', 'phq9', PHQ9_MODERATELY_SEVERE],
        ['minimalNew', 'phq9', [0, 0, 0, 1, 0, 0, 0, 0, 0]],
      ];
      for (const [name, instrument, answers, extra] of submitted) {
        t.clock.advance(60_000);
        const res = await submitAssessment(person.agent, instrument, answers, extra);
        expect(res.statusCode).toBe(201);
        if (name === 'crisis') requestId = res.json().contactRequestId;
        shares[name] = await share(res.json().id, counsellorA.person.id);
      }
    });

    const inboxOf = async (who: SignedIn) =>
      (
        (await who.agent.get('/api/v1/counselling/shared-results')).json().items as Array<Record<string, unknown>>
      ).filter((i) => (i.person as { id: string }).id === person.person.id);

    it('lists crisis first, then by care step, then newest, with band, crisis and "new"', async () => {
      const inbox = await inboxOf(counsellorA);
      expect(inbox.map((i) => i.shareId)).toEqual([
        shares.crisis,
        shares.gadSevere,
        shares.phqModSevere,
        shares.minimalNew,
        shares.minimalOld,
      ]);
      expect(inbox[0]).toMatchObject({ crisis: true, band: 'minimal', careStep: 'self_care', isNew: true });
      expect(inbox[1]).toMatchObject({ instrumentId: 'gad7', band: 'severe', careStep: 'urgent', crisis: false });
      expect(inbox.every((i) => i.isNew === true)).toBe(true);
    });

    it('marks only the share this counsellor opened as no longer new, and only for them', async () => {
      const again = await share(
        (
          await db()
            .selectFrom('result_shares')
            .select('result_id')
            .where('id', '=', shares.gadSevere!)
            .executeTakeFirstOrThrow()
        ).result_id,
        agencyWide.person.id,
      );
      expect((await counsellorA.agent.get(`/api/v1/counselling/shared-results/${shares.gadSevere}`)).statusCode).toBe(
        200,
      );
      const inbox = await inboxOf(counsellorA);
      expect(inbox.filter((i) => i.isNew === false).map((i) => i.shareId)).toEqual([shares.gadSevere]);
      const wide = await inboxOf(agencyWide);
      expect(wide).toEqual([expect.objectContaining({ shareId: again, isNew: true })]);
    });

    it('shows the person’s requests for help and earlier shares on a shared result, each request read audited', async () => {
      const before = (await auditEntries(t, 'crisis.request_viewed', { resourceId: requestId })).length;
      t.clock.advance(1_000);
      const read = await counsellorA.agent.get(`/api/v1/counselling/shared-results/${shares.phqModSevere}`);
      expect(read.statusCode).toBe(200);
      expect(read.json().requests).toEqual([
        { id: requestId, status: 'open', createdAt: expect.any(String), source: 'assessment' },
      ]);
      expect((read.json().earlier as Array<{ shareId: string }>).map((e) => e.shareId)).toEqual([
        shares.crisis,
        shares.gadSevere,
        shares.minimalNew,
        shares.minimalOld,
      ]);
      const after = await auditEntries(t, 'crisis.request_viewed', { resourceId: requestId });
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)).toMatchObject({
        actor_id: counsellorA.person.id,
        subject_id: person.person.id,
        purpose: 'crisis_follow_up',
      });
    });

    it('gives the wrong counsellor a 404 and everyone else a 401 or 403, never the data', async () => {
      const url = `/api/v1/counselling/shared-results/${shares.crisis}`;
      expect((await counsellorB.agent.get(url)).statusCode).toBe(404);
      expect((await agencyWide.agent.get(url)).statusCode).toBe(404);
      expect(await inboxOf(counsellorB)).toEqual([]);
      const other = await loginAs(t, 'employee', { agencyId, unitId: unitA });
      expect((await other.agent.get(url)).statusCode).toBe(403);
      expect((await other.agent.get('/api/v1/counselling/shared-results')).statusCode).toBe(403);
      const admin = await loginAs(t, 'agency_admin', { agencyId });
      const denied = await admin.agent.get(url);
      expect(denied.statusCode).toBe(403);
      expect(denied.body).not.toContain(person.person.fullName);
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
      expect((await counsellorA.agent.get('/api/v1/counselling/shared-results/not-a-uuid')).statusCode).toBe(400);
    });
  });

  describe('the access log groups repeated reads', () => {
    let person: SignedIn;
    const recordOne = newId();
    const recordTwo = newId();
    beforeAll(async () => {
      person = await loginAs(t, 'employee', { agencyId, unitId: unitA });
      const read = (at: string, actorId: string, resourceId: string) => ({
        id: newId(),
        agency_id: agencyId,
        occurred_at: at,
        actor_id: actorId,
        actor_role: 'counsellor',
        subject_id: person.person.id,
        action: 'assessment.shared_result_viewed',
        resource_type: 'result_share',
        resource_id: resourceId,
        purpose: 'counselling',
        outcome: 'success',
        request_id: null,
        details: null,
      });
      const a = counsellorA.person.id;
      await db()
        .insertInto('audit_log')
        .values([
          read('2026-03-02T03:00:00.000Z', a, recordOne),
          read('2026-03-02T02:40:00.000Z', a, recordOne),
          read('2026-03-02T02:30:00.000Z', a, recordTwo),
          read('2026-03-02T02:20:00.000Z', agencyWide.person.id, recordOne),
          read('2026-03-02T02:00:00.000Z', a, recordOne),
          read('2026-03-02T01:59:00.000Z', a, recordOne),
        ])
        .execute();
    });

    it('makes one entry of one reader’s reads of one record within an hour; another record, reader or hour stays apart', async () => {
      const log = (await person.agent.get('/api/v1/me/access-log')).json();
      expect(
        (log.items as Array<Record<string, unknown>>).map((e) => [
          (e.actor as { id: string }).id,
          e.count,
          e.firstAt,
          e.occurredAt,
        ]),
      ).toEqual([
        [counsellorA.person.id, 3, '2026-03-02T02:00:00.000Z', '2026-03-02T03:00:00.000Z'],
        [counsellorA.person.id, 1, '2026-03-02T02:30:00.000Z', '2026-03-02T02:30:00.000Z'],
        [agencyWide.person.id, 1, '2026-03-02T02:20:00.000Z', '2026-03-02T02:20:00.000Z'],
        [counsellorA.person.id, 1, '2026-03-02T01:59:00.000Z', '2026-03-02T01:59:00.000Z'],
      ]);
      expect(log.nextCursor).toBeNull();
      // The audit log itself keeps every read.
      expect(await auditEntries(t, 'assessment.shared_result_viewed', { subjectId: person.person.id })).toHaveLength(6);
    });

    it('pages the entries with every read in exactly one of them', async () => {
      const counts: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = (
          await person.agent.get(`/api/v1/me/access-log?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
        ).json() as { items: Array<{ count: number }>; nextCursor: string | null };
        expect(page.items.length).toBeLessThanOrEqual(1);
        counts.push(...page.items.map((e) => e.count));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 20);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(6);
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
      // The next page holds the five oldest (decision 043: keyset paging).
      const next = await counsellor.agent.get(`/api/v1/counselling/urgent-requests?cursor=${res.json().nextCursor}`);
      expect(next.json().items.map((r: { id: string }) => r.id)).toEqual(
        rows
          .slice(0, 5)
          .reverse()
          .map((r) => r.id),
      );
      expect(next.json().nextCursor).toBeNull();
      const closed = await counsellor.agent.get('/api/v1/counselling/urgent-requests?status=closed');
      expect(closed.json()).toMatchObject({ items: [], total: 0, nextCursor: null });
    } finally {
      await t.close();
    }
  });
});
