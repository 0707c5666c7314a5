import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../../src/i18n/catalog.js';
import { auditEntries } from '../support/audit-entries.js';
import { launchCampaign } from '../support/campaigns.js';
import { createAgency } from '../support/factories.js';
import { startFakeSmtp } from '../support/fake-smtp.js';
import { createTestApp, createTestAppOn, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

const CAL = '/api/v1/agency/calendar';
const MINE = '/api/v1/me/boundaries';
const v = catalogs.id.validation.boundaries;

describe.skipIf(postgresSkipReason())('work-hour boundaries: the agency calendar and personal hours', () => {
  let t: TestApp;
  let agencyId: string;
  let rootUnitId: string;
  let admin: SignedIn;
  const db = () => t.services.db.db;
  const calendarRows = () =>
    db().selectFrom('agency_calendar_days').selectAll().where('agency_id', '=', agencyId).execute();

  beforeAll(async () => {
    t = await createTestApp();
    ({ agencyId, rootUnitId } = await createAgency(t.services.db.db));
    admin = await loginAs(t, 'agency_admin', { agencyId });
  });
  afterAll(async () => t.close());

  it('answers 401 to every boundaries route without a session', async () => {
    const a = t.anonymous();
    for (const res of [
      await a.get(`${CAL}?year=2026`),
      await a.post(`${CAL}/days`, { kind: 'regional', date: '2026-10-07', name: 'Hari Jadi' }),
      await a.delete(`${CAL}/days/2026-10-07`),
      await a.put(`${CAL}/ramadan/2026`, { startsOn: '2026-02-19', endsOn: '2026-03-19' }),
      await a.delete(`${CAL}/ramadan/2026`),
      await a.get(MINE),
      await a.put(MINE, { start: '09:00', end: '15:00' }),
      await a.delete(MINE),
    ])
      expect(res.statusCode).toBe(401);
  });

  it('shows the SKB 2026 days and lets only the agency admin change them (403 for every other role)', async () => {
    const cal = await admin.agent.get(`${CAL}?year=2026`);
    expect(cal.statusCode).toBe(200);
    const body = cal.json();
    expect(body).toMatchObject({ year: 2026, provisional: false, ramadan: null });
    expect(body.years).toEqual([2026, 2027]);
    expect(body.source).toContain('1497/2025');
    expect(body.days).toHaveLength(25);
    expect(body.days).toContainEqual({
      date: '2026-12-24',
      kind: 'cuti_bersama',
      name: 'Cuti bersama Kelahiran Yesus Kristus',
      observed: true,
    });
    expect((await admin.agent.get(`${CAL}?year=2027`)).json().provisional).toBe(true);

    for (const role of ['employee', 'manager', 'wellbeing_admin', 'counsellor', 'dpo'] as const) {
      const other = await loginAs(t, role, { agencyId, unitId: rootUnitId });
      expect((await other.agent.get(`${CAL}?year=2026`)).statusCode, role).toBe(403);
      expect(
        (await other.agent.post(`${CAL}/days`, { kind: 'regional', date: '2026-10-07', name: 'x' })).statusCode,
        role,
      ).toBe(403);
      expect(
        (await other.agent.put(`${CAL}/ramadan/2026`, { startsOn: '2026-02-19', endsOn: '2026-03-19' })).statusCode,
      ).toBe(403);
    }
    const platform = await loginAs(t, 'platform_admin');
    expect((await platform.agent.get(`${CAL}?year=2026`)).statusCode).toBe(403);
    expect(await calendarRows()).toEqual([]);
  });

  it('adds a regional day once however often it is sent, audits it, and keeps it inside the agency', async () => {
    const add = { kind: 'regional', date: '2026-10-07', name: 'Hari Jadi Kabupaten' };
    expect((await admin.agent.post(`${CAL}/days`, add)).statusCode).toBe(201);
    expect((await admin.agent.post(`${CAL}/days`, add)).statusCode).toBe(200);
    expect(await calendarRows()).toHaveLength(1);
    expect(await auditEntries(t, 'agency.calendar_updated')).toHaveLength(1);
    const days = (await admin.agent.get(`${CAL}?year=2026`)).json().days;
    expect(days).toContainEqual({ date: '2026-10-07', kind: 'regional', name: 'Hari Jadi Kabupaten', observed: true });

    // Another change on the same date is a conflict; nothing changes.
    const clash = await admin.agent.post(`${CAL}/days`, { ...add, name: 'Lain' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('calendar_day_taken');

    // Another agency's admin sees none of it and cannot remove it.
    const elsewhere = await loginAs(t, 'agency_admin');
    const theirs = (await elsewhere.agent.get(`${CAL}?year=2026`)).json().days;
    expect(theirs.some((d: { date: string }) => d.date === '2026-10-07')).toBe(false);
    expect((await elsewhere.agent.delete(`${CAL}/days/2026-10-07`)).statusCode).toBe(404);
    expect(await calendarRows()).toHaveLength(1);

    expect((await admin.agent.delete(`${CAL}/days/2026-10-07`)).statusCode).toBe(200);
    expect((await admin.agent.delete(`${CAL}/days/2026-10-07`)).statusCode).toBe(404);
    expect(await calendarRows()).toEqual([]);
  });

  it('lets the agency work a cuti bersama, but not a libur nasional; bad input changes nothing', async () => {
    expect((await admin.agent.post(`${CAL}/days`, { kind: 'not_observed', date: '2026-12-24' })).statusCode).toBe(201);
    const day = (await admin.agent.get(`${CAL}?year=2026`))
      .json()
      .days.find((d: { date: string }) => d.date === '2026-12-24');
    expect(day.observed).toBe(false);

    const law = await admin.agent.post(`${CAL}/days`, { kind: 'not_observed', date: '2026-12-25' });
    expect(law.statusCode).toBe(422);
    expect(law.json().error.details).toEqual([
      { path: 'date', code: 'boundaries.not_cuti_bersama', message: v.not_cuti_bersama },
    ]);
    const twice = await admin.agent.post(`${CAL}/days`, { kind: 'regional', date: '2026-08-17', name: 'x' });
    expect(twice.statusCode).toBe(422);
    for (const bad of [
      { kind: 'regional', date: '7 Oktober', name: 'x' },
      { kind: 'regional', date: '2026-10-07', name: '' },
      { kind: 'holiday', date: '2026-10-07' },
    ])
      expect((await admin.agent.post(`${CAL}/days`, bad)).statusCode).toBe(400);
    expect((await admin.agent.get(`${CAL}?year=abc`)).statusCode).toBe(400);
    expect(await calendarRows()).toHaveLength(1);
    expect((await admin.agent.delete(`${CAL}/days/2026-12-24`)).statusCode).toBe(200);
  });

  it('sets Ramadan once, refuses dates that cannot be Ramadan, and clears it', async () => {
    const ramadan = () => db().selectFrom('agency_ramadan').selectAll().where('agency_id', '=', agencyId).execute();
    const before = (await auditEntries(t, 'agency.calendar_updated')).length;
    const body = { startsOn: '2026-02-19', endsOn: '2026-03-19' };
    expect((await admin.agent.put(`${CAL}/ramadan/2026`, body)).statusCode).toBe(200);
    expect((await admin.agent.put(`${CAL}/ramadan/2026`, body)).statusCode).toBe(200);
    expect(await ramadan()).toHaveLength(1);
    expect(await auditEntries(t, 'agency.calendar_updated')).toHaveLength(before + 1);
    expect((await admin.agent.get(`${CAL}?year=2026`)).json().ramadan).toEqual(body);

    const short = await admin.agent.put(`${CAL}/ramadan/2026`, { startsOn: '2026-02-19', endsOn: '2026-02-25' });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.details[0]).toMatchObject({ path: 'endsOn', message: v.ramadan_length });
    const wrongYear = await admin.agent.put(`${CAL}/ramadan/2027`, body);
    expect(wrongYear.statusCode).toBe(422);
    expect((await admin.agent.put(`${CAL}/ramadan/2026`, { startsOn: 'Februari' })).statusCode).toBe(400);
    expect(await ramadan()).toMatchObject([{ starts_on: '2026-02-19', ends_on: '2026-03-19' }]);

    expect((await admin.agent.delete(`${CAL}/ramadan/2026`)).statusCode).toBe(200);
    expect((await admin.agent.delete(`${CAL}/ramadan/2026`)).statusCode).toBe(404);
  });

  it('lets each person narrow only their own hours, keyed by their session', async () => {
    const me = await loginAs(t, 'employee', { agencyId, unitId: rootUnitId });
    const colleague = await loginAs(t, 'employee', { agencyId, unitId: rootUnitId });
    const mine = await me.agent.get(MINE);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ personal: null, timeZone: 'Asia/Jakarta' });
    expect(mine.json().week[0]).toEqual({ start: '07:30', end: '16:00' });
    expect(mine.json().ramadanWeek[4]).toEqual({ start: '08:00', end: '15:30' });

    const set = await me.agent.put(MINE, { start: '09:00', end: '15:00' });
    expect(set.statusCode).toBe(200);
    expect(set.json().personal).toEqual({ start: '09:00', end: '15:00' });
    expect((await me.agent.put(MINE, { start: '09:00', end: '15:00' })).statusCode).toBe(200);
    const rows = () =>
      db().selectFrom('personal_boundaries').selectAll().where('person_id', '=', me.person.id).execute();
    expect(await rows()).toHaveLength(1);

    const wider = await me.agent.put(MINE, { start: '06:00', end: '20:00' });
    expect(wider.statusCode).toBe(422);
    expect(wider.json().error.details[0].message).toBe(v.personal_wider);
    expect((await me.agent.put(MINE, { start: '9', end: '15:00' })).statusCode).toBe(400);
    expect(await rows()).toMatchObject([{ starts_at: '09:00', ends_at: '15:00' }]);

    // A colleague (or the admin) reaches only their own: nothing of mine shows.
    expect((await colleague.agent.get(MINE)).json().personal).toBeNull();
    expect((await admin.agent.get(MINE)).json().personal).toBeNull();
    await colleague.agent.delete(MINE);
    expect(await rows()).toHaveLength(1);

    expect((await me.agent.delete(MINE)).json().personal).toBeNull();
    expect(await rows()).toEqual([]);
  });
});

describe.skipIf(postgresSkipReason())('a held campaign reminder', () => {
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
  });
  afterAll(async () => smtp.close());

  it(
    'is stored at once, shown as held, and sent once at the next allowed moment after a restart',
    { timeout: 60_000 },
    async () => {
      const first = await createTestApp({
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        mailFrom: 'Teduh <no-reply@uji.go.id>',
      });
      const { agencyId, rootUnitId } = await createAgency(first.services.db.db);
      // Tuesday 12 Jan 2027, 10:00 WIB: the invitation goes at once.
      first.clock.set(new Date('2027-01-12T03:00:00.000Z'));
      const wellbeing = await loginAs(first, 'wellbeing_admin', { agencyId });
      const person = await loginAs(first, 'employee', { agencyId, unitId: rootUnitId });
      // The person keeps 07:30–15:00.
      expect((await person.agent.put(MINE, { start: '07:30', end: '15:00' })).statusCode).toBe(200);
      const id = await launchCampaign(wellbeing.agent, [rootUnitId], {
        reminderEveryDays: 3,
        opensOn: '2027-01-12',
        closesOn: '2027-02-05',
      });
      await first.services.jobs.drain();
      await first.services.jobs.drain();
      const invited = (await person.agent.get('/api/v1/me/notifications')).json();
      expect(invited.items).toMatchObject([{ kind: 'campaign.invited', heldUntil: null }]);
      expect(invited.unread).toBe(1);

      // Friday 15 Jan, 15:30 WIB: the reminder is due, inside the agency's hours but outside the
      // person's, so it waits for Monday 07:30 WIB.
      first.clock.set(new Date('2027-01-15T08:30:00.000Z'));
      await first.services.jobs.drain();
      await first.services.jobs.drain();
      // (Days have passed: the test reads through the service rather than an expired session.)
      const held = await first.services.notifications.list(person.person.id);
      expect(held.items[0]).toMatchObject({ kind: 'campaign.reminder', heldUntil: '2027-01-18T00:30:00.000Z' });
      expect(held.unread).toBe(1);
      // Only this test's app sends through this server: every mail from here on is the reminder.
      const reminders = () =>
        smtp.received.filter((m) => m.to.some((to) => to.includes(person.person.email as string)));
      const sentBefore = reminders().length;

      // The process stops; a new one starts on the same database.
      await first.app.close();
      await first.database.reopen();
      const second = await createTestAppOn(first.database, first.services.config, first.clock);
      try {
        second.clock.set(new Date('2027-01-18T00:29:00.000Z'));
        await second.services.jobs.drain();
        await second.services.jobs.drain();
        expect(reminders().length).toBe(sentBefore);
        second.clock.set(new Date('2027-01-18T00:30:00.000Z'));
        await second.services.jobs.drain();
        await second.services.jobs.drain();
        second.clock.set(new Date('2027-01-18T01:30:00.000Z'));
        await second.services.jobs.drain();
        expect(reminders().length).toBe(sentBefore + 1);
        const db = second.services.db.db;
        const notes = await db
          .selectFrom('notifications')
          .select(['kind', 'held_until'])
          .where('person_id', '=', person.person.id)
          .where('dedupe_key', 'like', `campaign:${id}:remind:%`)
          .execute();
        expect(notes).toEqual([{ kind: 'campaign.reminder', held_until: '2027-01-18T00:30:00.000Z' }]);
        const emailJobs = await db
          .selectFrom('jobs')
          .select(['run_at', 'completed_at'])
          .where('kind', '=', 'email.send')
          .execute();
        expect(emailJobs.filter((j) => j.run_at === '2027-01-18T00:30:00.000Z')).toHaveLength(1);
        expect(emailJobs.filter((j) => j.run_at === '2027-01-15T08:30:00.000Z')).toHaveLength(1);
        expect(emailJobs.every((j) => j.completed_at !== null)).toBe(true);
        const outbox = await db
          .selectFrom('email_outbox')
          .select(['status', 'sent_at'])
          .where('template', '=', 'campaign_reminder')
          .where('to_address', '=', person.person.email)
          .execute();
        // (The wellbeing admin is a member too, with no hours of their own: theirs went on Friday.)
        expect(outbox).toEqual([{ status: 'sent', sent_at: '2027-01-18T00:30:00.000Z' }]);
      } finally {
        await second.close();
      }
    },
  );

  it('never holds a crisis notification', async () => {
    const t = await createTestApp();
    try {
      const { agencyId, rootUnitId } = await createAgency(t.services.db.db);
      const person = await loginAs(t, 'employee', { agencyId, unitId: rootUnitId });
      // Saturday night, WIB.
      t.clock.set(new Date('2026-11-28T15:00:00.000Z'));
      await t.services.db.db.transaction().execute(async (trx) => {
        await t.services.notifications.add(trx, [
          { agencyId, personId: person.person.id, kind: 'crisis.request', payload: { requestId: 'r' } },
          { agencyId, personId: person.person.id, kind: 'campaign.reminder', payload: { title: 'x' } },
        ]);
      });
      const rows = await t.services.db.db
        .selectFrom('notifications')
        .select(['kind', 'held_until'])
        .where('person_id', '=', person.person.id)
        .orderBy('kind')
        .execute();
      expect(rows).toEqual([
        { kind: 'campaign.reminder', held_until: '2026-11-30T00:30:00.000Z' },
        { kind: 'crisis.request', held_until: null },
      ]);
    } finally {
      await t.close();
    }
  });
});
