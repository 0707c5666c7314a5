import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counsellorProfile } from '../support/booking.js';
import { createAgency, createUnit } from '../support/factories.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

// The test clock starts on Monday 23 November 2026, 09:00 WIB (02:00 UTC).
const TUESDAY_9 = '2026-11-24T02:00:00.000Z';
const EVALUATION = 'Tidur kembali teratur, sudah nyaman memimpin rapat pagi';
const NOTE = 'Masih cemas saat apel senin';
const PROFILE = counsellorProfile({ introduction: 'Pendamping pegawai.' });
const PLAN = {
  startDate: '2026-12-07',
  steps: [
    { weeks: 2, percent: 50 },
    { weeks: 2, percent: 75 },
  ],
  checkins: [] as unknown[],
  evaluation: null as string | null,
};

describe.skipIf(postgresSkipReason())('return-to-work plans', () => {
  let t: TestApp;
  let agencyId: string;
  let root: string;
  let bidang: string;
  let sibling: string;
  let counsellor: SignedIn;
  let client: SignedIn;
  let colleague: SignedIn;
  let manager: SignedIn;
  let otherManager: SignedIn;
  const planId = crypto.randomUUID();
  const checkinId = crypto.randomUUID();
  const db = () => t.services.db.db;
  const team = async (who: SignedIn) => {
    const res = await who.agent.get('/api/v1/team/return-to-work');
    expect(res.statusCode).toBe(200);
    return res;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const agency = await createAgency(db());
    agencyId = agency.agencyId;
    root = agency.rootUnitId;
    bidang = await createUnit(db(), agencyId, root, { name: 'Bidang Pelayanan' });
    const seksi = await createUnit(db(), agencyId, bidang, { name: 'Seksi Rujukan' });
    sibling = await createUnit(db(), agencyId, root, { name: 'Bidang Keuangan' });
    counsellor = await loginAs(t, 'counsellor', { agencyId, unitId: root });
    client = await loginAs(t, 'employee', { agencyId, unitId: seksi });
    colleague = await loginAs(t, 'employee', { agencyId, unitId: seksi });
    manager = await loginAs(t, 'manager', { agencyId, unitId: bidang, scopeUnitId: bidang });
    otherManager = await loginAs(t, 'manager', { agencyId, unitId: sibling, scopeUnitId: sibling });
    await counsellor.agent.put('/api/v1/counsellor/profile', PROFILE);
    await counsellor.agent.put('/api/v1/counsellor/availability', {
      rules: [{ weekday: 2, start: '09:00', end: '12:00', modes: ['video'] }],
    });
    const booked = await client.agent.post(
      '/api/v1/booking/appointments',
      { counsellorId: counsellor.person.id, start: TUESDAY_9, mode: 'video', reminders: [] },
      { 'idempotency-key': crypto.randomUUID() },
    );
    expect(booked.statusCode).toBe(201);
  });
  afterAll(async () => t.close());

  describe('the counsellor makes a plan', () => {
    it('lists as clients only the people who booked them', async () => {
      const res = await counsellor.agent.get('/api/v1/counsellor/return-to-work/clients');
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([{ id: client.person.id, name: client.person.fullName, hasPlan: false }]);
    });

    it('refuses a plan for someone who is not their client, or from another agency', async () => {
      for (const clientId of [colleague.person.id, (await loginAs(t, 'employee')).person.id]) {
        const res = await counsellor.agent.post('/api/v1/counsellor/return-to-work/plans', {
          ...PLAN,
          id: crypto.randomUUID(),
          clientId,
        });
        expect(res.statusCode).toBe(404);
      }
      expect(await db().selectFrom('return_plans').select('id').execute()).toEqual([]);
    });

    it('refuses bad input with localized details, and steps that fall back', async () => {
      const bad = await counsellor.agent.post('/api/v1/counsellor/return-to-work/plans', {
        ...PLAN,
        id: crypto.randomUUID(),
        clientId: client.person.id,
        steps: [],
        startDate: '7-12-2026',
      });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .error.details.map((d: { path: string }) => d.path)
          .sort(),
      ).toEqual(['startDate', 'steps']);
      const falling = await counsellor.agent.post('/api/v1/counsellor/return-to-work/plans', {
        ...PLAN,
        id: crypto.randomUUID(),
        clientId: client.person.id,
        steps: [
          { weeks: 2, percent: 75 },
          { weeks: 2, percent: 50 },
        ],
      });
      expect(falling.statusCode).toBe(422);
      expect(falling.json().error.code).toBe('steps_must_rise');
      expect(await db().selectFrom('return_plans').select('id').execute()).toEqual([]);
    });

    it('creates it once when sent again, with the evaluation and notes sealed', async () => {
      const body = {
        ...PLAN,
        id: planId,
        clientId: client.person.id,
        evaluation: EVALUATION,
        checkins: [{ id: checkinId, dueOn: '2026-12-18', done: false, note: NOTE }],
      };
      const first = await counsellor.agent.post('/api/v1/counsellor/return-to-work/plans', body);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        version: 1,
        agreedVersion: null,
        sharedWithManager: false,
        evaluation: EVALUATION,
        fullFrom: '2027-01-04',
        periods: [
          { from: '2026-12-07', to: '2026-12-20', percent: 50 },
          { from: '2026-12-21', to: '2027-01-03', percent: 75 },
        ],
      });
      expect((await counsellor.agent.post('/api/v1/counsellor/return-to-work/plans', body)).statusCode).toBe(200);
      const rows = await db().selectFrom('return_plans').selectAll().execute();
      expect(rows).toHaveLength(1);
      const raw = JSON.stringify([rows, await db().selectFrom('return_plan_checkins').selectAll().execute()]);
      expect(raw).not.toContain('Tidur kembali');
      expect(raw).not.toContain('apel senin');
      const audited = await db()
        .selectFrom('audit_log')
        .select('subject_id')
        .where('action', '=', 'return_plan.created')
        .execute();
      expect(audited).toEqual([{ subject_id: client.person.id }]);
    });
  });

  describe('the client agrees and shares', () => {
    it('shows the client the plan', async () => {
      const res = await client.agent.get('/api/v1/return-to-work/plans');
      expect(res.statusCode).toBe(200);
      expect(res.json().items[0]).toMatchObject({ id: planId, counsellorName: counsellor.person.fullName });
    });

    it('shows a manager nothing before consent', async () => {
      expect((await team(manager)).json().items).toEqual([]);
      expect((await manager.agent.get(`/api/v1/team/return-to-work/${client.person.id}`)).statusCode).toBe(404);
    });

    it('refuses sharing before agreeing, and agreeing to a version that is not the current one', async () => {
      const share = await client.agent.post(`/api/v1/return-to-work/plans/${planId}/share`, { share: true });
      expect(share.statusCode).toBe(409);
      expect(share.json().error.code).toBe('return_plan_not_agreed');
      const stale = await client.agent.post(`/api/v1/return-to-work/plans/${planId}/agree`, { version: 2 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('return_plan_changed');
    });

    it('records the agreement with the wording’s version, then shares the schedule alone', async () => {
      const agreed = await client.agent.post(`/api/v1/return-to-work/plans/${planId}/agree`, { version: 1 });
      expect(agreed.statusCode).toBe(200);
      expect(agreed.json()).toMatchObject({ agreedVersion: 1 });
      const row = await db()
        .selectFrom('return_plans')
        .select(['agreement_text_version'])
        .where('id', '=', planId)
        .executeTakeFirstOrThrow();
      expect(row.agreement_text_version).toBe('rtw-agree-2026-12');
      expect(
        (await client.agent.post(`/api/v1/return-to-work/plans/${planId}/share`, { share: true })).statusCode,
      ).toBe(200);

      const res = await team(manager);
      expect(res.json()).toEqual({
        items: [
          {
            personId: client.person.id,
            personName: client.person.fullName,
            startDate: '2026-12-07',
            periods: [
              { from: '2026-12-07', to: '2026-12-20', percent: 50 },
              { from: '2026-12-21', to: '2027-01-03', percent: 75 },
            ],
            fullFrom: '2027-01-04',
          },
        ],
      });
      for (const secret of [EVALUATION, NOTE, counsellor.person.fullName, counsellor.person.id, '2026-12-18'])
        expect(res.body).not.toContain(secret);
      const audited = await db()
        .selectFrom('audit_log')
        .select(['actor_id', 'subject_id'])
        .where('action', '=', 'return_plan.schedule_viewed')
        .execute();
      expect(audited).toEqual([{ actor_id: manager.person.id, subject_id: client.person.id }]);
      // The list names the person (the manager knows their people), never the plan.
      expect(res.body).not.toContain(planId);
    });

    it('shows nothing to a manager of another unit, or to an agency admin', async () => {
      expect((await manager.agent.get(`/api/v1/team/return-to-work/${client.person.id}`)).statusCode).toBe(200);
      expect((await team(otherManager)).json().items).toEqual([]);
      expect((await otherManager.agent.get(`/api/v1/team/return-to-work/${client.person.id}`)).statusCode).toBe(404);
      const admin = await loginAs(t, 'agency_admin', { agencyId, unitId: root });
      expect((await admin.agent.get('/api/v1/team/return-to-work')).statusCode).toBe(403);
      expect((await client.agent.get('/api/v1/team/return-to-work')).statusCode).toBe(403);
    });

    it('drops the schedule from the manager’s view when the counsellor changes it, until agreed again', async () => {
      const res = await counsellor.agent.put(`/api/v1/counsellor/return-to-work/plans/${planId}`, {
        ...PLAN,
        steps: [
          { weeks: 3, percent: 50 },
          { weeks: 2, percent: 75 },
        ],
        evaluation: EVALUATION,
        checkins: [{ id: checkinId, dueOn: '2026-12-18', done: true, note: NOTE }],
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ version: 2, agreedVersion: 1, sharedWithManager: true });
      expect(res.json().checkins[0]).toMatchObject({ done: true, note: NOTE });
      expect((await team(manager)).json().items).toEqual([]);
      await client.agent.post(`/api/v1/return-to-work/plans/${planId}/agree`, { version: 2 });
      expect((await team(manager)).json().items[0].periods[0]).toEqual({
        from: '2026-12-07',
        to: '2026-12-27',
        percent: 50,
      });
    });

    it('takes the schedule away from the manager the moment consent is revoked', async () => {
      const res = await client.agent.post(`/api/v1/return-to-work/plans/${planId}/share`, { share: false });
      expect(res.statusCode).toBe(200);
      expect((await team(manager)).json().items).toEqual([]);
      expect((await manager.agent.get(`/api/v1/team/return-to-work/${client.person.id}`)).statusCode).toBe(404);
    });
  });

  describe('who is told', () => {
    const told = async (who: SignedIn) => {
      const res = await who.agent.get('/api/v1/me/notifications');
      const items = (res.json().items as { kind: string; payload: Record<string, unknown> }[]).filter((n) =>
        n.kind.startsWith('return_plan.'),
      );
      return { items, body: JSON.stringify(items) };
    };

    it('tells the client the plan was proposed and changed, in words with no reason', async () => {
      const { items, body } = await told(client);
      expect(items.map((n) => n.kind).sort()).toEqual(['return_plan.changed', 'return_plan.proposed']);
      for (const n of items) expect(n.payload).toEqual({ planId });
      for (const secret of [EVALUATION, NOTE]) expect(body).not.toContain(secret);
    });

    it('tells the managers of the client’s unit, and only them, when the schedule is shared and withdrawn', async () => {
      const { items, body } = await told(manager);
      expect(items.map((n) => n.kind).sort()).toEqual([
        'return_plan.schedule_shared',
        'return_plan.schedule_withdrawn',
      ]);
      for (const n of items) expect(n.payload).toEqual({ personName: client.person.fullName });
      for (const secret of [EVALUATION, NOTE, planId, counsellor.person.fullName]) expect(body).not.toContain(secret);
      expect((await told(otherManager)).items).toEqual([]);
      expect((await told(counsellor)).items).toEqual([]);
      expect((await told(colleague)).items).toEqual([]);
    });

    it('reminds the client of a check-in the day before, once', async () => {
      const id = crypto.randomUUID();
      const res = await counsellor.agent.post('/api/v1/counsellor/return-to-work/plans', {
        ...PLAN,
        id,
        clientId: client.person.id,
        checkins: [{ id: crypto.randomUUID(), dueOn: '2026-12-14', done: false, note: null }],
      });
      expect(res.statusCode, res.body).toBe(201);
      // Sessions do not last ten days: the sweep runs on the moved clock, and the reading on today's.
      const sweepOn = async (at: string) => {
        const start = t.clock.now();
        t.clock.set(new Date(at));
        try {
          return await t.services.returnToWork.remindDueCheckins();
        } finally {
          t.clock.set(start);
        }
      };
      const due = async () => (await told(client)).items.filter((n) => n.kind === 'return_plan.checkin_due');
      // Saturday 12 December, 09:00 WIB: two days ahead, not yet.
      await sweepOn('2026-12-12T02:00:00.000Z');
      expect(await due()).toEqual([]);
      expect(await sweepOn('2026-12-13T02:00:00.000Z')).toBe(1);
      await sweepOn('2026-12-13T03:00:00.000Z');
      expect((await due()).map((n) => n.payload)).toEqual([{ planId: id, date: '2026-12-14' }]);
      expect((await told(colleague)).items).toEqual([]);
    });
  });

  it('keeps everyone else out of the plan', async () => {
    const others: SignedIn[] = [
      colleague,
      manager,
      await loginAs(t, 'counsellor', { agencyId, unitId: root }),
      await loginAs(t, 'wellbeing_admin', { agencyId, unitId: root }),
      await loginAs(t, 'agency_admin', { agencyId, unitId: root }),
      await loginAs(t, 'platform_admin'),
      await loginAs(t, 'counsellor'),
      await loginAs(t, 'employee'),
    ];
    for (const who of others) {
      const answers = [
        await who.agent.get(`/api/v1/counsellor/return-to-work/plans/${planId}`),
        await who.agent.put(`/api/v1/counsellor/return-to-work/plans/${planId}`, PLAN),
        await who.agent.post(`/api/v1/counsellor/return-to-work/plans/${planId}/close`),
        await who.agent.post(`/api/v1/return-to-work/plans/${planId}/agree`, { version: 2 }),
        await who.agent.post(`/api/v1/return-to-work/plans/${planId}/share`, { share: true }),
        // A plan id of someone else in the body of a create is not theirs to take.
        await who.agent.post('/api/v1/counsellor/return-to-work/plans', {
          ...PLAN,
          id: planId,
          clientId: client.person.id,
        }),
      ];
      for (const r of answers) {
        expect([403, 404]).toContain(r.statusCode);
        expect(r.body).not.toContain('Tidur kembali');
      }
      for (const url of ['/api/v1/return-to-work/plans', '/api/v1/counsellor/return-to-work/plans']) {
        const r = await who.agent.get(url);
        expect(r.body).not.toContain(planId);
      }
    }
    const row = await db()
      .selectFrom('return_plans')
      .select(['version', 'share_with_manager', 'closed_at', 'steps'])
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ version: 2, share_with_manager: 0, closed_at: null });
    expect((await t.anonymous().get('/api/v1/return-to-work/plans')).statusCode).toBe(401);
  });

  it('closes a plan: nothing changes after, and the client can no longer share it', async () => {
    const closed = await counsellor.agent.post(`/api/v1/counsellor/return-to-work/plans/${planId}/close`);
    expect(closed.json().closed).toBe(true);
    expect((await counsellor.agent.put(`/api/v1/counsellor/return-to-work/plans/${planId}`, PLAN)).statusCode).toBe(
      409,
    );
    expect((await client.agent.post(`/api/v1/return-to-work/plans/${planId}/share`, { share: true })).statusCode).toBe(
      409,
    );
  });

  it('keeps a closed plan on the retention schedule for two years, and an open one always', async () => {
    const openId = crypto.randomUUID();
    const opened = await counsellor.agent.post('/api/v1/counsellor/return-to-work/plans', {
      ...PLAN,
      id: openId,
      clientId: client.person.id,
      checkins: [{ id: crypto.randomUUID(), dueOn: '2026-12-14', done: false, note: null }],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const plans = async () =>
      (
        await db().selectFrom('return_plans').select('id').where('agency_id', '=', agencyId).orderBy('id').execute()
      ).map((r) => r.id);
    const checkins = async (id: string) =>
      (await db().selectFrom('return_plan_checkins').select('id').where('plan_id', '=', id).execute()).length;
    const before = await plans();
    expect(before).toHaveLength(3);
    expect(before).toEqual(expect.arrayContaining([planId, openId]));
    const DAY = 86_400_000;
    const start = t.clock.now();
    try {
      t.clock.set(new Date(start.getTime() + 729 * DAY));
      expect((await t.services.dpo.runRetention()).find((r) => r.agencyId === agencyId)?.counts.return_plans).toBe(0);
      expect(await plans()).toHaveLength(3);
      t.clock.set(new Date(start.getTime() + 731 * DAY));
      expect((await t.services.dpo.runRetention()).find((r) => r.agencyId === agencyId)?.counts.return_plans).toBe(1);
      expect(await plans()).toEqual(before.filter((id) => id !== planId));
      expect(await checkins(planId)).toBe(0);
      expect(await checkins(openId)).toBe(1);
    } finally {
      t.clock.set(start);
    }
  });
});
