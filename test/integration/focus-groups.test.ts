import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgency, createPerson, createUnit, type TestPerson } from '../support/factories.js';
import { createTestApp, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

// The test clock starts on Monday 23 November 2026, 09:00 WIB (02:00 UTC).
const GROUP = {
  topic: 'Memahami beban kerja di bidang pelayanan',
  date: '2026-11-25',
  startTime: '10:00',
  durationMinutes: 90,
  place: 'Ruang Rapat Bappeda',
  link: null,
  capacity: 3,
};

describe.skipIf(postgresSkipReason())('focus groups', () => {
  let t: TestApp;
  let agencyId: string;
  let root: string;
  let division: string;
  let admin: SignedIn;
  let facilitator: SignedIn;
  let invitees: SignedIn[];
  let outsider: SignedIn;
  let manager: SignedIn;
  let agencyAdmin: SignedIn;
  let otherAdmin: SignedIn;
  let elsewhere: TestPerson[];
  let groupId = '';
  const db = () => t.services.db.db;
  const MANAGE = '/api/v1/focus-groups/manage';

  beforeAll(async () => {
    t = await createTestApp({ sessionIdleMs: 7 * 86_400_000, sessionAbsoluteMs: 7 * 86_400_000 });
    ({ agencyId, rootUnitId: root } = await createAgency(db()));
    division = await createUnit(db(), agencyId, root, { name: 'Bidang Pelayanan' });
    const section = await createUnit(db(), agencyId, division, { name: 'Seksi Loket' });
    admin = await loginAs(t, 'wellbeing_admin', { agencyId, unitId: root });
    facilitator = await loginAs(t, 'employee', { agencyId, unitId: division });
    // Four people in the division's subtree besides its facilitator (two in the section below it).
    invitees = [
      await loginAs(t, 'employee', { agencyId, unitId: division }),
      await loginAs(t, 'employee', { agencyId, unitId: division }),
      await loginAs(t, 'employee', { agencyId, unitId: section }),
      await loginAs(t, 'employee', { agencyId, unitId: section }),
    ];
    // The division's manager sits in the top unit: never sampled, so never an invitee.
    manager = await loginAs(t, 'manager', { agencyId, unitId: root, scopeUnitId: division });
    outsider = await loginAs(t, 'employee', { agencyId, unitId: root });
    agencyAdmin = await loginAs(t, 'agency_admin', { agencyId, unitId: root });
    otherAdmin = await loginAs(t, 'wellbeing_admin');
    elsewhere = [
      await createPerson(db(), t.services.keys, { agencyId, unitId: root }),
      await createPerson(db(), t.services.keys, { agencyId, unitId: root }),
    ];
  });
  afterAll(async () => t.close());

  it('refuses bad input with localized messages and stores nothing', async () => {
    const res = await admin.agent.post(MANAGE, {
      ...GROUP,
      capacity: 1,
      place: null,
      facilitatorId: facilitator.person.id,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['capacity', 'place']);
    const past = await admin.agent.post(MANAGE, { ...GROUP, date: '2026-11-20', facilitatorId: facilitator.person.id });
    expect(past.statusCode).toBe(422);
    expect(past.json().error.details[0].message).toBe('Pilih tanggal dan jam yang belum lewat.');
    const stranger = await admin.agent.post(MANAGE, { ...GROUP, facilitatorId: otherAdmin.person.id });
    expect(stranger.statusCode).toBe(422);
    expect(await db().selectFrom('focus_groups').select('id').execute()).toHaveLength(0);
  });

  it('schedules one once under a retried Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'focus-group-create-01' };
    const first = await admin.agent.post(MANAGE, { ...GROUP, facilitatorId: facilitator.person.id }, key);
    const again = await admin.agent.post(MANAGE, { ...GROUP, facilitatorId: facilitator.person.id }, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    groupId = first.json().id;
    expect(first.json()).toMatchObject({ startsAt: '2026-11-25T03:00:00.000Z', invited: 0, accepted: [] });
    expect(await db().selectFrom('focus_groups').select('id').execute()).toHaveLength(1);
  });

  it('refuses a sample larger than the unit subtree holds, inviting nobody', async () => {
    // The division's subtree holds four people besides the facilitator.
    const res = await admin.agent.post(`${MANAGE}/${groupId}/invitations`, {
      kind: 'sample',
      unitId: division,
      size: 6,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0]).toMatchObject({
      path: 'size',
      message: expect.stringContaining('hanya punya 4 pegawai'),
    });
    expect(await db().selectFrom('focus_group_invitations').select('id').execute()).toHaveLength(0);
  });

  it('samples the asked number from the subtree only, never the facilitator, each once', async () => {
    const res = await admin.agent.post(`${MANAGE}/${groupId}/invitations`, {
      kind: 'sample',
      unitId: division,
      size: 3,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ invited: 3, alreadyInvited: 0 });
    const subtree = new Set(invitees.map((i) => i.person.id));
    const rows = await db().selectFrom('focus_group_invitations').select('person_id').execute();
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(subtree.has(r.person_id)).toBe(true);
    // One is left in the subtree: three more is refused.
    const rest = await admin.agent.post(`${MANAGE}/${groupId}/invitations`, {
      kind: 'sample',
      unitId: division,
      size: 3,
    });
    expect(rest.statusCode).toBe(422);
    await admin.agent.post(`${MANAGE}/${groupId}/invitations`, { kind: 'named', personIds: [elsewhere[0]!.id] });
    const named = await admin.agent.post(`${MANAGE}/${groupId}/invitations`, {
      kind: 'named',
      personIds: [elsewhere[0]!.id, elsewhere[1]!.id],
    });
    expect(named.json()).toEqual({ invited: 1, alreadyInvited: 1 });
    // The facilitator cannot be invited by name either.
    expect(
      (
        await admin.agent.post(`${MANAGE}/${groupId}/invitations`, {
          kind: 'named',
          personIds: [facilitator.person.id],
        })
      ).statusCode,
    ).toBe(422);
    await t.services.jobs.drain();
    const sent = await db()
      .selectFrom('notifications')
      .select('person_id')
      .where('kind', '=', 'focus_group.invited')
      .execute();
    expect(sent).toHaveLength(5);
  });

  it('lets each invitee accept or decline (no reason), within capacity', async () => {
    // Invite the whole subtree by name so the test knows who is invited.
    await admin.agent.post(`${MANAGE}/${groupId}/invitations`, {
      kind: 'named',
      personIds: invitees.map((i) => i.person.id),
    });
    const [a, b, c, d] = invitees as [SignedIn, SignedIn, SignedIn, SignedIn];
    const page = await a.agent.get(`/api/v1/focus-groups/${groupId}`);
    expect(page.json()).toMatchObject({ myAnswer: 'pending', link: null, amFacilitator: false });
    for (const who of [a, b, c]) {
      const res = await who.agent.post(`/api/v1/focus-groups/${groupId}/answer`, { answer: 'accepted' });
      expect(res.statusCode, res.body).toBe(200);
    }
    const full = await d.agent.post(`/api/v1/focus-groups/${groupId}/answer`, { answer: 'accepted' });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('focus_group_full');
    // A change of mind frees the seat; a reason is not even accepted by the contract.
    expect(
      (await c.agent.post(`/api/v1/focus-groups/${groupId}/answer`, { answer: 'declined', reason: 'sibuk' }))
        .statusCode,
    ).toBe(400);
    expect((await c.agent.post(`/api/v1/focus-groups/${groupId}/answer`, { answer: 'declined' })).json().myAnswer).toBe(
      'declined',
    );
    expect((await d.agent.post(`/api/v1/focus-groups/${groupId}/answer`, { answer: 'accepted' })).statusCode).toBe(200);
    // Someone not invited cannot answer, nor see it.
    expect(
      (await outsider.agent.post(`/api/v1/focus-groups/${groupId}/answer`, { answer: 'accepted' })).statusCode,
    ).toBe(404);
  });

  it('shows who accepted to the facilitator and the admin only, audited', async () => {
    const [a, , c, d] = invitees as [SignedIn, SignedIn, SignedIn, SignedIn];
    const asFacilitator = await facilitator.agent.get(`/api/v1/focus-groups/${groupId}/run`);
    expect(asFacilitator.statusCode).toBe(200);
    const accepted = asFacilitator.json().accepted.map((p: { id: string }) => p.id);
    expect(accepted.sort()).toEqual([a.person.id, invitees[1]!.person.id, d.person.id].sort());
    expect(asFacilitator.json().declined).toBe(1);
    expect(JSON.stringify(asFacilitator.json())).not.toContain(c.person.id);
    expect((await admin.agent.get(`/api/v1/focus-groups/${groupId}/run`)).statusCode).toBe(200);
    for (const who of [manager, outsider, agencyAdmin, a, otherAdmin]) {
      const res = await who.agent.get(`/api/v1/focus-groups/${groupId}/run`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(a.person.id);
    }
    expect((await t.anonymous().get(`/api/v1/focus-groups/${groupId}/run`)).statusCode).toBe(401);
    for (const who of [manager, outsider, agencyAdmin]) expect((await who.agent.get(MANAGE)).statusCode).toBe(403);
    expect((await manager.agent.get(`/api/v1/focus-groups/${groupId}`)).statusCode).toBe(404);
    expect((await otherAdmin.agent.get(`/api/v1/focus-groups/${groupId}`)).statusCode).toBe(404);
    const audit = await db()
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'focus_group.participants_viewed')
      .where('resource_id', '=', groupId)
      .execute();
    // The admin's own view after scheduling counts too: every read of the list is a row.
    expect(new Set(audit.map((r) => r.actor_id))).toEqual(new Set([facilitator.person.id, admin.person.id]));
    // The link is for those who accepted.
    expect((await a.agent.get(`/api/v1/focus-groups/${groupId}`)).json().myAnswer).toBe('accepted');
  });

  it('reminds those who accepted on the day before, once', async () => {
    t.clock.set(new Date('2026-11-24T02:00:00Z'));
    expect(await t.services.focusGroups.queueReminders()).toBe(3);
    await t.services.focusGroups.queueReminders();
    await t.services.jobs.drain();
    const reminders = await db()
      .selectFrom('notifications')
      .select('person_id')
      .where('kind', '=', 'focus_group.reminder')
      .execute();
    expect(reminders).toHaveLength(3);
  });

  it('takes a summary from the facilitator after the session and publishes it with names masked', async () => {
    const [a] = invitees as [SignedIn];
    const early = await facilitator.agent.put(`/api/v1/focus-groups/${groupId}/summary`, { summary: 'Belum' });
    expect(early.statusCode).toBe(409);
    t.clock.set(new Date('2026-11-25T05:00:00Z'));
    await db().updateTable('people').set({ full_name: 'Sri Rahayu Wulandari' }).where('id', '=', a.person.id).execute();
    const summary = 'Beban loket menumpuk di akhir bulan. Rahayu menyebut antrean panjang.';
    const saved = await facilitator.agent.put(`/api/v1/focus-groups/${groupId}/summary`, { summary });
    expect(saved.statusCode, saved.body).toBe(200);
    // A draft summary is not for staff.
    expect((await outsider.agent.get(`/api/v1/focus-groups/${groupId}`)).statusCode).toBe(404);
    expect((await a.agent.post(`/api/v1/focus-groups/${groupId}/summary/publish`, { reviewed: true })).statusCode).toBe(
      404,
    );
    const published = await facilitator.agent.post(`/api/v1/focus-groups/${groupId}/summary/publish`, {
      reviewed: true,
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().summary).toBe('Beban loket menumpuk di akhir bulan. [nama] menyebut antrean panjang.');
    const asStaff = await outsider.agent.get(`/api/v1/focus-groups/${groupId}`);
    expect(asStaff.json()).toMatchObject({ summary: published.json().summary, myAnswer: null, link: null });
    expect((await outsider.agent.get('/api/v1/focus-groups')).json().items.map((g: { id: string }) => g.id)).toEqual([
      groupId,
    ]);
    expect(
      await db()
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'focus_group.summary_published')
        .execute(),
    ).toHaveLength(1);
  });

  it('tells those who accepted when a group is cancelled', async () => {
    t.clock.set(new Date('2026-11-23T02:00:00Z'));
    const other = await admin.agent.post(MANAGE, {
      ...GROUP,
      date: '2026-12-02',
      facilitatorId: facilitator.person.id,
    });
    const id = other.json().id;
    const [a, b] = invitees as [SignedIn, SignedIn];
    await admin.agent.post(`${MANAGE}/${id}/invitations`, { kind: 'named', personIds: [a.person.id, b.person.id] });
    await a.agent.post(`/api/v1/focus-groups/${id}/answer`, { answer: 'accepted' });
    await b.agent.post(`/api/v1/focus-groups/${id}/answer`, { answer: 'declined' });
    expect((await manager.agent.post(`${MANAGE}/${id}/cancel`)).statusCode).toBe(403);
    const cancelled = await admin.agent.post(`${MANAGE}/${id}/cancel`);
    expect(cancelled.json().status).toBe('cancelled');
    await t.services.jobs.drain();
    const told = await db()
      .selectFrom('notifications')
      .select('person_id')
      .where('kind', '=', 'focus_group.cancelled')
      .execute();
    expect(told.map((n) => n.person_id)).toEqual([a.person.id]);
    expect(
      await db()
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'focus_group.cancelled')
        .where('resource_id', '=', id)
        .execute(),
    ).toHaveLength(1);
  });
});
