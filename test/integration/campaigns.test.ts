import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignStats } from '../../src/contracts/campaigns.js';
import { isWithinWorkingHours } from '../../src/domain/schedule/working-hours.js';
import { JobRunner } from '../../src/server/modules/jobs/job-runner.js';
import { CampaignService } from '../../src/server/modules/campaigns/index.js';
import { auditEntries } from '../support/audit-entries.js';
import { addPeople, addResult, addUnit, campaignInput, launchCampaign } from '../support/campaigns.js';
import { createAgency } from '../support/factories.js';
import { startFakeSmtp } from '../support/fake-smtp.js';
import { createTestApp, createTestAppWithAgency, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

const FAKE_ID = '3f1c2a9e-7d4b-4c1e-9a55-2b8e6f0d1c3a';

describe.skipIf(postgresSkipReason())('screening campaigns: access and lifecycle', () => {
  let t: TestApp;
  let agencyId: string;
  let rootId: string;
  let admin: SignedIn;
  let unitA: string;

  beforeAll(async () => {
    ({ t, agencyId, unitId: rootId } = await createTestAppWithAgency());
    admin = await loginAs(t, 'wellbeing_admin', { agencyId });
    unitA = await addUnit(t, agencyId, rootId, 'Bidang Pelayanan');
    await addPeople(t, agencyId, unitA, 3);
  });
  afterAll(async () => t.close());

  const adminRoutes = (id: string): Array<['GET' | 'POST' | 'PATCH', string]> => [
    ['GET', '/api/v1/campaigns'],
    ['POST', '/api/v1/campaigns'],
    ['GET', `/api/v1/campaigns/${id}`],
    ['PATCH', `/api/v1/campaigns/${id}`],
    ['POST', `/api/v1/campaigns/${id}/launch`],
    ['POST', `/api/v1/campaigns/${id}/close`],
    ['GET', `/api/v1/campaigns/${id}/stats`],
  ];

  it('answers 401 on every campaign route without a session', async () => {
    for (const [method, url] of [...adminRoutes(FAKE_ID), ['GET', '/api/v1/me/campaigns'] as ['GET', string]]) {
      const res = await t.anonymous().request(method, url, method === 'GET' ? undefined : campaignInput([unitA]));
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('answers 403 to an employee, a manager and an agency admin on every admin route', async () => {
    const id = (await admin.agent.post('/api/v1/campaigns', campaignInput([unitA]))).json().id as string;
    for (const role of ['employee', 'manager', 'agency_admin'] as const) {
      const other = await loginAs(t, role, { agencyId });
      for (const [method, url] of adminRoutes(id)) {
        const res = await other.agent.request(method, url, method === 'GET' ? undefined : campaignInput([unitA]));
        expect(res.statusCode, `${role}: ${method} ${url}`).toBe(403);
      }
    }
  });

  it('answers 404 for another agency’s campaigns in paths and another agency’s units in bodies', async () => {
    const id = (await admin.agent.post('/api/v1/campaigns', campaignInput([unitA]))).json().id as string;
    const stranger = await loginAs(t, 'wellbeing_admin');
    for (const [method, url] of adminRoutes(id).filter(([, url]) => url.includes(id))) {
      const res = await stranger.agent.request(
        method,
        url,
        method === 'GET' ? undefined : campaignInput([stranger.unitId]),
      );
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await stranger.agent.get(`/api/v1/campaigns`)).json().items).toEqual([]);
    // Their own campaign naming our unit: the unit does not exist for them.
    expect((await stranger.agent.post('/api/v1/campaigns', campaignInput([unitA]))).statusCode).toBe(404);
    const own = (await stranger.agent.post('/api/v1/campaigns', campaignInput([stranger.unitId]))).json().id as string;
    expect(
      (await stranger.agent.patch(`/api/v1/campaigns/${own}`, campaignInput([stranger.unitId, unitA]))).statusCode,
    ).toBe(404);
  });

  it('lets a unit-scoped wellbeing admin target only units inside their scope', async () => {
    const unitB = await addUnit(t, agencyId, rootId, 'Bidang Umum');
    const subB = await addUnit(t, agencyId, unitB, 'Subbagian Kepegawaian');
    const scoped = await loginAs(t, 'wellbeing_admin', { agencyId, scopeUnitId: unitB });
    const outside = await scoped.agent.post('/api/v1/campaigns', campaignInput([unitA]));
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('campaign_units_out_of_scope');
    expect((await scoped.agent.post('/api/v1/campaigns', campaignInput([subB, unitA]))).json().error.code).toBe(
      'campaign_units_out_of_scope',
    );
    expect((await scoped.agent.post('/api/v1/campaigns', campaignInput([subB]))).statusCode).toBe(201);
    // A campaign of the whole agency reaches into their unit: they see it, but may not change it.
    const agencyWide = (await admin.agent.post('/api/v1/campaigns', campaignInput([rootId]))).json().id as string;
    expect((await scoped.agent.get(`/api/v1/campaigns/${agencyWide}`)).statusCode).toBe(200);
    const change = await scoped.agent.patch(`/api/v1/campaigns/${agencyWide}`, campaignInput([subB]));
    expect(change.json().error.code).toBe('campaign_units_out_of_scope');
    expect((await scoped.agent.post(`/api/v1/campaigns/${agencyWide}/launch`)).statusCode).toBe(403);
    // One only about unit A does not exist for them.
    const onlyA = (await admin.agent.post('/api/v1/campaigns', campaignInput([unitA]))).json().id as string;
    expect((await scoped.agent.get(`/api/v1/campaigns/${onlyA}`)).statusCode).toBe(404);
    expect((await scoped.agent.get('/api/v1/campaigns')).json().items.map((c: { id: string }) => c.id)).not.toContain(
      onlyA,
    );
  });

  it('drafts, edits, launches and closes a campaign, with the threshold frozen at launch', async () => {
    const created = await admin.agent.post(
      '/api/v1/campaigns',
      campaignInput([unitA], { instrumentIds: ['phq9', 'gad7', 'phq9'] }),
    );
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({
      status: 'draft',
      anonymityThreshold: null,
      invited: 0,
      instrumentIds: ['phq9', 'gad7'],
      units: [{ id: unitA, name: 'Bidang Pelayanan' }],
      launchedAt: null,
    });
    const edited = await admin.agent.patch(
      `/api/v1/campaigns/${draft.id}`,
      campaignInput([unitA], { title: 'Cek Diri Desember', reminderEveryDays: 7 }),
    );
    expect(edited.json()).toMatchObject({ title: 'Cek Diri Desember', reminderEveryDays: 7, instrumentIds: ['phq9'] });
    expect((await admin.agent.get(`/api/v1/campaigns/${draft.id}/stats`)).json().error.code).toBe('campaign_not_open');

    const launched = await admin.agent.post(`/api/v1/campaigns/${draft.id}/launch`);
    expect(launched.statusCode).toBe(200);
    expect(launched.json()).toMatchObject({
      status: 'open',
      anonymityThreshold: 5,
      invited: 3,
      launchedAt: t.clock.now().toISOString(),
    });
    for (const res of [
      await admin.agent.patch(`/api/v1/campaigns/${draft.id}`, campaignInput([unitA])),
      await admin.agent.post(`/api/v1/campaigns/${draft.id}/launch`),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('campaign_not_draft');
    }
    expect(
      (await admin.agent.get('/api/v1/campaigns')).json().items.find((c: { id: string }) => c.id === draft.id),
    ).toMatchObject({ status: 'open', invited: 3 });

    const closed = await admin.agent.post(`/api/v1/campaigns/${draft.id}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: t.clock.now().toISOString() });
    const again = await admin.agent.post(`/api/v1/campaigns/${draft.id}/close`);
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'campaign_not_open']);

    expect(await auditEntries(t, 'campaign.launched', { resourceId: draft.id })).toMatchObject([
      { actor_id: admin.person.id, actor_role: 'wellbeing_admin', details: { invited: 3, anonymityThreshold: 5 } },
    ]);
    expect(await auditEntries(t, 'campaign.closed', { resourceId: draft.id })).toHaveLength(1);
  });

  it('refuses a launch with nobody to invite, a window already over, and bad bodies', async () => {
    const empty = await addUnit(t, agencyId, rootId, 'Unit Kosong');
    const id = (await admin.agent.post('/api/v1/campaigns', campaignInput([empty]))).json().id as string;
    const launch = await admin.agent.post(`/api/v1/campaigns/${id}/launch`);
    expect([launch.statusCode, launch.json().error.code]).toEqual([422, 'campaign_no_members']);
    const past = await admin.agent.post(
      '/api/v1/campaigns',
      campaignInput([unitA], { opensOn: '2026-11-01', closesOn: '2026-11-20' }),
    );
    expect(past.statusCode).toBe(422);
    expect(past.json().error.details).toEqual([
      {
        path: 'closesOn',
        code: 'campaign.closes_in_past',
        message: 'Tanggal tutup sudah lewat. Pilih hari ini atau tanggal sesudahnya.',
      },
    ]);
    const reversed = await admin.agent.post(
      '/api/v1/campaigns',
      campaignInput([unitA], { opensOn: '2026-12-10', closesOn: '2026-12-01' }),
    );
    expect(reversed.statusCode).toBe(400);
    expect(
      (await admin.agent.post('/api/v1/campaigns', campaignInput([unitA], { instrumentIds: ['mbi'] }))).statusCode,
    ).toBe(400);
    expect(
      (await admin.agent.post('/api/v1/campaigns', campaignInput([unitA], { reminderEveryDays: 5 }))).statusCode,
    ).toBe(400);
  });
});

describe.skipIf(postgresSkipReason())('screening campaigns: membership, threshold and the member’s view', () => {
  let t: TestApp;
  let agencyId: string;
  let rootId: string;
  let admin: SignedIn;

  beforeAll(async () => {
    ({ t, agencyId, unitId: rootId } = await createTestAppWithAgency());
    admin = await loginAs(t, 'wellbeing_admin', { agencyId });
  });
  afterAll(async () => t.close());

  it('counts people in their unit at launch (A8): a later move, a newcomer or a new threshold changes nothing', async () => {
    const parent = await addUnit(t, agencyId, rootId, 'Dinas Sosial');
    const a = await addUnit(t, agencyId, parent, 'Bidang A');
    const b = await addUnit(t, agencyId, parent, 'Bidang B');
    const inA = await addPeople(t, agencyId, a, 6);
    const inB = await addPeople(t, agencyId, b, 6);
    const id = await launchCampaign(admin.agent, [parent]);
    const db = t.services.db.db;
    // After launch: everyone in A moves to B; a newcomer joins B; the agency raises its threshold.
    await db.updateTable('people').set({ unit_id: b }).where('unit_id', '=', a).execute();
    await addPeople(t, agencyId, b, 1);
    await db.updateTable('agencies').set({ anonymity_threshold: 20 }).where('id', '=', agencyId).execute();
    const members = await db
      .selectFrom('campaign_members')
      .select(['person_id', 'unit_id'])
      .where('campaign_id', '=', id)
      .execute();
    expect(members).toHaveLength(12);
    expect(
      members
        .filter((m) => m.unit_id === a)
        .map((m) => m.person_id)
        .sort(),
    ).toEqual(inA.map((p) => p.id).sort());
    for (const p of [...inA, ...inB]) await addResult(t, { agencyId, personId: p.id, campaignId: id, band: 'minimal' });
    const stats = (await admin.agent.get(`/api/v1/campaigns/${id}/stats`)).json() as CampaignStats;
    expect(stats.threshold).toBe(5);
    const byName = Object.fromEntries(stats.units.map((u) => [u.unitName, u]));
    expect(byName['Bidang A']).toMatchObject({ invited: 6, participated: 6, participationRate: 100 });
    expect(byName['Bidang B']).toMatchObject({ invited: 6, participated: 6 });
    expect(byName['Dinas Sosial']).toMatchObject({ invited: 12, participated: 12 });
  });

  it('shows a member the open campaigns they were invited to, and which instruments they completed', async () => {
    const unit = await addUnit(t, agencyId, rootId, 'Bagian Hukum');
    const [first] = await addPeople(t, agencyId, unit, 1);
    const member = await loginAs(t, 'employee', { agencyId, unitId: unit });
    const outsider = await loginAs(t, 'employee', { agencyId });
    const id = await launchCampaign(admin.agent, [unit], { instrumentIds: ['phq9', 'who5'] });
    await addResult(t, { agencyId, personId: member.person.id, campaignId: id, instrumentId: 'who5', band: 'good' });
    const mine = (await member.agent.get('/api/v1/me/campaigns')).json();
    expect(mine.items).toEqual([
      {
        id,
        title: 'Cek Kesehatan Jiwa Akhir Tahun',
        message: 'Mari luangkan sepuluh menit.',
        closesOn: '2026-12-04',
        instruments: [
          { instrumentId: 'phq9', completed: false },
          { instrumentId: 'who5', completed: true },
        ],
      },
    ]);
    expect(
      (await outsider.agent.get('/api/v1/me/campaigns')).json().items.map((c: { id: string }) => c.id),
    ).not.toContain(id);
    expect(first).toBeDefined();
    await admin.agent.post(`/api/v1/campaigns/${id}/close`);
    expect((await member.agent.get('/api/v1/me/campaigns')).json().items).toEqual([]);
  });
});

/** Campaign notifications with their recipient's unit time zone (at launch), oldest first. */
async function campaignNotifications(t: TestApp, campaignId: string) {
  const rows = await t.services.db.db
    .selectFrom('notifications as n')
    .innerJoin('campaign_members as m', (j) =>
      j.onRef('m.person_id', '=', 'n.person_id').on('m.campaign_id', '=', campaignId),
    )
    .innerJoin('org_units as u', 'u.id', 'm.unit_id')
    .select(['n.person_id', 'n.kind', 'n.payload', 'n.created_at', 'n.dedupe_key', 'u.time_zone'])
    .where('n.dedupe_key', 'like', `campaign:${campaignId}:%`)
    .orderBy('n.created_at')
    .execute();
  return rows;
}

describe.skipIf(postgresSkipReason())('campaign invitations and reminders', () => {
  let t: TestApp;
  let agencyId: string;
  let rootId: string;
  let admin: SignedIn;

  beforeAll(async () => {
    ({ t, agencyId, unitId: rootId } = await createTestAppWithAgency());
    admin = await loginAs(t, 'wellbeing_admin', { agencyId });
  });
  afterAll(async () => t.close());

  it('invites in-app and by email, in each member’s language, once, and only people with an email get one', async () => {
    const unit = await addUnit(t, agencyId, rootId, 'Bagian Umum');
    const people = await addPeople(t, agencyId, unit, 3);
    const db = t.services.db.db;
    await db
      .updateTable('people')
      .set({ locale: 'en' })
      .where('id', '=', people[0]?.id as string)
      .execute();
    await db
      .updateTable('people')
      .set({ email: null, email_normalized: null })
      .where('id', '=', people[2]?.id as string)
      .execute();
    const id = await launchCampaign(admin.agent, [unit]);
    await t.services.jobs.drain();
    await t.services.jobs.drain();
    const notes = await campaignNotifications(t, id);
    expect(notes.map((n) => n.kind)).toEqual(['campaign.invited', 'campaign.invited', 'campaign.invited']);
    expect(JSON.parse(notes[0]?.payload as string)).toEqual({
      campaignId: id,
      title: 'Cek Kesehatan Jiwa Akhir Tahun',
    });
    const mail = await db.selectFrom('email_outbox').selectAll().where('template', '=', 'campaign_invite').execute();
    expect(mail.map((m) => m.to_address).sort()).toEqual([people[0]?.email, people[1]?.email].sort());
    const english = mail.find((m) => m.to_address === people[0]?.email);
    expect(english?.subject).toContain('Cek Kesehatan Jiwa Akhir Tahun');
    expect(english?.body_text).toContain('4 December 2026');
    expect(english?.body_text).toContain('http://teduh.test/self-check');
    expect(mail.find((m) => m.to_address === people[1]?.email)?.body_text).toContain('4 Desember 2026');
    // The member rows now say when the invitation went out.
    const members = await db
      .selectFrom('campaign_members')
      .select('invited_at')
      .where('campaign_id', '=', id)
      .execute();
    expect(members.every((m) => m.invited_at === t.clock.now().toISOString())).toBe(true);
  });

  it('a job run again after it already delivered (a crash before it was marked done) sends nothing more', async () => {
    const unit = await addUnit(t, agencyId, rootId, 'Bagian Organisasi');
    await addPeople(t, agencyId, unit, 2);
    const id = await launchCampaign(admin.agent, [unit]);
    await t.services.jobs.drain();
    const db = t.services.db.db;
    const before = await db.selectFrom('email_outbox').select('id').where('template', '=', 'campaign_invite').execute();
    await db
      .updateTable('jobs')
      .set({ completed_at: null, locked_by: null, locked_until: null })
      .where('dedupe_key', 'like', `campaign:${id}:invite:%`)
      .execute();
    await t.services.jobs.drain();
    expect(await campaignNotifications(t, id)).toHaveLength(2);
    expect(
      await db.selectFrom('email_outbox').select('id').where('template', '=', 'campaign_invite').execute(),
    ).toHaveLength(before.length);
  });

  it('survives a restart: invitations queued before it are delivered by the next process', async () => {
    const unit = await addUnit(t, agencyId, rootId, 'Bagian Keuangan');
    await addPeople(t, agencyId, unit, 2);
    const id = await launchCampaign(admin.agent, [unit]);
    // A new process: a fresh runner and fresh services over the same database.
    const s = t.services;
    const runner = new JobRunner(s.db.db, s.db.kind, s.clock, t.app.log);
    const campaigns = new CampaignService({
      db: s.db.db,
      kind: s.db.kind,
      clock: s.clock,
      audit: s.audit,
      mail: s.mail,
      notifications: s.notifications,
      directory: s.directory,
      publicUrl: s.config.publicUrl,
      i18n: s.i18n,
    });
    campaigns.registerJobs(runner);
    s.mail.registerJobs(runner);
    await runner.drain();
    expect(await campaignNotifications(t, id)).toHaveLength(2);
  });

  it(
    'sends reminders only within working hours in each unit’s time zone (WIB, WITA, WIT), every N days, until done or closed',
    { timeout: 180_000 },
    async () => {
      const zones = {
        'Asia/Jakarta': 'Kantor Jakarta',
        'Asia/Makassar': 'Kantor Makassar',
        'Asia/Jayapura': 'Kantor Jayapura',
      } as const;
      const units: Record<string, string> = {};
      const people: Record<string, string[]> = {};
      const emails: string[] = [];
      const parent = await addUnit(t, agencyId, rootId, 'Perwakilan');
      for (const [tz, name] of Object.entries(zones)) {
        units[tz] = await addUnit(t, agencyId, parent, name, tz);
        const added = await addPeople(t, agencyId, units[tz] as string, 2);
        people[tz] = added.map((p) => p.id);
        emails.push(...added.map((p) => p.email));
      }
      // Sunday 22 Nov 2026, 19:00 WIB: launched outside working hours, before the opening day.
      t.clock.set(new Date('2026-11-22T12:00:00.000Z'));
      const id = await launchCampaign(admin.agent, [parent], {
        reminderEveryDays: 2,
        opensOn: '2026-11-23',
        closesOn: '2026-12-04',
      });
      const jobs = await t.services.db.db
        .selectFrom('jobs')
        .select(['run_at', 'dedupe_key'])
        .where('kind', '=', 'campaign.invite')
        .where('dedupe_key', 'like', `campaign:${id}:%`)
        .execute();
      const runAt = (personId: string) => jobs.find((j) => j.dedupe_key?.endsWith(personId))?.run_at;
      // Monday 07:30 local in each zone.
      expect(runAt(people['Asia/Jakarta']?.[0] as string)).toBe('2026-11-23T00:30:00.000Z');
      expect(runAt(people['Asia/Makassar']?.[0] as string)).toBe('2026-11-22T23:30:00.000Z');
      expect(runAt(people['Asia/Jayapura']?.[0] as string)).toBe('2026-11-22T22:30:00.000Z');

      const done = people['Asia/Makassar']?.[1] as string;
      // Half-hour steps for two weeks; the runner ticks at each, as a poller would.
      const end = new Date('2026-12-06T00:00:00.000Z').getTime();
      while (t.clock.now().getTime() < end) {
        t.clock.advance(30 * 60_000);
        await t.services.jobs.drain();
        // One person completes on Tuesday; no reminder may reach them after that.
        if (t.clock.now().toISOString() === '2026-11-24T04:00:00.000Z')
          await addResult(t, { agencyId, personId: done, campaignId: id, band: 'minimal' });
      }

      const notes = await campaignNotifications(t, id);
      for (const n of notes)
        expect(
          isWithinWorkingHours(new Date(n.created_at), n.time_zone),
          `${n.kind} at ${n.created_at} in ${n.time_zone}`,
        ).toBe(true);
      const byPerson = new Map<string, typeof notes>();
      for (const n of notes) byPerson.set(n.person_id, [...(byPerson.get(n.person_id) ?? []), n]);
      for (const personId of Object.values(people).flat()) {
        const mine = byPerson.get(personId) ?? [];
        expect(mine[0]?.kind).toBe('campaign.invited');
        expect(mine.filter((n) => n.kind === 'campaign.invited')).toHaveLength(1);
        for (let i = 1; i < mine.length; i++) {
          const gap = Date.parse(mine[i]?.created_at as string) - Date.parse(mine[i - 1]?.created_at as string);
          expect(gap).toBeGreaterThanOrEqual(2 * 86_400_000);
        }
        if (personId === done) expect(mine.filter((n) => n.kind === 'campaign.reminder')).toHaveLength(0);
        else expect(mine.filter((n) => n.kind === 'campaign.reminder').length).toBeGreaterThanOrEqual(3);
      }
      // The first invitations reached WIT before WITA before WIB.
      const firstAt = (tz: string) => byPerson.get(people[tz]?.[0] as string)?.[0]?.created_at as string;
      expect(
        firstAt('Asia/Jayapura') < firstAt('Asia/Makassar') && firstAt('Asia/Makassar') < firstAt('Asia/Jakarta'),
      ).toBe(true);
      // The campaign closed itself once 4 December had ended in the agency's zone (WIB), and nothing followed.
      // (The admin's session has long expired: read the row.)
      const campaign = await t.services.db.db
        .selectFrom('campaigns')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(campaign.status).toBe('closed');
      const closedAt = campaign.closed_at as string;
      expect(closedAt >= '2026-12-04T17:00:00.000Z' && closedAt <= '2026-12-04T17:30:00.000Z').toBe(true);
      expect(notes.every((n) => n.created_at < closedAt)).toBe(true);
      expect(await auditEntries(t, 'campaign.closed', { resourceId: id })).toMatchObject([{ actor_id: null }]);
      const reminderMail = await t.services.db.db
        .selectFrom('email_outbox')
        .select('to_address')
        .where('template', '=', 'campaign_reminder')
        .where('to_address', 'in', emails)
        .execute();
      expect(reminderMail.length).toBe(notes.filter((n) => n.kind === 'campaign.reminder').length);
    },
  );
});

describe.skipIf(postgresSkipReason())('campaign messages with two app instances', () => {
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    t = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'Teduh <no-reply@uji.go.id>' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('never sends one invitation or reminder twice when two runners drain the queue at once', async () => {
    const { agencyId, rootUnitId } = await createAgency(t.services.db.db);
    const admin = await loginAs(t, 'wellbeing_admin', { agencyId });
    const unit = await addUnit(t, agencyId, rootUnitId, 'Bagian Perencanaan');
    const people = await addPeople(t, agencyId, unit, 12);
    const id = await launchCampaign(admin.agent, [unit], { reminderEveryDays: 2 });
    const second = new JobRunner(t.services.db.db, t.services.db.kind, t.clock, t.app.log, {
      pollMs: 10,
      leaseMs: 60_000,
      batch: 3,
    });
    t.services.mail.registerJobs(second);
    t.services.campaigns.registerJobs(second);
    const both = async () => {
      for (let i = 0; i < 3; i++)
        await Promise.all([t.services.jobs.drain(), second.drain(), t.services.jobs.drain(), second.drain()]);
    };
    await both();
    const invited = smtp.received.filter((m) => m.data.includes('Undangan cek diri')).map((m) => m.to[0]);
    expect(invited).toHaveLength(12);
    expect(new Set(invited).size).toBe(12);

    // Wednesday 10:00 WIB: two days on, both instances sweep for reminders and deliver them.
    t.clock.set(new Date('2026-11-25T03:00:00.000Z'));
    await both();
    const reminded = smtp.received.filter((m) => m.data.includes('Pengingat cek diri')).map((m) => m.to[0]);
    expect(reminded).toHaveLength(12);
    expect(new Set(reminded).size).toBe(12);
    const notes = await campaignNotifications(t, id);
    expect(notes).toHaveLength(24);
    for (const p of people)
      expect(notes.filter((n) => n.person_id === p.id).map((n) => n.kind)).toEqual([
        'campaign.invited',
        'campaign.reminder',
      ]);
  });
});
