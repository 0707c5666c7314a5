import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionDetail, MyPublication, PublicationAdminView } from '../../src/contracts/survey-actions.js';
import { localDateOf } from '../../src/domain/schedule/zoned-time.js';
import { catalogs } from '../../src/i18n/catalog.js';
import { auditEntries } from '../support/audit-entries.js';
import { addUnit } from '../support/campaigns.js';
import { createPerson, type TestPerson } from '../support/factories.js';
import { createTestAppWithAgency, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/**
 * Publication of survey results to staff and action plans (docs/decisions/051-survey-publication-and-actions.md):
 * only served figures are published, copied from the stored results; members read it, nobody
 * else; each member is told once; actions are validated, audited and stored once per retry.
 */
describe.skipIf(postgresSkipReason())('survey publication and actions', () => {
  let t: TestApp;
  let agencyId: string;
  let rootId: string;
  let admin: SignedIn;
  let member: SignedIn;
  let smallMember: SignedIn;
  let unitA: string;
  let unitB: string;
  let unitC: string;
  let surveyId: string;
  const people: TestPerson[] = [];

  const today = () => localDateOf(t.services.clock.now(), 'Asia/Jakarta');
  const publication = () => `/api/v1/surveys/${surveyId}/publication`;
  const mine = () => `/api/v1/me/survey-publications/${surveyId}`;

  beforeAll(async () => {
    ({ t, agencyId, unitId: rootId } = await createTestAppWithAgency());
    admin = await loginAs(t, 'wellbeing_admin', { agencyId });
    unitA = await addUnit(t, agencyId, rootId, 'Bidang Pelayanan');
    unitB = await addUnit(t, agencyId, rootId, 'Bidang Umum');
    unitC = await addUnit(t, agencyId, rootId, 'Subbagian Kecil');
    member = await loginAs(t, 'employee', { agencyId, unitId: unitA });
    smallMember = await loginAs(t, 'employee', { agencyId, unitId: unitC });
    for (const [unitId, n] of [
      [unitA, 8],
      [unitB, 8],
      [unitC, 2],
    ] as const)
      for (let i = 0; i < n; i += 1)
        people.push(await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId, password: null }));

    const created = await admin.agent.post('/api/v1/surveys', {
      title: 'Pulse Oktober',
      templateId: 'pulse',
      unitIds: [unitA, unitB, unitC],
      opensOn: '2026-11-23',
      closesOn: '2026-12-04',
    });
    expect(created.statusCode, created.body).toBe(201);
    surveyId = created.json().id as string;
    expect((await admin.agent.post(`/api/v1/surveys/${surveyId}/open`)).statusCode).toBe(200);
    // Unit A disagrees, the others agree: the whole survey's figures are served, every unit's
    // own are withheld (each unit answered as one, A13; unit C is under k).
    const unitOf = new Map([
      [member.person.id, unitA],
      [smallMember.person.id, unitC],
    ]);
    for (const p of people) unitOf.set(p.id, p.unitId);
    for (const [personId, unitId] of unitOf) {
      const point = unitId === unitA ? 2 : 4;
      await t.services.surveys.answer({ agencyId, personId } as never, surveyId, {
        'pls-workload': point,
        'pls-support': point,
        'pls-speak-up': point,
        'pls-rest': point,
        'pls-energy': unitId === unitA ? 3 : 8,
      });
    }
    expect((await admin.agent.post(`/api/v1/surveys/${surveyId}/close`)).statusCode).toBe(200);
    await t.services.jobs.drain();
  });
  afterAll(async () => t.close());

  let view: PublicationAdminView;

  it('offers every cell of the stored results, the served ones chosen, and says who will see it', async () => {
    const res = await admin.agent.get(publication());
    expect(res.statusCode, res.body).toBe(200);
    view = res.json();
    expect(view.status).toBe('none');
    expect(view.audience).toEqual({ members: 20, units: ['Bidang Pelayanan', 'Bidang Umum', 'Subbagian Kecil'] });
    const results = (await admin.agent.get(`/api/v1/surveys/${surveyId}/results`)).json();
    // The cells are the stored results' theme figures, as they are.
    const total = view.cells.filter((c) => c.nodeId === 'survey-total');
    expect(total.map((c) => ({ themeId: c.themeId, favourableShare: c.favourableShare, score: c.score }))).toEqual(
      results.total.themes,
    );
    const served = view.cells.filter((c) => c.served);
    expect(served.length).toBeGreaterThan(0);
    expect(view.selected).toEqual(served.map((c) => `${c.nodeId}|${c.themeId}`));
    // The unit of two is withheld everywhere: none of its cells is served or chosen.
    const small = view.cells.filter((c) => c.nodeId === unitC);
    expect(small.length).toBeGreaterThan(0);
    expect(small.every((c) => !c.served && c.favourableShare.value === null)).toBe(true);
  });

  it('refuses a withheld cell (422, localized) and changes nothing', async () => {
    const withheld = view.cells.find((c) => !c.served);
    expect(withheld).toBeDefined();
    const res = await admin.agent.put(publication(), {
      summary: 'Yang kami dengar',
      figures: [...view.selected, `${withheld?.nodeId}|${withheld?.themeId}`],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].message).toBe(catalogs.id.validation.survey_actions.figure_withheld);
    expect((await admin.agent.get(publication())).json().status).toBe('none');
    const unknown = await admin.agent.put(publication(), { summary: 'x', figures: ['survey-total|no-such-theme'] });
    expect(unknown.statusCode).toBe(422);
    expect((await admin.agent.put(publication(), { summary: '', figures: [] })).statusCode).toBe(400);
  });

  it('keeps a draft from staff, then publishes copies and tells each member once', async () => {
    const chosen = view.selected.filter((k) => k.startsWith('survey-total|')).slice(0, 2);
    const saved = await admin.agent.put(publication(), { summary: 'Beban kerja terasa berat.', figures: chosen });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'draft', selected: chosen });
    expect((await member.agent.get(mine())).statusCode).toBe(404);
    expect((await member.agent.get('/api/v1/me/survey-publications')).json().items).toEqual([]);

    const key = { 'idempotency-key': 'publish-survey-0001' };
    const first = await admin.agent.post(`${publication()}/publish`, {}, key);
    expect(first.statusCode, first.body).toBe(200);
    const retry = await admin.agent.post(`${publication()}/publish`, {}, key);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().status).toBe('published');
    expect((await admin.agent.post(`${publication()}/publish`)).statusCode).toBe(409);
    await t.services.jobs.drain();

    const notified = await t.services.db.db
      .selectFrom('notifications')
      .select(['person_id'])
      .where('kind', '=', 'survey.published')
      .execute();
    expect(notified).toHaveLength(20);
    expect(new Set(notified.map((n) => n.person_id)).size).toBe(20);
    expect(await auditEntries(t, 'survey.published', { resourceId: surveyId })).toHaveLength(1);

    const read = await member.agent.get(mine());
    expect(read.statusCode, read.body).toBe(200);
    const body = read.json() as MyPublication;
    expect(body.summary).toBe('Beban kerja terasa berat.');
    const totalRow = body.rows.find((r) => r.nodeId === 'survey-total');
    const publishedThemes = totalRow?.themes.filter(
      (th) => th.favourableShare.value !== null || th.score.value !== null,
    );
    expect(publishedThemes?.map((th) => `survey-total|${th.themeId}`)).toEqual(chosen);
    // Every theme is listed; the ones not published read as "—" (null), never a number.
    expect(totalRow?.themes).toHaveLength(body.themes.length);
    expect(JSON.stringify(body)).not.toContain(member.person.id);
    expect((await member.agent.get('/api/v1/me/survey-publications')).json().items).toHaveLength(1);
  });

  it('answers nobody but the members: other agency, non-members, roles, anonymous', async () => {
    const manager = await loginAs(t, 'manager', { agencyId, unitId: rootId });
    const agencyAdmin = await loginAs(t, 'agency_admin', { agencyId, unitId: rootId });
    const counsellor = await loginAs(t, 'counsellor', { agencyId, unitId: unitA });
    const platform = await loginAs(t, 'platform_admin');
    const otherAdmin = await loginAs(t, 'wellbeing_admin');
    const otherEmployee = await loginAs(t, 'employee');
    const scoped = await loginAs(t, 'wellbeing_admin', { agencyId, unitId: unitA, scopeUnitId: unitA });
    // Non-members of the survey (people at the top unit) and other agencies: 404, nothing else.
    for (const who of [manager, agencyAdmin, platform, otherAdmin, otherEmployee]) {
      const res = await who.agent.get(mine());
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Beban kerja');
    }
    // The admin routes need the wellbeing admin's permission (403), in this agency (404).
    for (const who of [manager, agencyAdmin, counsellor, platform, member]) {
      expect((await who.agent.get(publication())).statusCode).toBe(403);
      expect((await who.agent.get('/api/v1/survey-actions')).statusCode).toBe(403);
    }
    expect((await otherAdmin.agent.get(publication())).statusCode).toBe(404);
    // A wellbeing admin for one unit does not manage a survey of three.
    expect((await scoped.agent.get(publication())).statusCode).toBe(403);
    const anonymous = new (member.agent.constructor as new (app: unknown) => typeof member.agent)(t);
    expect((await anonymous.get(mine())).statusCode).toBe(401);
    expect((await anonymous.get(publication())).statusCode).toBe(401);
  });

  let actionId: string;
  const actionBody = (overrides: Record<string, unknown> = {}) => ({
    nodeId: unitA,
    themeId: view.cells[0]?.themeId,
    title: 'Rapat tanpa lembur',
    description: 'Rapat koordinasi selesai sebelum pukul 16.00.',
    owner: 'Kepala Bidang Pelayanan',
    dueOn: '2027-03-31',
    budget: 12_500_000,
    status: 'planned',
    published: true,
    ...overrides,
  });

  it('creates an action once per retry, and refuses bad dates and budgets (422, localized)', async () => {
    const key = { 'idempotency-key': 'create-action-0001' };
    const res = await admin.agent.post(`/api/v1/surveys/${surveyId}/actions`, actionBody(), key);
    expect(res.statusCode, res.body).toBe(201);
    const again = await admin.agent.post(`/api/v1/surveys/${surveyId}/actions`, actionBody(), key);
    expect(again.json().id).toBe(res.json().id);
    actionId = res.json().id as string;
    expect(res.json()).toMatchObject({ unitName: 'Bidang Pelayanan', budget: 12_500_000, overdue: false });
    const count = await t.services.db.db.selectFrom('survey_actions').select('id').execute();
    expect(count).toHaveLength(1);
    expect(await auditEntries(t, 'survey_action.created', { resourceId: actionId })).toHaveLength(1);

    const bad = await admin.agent.post(
      `/api/v1/surveys/${surveyId}/actions`,
      actionBody({ dueOn: '2026-01-01', budget: -5 }),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.map((d: { message: string }) => d.message)).toEqual([
      catalogs.id.validation.survey_actions.due_before_survey,
      catalogs.id.validation.survey_actions.negative_budget,
    ]);
    expect(
      (await admin.agent.post(`/api/v1/surveys/${surveyId}/actions`, actionBody({ dueOn: '31-03-2027' }))).statusCode,
    ).toBe(400);
    expect(
      (await admin.agent.post(`/api/v1/surveys/${surveyId}/actions`, actionBody({ themeId: 'no-such' }))).statusCode,
    ).toBe(422);
    expect(await t.services.db.db.selectFrom('survey_actions').select('id').execute()).toHaveLength(1);
  });

  it('appends progress notes, changes status with an audit row, and lists with filters', async () => {
    const note = await admin.agent.post(`/api/v1/survey-actions/${actionId}/notes`, {
      notedOn: today(),
      text: 'Jadwal rapat baru disepakati.',
    });
    expect(note.statusCode, note.body).toBe(201);
    // A minute later: notes of one day read in the order they were written.
    t.clock.advance(60_000);
    await admin.agent.post(`/api/v1/survey-actions/${actionId}/notes`, { notedOn: today(), text: 'Kedua.' });
    const future = await admin.agent.post(`/api/v1/survey-actions/${actionId}/notes`, {
      notedOn: '2099-01-01',
      text: 'Nanti',
    });
    expect(future.statusCode).toBe(422);
    // No route changes or removes a note.
    expect([404, 405]).toContain((await admin.agent.delete(`/api/v1/survey-actions/${actionId}/notes`)).statusCode);

    const updated = await admin.agent.put(`/api/v1/survey-actions/${actionId}`, {
      ...actionBody({ status: 'in_progress' }),
      nodeId: undefined,
      themeId: undefined,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const detail = updated.json() as ActionDetail;
    expect(detail.status).toBe('in_progress');
    expect(detail.notes.map((n) => n.text)).toEqual(['Jadwal rapat baru disepakati.', 'Kedua.']);
    expect(detail.notes[0]?.authorName).toBe(admin.person.fullName);
    expect(await auditEntries(t, 'survey_action.updated', { resourceId: actionId })).toHaveLength(1);
    expect(await auditEntries(t, 'survey_action.noted', { resourceId: actionId })).toHaveLength(2);

    expect((await admin.agent.get('/api/v1/survey-actions?status=in_progress')).json().items).toHaveLength(1);
    expect((await admin.agent.get('/api/v1/survey-actions?status=done')).json().items).toHaveLength(0);
    expect((await admin.agent.get(`/api/v1/survey-actions?surveyId=${surveyId}`)).json().items).toHaveLength(1);
    expect((await admin.agent.get('/api/v1/survey-actions?status=bogus')).statusCode).toBe(400);
  });

  it('shows staff the published actions of their unit subtree only', async () => {
    const own = (await member.agent.get(mine())).json() as MyPublication;
    expect(own.actions.map((a) => a.title)).toEqual(['Rapat tanpa lembur']);
    expect(own.actions[0]?.notes.map((n) => n.text)).toEqual(['Jadwal rapat baru disepakati.', 'Kedua.']);
    expect(JSON.stringify(own.actions)).not.toContain(admin.person.id);
    // Someone of another unit of the survey sees the publication without unit A's action.
    const other = (await smallMember.agent.get(mine())).json() as MyPublication;
    expect(other.actions).toEqual([]);
    // An unpublished action is not shown.
    await admin.agent.put(`/api/v1/survey-actions/${actionId}`, {
      ...actionBody({ published: false }),
      nodeId: undefined,
      themeId: undefined,
    });
    expect(((await member.agent.get(mine())).json() as MyPublication).actions).toEqual([]);
  });

  it('updates without notifying again, and unpublishing hides it (audited with its reason)', async () => {
    const before = await t.services.db.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'survey.published')
      .execute();
    const updated = await admin.agent.put(publication(), { summary: 'Kabar terbaru.', figures: view.selected });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(((await member.agent.get(mine())).json() as MyPublication).summary).toBe('Kabar terbaru.');
    expect(await auditEntries(t, 'survey.publication_updated', { resourceId: surveyId })).toHaveLength(1);

    const down = await admin.agent.post(`${publication()}/unpublish`, { reason: 'Ada angka yang perlu diperiksa' });
    expect(down.statusCode, down.body).toBe(200);
    expect((await member.agent.get(mine())).statusCode).toBe(404);
    expect((await member.agent.get('/api/v1/me/survey-publications')).json().items).toEqual([]);
    const [entry] = await auditEntries(t, 'survey.unpublished', { resourceId: surveyId });
    expect(entry?.details).toEqual({ reason: 'Ada angka yang perlu diperiksa' });
    expect((await admin.agent.post(`${publication()}/unpublish`, { reason: 'lagi' })).statusCode).toBe(409);

    // Published again: readable again, and nobody is told a second time.
    expect((await admin.agent.post(`${publication()}/publish`)).statusCode).toBe(200);
    await t.services.jobs.drain();
    const after = await t.services.db.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'survey.published')
      .execute();
    expect(after).toHaveLength(before.length);
    expect(
      await t.services.db.db.selectFrom('notifications').select('id').where('kind', '=', 'survey.published').execute(),
    ).toHaveLength(20);
    expect((await member.agent.get(mine())).statusCode).toBe(200);
  });
});
