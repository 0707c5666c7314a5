import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgency } from '../support/factories.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

// The test clock starts on Monday 23 November 2026, 09:00 WIB (02:00 UTC).
const GROUP = {
  topic: 'Ngobrol santai soal beban kerja',
  description: 'Berbagi cara menghadapi tumpukan pekerjaan, sambil minum teh.',
  schedule: { kind: 'weekly', weekday: 3, startTime: '15:30', durationMinutes: 60 },
  mode: 'online',
  place: null,
  link: 'https://meet.example.go.id/beban-kerja',
  capacity: 8,
  groundRules: 'Apa yang dibagikan di sini tetap di sini.',
  status: 'open',
};
const LINK = GROUP.link;

describe.skipIf(postgresSkipReason())('peer support groups', () => {
  let t: TestApp;
  let agencyId: string;
  let root: string;
  let facilitator: SignedIn;
  let member: SignedIn;
  let colleague: SignedIn;
  const groupId = crypto.randomUUID();
  const db = () => t.services.db.db;
  const create = (who: SignedIn, body: Record<string, unknown>) =>
    who.agent.post('/api/v1/facilitator/peer-groups', body);

  beforeAll(async () => {
    t = await createTestApp();
    const agency = await createAgency(db());
    agencyId = agency.agencyId;
    root = agency.rootUnitId;
    facilitator = await loginAs(t, 'counsellor', { agencyId, unitId: root });
    member = await loginAs(t, 'employee', { agencyId, unitId: root });
    colleague = await loginAs(t, 'employee', { agencyId, unitId: root });
  });
  afterAll(async () => t.close());

  describe('a facilitator makes a group', () => {
    it('refuses bad input with localized details and stores nothing', async () => {
      const res = await create(facilitator, {
        ...GROUP,
        id: crypto.randomUUID(),
        mode: 'in_person',
        link: null,
        groundRules: '  ',
        capacity: 1,
      });
      expect(res.statusCode).toBe(400);
      const details = res.json().error.details as { path: string; message: string }[];
      expect(details.map((d) => d.path).sort()).toEqual(['capacity', 'groundRules', 'place']);
      expect(details.find((d) => d.path === 'place')?.message).toBe('Isi tempat pertemuan.');
      expect((await facilitator.agent.get('/api/v1/facilitator/peer-groups')).json().items).toEqual([]);
    });

    it('creates it once when the request is sent again', async () => {
      const first = await create(facilitator, { ...GROUP, id: groupId });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ topic: GROUP.topic, memberCount: 0, full: false, timeZone: 'Asia/Jakarta' });
      // The next Wednesday 15:30 WIB is 08:30 UTC.
      expect(first.json().sessions[0]).toEqual({
        date: '2026-11-25',
        start: '2026-11-25T08:30:00.000Z',
        end: '2026-11-25T09:30:00.000Z',
        cancelled: false,
      });
      const again = await create(facilitator, { ...GROUP, id: groupId });
      expect(again.statusCode).toBe(200);
      const rows = await db().selectFrom('peer_groups').select('id').where('agency_id', '=', agencyId).execute();
      expect(rows).toHaveLength(1);
    });

    it('is not for employees, and not under another facilitator’s id', async () => {
      expect((await create(member, { ...GROUP, id: crypto.randomUUID() })).statusCode).toBe(403);
      expect((await member.agent.get('/api/v1/facilitator/peer-groups')).statusCode).toBe(403);
      const other = await loginAs(t, 'wellbeing_admin', { agencyId, unitId: root });
      expect((await create(other, { ...GROUP, id: groupId })).statusCode).toBe(404);
      expect((await other.agent.get(`/api/v1/facilitator/peer-groups/${groupId}`)).statusCode).toBe(404);
      expect((await other.agent.put(`/api/v1/facilitator/peer-groups/${groupId}`, GROUP)).statusCode).toBe(404);
    });
  });

  describe('an employee joins', () => {
    it('lists open groups with no link and no members', async () => {
      const res = await member.agent.get('/api/v1/peer-groups');
      expect(res.statusCode).toBe(200);
      const [group] = res.json().items;
      expect(group).toMatchObject({ id: groupId, link: null, myDisplayName: null, memberCount: 0 });
      expect(group.groundRules).toContain('tetap di sini');
    });

    it('refuses a display name that is their real name', async () => {
      const res = await member.agent.post(`/api/v1/peer-groups/${groupId}/join`, {
        displayName: member.person.fullName.toUpperCase(),
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('display_name_is_real_name');
    });

    it('joins under a display name, once when sent again, and then sees the link', async () => {
      const first = await member.agent.post(`/api/v1/peer-groups/${groupId}/join`, { displayName: 'Mawar' });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ myDisplayName: 'Mawar', link: LINK, memberCount: 1 });
      const again = await member.agent.post(`/api/v1/peer-groups/${groupId}/join`, { displayName: 'Mawar' });
      expect(again.statusCode).toBe(200);
      expect(again.json().memberCount).toBe(1);
      const rows = await db().selectFrom('peer_group_members').selectAll().where('group_id', '=', groupId).execute();
      expect(rows).toHaveLength(1);
    });

    it('keeps display names unique in a group, whatever their case', async () => {
      const res = await colleague.agent.post(`/api/v1/peer-groups/${groupId}/join`, { displayName: '  mawar ' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('display_name_taken');
      const count = (
        await db().selectFrom('peer_groups').select('member_count').where('id', '=', groupId).executeTakeFirstOrThrow()
      ).member_count;
      expect(count).toBe(1);
    });

    it('shows other members a count, never who', async () => {
      const res = await colleague.agent.get(`/api/v1/peer-groups/${groupId}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ memberCount: 1, link: null, myDisplayName: null });
      expect(res.body).not.toContain('Mawar');
      expect(res.body).not.toContain(member.person.id);
    });

    it('shows the facilitator the members by display name only, and audits it', async () => {
      const res = await facilitator.agent.get(`/api/v1/facilitator/peer-groups/${groupId}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().members.map((m: { displayName: string }) => m.displayName)).toEqual(['Mawar']);
      expect(res.body).not.toContain(member.person.fullName);
      expect(res.body).not.toContain(member.person.id);
      const entry = await db()
        .selectFrom('audit_log')
        .select(['actor_id', 'resource_id'])
        .where('action', '=', 'peer_group.members_viewed')
        .executeTakeFirst();
      expect(entry).toEqual({ actor_id: facilitator.person.id, resource_id: groupId });
    });

    it('keeps managers, admins, other agencies and strangers out of members and links', async () => {
      const others: SignedIn[] = [
        await loginAs(t, 'manager', { agencyId, unitId: root }),
        await loginAs(t, 'agency_admin', { agencyId, unitId: root }),
        await loginAs(t, 'platform_admin'),
        await loginAs(t, 'counsellor', { agencyId, unitId: root }),
        await loginAs(t, 'employee'),
        await loginAs(t, 'counsellor'),
      ];
      for (const who of others) {
        for (const r of [
          await who.agent.get(`/api/v1/facilitator/peer-groups/${groupId}`),
          await who.agent.put(`/api/v1/facilitator/peer-groups/${groupId}`, { ...GROUP, capacity: 50 }),
          await who.agent.post(`/api/v1/facilitator/peer-groups/${groupId}/cancellations`, { date: '2026-11-25' }),
          await who.agent.post(`/api/v1/peer-groups/${groupId}/leave`),
        ]) {
          expect([403, 404]).toContain(r.statusCode);
          expect(r.body).not.toContain('Mawar');
        }
        const view = await who.agent.get(`/api/v1/peer-groups/${groupId}`);
        expect(view.body).not.toContain('Mawar');
        expect(view.body).not.toContain(LINK);
      }
      // Another agency's employee cannot see or join it at all.
      const stranger = await loginAs(t, 'employee');
      expect((await stranger.agent.get(`/api/v1/peer-groups/${groupId}`)).statusCode).toBe(404);
      expect(
        (await stranger.agent.post(`/api/v1/peer-groups/${groupId}/join`, { displayName: 'Tamu' })).statusCode,
      ).toBe(404);
      expect((await stranger.agent.get('/api/v1/peer-groups')).body).not.toContain(groupId);
      expect((await t.anonymous().get('/api/v1/peer-groups')).statusCode).toBe(401);
      const row = await db()
        .selectFrom('peer_groups')
        .select(['capacity', 'member_count'])
        .where('id', '=', groupId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ capacity: 8, member_count: 1 });
    });

    it('calls off a session, for members to see', async () => {
      const bad = await facilitator.agent.post(`/api/v1/facilitator/peer-groups/${groupId}/cancellations`, {
        date: '2026-11-26',
      });
      expect(bad.statusCode).toBe(422);
      const res = await facilitator.agent.post(`/api/v1/facilitator/peer-groups/${groupId}/cancellations`, {
        date: '2026-11-25',
      });
      expect(res.statusCode).toBe(200);
      const seen = (await member.agent.get(`/api/v1/peer-groups/${groupId}`)).json();
      expect(seen.sessions[0]).toMatchObject({ date: '2026-11-25', cancelled: true });
      expect(seen.sessions[1]).toMatchObject({ date: '2026-12-02', cancelled: false });
    });

    it('tells the members, and nobody else, when a session is called off or the group moves', async () => {
      const ofGroups = async (who: SignedIn) =>
        ((await who.agent.get('/api/v1/me/notifications')).json().items as { kind: string; payload: unknown }[]).filter(
          (n) => n.kind.startsWith('peer_group.'),
        );
      // The same call-off sent again tells no one twice.
      const again = await facilitator.agent.post(`/api/v1/facilitator/peer-groups/${groupId}/cancellations`, {
        date: '2026-11-25',
      });
      expect(again.statusCode).toBe(200);
      expect(await ofGroups(member)).toEqual(
        [
          {
            kind: 'peer_group.session_cancelled',
            payload: { groupId, title: GROUP.topic, date: '2026-11-25' },
          },
        ].map((n) => expect.objectContaining(n)),
      );
      // A new description is not news; a new hour is.
      const described = { ...GROUP, description: 'Sambil minum kopi.' };
      expect((await facilitator.agent.put(`/api/v1/facilitator/peer-groups/${groupId}`, described)).statusCode).toBe(
        200,
      );
      expect(await ofGroups(member)).toHaveLength(1);
      const later = { ...GROUP, schedule: { ...GROUP.schedule, startTime: '16:00' } };
      expect((await facilitator.agent.put(`/api/v1/facilitator/peer-groups/${groupId}`, later)).statusCode).toBe(200);
      const told = await ofGroups(member);
      // Made at the same instant of the test clock: their order is not the point.
      expect(told.map((n) => n.kind).sort()).toEqual(['peer_group.moved', 'peer_group.session_cancelled']);
      expect(JSON.stringify(told)).not.toContain('Mawar');
      expect((await facilitator.agent.put(`/api/v1/facilitator/peer-groups/${groupId}`, GROUP)).statusCode).toBe(200);
      expect(await ofGroups(colleague)).toEqual([]);
      expect(await ofGroups(facilitator)).toEqual([]);
    });

    it('never lowers the capacity below the members', async () => {
      const res = await facilitator.agent.put(`/api/v1/facilitator/peer-groups/${groupId}`, { ...GROUP, capacity: 2 });
      expect(res.statusCode).toBe(200);
      await colleague.agent.post(`/api/v1/peer-groups/${groupId}/join`, { displayName: 'Kenanga' });
      const lower = await facilitator.agent.put(`/api/v1/facilitator/peer-groups/${groupId}`, {
        ...GROUP,
        capacity: 2,
        topic: 'Diubah',
      });
      expect(lower.statusCode).toBe(200);
      const full = (await member.agent.get(`/api/v1/peer-groups/${groupId}`)).json();
      expect(full).toMatchObject({ full: true, memberCount: 2 });
      const late = await loginAs(t, 'employee', { agencyId, unitId: root });
      const res2 = await late.agent.post(`/api/v1/peer-groups/${groupId}/join`, { displayName: 'Melati' });
      expect(res2.statusCode).toBe(409);
      expect(res2.json().error.code).toBe('peer_group_full');
    });

    it('lets a member leave at any time, and the seat opens', async () => {
      const res = await colleague.agent.post(`/api/v1/peer-groups/${groupId}/leave`);
      expect(res.statusCode).toBe(200);
      expect((await colleague.agent.post(`/api/v1/peer-groups/${groupId}/leave`)).statusCode).toBe(404);
      expect((await member.agent.get(`/api/v1/peer-groups/${groupId}`)).json()).toMatchObject({
        memberCount: 1,
        full: false,
      });
      const low = await facilitator.agent.put(`/api/v1/facilitator/peer-groups/${groupId}`, { ...GROUP, capacity: 2 });
      expect(low.statusCode).toBe(200);
    });
  });

  it('gives the last seat to exactly one of twenty simultaneous joins', async () => {
    const id = crypto.randomUUID();
    expect((await create(facilitator, { ...GROUP, id, capacity: 3 })).statusCode).toBe(201);
    const early = await Promise.all([0, 1].map(() => loginAs(t, 'employee', { agencyId, unitId: root })));
    for (const [i, who] of early.entries())
      expect((await who.agent.post(`/api/v1/peer-groups/${id}/join`, { displayName: `Awal ${i}` })).statusCode).toBe(
        201,
      );
    const crowd = await Promise.all(
      Array.from({ length: 20 }, () => loginAs(t, 'employee', { agencyId, unitId: root })),
    );
    const answers = await Promise.all(
      crowd.map((who, i) => who.agent.post(`/api/v1/peer-groups/${id}/join`, { displayName: `Teman ${i}` })),
    );
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    for (const r of answers.filter((a) => a.statusCode === 409)) expect(r.json().error.code).toBe('peer_group_full');
    const rows = await db().selectFrom('peer_group_members').select('id').where('group_id', '=', id).execute();
    expect(rows).toHaveLength(3);
    const group = await db()
      .selectFrom('peer_groups')
      .select('member_count')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(group.member_count).toBe(3);
  });

  it('keeps a group on the retention schedule until a year after it closed, and an open one always', async () => {
    // The first group closes today (Monday 23 November 2026); another stays open with a called-off Wednesday.
    const closing = await facilitator.agent.put(`/api/v1/facilitator/peer-groups/${groupId}`, {
      ...GROUP,
      capacity: 2,
      status: 'closed',
    });
    expect(closing.statusCode).toBe(200);
    const openId = crypto.randomUUID();
    expect((await create(facilitator, { ...GROUP, id: openId })).statusCode).toBe(201);
    expect(
      (await facilitator.agent.post(`/api/v1/facilitator/peer-groups/${openId}/cancellations`, { date: '2026-11-25' }))
        .statusCode,
    ).toBe(200);
    const rows = async (table: 'peer_groups' | 'peer_group_members' | 'peer_group_cancellations', id: string) =>
      (
        await db()
          .selectFrom(table)
          .select('id')
          .where(table === 'peer_groups' ? 'id' : 'group_id', '=', id)
          .execute()
      ).length;
    expect(await rows('peer_group_members', groupId)).toBe(1);
    expect(await rows('peer_group_cancellations', groupId)).toBe(1);
    const DAY = 86_400_000;
    const start = t.clock.now();
    try {
      // A day inside the year, nothing goes.
      t.clock.set(new Date(start.getTime() + 364 * DAY));
      const early = (await t.services.dpo.runRetention()).find((r) => r.agencyId === agencyId);
      expect(early?.counts.peer_groups).toBe(0);
      expect(await rows('peer_groups', groupId)).toBe(1);

      // A year and three days on, the called-off Wednesday is also a year behind.
      t.clock.set(new Date(start.getTime() + 368 * DAY));
      const late = (await t.services.dpo.runRetention()).find((r) => r.agencyId === agencyId);
      // The closed group, its member and its called-off date; the open group's called-off date.
      expect(late?.counts.peer_groups).toBe(4);
      expect(await rows('peer_groups', groupId)).toBe(0);
      expect(await rows('peer_group_members', groupId)).toBe(0);
      expect(await rows('peer_group_cancellations', groupId)).toBe(0);
      expect(await rows('peer_groups', openId)).toBe(1);
      expect(await rows('peer_group_cancellations', openId)).toBe(0);
      // The full group of the race is open: it keeps its three members.
      const racing = await db()
        .selectFrom('peer_groups')
        .select('member_count')
        .where('agency_id', '=', agencyId)
        .where('capacity', '=', 3)
        .executeTakeFirstOrThrow();
      expect(racing.member_count).toBe(3);
    } finally {
      t.clock.set(start);
    }
  });
});
