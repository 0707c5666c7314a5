import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgency, createPerson } from '../support/factories.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

// The test clock starts on Monday 23 November 2026, 09:00 WIB (02:00 UTC).
const TERM = { termFrom: '2026-01-01', termTo: '2027-12-31' };
const MEETING = {
  title: 'Rapat triwulan IV',
  date: '2026-11-26',
  startTime: '13:00',
  durationMinutes: 90,
  place: 'Ruang Rapat Sekda',
  link: null,
  agenda: [
    { title: 'Tindak lanjut survei iklim kerja', notes: 'Bahas tema beban kerja' },
    { title: 'Rencana kegiatan Januari' },
  ],
};

describe.skipIf(postgresSkipReason())('the wellbeing committee', () => {
  let t: TestApp;
  let agencyId: string;
  let root: string;
  let admin: SignedIn;
  let chair: SignedIn;
  let secretary: SignedIn;
  let staff: SignedIn;
  let manager: SignedIn;
  let unitAdmin: SignedIn;
  let agencyAdmin: SignedIn;
  let platformAdmin: SignedIn;
  let otherAdmin: SignedIn;
  let meetingId = '';
  const db = () => t.services.db.db;
  const MANAGE = '/api/v1/committee/manage';

  beforeAll(async () => {
    // Sessions outlive the days the test clock moves through (the meeting is three days ahead).
    t = await createTestApp({ sessionIdleMs: 7 * 86_400_000, sessionAbsoluteMs: 7 * 86_400_000 });
    ({ agencyId, rootUnitId: root } = await createAgency(db()));
    admin = await loginAs(t, 'wellbeing_admin', { agencyId, unitId: root });
    chair = await loginAs(t, 'employee', { agencyId, unitId: root });
    secretary = await loginAs(t, 'employee', { agencyId, unitId: root });
    staff = await loginAs(t, 'employee', { agencyId, unitId: root });
    manager = await loginAs(t, 'manager', { agencyId, unitId: root });
    unitAdmin = await loginAs(t, 'wellbeing_admin', { agencyId, unitId: root, scopeUnitId: root });
    agencyAdmin = await loginAs(t, 'agency_admin', { agencyId, unitId: root });
    platformAdmin = await loginAs(t, 'platform_admin');
    otherAdmin = await loginAs(t, 'wellbeing_admin');
  });
  afterAll(async () => t.close());

  describe('members', () => {
    it('refuses bad input with localized messages and stores nothing', async () => {
      const backwards = await admin.agent.post(`${MANAGE}/members`, {
        personId: chair.person.id,
        role: 'ketua',
        termFrom: '2027-01-01',
        termTo: '2026-01-01',
      });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().error.details).toEqual([
        expect.objectContaining({ path: 'termTo', message: 'Akhir masa tugas tidak boleh sebelum awalnya.' }),
      ]);
      const badRole = await admin.agent.post(`${MANAGE}/members`, { personId: chair.person.id, role: 'raja', ...TERM });
      expect(badRole.statusCode).toBe(400);
      // Someone of another agency is not in this directory: 422, named on the field.
      const stranger = await admin.agent.post(`${MANAGE}/members`, {
        personId: otherAdmin.person.id,
        role: 'anggota',
        ...TERM,
      });
      expect(stranger.statusCode).toBe(422);
      expect(stranger.json().error.details[0]).toMatchObject({
        path: 'personId',
        message: 'Pilih pegawai aktif dari instansi ini.',
      });
      expect(await db().selectFrom('committee_members').select('id').execute()).toHaveLength(0);
    });

    it('adds members with roles and terms, refuses an overlapping term, changes and removes one', async () => {
      const added = await admin.agent.post(`${MANAGE}/members`, { personId: chair.person.id, role: 'ketua', ...TERM });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({ role: 'ketua', current: true, name: chair.person.fullName });
      expect(
        (await admin.agent.post(`${MANAGE}/members`, { personId: secretary.person.id, role: 'anggota', ...TERM }))
          .statusCode,
      ).toBe(201);
      const twice = await admin.agent.post(`${MANAGE}/members`, {
        personId: chair.person.id,
        role: 'anggota',
        termFrom: '2027-06-01',
        termTo: '2028-12-31',
      });
      expect(twice.statusCode).toBe(422);
      expect(twice.json().error.details[0].path).toBe('termFrom');
      const secretaryRow = (await admin.agent.get(MANAGE))
        .json()
        .members.find((m: { personId: string }) => m.personId === secretary.person.id);
      const changed = await admin.agent.put(`${MANAGE}/members/${secretaryRow.id}`, { role: 'sekretaris', ...TERM });
      expect(changed.json().role).toBe('sekretaris');
      // A past term is kept but not current.
      const past = await admin.agent.post(`${MANAGE}/members`, {
        personId: staff.person.id,
        role: 'perwakilan_pegawai',
        termFrom: '2024-01-01',
        termTo: '2025-12-31',
      });
      expect(past.json().current).toBe(false);
      const removeMe = await admin.agent.post(`${MANAGE}/members`, {
        personId: manager.person.id,
        role: 'anggota',
        ...TERM,
      });
      expect((await admin.agent.delete(`${MANAGE}/members/${removeMe.json().id}`)).statusCode).toBe(200);
      const actions = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('agency_id', '=', agencyId)
        .where('action', 'like', 'committee.member%')
        .execute();
      expect(actions.map((a) => a.action).sort()).toEqual([
        'committee.member_added',
        'committee.member_added',
        'committee.member_added',
        'committee.member_added',
        'committee.member_removed',
        'committee.member_updated',
      ]);
    });

    it('shows staff the current committee, chair first, with units', async () => {
      const res = await staff.agent.get('/api/v1/committee');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.members.map((m: { personId: string; role: string }) => [m.personId, m.role])).toEqual([
        [chair.person.id, 'ketua'],
        [secretary.person.id, 'sekretaris'],
      ]);
      expect(body.members[0].unitName).toBe('Sekretariat Daerah');
      expect(body.amMember).toBe(false);
    });

    it('is managed by the agency-wide wellbeing admin only', async () => {
      for (const who of [staff, manager, agencyAdmin, unitAdmin, chair])
        expect((await who.agent.get(MANAGE)).statusCode).toBe(403);
      // A platform admin belongs to another agency: they see that one's (empty) committee, nothing of this one.
      expect((await platformAdmin.agent.get('/api/v1/committee')).json().members).toEqual([]);
      expect((await platformAdmin.agent.get(MANAGE)).statusCode).toBe(403);
      expect((await t.anonymous().get('/api/v1/committee')).statusCode).toBe(401);
      // Another agency's admin sees their own (empty) committee, and this one's ids are 404 to them.
      expect((await otherAdmin.agent.get(MANAGE)).json().members).toEqual([]);
      const chairRow = (await admin.agent.get(MANAGE)).json().members[0];
      expect(
        (await otherAdmin.agent.put(`${MANAGE}/members/${chairRow.id}`, { role: 'anggota', ...TERM })).statusCode,
      ).toBe(404);
    });
  });

  describe('meetings', () => {
    it('refuses a meeting without a place or link and without agenda, storing nothing', async () => {
      const res = await admin.agent.post(`${MANAGE}/meetings`, { ...MEETING, place: null, agenda: [] });
      expect(res.statusCode).toBe(400);
      expect(
        res
          .json()
          .error.details.map((d: { path: string }) => d.path)
          .sort(),
      ).toEqual(['agenda', 'place']);
      expect(await db().selectFrom('committee_meetings').select('id').execute()).toHaveLength(0);
    });

    it('schedules a meeting once when retried with the same Idempotency-Key, and invites each member once', async () => {
      const key = { 'idempotency-key': 'committee-meeting-0001' };
      const first = await admin.agent.post(`${MANAGE}/meetings`, MEETING, key);
      const again = await admin.agent.post(`${MANAGE}/meetings`, MEETING, key);
      expect(first.statusCode, first.body).toBe(201);
      expect(again.json()).toEqual(first.json());
      meetingId = first.json().id;
      expect(first.json()).toMatchObject({
        startsAt: '2026-11-26T06:00:00.000Z',
        date: '2026-11-26',
        startTime: '13:00',
        status: 'scheduled',
      });
      expect(first.json().agenda.map((a: { title: string }) => a.title)).toEqual(MEETING.agenda.map((a) => a.title));
      expect(await db().selectFrom('committee_meetings').select('id').execute()).toHaveLength(1);
      await t.services.jobs.drain();
      const sent = await db()
        .selectFrom('notifications')
        .select(['person_id', 'kind'])
        .where('kind', '=', 'committee.meeting_scheduled')
        .execute();
      expect(sent.map((n) => n.person_id).sort()).toEqual([chair.person.id, secretary.person.id].sort());
      const mails = await db()
        .selectFrom('email_outbox')
        .select('to_address')
        .where('template', '=', 'committee_meeting_scheduled')
        .execute();
      expect(mails.map((m) => m.to_address).sort()).toEqual([chair.person.email, secretary.person.email].sort());
    });

    it('shows the meeting to members with its agenda; other staff get 404 until minutes are published', async () => {
      const asChair = await chair.agent.get(`/api/v1/committee/meetings/${meetingId}`);
      expect(asChair.statusCode).toBe(200);
      expect(asChair.json().canEdit).toBe(false);
      expect((await chair.agent.get('/api/v1/committee')).json()).toMatchObject({ amMember: true });
      expect((await staff.agent.get(`/api/v1/committee/meetings/${meetingId}`)).statusCode).toBe(404);
      expect((await staff.agent.get('/api/v1/committee')).json().meetings).toEqual([]);
      expect((await otherAdmin.agent.get(`/api/v1/committee/meetings/${meetingId}`)).statusCode).toBe(404);
    });

    it('tells members when the meeting moves, once per change', async () => {
      const moved = await admin.agent.put(`${MANAGE}/meetings/${meetingId}`, {
        ...MEETING,
        startTime: '14:00',
        status: 'scheduled',
      });
      expect(moved.statusCode, moved.body).toBe(200);
      // An agenda edit alone tells nobody.
      await admin.agent.put(`${MANAGE}/meetings/${meetingId}`, {
        ...MEETING,
        startTime: '14:00',
        agenda: [...MEETING.agenda, { title: 'Lain-lain' }],
        status: 'scheduled',
      });
      await t.services.jobs.drain();
      const changed = await db()
        .selectFrom('notifications')
        .select('person_id')
        .where('kind', '=', 'committee.meeting_changed')
        .execute();
      expect(changed).toHaveLength(2);
    });

    it('is changed by the agency-wide admin only, bad input refused, and once cancelled tells members and stays so', async () => {
      const url = `${MANAGE}/meetings/${meetingId}`;
      const change = { ...MEETING, place: 'Aula BKPSDM', status: 'scheduled' };
      expect((await t.anonymous().put(url, change)).statusCode).toBe(401);
      for (const who of [chair, staff, manager, unitAdmin, agencyAdmin])
        expect((await who.agent.put(url, change)).statusCode).toBe(403);
      expect((await otherAdmin.agent.put(url, change)).statusCode).toBe(404);
      const bad = await admin.agent.put(url, { ...change, date: '26/11/2026', status: 'postponed' });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .error.details.map((d: { path: string }) => d.path)
          .sort(),
      ).toEqual(['date', 'status']);
      expect(bad.json().error.message).toBeTruthy();
      const before = await db()
        .selectFrom('committee_meetings')
        .select(['place'])
        .where('id', '=', meetingId)
        .executeTakeFirst();
      expect(before?.place).toBe(MEETING.place);

      // A second meeting, called off: its members hear of it, and it can no longer be changed.
      const other = (await admin.agent.post(`${MANAGE}/meetings`, { ...MEETING, title: 'Rapat tambahan' })).json();
      const cancelled = await admin.agent.put(`${MANAGE}/meetings/${other.id}`, {
        ...MEETING,
        title: 'Rapat tambahan',
        status: 'cancelled',
      });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(cancelled.json().status).toBe('cancelled');
      await t.services.jobs.drain();
      const told = await db()
        .selectFrom('notifications')
        .select('person_id')
        .where('kind', '=', 'committee.meeting_cancelled')
        .execute();
      expect(told.map((n) => n.person_id).sort()).toEqual([chair.person.id, secretary.person.id].sort());
      const again = await admin.agent.put(`${MANAGE}/meetings/${other.id}`, { ...MEETING, status: 'scheduled' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('committee_meeting_closed');
    });

    it('sends no invitation for a meeting recorded after it was held', async () => {
      const held = await admin.agent.post(`${MANAGE}/meetings`, {
        ...MEETING,
        title: 'Rapat Jumat lalu',
        date: '2026-11-20',
      });
      expect(held.statusCode, held.body).toBe(201);
      const queued = await db()
        .selectFrom('jobs')
        .select('payload')
        .where('kind', '=', 'committee.gathering_message')
        .execute();
      expect(queued.filter((j) => j.payload.includes(held.json().id))).toHaveLength(2);
      await t.services.jobs.drain();
      const sent = await db().selectFrom('notifications').select('payload').execute();
      expect(sent.filter((n) => n.payload.includes(held.json().id))).toEqual([]);
      expect(
        await db()
          .selectFrom('email_outbox')
          .select('id')
          .where('template', '=', 'committee_meeting_scheduled')
          .execute(),
      ).toHaveLength(4);
    });
  });

  describe('minutes', () => {
    let agendaIds: string[] = [];

    it('can be written only after the meeting starts, with members as attendees', async () => {
      const meeting = (await admin.agent.get(`/api/v1/committee/meetings/${meetingId}`)).json();
      agendaIds = meeting.agenda.map((a: { id: string }) => a.id);
      const body = {
        items: [
          { agendaItemId: agendaIds[0], decisions: 'Bentuk DKT untuk tema beban kerja', followUps: 'Sekretaris' },
        ],
        attendeeIds: [chair.person.id, secretary.person.id],
      };
      const early = await admin.agent.put(`${MANAGE}/meetings/${meetingId}/minutes`, body);
      expect(early.statusCode).toBe(409);
      t.clock.set(new Date('2026-11-26T09:00:00Z'));
      const notMember = await admin.agent.put(`${MANAGE}/meetings/${meetingId}/minutes`, {
        ...body,
        attendeeIds: [staff.person.id],
      });
      expect(notMember.statusCode).toBe(422);
      expect(notMember.json().error.details[0].path).toBe('attendeeIds.0');
      const saved = await admin.agent.put(`${MANAGE}/meetings/${meetingId}/minutes`, body);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ status: 'held', minutes: { status: 'draft' } });
      expect(
        saved
          .json()
          .minutes.attendees.map((a: { name: string }) => a.name)
          .sort(),
      ).toEqual([chair.person.fullName, secretary.person.fullName].sort());
    });

    it('keeps the draft from staff and managers, shows it to members', async () => {
      expect((await chair.agent.get(`/api/v1/committee/meetings/${meetingId}`)).json().minutes.status).toBe('draft');
      for (const who of [staff, manager, agencyAdmin])
        expect((await who.agent.get(`/api/v1/committee/meetings/${meetingId}`)).statusCode).toBe(404);
    });

    it('publishes only after the review is confirmed, audited, and then staff read it', async () => {
      const unreviewed = await admin.agent.post(`${MANAGE}/meetings/${meetingId}/minutes/publish`, {});
      expect(unreviewed.statusCode).toBe(400);
      expect(unreviewed.json().error.details[0].message).toBe(
        'Pastikan dulu bahwa isinya tidak memuat data kesehatan siapa pun.',
      );
      const published = await admin.agent.post(`${MANAGE}/meetings/${meetingId}/minutes/publish`, { reviewed: true });
      expect(published.statusCode).toBe(200);
      const asStaff = await staff.agent.get(`/api/v1/committee/meetings/${meetingId}`);
      expect(asStaff.statusCode).toBe(200);
      expect(asStaff.json().minutes.items[0].decisions).toBe('Bentuk DKT untuk tema beban kerja');
      expect(asStaff.json().link).toBeNull();
      expect((await staff.agent.get('/api/v1/committee')).json().meetings).toHaveLength(1);
      // Published minutes are a record: no more edits.
      expect(
        (await admin.agent.put(`${MANAGE}/meetings/${meetingId}/minutes`, { items: [], attendeeIds: [] })).statusCode,
      ).toBe(409);
      expect((await otherAdmin.agent.get(`/api/v1/committee/meetings/${meetingId}`)).statusCode).toBe(404);
      const audit = await db()
        .selectFrom('audit_log')
        .select(['action', 'actor_id'])
        .where('resource_id', '=', meetingId)
        .where('action', '=', 'committee.minutes_published')
        .execute();
      expect(audit).toEqual([{ action: 'committee.minutes_published', actor_id: admin.person.id }]);
    });
  });

  it('searches the directory of the admin’s agency only', async () => {
    const person = await createPerson(db(), t.services.keys, { agencyId, unitId: root, fullName: 'Wulandari Kesuma' });
    const found = await admin.agent.get(`${MANAGE}/people?q=wulan`);
    expect(found.json().items).toEqual([{ id: person.id, name: 'Wulandari Kesuma', unitName: 'Sekretariat Daerah' }]);
    expect((await otherAdmin.agent.get(`${MANAGE}/people?q=wulan`)).json().items).toEqual([]);
    expect((await admin.agent.get(`${MANAGE}/people?q=w`)).statusCode).toBe(400);
  });
});
