import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counsellorProfile, weekdayHours } from '../support/booking.js';
import { createAgency } from '../support/factories.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

// The test clock starts on Monday 23 November 2026, 09:00 WIB (02:00 UTC).
const TUESDAY_9 = '2026-11-24T02:00:00.000Z';
const TUESDAY_950 = '2026-11-24T02:50:00.000Z';
const TUESDAY_1040 = '2026-11-24T03:40:00.000Z';
const WEDNESDAY_9 = '2026-11-25T02:00:00.000Z';
const PROFILE = counsellorProfile({
  kind: 'konselor',
  modes: ['in_person', 'video', 'phone'],
  locations: ['Ruang Konseling Lt. 1'],
  introduction: 'Saya mendampingi pegawai yang sedang menghadapi tekanan kerja.',
});
const WEEK = weekdayHours('09:00', '15:00', PROFILE.modes);
const key = () => crypto.randomUUID();

/**
 * The counsellor's workspace (docs/decisions/043-counsellor-workspace.md): statuses of a session,
 * a first appointment from a request for help, the caseload.
 */
describe.skipIf(postgresSkipReason())('the counsellor’s workspace', () => {
  let t: TestApp;
  let agencyId: string;
  let root: string;
  let counsellor: SignedIn;
  let otherCounsellor: SignedIn;
  let employee: SignedIn;
  const ids: Record<string, string> = {};
  const db = () => t.services.db.db;
  const status = (who: SignedIn, id: string, body: unknown) =>
    who.agent.post(`/api/v1/counsellor/appointments/${id}/status`, body);
  const statusOf = async (id: string) =>
    (await db().selectFrom('appointments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const book = async (who: SignedIn, start: string) => {
    const res = await who.agent.post(
      '/api/v1/booking/appointments',
      { counsellorId: counsellor.person.id, start, mode: 'video', reminders: [] },
      { 'idempotency-key': key() },
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const signInAgain = async (...who: SignedIn[]) => {
    for (const w of who)
      await w.agent.signIn(w.person.email, w.person.password as string, w.person.totpSecret, t.clock.now());
  };

  beforeAll(async () => {
    t = await createTestApp();
    const agency = await createAgency(db());
    agencyId = agency.agencyId;
    root = agency.rootUnitId;
    counsellor = await loginAs(t, 'counsellor', { agencyId, unitId: root });
    otherCounsellor = await loginAs(t, 'counsellor', { agencyId, unitId: root });
    employee = await loginAs(t, 'employee', { agencyId, unitId: root });
    for (const c of [counsellor, otherCounsellor]) {
      expect((await c.agent.put('/api/v1/counsellor/profile', PROFILE)).statusCode).toBe(200);
      expect((await c.agent.put('/api/v1/counsellor/availability', WEEK)).statusCode).toBe(200);
    }
    ids.first = await book(employee, TUESDAY_9);
    ids.second = await book(employee, TUESDAY_950);
    ids.third = await book(employee, TUESDAY_1040);
    ids.later = await book(employee, WEDNESDAY_9);
    ids.cancelled = await book(employee, '2026-11-26T02:00:00.000Z');
    expect((await employee.agent.post(`/api/v1/booking/appointments/${ids.cancelled}/cancel`, {})).statusCode).toBe(
      200,
    );
  });
  afterAll(async () => t.close());

  describe('statuses', () => {
    it('refuses a status before the session starts, and a bad status, changing nothing', async () => {
      const early = await status(counsellor, ids.first!, { status: 'completed' });
      expect([early.statusCode, early.json().error.code]).toEqual([409, 'appointment_not_started']);
      expect(early.json().error.message).toContain('belum dimulai');
      const bad = await status(counsellor, ids.first!, { status: 'booked' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].path).toBe('status');
      expect((await status(counsellor, ids.first!, {})).statusCode).toBe(400);
      expect(await statusOf(ids.first!)).toBe('booked');
    });

    it('keeps other counsellors, the client and everyone else out', async () => {
      const others = [
        otherCounsellor,
        employee,
        await loginAs(t, 'manager', { agencyId, unitId: root }),
        await loginAs(t, 'agency_admin', { agencyId, unitId: root }),
        await loginAs(t, 'platform_admin'),
        await loginAs(t, 'counsellor'),
      ];
      for (const who of others) {
        const res = await status(who, ids.first!, { status: 'no_show' });
        expect([403, 404]).toContain(res.statusCode);
        expect(res.body).not.toContain(employee.person.fullName);
      }
      expect((await t.anonymous().post(`/api/v1/counsellor/appointments/${ids.first}/status`, {})).statusCode).toBe(
        401,
      );
      expect(await statusOf(ids.first!)).toBe('booked');
    });

    it('records completed once the session has begun; sent again it is stored once', async () => {
      // Tuesday 10:45 WIB: the first two sessions are over, the third has just begun.
      t.clock.set(new Date('2026-11-24T03:45:00Z'));
      await signInAgain(counsellor, employee);
      expect((await status(counsellor, ids.first!, { status: 'completed' })).statusCode).toBe(200);
      expect((await status(counsellor, ids.first!, { status: 'completed' })).statusCode).toBe(200);
      expect(await statusOf(ids.first!)).toBe('completed');
      const audits = await db()
        .selectFrom('audit_log')
        .select(['subject_id', 'resource_id'])
        .where('action', '=', 'booking.appointment_completed')
        .execute();
      expect(audits).toEqual([{ subject_id: employee.person.id, resource_id: ids.first }]);
      // The client sees it in "Jadwal saya".
      const mine = (await employee.agent.get(`/api/v1/booking/appointments/${ids.first}`)).json();
      expect(mine.status).toBe('completed');
    });

    it('corrects a no-show to completed on the same day, but never completed to no-show', async () => {
      expect((await status(counsellor, ids.second!, { status: 'no_show' })).statusCode).toBe(200);
      expect((await employee.agent.get(`/api/v1/booking/appointments/${ids.second}`)).json().status).toBe('no_show');
      expect((await status(counsellor, ids.second!, { status: 'completed' })).statusCode).toBe(200);
      expect(await statusOf(ids.second!)).toBe('completed');
      const back = await status(counsellor, ids.second!, { status: 'no_show' });
      expect([back.statusCode, back.json().error.code]).toEqual([409, 'appointment_status_locked']);
      expect(await statusOf(ids.second!)).toBe('completed');
    });

    it('accepts a status for a session under way, and locks a no-show from the next day', async () => {
      expect((await status(counsellor, ids.third!, { status: 'no_show' })).statusCode).toBe(200);
      // Wednesday 10:00 WIB: Tuesday's no-show stays.
      t.clock.set(new Date('2026-11-25T03:00:00Z'));
      await signInAgain(counsellor);
      const res = await status(counsellor, ids.third!, { status: 'completed' });
      expect([res.statusCode, res.json().error.code]).toEqual([409, 'appointment_status_locked']);
      expect(res.json().error.message).toContain('hari yang sama');
      expect(await statusOf(ids.third!)).toBe('no_show');
    });

    it('refuses a status for a cancelled booking', async () => {
      t.clock.set(new Date('2026-11-26T03:00:00Z'));
      await signInAgain(counsellor, employee);
      const res = await status(counsellor, ids.cancelled!, { status: 'completed' });
      expect([res.statusCode, res.json().error.code]).toEqual([409, 'booking_not_active']);
    });
  });

  describe('a request for help becomes a first appointment', () => {
    const CONTACT = { method: 'phone', contact: '0812 3456 7890', note: 'Saya butuh bicara dengan seseorang' };
    let requestA: string;
    let requestB: string;
    let slotStart: string;
    const ask = async (who: SignedIn) => {
      const res = await who.agent.post('/api/v1/help/requests', { ...CONTACT, submissionKey: key() });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const schedule = (who: SignedIn, id: string, body: unknown) =>
      who.agent.post(`/api/v1/counselling/urgent-requests/${id}/first-appointment`, body);

    beforeAll(async () => {
      // Thursday 10:00 WIB: two requests; the other counsellor takes up the second.
      requestA = await ask(employee);
      requestB = await ask(employee);
      await signInAgain(otherCounsellor);
      expect(
        (await otherCounsellor.agent.post(`/api/v1/counselling/urgent-requests/${requestB}/acknowledge`)).statusCode,
      ).toBe(200);
      // Twenty minutes later the counsellor looks at their own free slots.
      t.clock.set(new Date('2026-11-26T03:20:00Z'));
      const slots = await counsellor.agent.get('/api/v1/counsellor/slots');
      expect(slots.statusCode).toBe(200);
      slotStart = (slots.json().slots as { start: string }[]).find((s) => s.start >= '2026-11-27')!.start;
    });

    it('refuses a time that is not one of the counsellor’s slots and bad input, storing nothing', async () => {
      const off = await schedule(counsellor, requestA, { start: '2026-11-27T02:10:00.000Z', mode: 'phone' });
      expect([off.statusCode, off.json().error.code]).toEqual([422, 'slot_not_free']);
      const bad = await schedule(counsellor, requestA, { start: 'besok', mode: 'telepati' });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .error.details.map((d: { path: string }) => d.path)
          .sort(),
      ).toEqual(['mode', 'start']);
      expect(
        await db().selectFrom('appointments').select('id').where('crisis_request_id', 'is not', null).execute(),
      ).toEqual([]);
    });

    it('keeps employees, managers, admins and counsellors of other agencies out', async () => {
      for (const who of [
        employee,
        await loginAs(t, 'manager', { agencyId, unitId: root }),
        await loginAs(t, 'wellbeing_admin', { agencyId, unitId: root }),
        await loginAs(t, 'counsellor'),
      ]) {
        const res = await schedule(who, requestA, { start: slotStart, mode: 'phone' });
        expect([403, 404]).toContain(res.statusCode);
        expect(res.body).not.toContain(employee.person.fullName);
      }
      const taken = await schedule(counsellor, requestB, { start: slotStart, mode: 'phone' });
      expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'crisis_request_taken']);
    });

    it('schedules in one step: takes the request up, links the session, records the first contact, tells the person', async () => {
      const res = await schedule(counsellor, requestA, { start: slotStart, mode: 'phone' });
      expect(res.statusCode, res.body).toBe(200);
      const view = res.json();
      expect(view).toMatchObject({
        status: 'acknowledged',
        acknowledgedBy: { id: counsellor.person.id },
        firstContactAt: '2026-11-26T03:20:00.000Z',
        firstAppointment: { start: slotStart, mode: 'phone', status: 'booked', mine: true },
      });
      // Sent again: the same session, stored once.
      const again = await schedule(counsellor, requestA, { start: slotStart, mode: 'phone' });
      expect(again.statusCode).toBe(200);
      expect(again.json().firstAppointment.id).toBe(view.firstAppointment.id);
      const rows = await db()
        .selectFrom('appointments')
        .select(['id', 'client_id', 'counsellor_id', 'confirmed_at'])
        .where('crisis_request_id', '=', requestA)
        .execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ client_id: employee.person.id, counsellor_id: counsellor.person.id });
      expect(rows[0]!.confirmed_at).not.toBeNull();
      const audits = await db()
        .selectFrom('audit_log')
        .select('subject_id')
        .where('action', '=', 'booking.first_appointment_scheduled')
        .execute();
      expect(audits).toEqual([{ subject_id: employee.person.id }]);
      // The person is told a session was scheduled and when: nothing else.
      const told = await db()
        .selectFrom('notifications')
        .select(['person_id', 'payload'])
        .where('kind', '=', 'booking.scheduled')
        .execute();
      expect(told).toHaveLength(1);
      expect(told[0]!.person_id).toBe(employee.person.id);
      expect(JSON.parse(told[0]!.payload)).toEqual({ start: slotStart });
      // It is in their "Jadwal saya", confirmed, and gone from the counsellor's free slots.
      const mine = (await employee.agent.get('/api/v1/booking/appointments')).json().items;
      expect(mine.find((a: { id: string }) => a.id === view.firstAppointment.id)).toMatchObject({
        status: 'booked',
        confirmed: true,
      });
      const slots = (await counsellor.agent.get('/api/v1/counsellor/slots')).json().slots;
      expect(slots.map((s: { start: string }) => s.start)).not.toContain(slotStart);
    });

    it('lets no other counsellor schedule a second first session for it', async () => {
      const res = await schedule(otherCounsellor, requestA, { start: slotStart, mode: 'phone' });
      // The other counsellor sees the session already scheduled, not a new one.
      expect(res.statusCode).toBe(200);
      expect(res.json().firstAppointment.mine).toBe(false);
      expect(
        await db().selectFrom('appointments').select('id').where('crisis_request_id', '=', requestA).execute(),
      ).toHaveLength(1);
    });

    it('pages the queue by cursor and tells the team’s median time to first contact', async () => {
      const first = await counsellor.agent.get('/api/v1/counselling/urgent-requests?limit=1');
      expect(first.statusCode).toBe(200);
      const page1 = first.json();
      expect(page1.total).toBe(2);
      expect(page1.items).toHaveLength(1);
      expect(page1.nextCursor).toEqual(expect.any(String));
      expect(page1.firstContact).toEqual({ medianMinutes: 20, count: 1, days: 30 });
      const second = await counsellor.agent.get(
        `/api/v1/counselling/urgent-requests?limit=1&cursor=${page1.nextCursor}`,
      );
      const page2 = second.json();
      expect(page2.items).toHaveLength(1);
      expect(page2.items[0].id).not.toBe(page1.items[0].id);
      expect([page1.items[0].id, page2.items[0].id].sort()).toEqual([requestA, requestB].sort());
      expect(page2.nextCursor).toBeNull();
      const bad = await counsellor.agent.get('/api/v1/counselling/urgent-requests?cursor=bm90LWEtY3Vyc29y');
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.details[0].path).toBe('cursor');
    });
  });

  describe('the counsellor hears of a client’s change, with nothing but the time', () => {
    const MONDAY_9 = '2026-11-30T02:00:00.000Z';
    const MONDAY_950 = '2026-11-30T02:50:00.000Z';
    const told = async () =>
      (
        await db()
          .selectFrom('notifications')
          .select(['person_id', 'kind', 'payload'])
          .where('kind', 'in', ['booking.client_cancelled', 'booking.client_moved'])
          .orderBy('created_at')
          .execute()
      ).map((n) => ({ ...n, payload: JSON.parse(n.payload) as unknown }));

    it('tells of a move and a cancellation once each', async () => {
      const before = (await told()).length;
      const client = await loginAs(t, 'employee', { agencyId, unitId: root });
      const id = await book(client, MONDAY_9);
      const move = () => client.agent.post(`/api/v1/booking/appointments/${id}/reschedule`, { start: MONDAY_950 });
      expect((await move()).statusCode).toBe(200);
      expect((await move()).statusCode).toBe(200);
      expect(
        (await client.agent.post(`/api/v1/booking/appointments/${id}/cancel`, { reason: 'Dinas luar' })).statusCode,
      ).toBe(200);
      expect((await told()).slice(before)).toEqual([
        { person_id: counsellor.person.id, kind: 'booking.client_moved', payload: { start: MONDAY_950 } },
        { person_id: counsellor.person.id, kind: 'booking.client_cancelled', payload: { start: MONDAY_950 } },
      ]);
    });

    it('tells of a booking ahead that the client’s erasure removed', async () => {
      const client = await loginAs(t, 'employee', { agencyId, unitId: root });
      await book(client, MONDAY_9);
      expect((await client.agent.post('/api/v1/me/erasure', { scope: 'all' })).statusCode).toBe(200);
      const last = (await told()).at(-1);
      expect(last).toEqual({
        person_id: counsellor.person.id,
        kind: 'booking.client_cancelled',
        payload: { start: MONDAY_9 },
      });
      expect(JSON.stringify(await told())).not.toContain(client.person.fullName);
    });
  });
});
