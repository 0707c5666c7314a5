import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counsellorProfile, weekdayHours } from '../support/booking.js';
import { createAgency } from '../support/factories.js';
import { startFakeSmtp } from '../support/fake-smtp.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

// The test clock starts on Monday 23 November 2026, 09:00 WIB (02:00 UTC).
const WEDNESDAY_9 = '2026-11-25T02:00:00.000Z';
const WEDNESDAY_950 = '2026-11-25T02:50:00.000Z';
const THURSDAY_9 = '2026-11-26T02:00:00.000Z';
const REASON = 'Sulit tidur sejak pindah bidang';
const PROFILE = counsellorProfile({ modes: ['video', 'phone'] });
const WEEK = weekdayHours('09:00', '12:00', ['video', 'phone']);

/**
 * Booking reminders by email (docs/decisions/049-counselling-journey.md): only for a client who
 * chose it and has not withdrawn email on My data, through the mail outbox, saying only when, never
 * listed in the agency admin's outbox, and sent once however often the sweep runs.
 */
describe.skipIf(postgresSkipReason())('booking reminders by email', () => {
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let t: TestApp;
  let agencyId: string;
  let root: string;
  let counsellor: SignedIn;
  let employee: SignedIn;
  let bookingId: string;
  const db = () => t.services.db.db;

  const book = (who: SignedIn, start: string, extra: Record<string, unknown> = {}) =>
    who.agent.post(
      '/api/v1/booking/appointments',
      { counsellorId: counsellor.person.id, start, mode: 'video', reminders: ['day_before', 'hour_before'], ...extra },
      { 'idempotency-key': crypto.randomUUID() },
    );
  const remindersOf = (id: string) =>
    db()
      .selectFrom('appointments')
      .select(['reminders', 'reminder_email', 'updated_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const reminderEmails = () =>
    db()
      .selectFrom('email_outbox')
      .selectAll()
      .where('template', '=', 'booking_reminder')
      .orderBy('created_at')
      .execute();
  /** After the clock moved a day, sessions have timed out: sign in again. */
  const signInAgain = async (...who: SignedIn[]) => {
    for (const w of who)
      await w.agent.signIn(w.person.email, w.person.password as string, w.person.totpSecret, t.clock.now());
  };

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    t = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${smtp.port}` });
    const agency = await createAgency(db());
    agencyId = agency.agencyId;
    root = agency.rootUnitId;
    counsellor = await loginAs(t, 'counsellor', { agencyId, unitId: root });
    employee = await loginAs(t, 'employee', { agencyId, unitId: root });
    await counsellor.agent.put('/api/v1/counsellor/profile', PROFILE);
    await counsellor.agent.put('/api/v1/counsellor/availability', WEEK);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('tells the person reminders can come by email, and stores the choice with the booking', async () => {
    expect((await employee.agent.get('/api/v1/booking/reminder-email')).json()).toEqual({ status: 'available' });
    const res = await book(employee, WEDNESDAY_9, { reminderEmail: true, reason: REASON });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ reminders: ['day_before', 'hour_before'], reminderEmail: true });
    bookingId = res.json().id;
    expect(await remindersOf(bookingId)).toMatchObject({ reminder_email: 1 });
    // Nothing is emailed at booking time.
    expect(await reminderEmails()).toEqual([]);
  });

  it('refuses bad input with a localized 400 and changes nothing', async () => {
    const before = await remindersOf(bookingId);
    const bad = await employee.agent.put(`/api/v1/booking/appointments/${bookingId}/reminders`, {
      reminders: ['next_week'],
      email: 'yes',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['email', 'reminders.0']);
    expect(bad.json().error.message).toMatch(/[a-z]/);
    const booked = await book(employee, THURSDAY_9, { reminderEmail: 'ya' });
    expect(booked.statusCode).toBe(400);
    expect(await remindersOf(bookingId)).toEqual(before);
    expect(await db().selectFrom('appointments').select('id').where('start_utc', '=', THURSDAY_9).execute()).toEqual(
      [],
    );
  });

  it('keeps everyone else out of changing the reminders', async () => {
    const before = await remindersOf(bookingId);
    const others: SignedIn[] = [
      await loginAs(t, 'employee', { agencyId, unitId: root }),
      counsellor,
      await loginAs(t, 'counsellor', { agencyId, unitId: root }),
      await loginAs(t, 'manager', { agencyId, unitId: root }),
      await loginAs(t, 'wellbeing_admin', { agencyId, unitId: root }),
      await loginAs(t, 'agency_admin', { agencyId, unitId: root }),
      await loginAs(t, 'platform_admin'),
      await loginAs(t, 'counsellor'),
      await loginAs(t, 'employee'),
    ];
    for (const who of others) {
      const res = await who.agent.put(`/api/v1/booking/appointments/${bookingId}/reminders`, {
        reminders: [],
        email: false,
      });
      expect([403, 404]).toContain(res.statusCode);
      expect(res.body).not.toContain(bookingId);
      expect(res.body).not.toContain(employee.person.fullName);
    }
    const anonymous = t.anonymous();
    expect(
      (await anonymous.put(`/api/v1/booking/appointments/${bookingId}/reminders`, { reminders: [], email: false }))
        .statusCode,
    ).toBe(401);
    expect((await anonymous.get('/api/v1/booking/reminder-email')).statusCode).toBe(401);
    expect(await remindersOf(bookingId)).toEqual(before);
  });

  it('lets the person change their reminders later; the same choice again changes nothing', async () => {
    const off = await employee.agent.put(`/api/v1/booking/appointments/${bookingId}/reminders`, {
      reminders: ['hour_before'],
      email: false,
    });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ reminders: ['hour_before'], reminderEmail: false });
    const on = await employee.agent.put(`/api/v1/booking/appointments/${bookingId}/reminders`, {
      reminders: ['hour_before', 'day_before'],
      email: true,
    });
    expect(on.json()).toMatchObject({ reminders: ['day_before', 'hour_before'], reminderEmail: true });
    const stored = await remindersOf(bookingId);
    t.clock.advance(60_000);
    await employee.agent.put(`/api/v1/booking/appointments/${bookingId}/reminders`, {
      reminders: ['day_before', 'hour_before'],
      email: true,
    });
    expect(await remindersOf(bookingId)).toEqual(stored);
  });

  it('emails the day-before reminder once, however often the sweep runs, saying only when', async () => {
    // A colleague chose the bell only, for the next slot.
    const colleague = await loginAs(t, 'employee', { agencyId, unitId: root });
    expect((await book(colleague, WEDNESDAY_950)).statusCode).toBe(201);

    // Tuesday 10:00 WIB: a day before both is past.
    t.clock.set(new Date('2026-11-24T03:00:00.000Z'));
    const [a, b] = await Promise.all([t.services.booking.sendDueReminders(), t.services.booking.sendDueReminders()]);
    expect(a + b).toBe(2);
    expect(await t.services.booking.sendDueReminders()).toBe(0);

    const emails = await reminderEmails();
    expect(emails.map((e) => e.to_address)).toEqual([employee.person.email]);
    const [email] = emails;
    expect(email?.subject).toBe('Pengingat dari Teduh');
    expect(email?.body_text).toContain('Anda punya janji temu lewat Teduh besok pukul 09.00 WIB.');
    // Nothing of the counsellor, the kind of care, the mode or the person's words.
    for (const secret of [counsellor.person.fullName, 'Psikolog', 'psikolog', 'konsel', 'video', REASON, 'Sulit'])
      expect(`${email?.subject} ${email?.body_text}`).not.toContain(secret);
    expect(email?.body_text).not.toContain('/counselling');

    // Sent over SMTP once, and a later run of the jobs sends nothing more.
    const before = smtp.received.length;
    await t.services.jobs.drain();
    await t.services.jobs.drain();
    const sent = smtp.received.slice(before);
    expect(sent.map((m) => m.to[0])).toEqual([`<${employee.person.email}>`]);
    expect((await reminderEmails())[0]?.status).toBe('sent');
  });

  it('never lists a reminder email in the agency admin’s outbox', async () => {
    const admin = await loginAs(t, 'agency_admin', { agencyId, unitId: root });
    const outbox = await admin.agent.get('/api/v1/agency/outbox');
    expect(outbox.statusCode).toBe(200);
    expect(outbox.body).not.toContain(employee.person.email);
    expect(outbox.body).not.toContain('Pengingat dari Teduh');
    const all = await db().selectFrom('email_outbox').select('template').where('agency_id', '=', agencyId).execute();
    expect(outbox.json().total).toBe(all.filter((e) => e.template !== 'booking_reminder').length);
    expect(all.some((e) => e.template === 'booking_reminder')).toBe(true);
  });

  it('stops emailing at once when the person withdraws email on My data; the bell still reminds', async () => {
    // Wednesday 08:10 WIB: the hour-before reminder is due; the person withdrew email just before.
    t.clock.set(new Date('2026-11-25T01:10:00.000Z'));
    await signInAgain(employee);
    expect((await employee.agent.post('/api/v1/me/consents/email_notifications/withdraw')).statusCode).toBe(200);
    expect((await employee.agent.get('/api/v1/booking/reminder-email')).json()).toEqual({
      status: 'consent_withdrawn',
    });
    expect(await t.services.booking.sendDueReminders()).toBe(1);
    expect(await reminderEmails()).toHaveLength(1);
    const bell = await db()
      .selectFrom('notifications')
      .select('payload')
      .where('person_id', '=', employee.person.id)
      .where('kind', '=', 'booking.reminder')
      .execute();
    expect(bell.map((n) => JSON.parse(n.payload).when).sort()).toEqual(['day_before', 'hour_before']);

    // Asking for email again while it is withdrawn is refused, and stores nothing.
    const before = await remindersOf(bookingId);
    await employee.agent.put(`/api/v1/booking/appointments/${bookingId}/reminders`, { reminders: [], email: false });
    const refused = await employee.agent.put(`/api/v1/booking/appointments/${bookingId}/reminders`, {
      reminders: ['hour_before'],
      email: true,
    });
    expect([refused.statusCode, refused.json().error.code]).toEqual([422, 'reminder_email_unavailable']);
    expect(refused.json().error.message).toContain('email');
    expect((await remindersOf(bookingId)).reminder_email).toBe(0);
    expect(before.reminder_email).toBe(1);
  });

  it('refuses to change the reminders of a booking that is over', async () => {
    t.clock.set(new Date('2026-11-25T03:00:00.000Z'));
    await signInAgain(employee);
    const res = await employee.agent.put(`/api/v1/booking/appointments/${bookingId}/reminders`, {
      reminders: ['day_before'],
      email: false,
    });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'booking_not_active']);
  });

  it('offers no email to a person without an address', async () => {
    const noAddress = await loginAs(t, 'employee', { agencyId, unitId: root });
    await db()
      .updateTable('people')
      .set({ email: null, email_normalized: null })
      .where('id', '=', noAddress.person.id)
      .execute();
    expect((await noAddress.agent.get('/api/v1/booking/reminder-email')).json()).toEqual({ status: 'no_address' });
    const res = await book(noAddress, '2026-11-27T02:00:00.000Z', { reminderEmail: true });
    expect([res.statusCode, res.json().error.code]).toEqual([422, 'reminder_email_unavailable']);
    expect(
      await db().selectFrom('appointments').select('id').where('client_id', '=', noAddress.person.id).execute(),
    ).toEqual([]);
  });

  it('reminds again, once, of a booking moved after its reminder went out', async () => {
    const mover = await loginAs(t, 'employee', { agencyId, unitId: root });
    const friday9 = '2026-11-27T02:00:00.000Z';
    const friday1040 = '2026-11-27T03:40:00.000Z';
    const res = await book(mover, friday9, { reminders: ['day_before'], reminderEmail: true });
    expect(res.statusCode).toBe(201);
    const reminded = async () =>
      (
        await db()
          .selectFrom('notifications')
          .select('payload')
          .where('person_id', '=', mover.person.id)
          .where('kind', '=', 'booking.reminder')
          .execute()
      ).map((n) => JSON.parse(n.payload).start);
    // Thursday 09:30 WIB: the day-before reminder of Friday 09:00.
    t.clock.set(new Date('2026-11-26T02:30:00.000Z'));
    expect(await t.services.booking.sendDueReminders()).toBe(1);
    await signInAgain(mover);
    const moved = await mover.agent.post(`/api/v1/booking/appointments/${res.json().id}/reschedule`, {
      start: friday1040,
    });
    expect(moved.statusCode).toBe(200);
    // Thursday 10:45 WIB: a day before the new time.
    t.clock.set(new Date('2026-11-26T03:45:00.000Z'));
    expect(await t.services.booking.sendDueReminders()).toBe(1);
    expect(await t.services.booking.sendDueReminders()).toBe(0);
    expect(await reminded()).toEqual([friday9, friday1040]);
    const emails = (await reminderEmails()).filter((e) => e.to_address === mover.person.email);
    expect(emails.map((e) => e.body_text.match(/besok pukul [\d.]+ WIB/)?.[0])).toEqual([
      'besok pukul 09.00 WIB',
      'besok pukul 10.40 WIB',
    ]);
  });
});

describe.skipIf(postgresSkipReason())('booking reminders on an install without SMTP', () => {
  let t: TestApp;
  afterAll(async () => t.close());

  it('offers no email (it would only wait in the admin’s outbox) and queues none', async () => {
    t = await createTestApp();
    const { agencyId, rootUnitId: unitId } = await createAgency(t.services.db.db);
    const counsellor = await loginAs(t, 'counsellor', { agencyId, unitId });
    const employee = await loginAs(t, 'employee', { agencyId, unitId });
    await counsellor.agent.put('/api/v1/counsellor/profile', PROFILE);
    await counsellor.agent.put('/api/v1/counsellor/availability', WEEK);
    expect((await employee.agent.get('/api/v1/booking/reminder-email')).json()).toEqual({ status: 'not_configured' });
    const body = { counsellorId: counsellor.person.id, start: WEDNESDAY_9, mode: 'video', reminders: ['day_before'] };
    const refused = await employee.agent.post(
      '/api/v1/booking/appointments',
      { ...body, reminderEmail: true },
      { 'idempotency-key': crypto.randomUUID() },
    );
    expect([refused.statusCode, refused.json().error.code]).toEqual([422, 'reminder_email_unavailable']);
    const booked = await employee.agent.post('/api/v1/booking/appointments', body, {
      'idempotency-key': crypto.randomUUID(),
    });
    expect(booked.statusCode).toBe(201);
    // A choice made while the install still sent email: the sweep now keeps to the bell.
    await t.services.db.db.updateTable('appointments').set({ reminder_email: 1 }).execute();
    t.clock.set(new Date('2026-11-24T02:00:00.000Z'));
    expect(await t.services.booking.sendDueReminders()).toBe(1);
    expect(await t.services.db.db.selectFrom('email_outbox').select('id').execute()).toEqual([]);
  });
});
