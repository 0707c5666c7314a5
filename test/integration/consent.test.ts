import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_CONSENT_TEXT } from '../../src/domain/consent/consent.js';
import { submitAssessment } from '../support/assessments.js';
import { counsellorProfile, weekdayHours } from '../support/booking.js';
import { createAgency } from '../support/factories.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

// The test clock starts on Monday 23 November 2026, 09:00 WIB (02:00 UTC).
const TUESDAY_9 = '2026-11-24T02:00:00.000Z';
const PROFILE = counsellorProfile();
const WEEK = weekdayHours('09:00', '12:00', ['video']);
const key = () => crypto.randomUUID();
const SHARED = {
  kind: 'shared_results',
  months: 6,
  textVersion: CURRENT_CONSENT_TEXT.shared_results,
  locale: 'id',
};

describe.skipIf(postgresSkipReason())('counselling consent, the client’s record and the access log', () => {
  let t: TestApp;
  let agencyId: string;
  let counsellor: SignedIn;
  let otherCounsellor: SignedIn;
  let client: SignedIn;
  let colleague: SignedIn;
  let manager: SignedIn;
  let admin: SignedIn;
  let wellbeing: SignedIn;
  let foreignCounsellor: SignedIn;
  let consentId: string;
  const grant = (who: SignedIn, body: Record<string, unknown>, k = key()) =>
    who.agent.post('/api/v1/me/counselling/consents', body, { 'idempotency-key': k });
  const timeline = (who: SignedIn, clientId = client.person.id) =>
    who.agent.get(`/api/v1/counselling/clients/${clientId}/timeline`);
  const count = async () =>
    Number(
      (
        await t.services.db.db
          .selectFrom('counselling_consents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.services.db.db;
    const agency = await createAgency(db);
    agencyId = agency.agencyId;
    const root = agency.rootUnitId;
    counsellor = await loginAs(t, 'counsellor', { agencyId, unitId: root });
    otherCounsellor = await loginAs(t, 'counsellor', { agencyId, unitId: root });
    client = await loginAs(t, 'employee', { agencyId, unitId: root });
    colleague = await loginAs(t, 'employee', { agencyId, unitId: root });
    manager = await loginAs(t, 'manager', { agencyId, unitId: root });
    admin = await loginAs(t, 'agency_admin', { agencyId, unitId: root });
    wellbeing = await loginAs(t, 'wellbeing_admin', { agencyId, unitId: root });
    foreignCounsellor = await loginAs(t, 'counsellor');
    expect((await counsellor.agent.put('/api/v1/counsellor/profile', PROFILE)).statusCode).toBe(200);
    expect((await counsellor.agent.put('/api/v1/counsellor/availability', WEEK)).statusCode).toBe(200);
    const booked = await client.agent.post(
      '/api/v1/booking/appointments',
      { counsellorId: counsellor.person.id, start: TUESDAY_9, mode: 'video', reminders: [] },
      { 'idempotency-key': key() },
    );
    expect(booked.statusCode).toBe(201);
    // Three months of PHQ-9 and GAD-7: 17 → 8 → 3 and 11 → 3 (reliable improvement, below the cut-off),
    // taken a month apart (the rows' times are moved back: a session does not live for months).
    const series: Array<[string, number[], string]> = [
      ['phq9', [3, 2, 3, 2, 3, 2, 1, 1, 0], '2026-08-20T02:00:00.000Z'],
      ['gad7', [2, 2, 2, 2, 1, 1, 1], '2026-08-20T02:05:00.000Z'],
      ['phq9', [1, 1, 1, 1, 1, 1, 1, 1, 0], '2026-09-20T02:00:00.000Z'],
      ['phq9', [1, 1, 0, 1, 0, 0, 0, 0, 0], '2026-10-20T02:00:00.000Z'],
      ['gad7', [1, 1, 0, 1, 0, 0, 0], '2026-10-20T02:05:00.000Z'],
    ];
    for (const [instrument, answers, at] of series) {
      const res = await submitAssessment(client.agent, instrument, answers);
      expect(res.statusCode).toBe(201);
      await db.updateTable('assessment_results').set({ created_at: at }).where('id', '=', res.json().id).execute();
    }
  });
  afterAll(async () => t.close());

  describe('giving a consent', () => {
    it('offers the counsellors the client has seen, never the others', async () => {
      const res = await client.agent.get('/api/v1/me/counselling/consent-options');
      expect(res.statusCode).toBe(200);
      expect(res.json().counsellors.map((c: { id: string }) => c.id)).toEqual([counsellor.person.id]);
      expect(res.json().versions.shared_results).toBe('consent.shared_results.v1');
      expect(res.json().defaultMonths).toBe(6);
    });

    it('refuses bad input with localized details and stores nothing', async () => {
      const res = await grant(client, { ...SHARED, counsellorId: 'not-an-id', months: 5, kind: 'everything' });
      expect(res.statusCode).toBe(400);
      const paths = res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort();
      expect(paths).toEqual(['counsellorId', 'kind', 'months']);
      expect(res.json().error.details[0].message).not.toMatch(/^[a-z_.]+$/);
      expect(await count()).toBe(0);
    });

    it('refuses, in words, a counsellor the client has not seen, an old text and a missing recipient', async () => {
      for (const [body, code] of [
        [{ ...SHARED, counsellorId: otherCounsellor.person.id }, 'consent_counsellor'],
        [{ ...SHARED, counsellorId: foreignCounsellor.person.id }, 'consent_counsellor'],
        [
          { ...SHARED, counsellorId: counsellor.person.id, textVersion: 'consent.shared_results.v0' },
          'consent_text_outdated',
        ],
        [
          {
            ...SHARED,
            counsellorId: counsellor.person.id,
            kind: 'notes_transfer',
            textVersion: CURRENT_CONSENT_TEXT.notes_transfer,
          },
          'consent_recipient',
        ],
        [
          { ...SHARED, counsellorId: counsellor.person.id, recipientId: otherCounsellor.person.id },
          'consent_recipient',
        ],
      ] as const) {
        const res = await grant(client, body);
        expect(res.statusCode, code).toBe(422);
        expect(res.json().error.code).toBe(code);
        expect(res.json().error.message.length).toBeGreaterThan(20);
      }
      expect(await count()).toBe(0);
    });

    it('needs an Idempotency-Key', async () => {
      const res = await client.agent.post('/api/v1/me/counselling/consents', {
        ...SHARED,
        counsellorId: counsellor.person.id,
      });
      expect(res.statusCode).toBe(400);
      expect(await count()).toBe(0);
    });

    it('is the signed-in person’s own: a counsellor, manager or admin grants only as a client', async () => {
      // Each of them is an employee too; none has seen this counsellor, so none may grant.
      for (const who of [otherCounsellor, manager, admin, wellbeing]) {
        const res = await grant(who, { ...SHARED, counsellorId: counsellor.person.id });
        expect(res.statusCode).toBe(422);
        expect(res.json().error.code).toBe('consent_counsellor');
      }
      const anonymous = await t.anonymous().get('/api/v1/me/counselling/consents');
      expect(anonymous.statusCode).toBe(401);
      expect(await count()).toBe(0);
    });

    it('grants for six months with the words’ version and hash; a retry is stored once', async () => {
      const k = key();
      const first = await grant(client, { ...SHARED, counsellorId: counsellor.person.id }, k);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        kind: 'shared_results',
        status: 'active',
        months: 6,
        counsellor: { id: counsellor.person.id },
        grantedAt: '2026-11-23T02:00:00.000Z',
        expiresAt: '2027-05-23T02:00:00.000Z',
        revokedAt: null,
      });
      consentId = first.json().id;
      const again = await grant(client, { ...SHARED, counsellorId: counsellor.person.id }, k);
      expect(again.statusCode).toBe(200);
      expect(again.json().id).toBe(consentId);
      expect(await count()).toBe(1);
      const row = await t.services.db.db
        .selectFrom('counselling_consents')
        .selectAll()
        .where('id', '=', consentId)
        .executeTakeFirstOrThrow();
      expect(row.text_version).toBe('consent.shared_results.v1');
      expect(row.text_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('refuses a second consent of the same kind while the first holds', async () => {
      const res = await grant(client, { ...SHARED, counsellorId: counsellor.person.id });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('consent_exists');
      expect(await count()).toBe(1);
    });

    it('is what other modules ask', async () => {
      const { consents } = t.services;
      expect(await consents.isActive(client.person.id, counsellor.person.id, 'shared_results')).toBe(true);
      expect(await consents.isActive(client.person.id, counsellor.person.id, 'check_in_trends')).toBe(false);
      expect(await consents.isActive(client.person.id, otherCounsellor.person.id, 'shared_results')).toBe(false);
      expect(await consents.activeClientsOf(counsellor.person.id, 'shared_results')).toEqual([client.person.id]);
      expect(await consents.activeClientsOf(otherCounsellor.person.id, 'shared_results')).toEqual([]);
    });

    it('lists the client’s history, and the counsellor’s clients — never anyone else’s', async () => {
      const mine = await client.agent.get('/api/v1/me/counselling/consents');
      expect(mine.json().items.map((c: { id: string }) => c.id)).toEqual([consentId]);
      expect((await colleague.agent.get('/api/v1/me/counselling/consents')).json().items).toEqual([]);
      const theirs = await counsellor.agent.get('/api/v1/counselling/consents');
      expect(theirs.statusCode).toBe(200);
      expect(theirs.json().items).toEqual([
        {
          client: { id: client.person.id, fullName: client.person.fullName },
          kind: 'shared_results',
          expiresAt: '2027-05-23T02:00:00.000Z',
          recipient: null,
        },
      ]);
      expect((await otherCounsellor.agent.get('/api/v1/counselling/consents')).json().items).toEqual([]);
      expect((await foreignCounsellor.agent.get('/api/v1/counselling/consents')).json().items).toEqual([]);
      for (const who of [client, manager, admin, wellbeing]) {
        expect((await who.agent.get('/api/v1/counselling/consents')).statusCode).toBe(403);
      }
    });
  });

  describe('the client’s record', () => {
    it('shows the appointments and, with the consent, PHQ-9/GAD-7 with reliable change', async () => {
      const res = await timeline(counsellor);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.client).toMatchObject({ id: client.person.id, fullName: client.person.fullName });
      expect(body.appointments).toHaveLength(1);
      expect(body.consents).toEqual([{ kind: 'shared_results', expiresAt: '2027-05-23T02:00:00.000Z' }]);
      const phq = body.measures.find((m: { instrument: string }) => m.instrument === 'phq9');
      expect(phq.points.map((p: { total: number }) => p.total)).toEqual([17, 8, 3]);
      expect(phq.points.map((p: { band: string }) => p.band)).toEqual(['moderately_severe', 'mild', 'minimal']);
      expect(phq.points[1].step).toEqual({ delta: -9, change: 'improved' });
      expect(phq.points[2].step).toEqual({ delta: -5, change: 'no_reliable_change' });
      expect(phq).toMatchObject({ cutOff: 10, reliableChangePoints: 6 });
      expect(phq.overall).toEqual({ delta: -14, change: 'improved', recovered: true });
      const gad = body.measures.find((m: { instrument: string }) => m.instrument === 'gad7');
      expect(gad.points.map((p: { total: number }) => p.total)).toEqual([11, 3]);
      expect(gad).toMatchObject({ cutOff: 10, reliableChangePoints: 4 });
      expect(gad.overall).toEqual({ delta: -8, change: 'improved', recovered: true });
      // No check-in consent: no check-in line, not even an empty one.
      expect(body.checkInWeeks).toBeNull();
      // Never the answers of a result.
      expect(JSON.stringify(body)).not.toMatch(/answers/);
    });

    it('is audited with the client as subject, and shows in the client’s access log', async () => {
      const entries = await t.services.db.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'timeline.viewed')
        .execute();
      expect(entries.length).toBeGreaterThanOrEqual(1);
      expect(entries[0]).toMatchObject({ actor_id: counsellor.person.id, subject_id: client.person.id });
      const log = await client.agent.get('/api/v1/me/counselling/access-log');
      expect(log.statusCode).toBe(200);
      expect(log.json().items[0]).toMatchObject({
        action: 'timeline.viewed',
        actor: { id: counsellor.person.id, fullName: counsellor.person.fullName },
      });
      // The client's own acts (the grant) are not someone else opening their data.
      expect(log.json().items.map((i: { action: string }) => i.action)).not.toContain('consent.granted');
      expect((await colleague.agent.get('/api/v1/me/counselling/access-log')).json().items).toEqual([]);
    });

    it('is a 404 for a counsellor the client never saw, another agency’s, and any other id', async () => {
      expect((await timeline(otherCounsellor)).statusCode).toBe(404);
      expect((await timeline(foreignCounsellor)).statusCode).toBe(404);
      expect((await timeline(counsellor, colleague.person.id)).statusCode).toBe(404);
      expect((await timeline(counsellor, counsellor.person.id)).statusCode).toBe(404);
      expect((await timeline(counsellor, crypto.randomUUID())).statusCode).toBe(404);
      expect((await timeline(counsellor, 'not-an-id')).statusCode).toBe(400);
      const refused = await t.services.db.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'timeline.viewed')
        .where('actor_id', 'in', [otherCounsellor.person.id, foreignCounsellor.person.id])
        .execute();
      expect(refused).toEqual([]);
    });

    it('is refused to the client, colleagues, managers and admins', async () => {
      for (const who of [client, colleague, manager, admin, wellbeing]) {
        expect((await timeline(who)).statusCode).toBe(403);
      }
      expect((await t.anonymous().get(`/api/v1/counselling/clients/${client.person.id}/timeline`)).statusCode).toBe(
        401,
      );
    });
  });

  describe('revoking', () => {
    it('is the client’s alone', async () => {
      const url = `/api/v1/me/counselling/consents/${consentId}/revoke`;
      expect((await colleague.agent.post(url, {})).statusCode).toBe(404);
      expect((await counsellor.agent.post(url, {})).statusCode).toBe(404);
      expect((await manager.agent.post(url, {})).statusCode).toBe(404);
      expect((await admin.agent.post(url, {})).statusCode).toBe(404);
      expect(await t.services.consents.isActive(client.person.id, counsellor.person.id, 'shared_results')).toBe(true);
    });

    it('takes effect at once: the counsellor’s very next request no longer sees the measures', async () => {
      const res = await client.agent.post(`/api/v1/me/counselling/consents/${consentId}/revoke`, {});
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'revoked', revokedAt: '2026-11-23T02:00:00.000Z' });
      const next = await timeline(counsellor);
      expect(next.statusCode).toBe(200);
      expect(next.json().measures).toBeNull();
      expect(next.json().consents).toEqual([]);
      expect(await t.services.consents.isActive(client.person.id, counsellor.person.id, 'shared_results')).toBe(false);
      expect((await counsellor.agent.get('/api/v1/counselling/consents')).json().items).toEqual([]);
    });

    it('again changes nothing, and the history keeps the consent', async () => {
      t.clock.advance(60_000);
      const res = await client.agent.post(`/api/v1/me/counselling/consents/${consentId}/revoke`, {});
      expect(res.statusCode).toBe(200);
      expect(res.json().revokedAt).toBe('2026-11-23T02:00:00.000Z');
      const history = (await client.agent.get('/api/v1/me/counselling/consents')).json().items;
      expect(history).toHaveLength(1);
      expect(history[0].status).toBe('revoked');
    });
  });

  describe('time limits', () => {
    it('a check-in consent shows the weekly line until it expires', async () => {
      const checkIn = await client.agent.post(
        '/api/v1/me/check-ins',
        { localDate: '2026-11-23', mood: 4, energy: 3, note: 'catatan-pribadi-klien' },
        { 'idempotency-key': `ci-${key()}` },
      );
      expect(checkIn.statusCode).toBeLessThan(300);
      const res = await grant(client, {
        counsellorId: counsellor.person.id,
        kind: 'check_in_trends',
        months: 3,
        textVersion: CURRENT_CONSENT_TEXT.check_in_trends,
        locale: 'en',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().expiresAt).toBe('2027-02-23T02:01:00.000Z');
      const open = await timeline(counsellor);
      const weeks = open.json().checkInWeeks;
      expect(weeks).toHaveLength(12);
      expect(weeks[11]).toEqual({ weekStart: '2026-11-23', count: 1, moodAverage: 4, energyAverage: 3 });
      expect(open.body).not.toContain('catatan-pribadi-klien');
      // Three months on (the row's times moved back: a session does not live for months).
      await t.services.db.db
        .updateTable('counselling_consents')
        .set({ granted_at: '2026-08-23T02:01:00.000Z', expires_at: '2026-11-23T02:01:00.000Z' })
        .where('id', '=', res.json().id)
        .execute();
      const after = await timeline(counsellor);
      expect(after.json().checkInWeeks).toBeNull();
      const history = (await client.agent.get('/api/v1/me/counselling/consents')).json().items;
      expect(history.find((c: { kind: string }) => c.kind === 'check_in_trends').status).toBe('expired');
    });
  });

  describe('the client’s copy of their data', () => {
    it('holds the consents with the words’ version and hash, counsellors by name', async () => {
      const res = await client.agent.get('/api/v1/me/export.json');
      expect(res.statusCode).toBe(200);
      const copy = JSON.parse(res.body).counsellingConsents;
      expect(copy).toHaveLength(2);
      const shared = copy.find((c: { kind: string }) => c.kind === 'shared_results');
      expect(shared).toMatchObject({
        counsellor: counsellor.person.fullName,
        textVersion: 'consent.shared_results.v1',
      });
      expect(shared.textHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(copy)).not.toContain(counsellor.person.id);
    });
  });
});
