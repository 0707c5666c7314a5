import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../../src/i18n/catalog.js';
import { auditEntries } from '../support/audit-entries.js';
import { addPeople, addUnit } from '../support/campaigns.js';
import { createTestAppWithAgency, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

const FAKE_ID = '3f1c2a9e-7d4b-4c1e-9a55-2b8e6f0d1c3a';

function surveyInput(unitIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    title: 'Survei Pulse Desember',
    templateId: 'pulse',
    variant: 'administration',
    unitIds,
    opensOn: '2026-11-23',
    closesOn: '2026-12-04',
    ...overrides,
  };
}

/** Answers to every pulse question: four agreement items (1–5) and the 0–10 energy rating. */
function pulseAnswers(point: number, energy = 7) {
  return {
    answers: {
      'pls-workload': point,
      'pls-support': point,
      'pls-speak-up': point,
      'pls-rest': point,
      'pls-energy': energy,
    },
  };
}

describe.skipIf(postgresSkipReason())('climate surveys: access and lifecycle', () => {
  let t: TestApp;
  let agencyId: string;
  let rootId: string;
  let admin: SignedIn;
  let unitA: string;
  let staff: SignedIn[];

  beforeAll(async () => {
    ({ t, agencyId, unitId: rootId } = await createTestAppWithAgency());
    admin = await loginAs(t, 'wellbeing_admin', { agencyId });
    unitA = await addUnit(t, agencyId, rootId, 'Bidang Pelayanan');
    staff = [];
    for (let i = 0; i < 6; i += 1) staff.push(await loginAs(t, 'employee', { agencyId, unitId: unitA }));
  });
  afterAll(async () => t.close());

  const adminRoutes = (id: string): Array<['GET' | 'POST' | 'PUT', string]> => [
    ['GET', '/api/v1/survey-templates'],
    ['GET', '/api/v1/surveys'],
    ['POST', '/api/v1/surveys'],
    ['GET', `/api/v1/surveys/${id}`],
    ['PUT', `/api/v1/surveys/${id}`],
    ['POST', `/api/v1/surveys/${id}/open`],
    ['POST', `/api/v1/surveys/${id}/close`],
    ['POST', `/api/v1/surveys/${id}/reopen`],
    ['GET', `/api/v1/surveys/${id}/progress`],
    ['GET', `/api/v1/surveys/${id}/results`],
    ['GET', `/api/v1/surveys/${id}/comments`],
    ['GET', `/api/v1/surveys/${id}/results/export?format=xlsx`],
    ['GET', `/api/v1/surveys/${id}/results/export?format=pdf`],
  ];
  const staffRoutes = (id: string): Array<['GET' | 'POST', string]> => [
    ['GET', '/api/v1/me/surveys'],
    ['GET', `/api/v1/me/surveys/${id}`],
    ['POST', `/api/v1/me/surveys/${id}/answers`],
  ];

  async function draft(unitIds = [unitA], overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await admin.agent.post('/api/v1/surveys', surveyInput(unitIds, overrides));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  it('answers 401 on every survey route without a session', async () => {
    for (const [method, url] of [...adminRoutes(FAKE_ID), ...staffRoutes(FAKE_ID)]) {
      const res = await t.anonymous().request(method, url, method === 'GET' ? undefined : surveyInput([unitA]));
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('answers 403 to every other role on the admin routes', async () => {
    const id = await draft();
    for (const role of ['employee', 'manager', 'agency_admin', 'counsellor', 'platform_admin'] as const) {
      const other = await loginAs(t, role, { agencyId });
      for (const [method, url] of adminRoutes(id)) {
        const res = await other.agent.request(method, url, method === 'GET' ? undefined : surveyInput([unitA]));
        expect(res.statusCode, `${role}: ${method} ${url}`).toBe(403);
        expect(res.body).not.toContain('pls-workload');
      }
    }
  });

  it('answers 404 for another agency’s surveys, and for their units in a body', async () => {
    const id = await draft();
    const stranger = await loginAs(t, 'wellbeing_admin');
    for (const [method, url] of adminRoutes(id).filter(([, url]) => url.includes(id))) {
      const body =
        method === 'POST' && url.endsWith('reopen')
          ? { reason: 'x', closesOn: '2026-12-10' }
          : surveyInput([stranger.unitId]);
      const res = await stranger.agent.request(method, url, method === 'GET' ? undefined : body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await stranger.agent.get('/api/v1/surveys')).json().items).toEqual([]);
    expect((await stranger.agent.post('/api/v1/surveys', surveyInput([unitA]))).statusCode).toBe(404);
    const strangerStaff = await loginAs(t, 'employee', { agencyId: stranger.agencyId });
    for (const [method, url] of staffRoutes(id).filter(([, url]) => url.includes(id))) {
      const res = await strangerStaff.agent.request(method, url, method === 'GET' ? undefined : pulseAnswers(4));
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
  });

  it('keeps a unit-scoped admin to the units of their scope', async () => {
    const unitB = await addUnit(t, agencyId, rootId, 'Bidang Umum');
    const scoped = await loginAs(t, 'wellbeing_admin', { agencyId, scopeUnitId: unitB });
    const outside = await scoped.agent.post('/api/v1/surveys', surveyInput([unitA]));
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('survey_units_out_of_scope');
    expect((await scoped.agent.post('/api/v1/surveys', surveyInput([unitB]))).statusCode).toBe(201);
    // A survey of the whole agency reaches into their unit: they see it, and may not change it.
    const agencyWide = await draft([rootId]);
    expect((await scoped.agent.get(`/api/v1/surveys/${agencyWide}`)).statusCode).toBe(200);
    expect((await scoped.agent.post(`/api/v1/surveys/${agencyWide}/open`)).statusCode).toBe(403);
    // A survey of another unit only does not exist for them.
    const ofA = await draft([unitA]);
    expect((await scoped.agent.get(`/api/v1/surveys/${ofA}`)).statusCode).toBe(404);
  });

  it('refuses bad drafts with localized problems and stores nothing', async () => {
    const before = (await admin.agent.get('/api/v1/surveys')).json().items.length as number;
    const backwards = await admin.agent.post('/api/v1/surveys', surveyInput([unitA], { closesOn: '2026-11-01' }));
    expect(backwards.statusCode).toBe(400);
    expect(JSON.stringify(backwards.json().error.details)).toContain(
      catalogs.id.validation.surveys.closes_before_opens,
    );
    const unknownTemplate = await admin.agent.post('/api/v1/surveys', surveyInput([unitA], { templateId: 'nope' }));
    expect(unknownTemplate.statusCode).toBe(400);
    const past = await admin.agent.post(
      '/api/v1/surveys',
      surveyInput([unitA], { opensOn: '2026-11-01', closesOn: '2026-11-02' }),
    );
    expect(past.statusCode).toBe(422);
    expect(past.json().error.details[0].message).toBe(catalogs.id.validation.surveys.closes_in_past);
    expect((await admin.agent.get('/api/v1/surveys')).json().items).toHaveLength(before);

    const id = await draft();
    const survey = (await admin.agent.get(`/api/v1/surveys/${id}`)).json();
    survey.definition.sections[0].questions[0].text.id = ' ';
    survey.definition.sections[0].questions[1].id = survey.definition.sections[0].questions[0].id;
    const broken = await admin.agent.put(`/api/v1/surveys/${id}`, {
      ...surveyInput([unitA]),
      definition: survey.definition,
    });
    expect(broken.statusCode).toBe(400);
    const details = broken.json().error.details as Array<{ path: string; message: string }>;
    expect(details).toContainEqual(
      expect.objectContaining({
        path: 'definition.sections.0.questions.0.text.id',
        message: catalogs.id.validation.surveys.definition.empty_text,
      }),
    );
    expect(details.map((d) => d.path)).toContain('definition.sections.0.questions.1.id');
    const after = (await admin.agent.get(`/api/v1/surveys/${id}`)).json();
    expect(after.definition.sections[0].questions[0].text.id).not.toBe(' ');
  });

  it('lets the admin edit a draft’s fields and questions, and nothing once it is open', async () => {
    const id = await draft();
    const survey = (await admin.agent.get(`/api/v1/surveys/${id}`)).json();
    survey.definition.sections[0].questions[0].text.id = 'Beban kerja saya sebulan ini masih dapat saya kelola.';
    const edited = await admin.agent.put(`/api/v1/surveys/${id}`, {
      ...surveyInput([unitA], { title: 'Pulse akhir tahun', employmentTypes: ['pns', 'pppk'] }),
      definition: survey.definition,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Pulse akhir tahun', employmentTypes: ['pns', 'pppk'] });
    expect(edited.json().definition.sections[0].questions[0].text.id).toContain('sebulan ini');
  });

  it('runs a survey: open, one answer each, response rates under k, close, reopen with a logged reason', async () => {
    // Fewer than k people could answer: the survey stays a draft.
    const lonely = await addUnit(t, agencyId, rootId, 'Unit Kecil');
    await addPeople(t, agencyId, lonely, 2);
    const tooSmall = await draft([lonely]);
    const refused = await admin.agent.post(`/api/v1/surveys/${tooSmall}/open`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'survey_fewer_than_k',
      message: catalogs.id.errors.survey_fewer_than_k,
    });
    expect((await admin.agent.get(`/api/v1/surveys/${tooSmall}`)).json().status).toBe('draft');

    const id = await draft();
    const opened = await admin.agent.post(`/api/v1/surveys/${id}/open`);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'open', threshold: 5, memberCount: 6 });
    expect((await admin.agent.post(`/api/v1/surveys/${id}/open`)).statusCode).toBe(409);
    expect((await admin.agent.put(`/api/v1/surveys/${id}`, surveyInput([unitA]))).statusCode).toBe(409);

    // Someone not asked (the admin's own unit is the root, not unit A) finds nothing.
    const outsider = await loginAs(t, 'employee', { agencyId });
    expect((await outsider.agent.get(`/api/v1/me/surveys/${id}`)).statusCode).toBe(404);
    expect((await outsider.agent.post(`/api/v1/me/surveys/${id}/answers`, pulseAnswers(4))).statusCode).toBe(404);
    expect((await outsider.agent.get('/api/v1/me/surveys')).json().items).toEqual([]);

    const [first, ...others] = staff;
    const listed = (await first!.agent.get('/api/v1/me/surveys')).json().items;
    expect(listed).toEqual([expect.objectContaining({ id, answered: false, questionCount: 5 })]);
    const form = (await first!.agent.get(`/api/v1/me/surveys/${id}`)).json();
    expect(form.definition.sections[0].questions.map((q: { id: string }) => q.id)).toContain('pls-energy');

    // Bad answers: localized, per question, nothing recorded.
    const bad = await first!.agent.post(`/api/v1/me/surveys/${id}/answers`, {
      answers: { 'pls-workload': 9, 'pls-support': 3, 'not-a-question': 1 },
    });
    expect(bad.statusCode).toBe(422);
    const problems = bad.json().error.details as Array<{ path: string; message: string }>;
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'answers.pls-workload', message: catalogs.id.validation.surveys.answer.invalid }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'answers.pls-rest', message: catalogs.id.validation.surveys.answer.required }),
    );
    expect(problems.map((p) => p.path)).toContain('answers.not-a-question');
    expect((await first!.agent.get('/api/v1/me/surveys')).json().items[0].answered).toBe(false);

    const stored = await first!.agent.post(`/api/v1/me/surveys/${id}/answers`, pulseAnswers(4));
    expect(stored.statusCode, stored.body).toBe(201);
    const again = await first!.agent.post(`/api/v1/me/surveys/${id}/answers`, pulseAnswers(1, 0));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('survey_already_answered');
    expect(again.body).not.toMatch(/pls-|"4"/);
    expect((await first!.agent.get('/api/v1/me/surveys')).json().items[0].answered).toBe(true);

    // One answer: the published response rate still says nothing (A7: not k new since opening).
    const early = (await admin.agent.get(`/api/v1/surveys/${id}/progress`)).json();
    expect(early.answered).toBeNull();
    expect(early.units.find((u: { unitId: string }) => u.unitId === unitA)).toMatchObject({
      members: 6,
      answered: null,
    });
    expect(early.memberCount).toBe(6);

    for (const [i, person] of others.entries()) {
      const res = await person.agent.post(`/api/v1/me/surveys/${id}/answers`, pulseAnswers(2 + (i % 3)));
      expect(res.statusCode, res.body).toBe(201);
    }
    const later = (await admin.agent.get(`/api/v1/surveys/${id}/progress`)).json();
    expect(later.answered).toBe(6);
    expect(later.units.find((u: { unitId: string }) => u.unitId === unitA)).toMatchObject({ members: 6, answered: 6 });
    // Answers wait sealed until the survey closes (k held back).
    const db = t.services.db.db;
    expect(await db.selectFrom('survey_responses').select('id').where('survey_id', '=', id).execute()).toHaveLength(0);

    const closed = await admin.agent.post(`/api/v1/surveys/${id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
    // The closing's job moves what still waits, then computes the results.
    expect((await admin.agent.get(`/api/v1/surveys/${id}/results`)).json().error.code).toBe('survey_results_not_ready');
    await t.services.jobs.drain();
    expect(await db.selectFrom('survey_responses').select('id').where('survey_id', '=', id).execute()).toHaveLength(6);
    expect(await db.selectFrom('survey_pending').select('id').where('survey_id', '=', id).execute()).toHaveLength(0);
    const late = await staff[1]!.agent.post(`/api/v1/me/surveys/${id}/answers`, pulseAnswers(3));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('survey_not_open');
    expect((await staff[1]!.agent.get('/api/v1/me/surveys')).json().items).toEqual([]);

    const noReason = await admin.agent.post(`/api/v1/surveys/${id}/reopen`, { reason: ' ', closesOn: '2026-12-11' });
    expect(noReason.statusCode).toBe(400);
    expect((await admin.agent.get(`/api/v1/surveys/${id}`)).json().status).toBe('closed');
    const reopened = await admin.agent.post(`/api/v1/surveys/${id}/reopen`, {
      reason: 'Dua bidang belum menerima undangan karena gangguan email.',
      closesOn: '2026-12-11',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'open', closesOn: '2026-12-11', closedAt: null });
    const logged = await auditEntries(t, 'survey.reopened', { resourceId: id });
    expect(logged).toHaveLength(1);
    expect(logged[0]!.details).toMatchObject({ reason: 'Dua bidang belum menerima undangan karena gangguan email.' });
    expect(logged[0]!.actor_id).toBe(admin.person.id);
    expect(await auditEntries(t, 'survey.opened', { resourceId: id })).toHaveLength(1);

    // The person's copy of their data says they were asked and answered, and holds no answer.
    const copy = (await first!.agent.get('/api/v1/me/export.json')).json();
    expect(copy.surveys).toEqual([
      { title: 'Survei Pulse Desember', status: 'open', opensOn: '2026-11-23', closesOn: '2026-12-11', answered: true },
    ]);
    expect(JSON.stringify(copy)).not.toContain('pls-workload');
    const html = (await first!.agent.get('/api/v1/me/export.html')).body;
    expect(html).toContain(catalogs.id.my_data.export.sections.surveys);
    expect(html).toContain('Survei Pulse Desember');
    expect(await auditEntries(t, 'survey.closed', { resourceId: id })).toHaveLength(1);
  });

  it('closes a survey by itself after its last day, in the agency’s time zone', async () => {
    const id = await draft([unitA], { closesOn: '2026-11-24' });
    expect((await admin.agent.post(`/api/v1/surveys/${id}/open`)).statusCode).toBe(200);
    expect(await t.services.surveys.closeEnded()).toBe(0);
    // 2026-11-24 ends at 17:00 UTC in Jakarta (UTC+7).
    t.clock.set(new Date('2026-11-24T17:00:00.000Z'));
    try {
      expect(await t.services.surveys.closeEnded()).toBe(1);
      const row = await t.services.db.db.selectFrom('surveys').select('status').where('id', '=', id).executeTakeFirst();
      expect(row?.status).toBe('closed');
      expect(await t.services.surveys.closeEnded()).toBe(0);
    } finally {
      t.clock.set(new Date('2026-11-23T02:00:00.000Z'));
    }
  });

  it('invites every member once, in their language, and reminds only those who have not answered', async () => {
    const unit = await addUnit(t, agencyId, rootId, 'Bagian Keuangan');
    const people = await addPeople(t, agencyId, unit, 5);
    const db = t.services.db.db;
    await db.updateTable('people').set({ locale: 'en' }).where('id', '=', people[0]!.id).execute();
    const id = await draft([unit]);
    expect((await admin.agent.post(`/api/v1/surveys/${id}/open`)).statusCode).toBe(200);
    await t.services.jobs.drain();
    await t.services.jobs.drain();
    const notes = () =>
      db
        .selectFrom('notifications')
        .select(['person_id', 'kind', 'payload'])
        .where('payload', 'like', `%${id}%`)
        .orderBy('person_id')
        .execute();
    const invited = await notes();
    expect(invited.map((n) => n.kind)).toEqual(Array(5).fill('survey.invited'));
    expect(JSON.parse(invited[0]!.payload)).toEqual({ surveyId: id, title: 'Survei Pulse Desember' });
    const mail = await db.selectFrom('email_outbox').selectAll().where('template', '=', 'survey_invite').execute();
    const english = mail.find((m) => m.to_address === people[0]!.email);
    expect(english?.subject).toBe('Climate survey: Survei Pulse Desember');
    expect(english?.body_text).toContain('4 December 2026');
    expect(english?.body_text).toContain(`http://teduh.test/surveys/mine/${id}`);
    expect(mail.find((m) => m.to_address === people[1]!.email)?.body_text).toContain('4 Desember 2026');

    // Two of them answer (straight through the service: they never sign in here).
    const member = (p: { id: string }) =>
      ({ agencyId, personId: p.id }) as Parameters<typeof t.services.surveys.answer>[0];
    await t.services.surveys.answer(member(people[0]!), id, pulseAnswers(4).answers);
    await t.services.surveys.answer(member(people[1]!), id, pulseAnswers(3).answers);
    expect(await t.services.surveys.messages.queueReminders()).toBe(0);
    t.clock.advance(3 * 86_400_000);
    try {
      expect(await t.services.surveys.messages.queueReminders()).toBe(3);
      // A second sweep before they are sent queues nothing more.
      expect(await t.services.surveys.messages.queueReminders()).toBe(0);
      await t.services.jobs.drain();
      const reminded = (await notes()).filter((n) => n.kind === 'survey.reminder').map((n) => n.person_id);
      expect(reminded.sort()).toEqual([people[2]!.id, people[3]!.id, people[4]!.id].sort());
    } finally {
      t.clock.set(new Date('2026-11-23T02:00:00.000Z'));
    }
  });

  it('moves waiting answers in a batch while open once k + 10 wait, and the rest at closing', async () => {
    const unit = await addUnit(t, agencyId, rootId, 'Bagian Perencanaan');
    const people = await addPeople(t, agencyId, unit, 16);
    // A fresh session: the reminder test's three days ahead let the job runner expire the others.
    admin = await loginAs(t, 'wellbeing_admin', { agencyId });
    const id = await draft([unit]);
    expect((await admin.agent.post(`/api/v1/surveys/${id}/open`)).statusCode).toBe(200);
    const db = t.services.db.db;
    const count = async (table: 'survey_pending' | 'survey_responses') =>
      (await db.selectFrom(table).select('id').where('survey_id', '=', id).execute()).length;
    for (const [i, p] of people.entries()) {
      if (i === 14) expect(await t.services.surveys.moveWaiting()).toBe(0);
      await t.services.surveys.answer({ agencyId, personId: p.id } as never, id, pulseAnswers(1 + (i % 5)).answers);
    }
    // 16 wait, k = 5: a batch of 11 moves and 5 stay sealed.
    expect(await t.services.surveys.moveWaiting()).toBe(11);
    expect([await count('survey_pending'), await count('survey_responses')]).toEqual([5, 11]);
    expect((await admin.agent.post(`/api/v1/surveys/${id}/close`)).statusCode).toBe(200);
    await t.services.jobs.drain();
    expect([await count('survey_pending'), await count('survey_responses')]).toEqual([0, 16]);
    const answered = await db
      .selectFrom('survey_tallies')
      .select(['count'])
      .where('survey_id', '=', id)
      .where('question_id', '=', 'pls-workload')
      .where('value', '=', -1)
      .execute();
    expect(answered.reduce((s, r) => s + r.count, 0)).toBe(16);
  });

  it('group-commits answers arriving together: each stored once, a repeat refused, none after closing', async () => {
    const unit = await addUnit(t, agencyId, rootId, 'Bagian Hukum');
    const people = await addPeople(t, agencyId, unit, 12);
    admin = await loginAs(t, 'wellbeing_admin', { agencyId });
    const id = await draft([unit]);
    expect((await admin.agent.post(`/api/v1/surveys/${id}/open`)).statusCode).toBe(200);
    const as = (p: { id: string }) => ({ agencyId, personId: p.id }) as never;
    // Twelve people at once, the first three twice in the same moment.
    const outcomes = await Promise.allSettled([
      ...people.map((p, i) => t.services.surveys.answer(as(p), id, pulseAnswers(1 + (i % 5)).answers)),
      ...people.slice(0, 3).map((p) => t.services.surveys.answer(as(p), id, pulseAnswers(5).answers)),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(12);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused.map((o) => (o.reason as { code: string }).code)).toEqual(Array(3).fill('survey_already_answered'));
    const db = t.services.db.db;
    const rows = async (table: 'survey_participation' | 'survey_pending') =>
      (await db.selectFrom(table).selectAll().where('survey_id', '=', id).execute()).length;
    expect([await rows('survey_participation'), await rows('survey_pending')]).toEqual([12, 12]);

    expect((await admin.agent.post(`/api/v1/surveys/${id}/close`)).statusCode).toBe(200);
    const late = await addPeople(t, agencyId, unit, 1);
    await db
      .insertInto('survey_members')
      .values({ survey_id: id, person_id: late[0]!.id, unit_id: unit, profile_key: 'x' })
      .execute();
    await expect(t.services.surveys.answer(as(late[0]!), id, pulseAnswers(3).answers)).rejects.toMatchObject({
      code: 'survey_not_open',
    });
    expect(await rows('survey_participation')).toBe(12);
  });
});
