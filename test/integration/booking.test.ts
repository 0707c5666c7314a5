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
const THURSDAY_9 = '2026-11-26T02:00:00.000Z';
const REASON = 'Sulit tidur sejak pindah bidang';

const PROFILE = counsellorProfile({
  languages: ['id', 'jv'],
  modes: ['in_person', 'video'],
  locations: ['Klinik Pratama Lt. 2'],
});
const WEEK = weekdayHours('09:00', '12:00', ['in_person', 'video']);
const key = () => crypto.randomUUID();

describe.skipIf(postgresSkipReason())('counsellors, availability and booking', () => {
  let t: TestApp;
  let agencyId: string;
  let root: string;
  let counsellor: SignedIn;
  let otherCounsellor: SignedIn;
  let employee: SignedIn;
  let colleague: SignedIn;
  let bookingId: string;
  const db = () => t.services.db.db;

  const book = (who: SignedIn, start: string, extra: Record<string, unknown> = {}, k = key()) =>
    who.agent.post(
      '/api/v1/booking/appointments',
      { counsellorId: counsellor.person.id, start, mode: 'video', reminders: [], ...extra },
      { 'idempotency-key': k },
    );

  beforeAll(async () => {
    t = await createTestApp();
    const agency = await createAgency(db());
    agencyId = agency.agencyId;
    root = agency.rootUnitId;
    counsellor = await loginAs(t, 'counsellor', { agencyId, unitId: root });
    otherCounsellor = await loginAs(t, 'counsellor', { agencyId, unitId: root });
    employee = await loginAs(t, 'employee', { agencyId, unitId: root });
    colleague = await loginAs(t, 'employee', { agencyId, unitId: root });
  });
  afterAll(async () => t.close());

  describe('the counsellor’s profile and week', () => {
    it('needs a profile before opening hours', async () => {
      const res = await otherCounsellor.agent.put('/api/v1/counsellor/availability', WEEK);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('counsellor_profile_missing');
    });

    it('refuses bad input with localized details and stores nothing', async () => {
      const res = await counsellor.agent.put('/api/v1/counsellor/profile', { ...PROFILE, modes: [], kind: 'dukun' });
      expect(res.statusCode).toBe(400);
      expect(
        res
          .json()
          .error.details.map((d: { path: string }) => d.path)
          .sort(),
      ).toEqual(['kind', 'modes']);
      expect((await counsellor.agent.get('/api/v1/counsellor/profile')).json().profile).toBeNull();
    });

    it('saves the profile and the week', async () => {
      expect((await counsellor.agent.put('/api/v1/counsellor/profile', PROFILE)).statusCode).toBe(200);
      const res = await counsellor.agent.put('/api/v1/counsellor/availability', WEEK);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ timeZone: 'Asia/Jakarta', profile: { kind: 'psikolog_klinis' } });
      expect(res.json().rules).toHaveLength(5);
    });

    it('refuses overlapping hours on one day', async () => {
      const res = await counsellor.agent.put('/api/v1/counsellor/availability', {
        rules: [...WEEK.rules, { weekday: 1, start: '11:00', end: '13:00', modes: ['phone'] }],
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('availability_overlap');
      expect((await counsellor.agent.get('/api/v1/counsellor/profile')).json().rules).toHaveLength(5);
    });

    it('takes leave out of the free slots (stored once when sent again)', async () => {
      const leave = { id: key(), startsOn: '2026-11-26', endsOn: '2026-11-27', kind: 'leave' };
      await counsellor.agent.post('/api/v1/counsellor/exceptions', leave);
      const again = await counsellor.agent.post('/api/v1/counsellor/exceptions', leave);
      expect(again.json().exceptions).toHaveLength(1);
      const slots = (await employee.agent.get(`/api/v1/booking/counsellors/${counsellor.person.id}/slots`)).json();
      const starts: string[] = slots.slots.map((s: { start: string }) => s.start);
      expect(starts).not.toContain(THURSDAY_9);
      expect(starts).toContain(WEDNESDAY_9);
    });

    it('is not for employees', async () => {
      expect((await employee.agent.get('/api/v1/counsellor/profile')).statusCode).toBe(403);
      expect((await employee.agent.put('/api/v1/counsellor/profile', PROFILE)).statusCode).toBe(403);
    });
  });

  describe('an employee books', () => {
    it('lists the agency’s counsellors with their first free slot, by kind and mode', async () => {
      const res = await employee.agent.get('/api/v1/booking/counsellors');
      expect(res.statusCode).toBe(200);
      const items = res.json().items;
      // The other counsellor has no profile: not bookable.
      expect(items.map((c: { id: string }) => c.id)).toEqual([counsellor.person.id]);
      // Monday 09:00 WIB: every slot left today is inside the two hours' notice; Tuesday 09:00 is the first.
      expect(items[0].nextFree).toBe(TUESDAY_9);
      expect((await employee.agent.get('/api/v1/booking/counsellors?kind=psikiater')).json().items).toEqual([]);
      expect((await employee.agent.get('/api/v1/booking/counsellors?mode=phone')).json().items).toEqual([]);
    });

    it('gets a month of free slots, never one too soon', async () => {
      const res = await employee.agent.get(`/api/v1/booking/counsellors/${counsellor.person.id}/slots`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ timeZone: 'Asia/Jakarta', clientTimeZone: 'Asia/Jakarta', from: '2026-11-23' });
      expect(body.slots[0].start).toBe(TUESDAY_9);
      expect(body.slots.length).toBeGreaterThan(40);
    });

    it('needs an Idempotency-Key', async () => {
      const res = await employee.agent.post('/api/v1/booking/appointments', {
        counsellorId: counsellor.person.id,
        start: TUESDAY_9,
        mode: 'video',
        reminders: [],
      });
      expect(res.statusCode).toBe(400);
      expect(await db().selectFrom('appointments').select('id').execute()).toEqual([]);
    });

    it('refuses a time that is not a slot, and a mode not offered', async () => {
      const off = await book(employee, '2026-11-24T02:10:00.000Z');
      expect([off.statusCode, off.json().error.code]).toEqual([422, 'slot_not_free']);
      const phone = await book(employee, TUESDAY_9, { mode: 'phone' });
      expect([phone.statusCode, phone.json().error.code]).toEqual([422, 'mode_not_offered']);
      const bad = await book(employee, 'tomorrow');
      expect(bad.statusCode).toBe(400);
      expect(await db().selectFrom('appointments').select('id').execute()).toEqual([]);
    });

    it('books once: the same key again answers the stored booking', async () => {
      const k = key();
      const first = await book(employee, TUESDAY_9, { reason: REASON, reminders: ['day_before', 'hour_before'] }, k);
      expect(first.statusCode).toBe(201);
      bookingId = first.json().id;
      expect(first.json()).toMatchObject({
        start: TUESDAY_9,
        end: '2026-11-24T02:50:00.000Z',
        status: 'booked',
        reason: REASON,
        confirmed: false,
        change: 'allowed',
        counsellor: { id: counsellor.person.id, kind: 'psikolog_klinis' },
      });
      const again = await book(employee, TUESDAY_9, { reason: REASON }, k);
      expect(again.statusCode).toBe(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json().id).toBe(bookingId);
      expect(await db().selectFrom('appointments').select('id').execute()).toHaveLength(1);
    });

    it('seals the reason at rest', async () => {
      const row = await db()
        .selectFrom('appointments')
        .selectAll()
        .where('id', '=', bookingId)
        .executeTakeFirstOrThrow();
      expect(row.reason_enc).not.toContain(REASON);
      expect(JSON.stringify(row)).not.toContain('Sulit tidur');
    });

    it('takes the slot off the free list, and a second booking of it is 409', async () => {
      const slots = (await employee.agent.get(`/api/v1/booking/counsellors/${counsellor.person.id}/slots`)).json();
      expect(slots.slots.map((s: { start: string }) => s.start)).not.toContain(TUESDAY_9);
      const res = await book(colleague, TUESDAY_9);
      expect([res.statusCode, res.json().error.code]).toEqual([409, 'slot_taken']);
    });

    it('twenty concurrent bookings of one slot: exactly one succeeds, the rest are 409', async () => {
      const people = [
        colleague,
        ...(await Promise.all([1, 2, 3].map(() => loginAs(t, 'employee', { agencyId, unitId: root })))),
      ];
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => book(people[i % 4] as SignedIn, TUESDAY_950)),
      );
      const codes = answers.map((a) => a.statusCode).sort();
      expect(codes.filter((c) => c === 201)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(19);
      const rows = await db().selectFrom('appointments').select('id').where('start_utc', '=', TUESDAY_950).execute();
      expect(rows).toHaveLength(1);
    });

    it('lists the person’s own bookings and gives an .ics file', async () => {
      const mine = (await employee.agent.get('/api/v1/booking/appointments')).json().items;
      expect(mine.map((a: { id: string }) => a.id)).toEqual([bookingId]);
      const ics = await employee.agent.get(`/api/v1/booking/appointments/${bookingId}/ics`);
      expect(ics.statusCode).toBe(200);
      expect(ics.headers['content-type']).toContain('text/calendar');
      expect(ics.body).toContain('BEGIN:VCALENDAR');
      expect(ics.body).toContain('DTSTART:20261124T020000Z');
      expect(ics.body).not.toContain('Sulit tidur');
    });
  });

  describe('the counsellor’s list', () => {
    it('shows the counsellor their appointments with the client’s note, audited per client', async () => {
      const res = await counsellor.agent.get('/api/v1/counsellor/appointments?from=2026-11-24&days=7');
      expect(res.statusCode).toBe(200);
      const items = res.json().items;
      expect(items).toHaveLength(2);
      expect(items[0]).toMatchObject({ id: bookingId, reason: REASON, client: { id: employee.person.id } });
      const audits = await db()
        .selectFrom('audit_log')
        .select(['subject_id', 'actor_id'])
        .where('action', '=', 'booking.appointments_viewed')
        .execute();
      expect(audits.map((a) => a.subject_id)).toContain(employee.person.id);
      expect(audits.every((a) => a.actor_id === counsellor.person.id)).toBe(true);
    });

    it('lets the counsellor confirm, once', async () => {
      expect((await counsellor.agent.post(`/api/v1/counsellor/appointments/${bookingId}/confirm`)).statusCode).toBe(
        200,
      );
      expect((await counsellor.agent.post(`/api/v1/counsellor/appointments/${bookingId}/confirm`)).statusCode).toBe(
        200,
      );
      const audits = await db()
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'booking.appointment_confirmed')
        .execute();
      expect(audits).toHaveLength(1);
      expect((await employee.agent.get(`/api/v1/booking/appointments/${bookingId}`)).json().confirmed).toBe(true);
    });
  });

  describe('nobody else reaches a booking', () => {
    it('answers 401 without a session', async () => {
      for (const url of [
        '/api/v1/booking/appointments',
        `/api/v1/booking/appointments/${bookingId}`,
        '/api/v1/counsellor/appointments',
      ])
        expect((await t.anonymous().get(url)).statusCode).toBe(401);
    });

    it('keeps other people, other counsellors, managers, admins and other agencies out', async () => {
      const others: SignedIn[] = [
        colleague,
        otherCounsellor,
        await loginAs(t, 'manager', { agencyId, unitId: root }),
        await loginAs(t, 'wellbeing_admin', { agencyId, unitId: root }),
        await loginAs(t, 'agency_admin', { agencyId, unitId: root }),
        await loginAs(t, 'platform_admin'),
        await loginAs(t, 'counsellor'),
        await loginAs(t, 'employee'),
      ];
      for (const who of others) {
        const reads = [
          await who.agent.get(`/api/v1/booking/appointments/${bookingId}`),
          await who.agent.get(`/api/v1/booking/appointments/${bookingId}/ics`),
          await who.agent.post(`/api/v1/booking/appointments/${bookingId}/cancel`, {}),
          await who.agent.post(`/api/v1/booking/appointments/${bookingId}/reschedule`, { start: WEDNESDAY_9 }),
          await who.agent.post(`/api/v1/counsellor/appointments/${bookingId}/confirm`),
          await who.agent.post(`/api/v1/counsellor/appointments/${bookingId}/cancel`, {}),
        ];
        for (const r of reads) {
          expect([403, 404]).toContain(r.statusCode);
          expect(r.body).not.toContain('Sulit tidur');
          expect(r.body).not.toContain(employee.person.fullName);
        }
        const lists = [
          await who.agent.get('/api/v1/booking/appointments'),
          await who.agent.get('/api/v1/counsellor/appointments?from=2026-11-24&days=7'),
        ];
        for (const r of lists) expect(r.body).not.toContain(bookingId);
      }
      const row = await db()
        .selectFrom('appointments')
        .selectAll()
        .where('id', '=', bookingId)
        .executeTakeFirstOrThrow();
      expect([row.status, row.start_utc]).toEqual(['booked', TUESDAY_9]);
    });

    it('does not book a counsellor of another agency by id in the body', async () => {
      const foreign = await loginAs(t, 'counsellor');
      const res = await employee.agent.post(
        '/api/v1/booking/appointments',
        { counsellorId: foreign.person.id, start: TUESDAY_9, mode: 'video', reminders: [] },
        { 'idempotency-key': key() },
      );
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'counsellor_not_found']);
      expect((await employee.agent.get(`/api/v1/booking/counsellors/${foreign.person.id}/slots`)).statusCode).toBe(404);
    });
  });

  describe('moving, cancelling and reminders', () => {
    it('moves a booking to a free slot, not to a taken one', async () => {
      const taken = await employee.agent.post(`/api/v1/booking/appointments/${bookingId}/reschedule`, {
        start: TUESDAY_950,
      });
      expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'slot_taken']);
      const moved = await employee.agent.post(`/api/v1/booking/appointments/${bookingId}/reschedule`, {
        start: TUESDAY_1040,
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ start: TUESDAY_1040, confirmed: false });
    });

    it('sends the chosen reminders once each; a cancelled booking leaves none', async () => {
      const cancelled = await book(employee, WEDNESDAY_9, { reminders: ['day_before', 'hour_before'] });
      expect(cancelled.statusCode).toBe(201);
      const c = await employee.agent.post(`/api/v1/booking/appointments/${cancelled.json().id}/cancel`, {
        reason: 'Ada rapat',
      });
      expect(c.json().status).toBe('cancelled');
      // Cancelling again is what the person wanted.
      expect(
        (await employee.agent.post(`/api/v1/booking/appointments/${cancelled.json().id}/cancel`, {})).statusCode,
      ).toBe(200);

      // Tuesday 10:00 WIB: 40 minutes before the moved booking, a day before Wednesday's.
      t.clock.set(new Date('2026-11-24T03:00:00Z'));
      // A day later the sessions have timed out: sign in again.
      for (const who of [employee, counsellor])
        await who.agent.signIn(who.person.email, who.person.password as string, who.person.totpSecret, t.clock.now());
      expect(await t.services.booking.sendDueReminders()).toBe(1);
      expect(await t.services.booking.sendDueReminders()).toBe(0);
      const notes = await db()
        .selectFrom('notifications')
        .select(['person_id', 'payload', 'held_until'])
        .where('kind', '=', 'booking.reminder')
        .execute();
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ person_id: employee.person.id, held_until: null });
      expect(JSON.parse(notes[0]!.payload)).toEqual({ start: TUESDAY_1040, when: 'hour_before' });
      expect(notes[0]!.payload).not.toContain('Sulit');
    });

    it('refuses the client’s change within two hours: they contact the counsellor', async () => {
      const res = await employee.agent.post(`/api/v1/booking/appointments/${bookingId}/cancel`, {});
      expect([res.statusCode, res.json().error.code]).toEqual([409, 'booking_too_late']);
      const mine = (await employee.agent.get(`/api/v1/booking/appointments/${bookingId}`)).json();
      expect(mine).toMatchObject({ status: 'booked', change: 'too_late' });
    });

    it('lets the counsellor cancel and tells the client', async () => {
      const res = await counsellor.agent.post(`/api/v1/counsellor/appointments/${bookingId}/cancel`, {
        reason: 'Sakit',
      });
      expect(res.statusCode).toBe(200);
      const mine = (await employee.agent.get(`/api/v1/booking/appointments/${bookingId}`)).json();
      expect(mine).toMatchObject({ status: 'cancelled', cancelledBy: 'counsellor' });
      const told = await db()
        .selectFrom('notifications')
        .select('person_id')
        .where('kind', '=', 'booking.cancelled')
        .execute();
      expect(told.map((n) => n.person_id)).toEqual([employee.person.id]);
    });
  });

  describe('the client’s data rights (decision 040)', () => {
    // Tuesday 24 November, 10:00 WIB by now; the next Monday is a working day without leave.
    const NEXT_MONDAY_9 = '2026-11-30T02:00:00.000Z';
    const AHEAD_REASON = 'Ingin membicarakan beban kerja';
    let aheadId: string;
    const others = async () =>
      (await db().selectFrom('appointments').select('id').where('client_id', '!=', employee.person.id).execute())
        .map((r) => r.id)
        .sort();

    beforeAll(async () => {
      // A day on, the colleague's session has timed out too.
      await colleague.agent.signIn(
        colleague.person.email,
        colleague.person.password as string,
        colleague.person.totpSecret,
        t.clock.now(),
      );
    });

    it('counts, copies and prints the person’s appointments as a client, in words, with no ids and nothing of the counsellor’s', async () => {
      const ahead = await book(employee, NEXT_MONDAY_9, { reason: AHEAD_REASON });
      expect(ahead.statusCode, ahead.body).toBe(201);
      aheadId = ahead.json().id;
      // Booked ahead, cancelled by the client ('Ada rapat'), cancelled by the counsellor ('Sakit').
      expect((await employee.agent.get('/api/v1/me/data')).json().holdings.appointments).toBe(3);

      const json = await employee.agent.get('/api/v1/me/export.json');
      expect(json.statusCode).toBe(200);
      const copy = JSON.parse(json.body) as { counsellingAppointments: Array<Record<string, unknown>> };
      expect(copy.counsellingAppointments).toHaveLength(3);
      expect(copy.counsellingAppointments.find((a) => a.start === NEXT_MONDAY_9)).toMatchObject({
        counsellor: counsellor.person.fullName,
        counsellorKind: 'psikolog_klinis',
        end: '2026-11-30T02:50:00.000Z',
        mode: 'video',
        status: 'booked',
        reason: AHEAD_REASON,
        cancelReason: null,
      });
      expect(copy.counsellingAppointments.find((a) => a.start === WEDNESDAY_9)).toMatchObject({
        status: 'cancelled',
        cancelledBy: 'client',
        cancelReason: 'Ada rapat',
      });
      expect(copy.counsellingAppointments.find((a) => a.start === TUESDAY_1040)).toMatchObject({
        status: 'cancelled',
        cancelledBy: 'counsellor',
        reason: REASON,
        cancelReason: null,
      });
      for (const id of [bookingId, aheadId, counsellor.person.id]) expect(json.body).not.toContain(id);
      // The counsellor's reason for cancelling is theirs.
      expect(json.body).not.toContain('Sakit');

      const html = (await employee.agent.get('/api/v1/me/export.html')).body;
      for (const words of [
        '<h2>Jadwal konseling</h2>',
        `${counsellor.person.fullName} (Psikolog klinis)`,
        'Panggilan video',
        'Terjadwal',
        'Dibatalkan: Ada rapat',
        'Dibatalkan oleh konselor',
        AHEAD_REASON,
        REASON,
        // On the person's own clock (WIB): 09.00–09.50 on Monday 30 November.
        '30 November 2026',
        '09.50',
      ])
        expect(html, words).toContain(words);
      expect(html).not.toMatch(/>video<|>booked<|>cancelled<|psikolog_klinis/);
      expect(html).not.toContain('Sakit');
      for (const id of [bookingId, aheadId]) expect(html).not.toContain(id);

      // Nobody else's copy or count holds them.
      for (const who of [colleague, counsellor]) {
        const theirs = await who.agent.get('/api/v1/me/export.json');
        expect(theirs.statusCode).toBe(200);
        expect(theirs.body).not.toContain(REASON);
        expect(theirs.body).not.toContain(AHEAD_REASON);
        expect(theirs.body).not.toContain(employee.person.fullName);
      }
    });

    it('erases them all with "erase all": the booking ahead is cancelled with them and its slot opens; others’ stay', async () => {
      const before = await others();
      const slotsOf = async () =>
        (
          (await colleague.agent.get(`/api/v1/booking/counsellors/${counsellor.person.id}/slots`)).json().slots as {
            start: string;
          }[]
        ).map((s) => s.start);
      expect(await slotsOf()).not.toContain(NEXT_MONDAY_9);

      const res = await employee.agent.post('/api/v1/me/erasure', { scope: 'all' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().erased.appointments).toBe(3);
      expect(
        await db().selectFrom('appointments').select('id').where('client_id', '=', employee.person.id).execute(),
      ).toEqual([]);
      expect(await others()).toEqual(before);
      expect((await employee.agent.get('/api/v1/me/data')).json().holdings.appointments).toBe(0);
      expect((await employee.agent.get(`/api/v1/booking/appointments/${aheadId}`)).statusCode).toBe(404);
      const week = (await counsellor.agent.get('/api/v1/counsellor/appointments?from=2026-11-30&days=1')).json();
      expect(week.items).toEqual([]);
      // The slot is free again, and someone else can book it.
      expect(await slotsOf()).toContain(NEXT_MONDAY_9);
      expect((await book(colleague, NEXT_MONDAY_9)).statusCode).toBe(201);

      // Sent again: nothing more to erase, and the colleague's new booking stays.
      const again = await employee.agent.post('/api/v1/me/erasure', { scope: 'all' });
      expect(again.json().erased.appointments).toBe(0);
      expect(
        await db().selectFrom('appointments').select('id').where('start_utc', '=', NEXT_MONDAY_9).execute(),
      ).toHaveLength(1);
    });

    it('erases nothing of theirs when only a result or the drafts are erased', async () => {
      const res = await colleague.agent.post('/api/v1/me/erasure', { scope: 'drafts' });
      expect(res.statusCode).toBe(200);
      expect(res.json().erased.appointments).toBe(0);
      expect((await colleague.agent.get('/api/v1/me/data')).json().holdings.appointments).toBeGreaterThan(0);
    });
  });
});
