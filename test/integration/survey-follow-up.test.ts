import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ActionDetail,
  FollowUpSectionView,
  MyPublication,
  PublicationAdminView,
} from '../../src/contracts/survey-actions.js';
import { FOLLOW_UP_SECTION_ID, followUpQuestionId } from '../../src/domain/survey-actions/follow-up.js';
import type { DatabaseHandle } from '../../src/db/connection.js';
import { catalogs } from '../../src/i18n/catalog.js';
import { addUnit } from '../support/campaigns.js';
import { createPerson, type TestPerson } from '../support/factories.js';
import { createTestAppWithAgency, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/**
 * The loop between waves (docs/surveys.md#the-loop): a next wave asks whether each action shared
 * after the previous one helped; the action, the next wave's publication and the previous wave's
 * publication show that answer and the theme's change — copies of stored, suppressed cells.
 */
describe.skipIf(postgresSkipReason())('survey follow-up between waves', () => {
  let t: TestApp;
  let agencyId: string;
  let admin: SignedIn;
  let member: SignedIn;
  let outsider: SignedIn;
  let unitA: string;
  let unitB: string;
  let wave1: string;
  let wave2: string;
  let helpedAction: string;
  let hiddenAction: string;
  let cancelledAction: string;
  const people: TestPerson[] = [];

  const answerAll = async (surveyId: string, answers: (i: number, unitId: string) => Record<string, number>) => {
    const everyone = [{ id: member.person.id, unitId: unitA }, ...people.map((p) => ({ id: p.id, unitId: p.unitId }))];
    for (const [i, p] of everyone.entries())
      await t.services.surveys.answer({ agencyId, personId: p.id } as never, surveyId, answers(i, p.unitId));
  };
  const pulse = (point: (i: number, unitId: string) => number) => (i: number, unitId: string) => ({
    'pls-workload': point(i, unitId),
    'pls-support': point(i, unitId),
    'pls-speak-up': point(i, unitId),
    'pls-rest': point(i, unitId),
    'pls-energy': 5 + (i % 4),
  });
  const action = async (body: Record<string, unknown>) => {
    const res = await admin.agent.post(`/api/v1/surveys/${wave1}/actions`, {
      description: '',
      owner: 'Sekretaris',
      dueOn: '2027-03-31',
      budget: null,
      status: 'in_progress',
      published: true,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as ActionDetail).id;
  };
  const publish = async (surveyId: string) => {
    const view = (await admin.agent.get(`/api/v1/surveys/${surveyId}/publication`)).json() as PublicationAdminView;
    const saved = await admin.agent.put(`/api/v1/surveys/${surveyId}/publication`, {
      summary: 'Yang kami dengar.',
      figures: view.selected,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await admin.agent.post(`/api/v1/surveys/${surveyId}/publication/publish`)).statusCode).toBe(200);
  };

  beforeAll(async () => {
    let rootId: string;
    ({ t, agencyId, unitId: rootId } = await createTestAppWithAgency());
    admin = await loginAs(t, 'wellbeing_admin', { agencyId });
    unitA = await addUnit(t, agencyId, rootId, 'Bidang Pelayanan');
    unitB = await addUnit(t, agencyId, rootId, 'Bidang Umum');
    member = await loginAs(t, 'employee', { agencyId, unitId: unitA });
    outsider = await loginAs(t, 'employee', { agencyId, unitId: rootId });
    for (const unitId of [unitA, unitB])
      for (let i = 0; i < 11; i += 1)
        people.push(await createPerson(t.services.db.db, t.services.keys, { agencyId, unitId, password: null }));

    const created = await admin.agent.post('/api/v1/surveys', {
      title: 'Pulse Oktober',
      templateId: 'pulse',
      unitIds: [unitA, unitB],
      opensOn: '2026-11-23',
      closesOn: '2026-12-04',
    });
    wave1 = created.json().id as string;
    expect((await admin.agent.post(`/api/v1/surveys/${wave1}/open`)).statusCode).toBe(200);
    // Two answers in each unit, each given by at least k people: unit cells are served (A13 would
    // withhold a unit that answered as one, A1 a band under k). Unit A: 6 agree, 6 disagree.
    await answerAll(
      wave1,
      pulse((i) => (i % 2 === 1 ? 4 : 2)),
    );
    expect((await admin.agent.post(`/api/v1/surveys/${wave1}/close`)).statusCode).toBe(200);
    await t.services.jobs.drain();

    helpedAction = await action({ nodeId: unitA, themeId: 'workload', title: 'Rapat selesai sebelum 16.00' });
    hiddenAction = await action({
      nodeId: 'survey-total',
      themeId: 'rest',
      title: 'Kajian internal',
      published: false,
    });
    cancelledAction = await action({ nodeId: unitB, themeId: 'support', title: 'Dibatalkan', status: 'cancelled' });
    await publish(wave1);

    const next = await admin.agent.post('/api/v1/surveys', {
      title: 'Pulse Desember',
      templateId: 'pulse',
      unitIds: [unitA, unitB],
      opensOn: '2026-11-23',
      closesOn: '2026-12-31',
      previousSurveyId: wave1,
    });
    expect(next.statusCode, next.body).toBe(201);
    wave2 = next.json().id as string;
  });
  afterAll(async () => t.close());

  let section: NonNullable<FollowUpSectionView['section']>;

  it('offers a draft one optional question per shared action of its previous wave, and saves nothing', async () => {
    const res = await admin.agent.get(`/api/v1/surveys/${wave2}/follow-up-section`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as FollowUpSectionView;
    expect(view.previous).toEqual({ id: wave1, title: 'Pulse Oktober' });
    expect(view.actionCount).toBe(1);
    section = view.section!;
    expect(section.id).toBe(FOLLOW_UP_SECTION_ID);
    // The hidden action and the cancelled one are not asked about: staff never saw them, or they stopped.
    expect(section.questions).toEqual([
      expect.objectContaining({
        id: followUpQuestionId(helpedAction),
        kind: 'likert',
        required: false,
        followsAction: helpedAction,
      }),
    ]);
    expect(JSON.stringify(section)).not.toContain(hiddenAction);
    expect(JSON.stringify(section)).not.toContain(cancelledAction);
    expect(section.questions[0]?.text.id).toContain('Rapat selesai sebelum 16.00');
    expect(section.questions[0]?.text.id).toContain('Bidang Pelayanan');
    const survey = (await admin.agent.get(`/api/v1/surveys/${wave2}`)).json();
    expect(survey.definition.sections.map((s: { id: string }) => s.id)).not.toContain(FOLLOW_UP_SECTION_ID);
  });

  it('refuses other states and other people: a closed survey 409, no previous wave 409, staff 403, no such survey 404', async () => {
    const closed = await admin.agent.get(`/api/v1/surveys/${wave1}/follow-up-section`);
    expect(closed.statusCode).toBe(409);
    const alone = await admin.agent.post('/api/v1/surveys', {
      title: 'Tanpa pembanding',
      templateId: 'pulse',
      unitIds: [unitA],
      opensOn: '2026-11-23',
      closesOn: '2026-12-31',
    });
    const none = await admin.agent.get(`/api/v1/surveys/${alone.json().id}/follow-up-section`);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toBe(catalogs.id.errors.survey_no_previous_wave);
    expect((await member.agent.get(`/api/v1/surveys/${wave2}/follow-up-section`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/surveys/${wave2}/follow-up-section` })).statusCode).toBe(
      401,
    );
    const unknown = await admin.agent.get('/api/v1/surveys/00000000-0000-4000-8000-000000000000/follow-up-section');
    expect(unknown.statusCode).toBe(404);
  });

  it('keeps one question per action: a second one on the same action is refused (400, localized, at its field)', async () => {
    const survey = (await admin.agent.get(`/api/v1/surveys/${wave2}`)).json();
    const fields = {
      title: survey.title,
      unitIds: [unitA, unitB],
      opensOn: survey.opensOn,
      closesOn: survey.closesOn,
      previousSurveyId: wave1,
    };
    const twice = { ...section, questions: [...section.questions, { ...section.questions[0], id: 'tl-copy' }] };
    const bad = await admin.agent.put(`/api/v1/surveys/${wave2}`, {
      ...fields,
      definition: { ...survey.definition, sections: [...survey.definition.sections, twice] },
    });
    expect(bad.statusCode).toBe(400);
    const at = survey.definition.sections.length;
    expect(bad.json().error.details).toContainEqual(
      expect.objectContaining({
        path: `definition.sections.${at}.questions.1.followsAction`,
        message: catalogs.id.validation.surveys.definition.duplicate_action,
      }),
    );
    const good = await admin.agent.put(`/api/v1/surveys/${wave2}`, {
      ...fields,
      definition: { ...survey.definition, sections: [...survey.definition.sections, section] },
    });
    expect(good.statusCode, good.body).toBe(200);
  });

  it('before the next wave closes, the action says its answer will come', async () => {
    const detail = (await admin.agent.get(`/api/v1/survey-actions/${helpedAction}`)).json() as ActionDetail;
    expect(detail.followUp).toBeNull();
  });

  it('shows the action the next wave\u2019s answer and its theme before and after, as stored', async () => {
    expect((await admin.agent.post(`/api/v1/surveys/${wave2}/open`)).statusCode).toBe(200);
    // Unit A now agrees more (7 of its 12); 15 of the 23 say the action helped, 5 disagree, 3 skip it.
    await answerAll(wave2, (i, unitId) => ({
      ...pulse((j) => ((unitId === unitA ? j < 7 : j % 2 === 1) ? 4 : 2))(i, unitId),
      ...(i < 20 ? { [followUpQuestionId(helpedAction)]: i < 15 ? 4 + (i % 2) : 2 } : {}),
    }));
    expect((await admin.agent.post(`/api/v1/surveys/${wave2}/close`)).statusCode).toBe(200);
    await t.services.jobs.drain();

    const detail = (await admin.agent.get(`/api/v1/survey-actions/${helpedAction}`)).json() as ActionDetail;
    expect(detail.followUp?.surveyId).toBe(wave2);
    expect(detail.followUp?.title).toBe('Pulse Desember');
    const figures = detail.followUp!.figures;
    expect(figures.helped?.n.value).toBe(20);
    expect(figures.helped?.favourableShare.value).toBeCloseTo(15 / 20, 6);

    const cell = async (surveyId: string) => {
      const results = (await admin.agent.get(`/api/v1/surveys/${surveyId}/results`)).json();
      const row = results.rows.find((r: { nodeId: string }) => r.nodeId === unitA);
      return row.themes.find((th: { themeId: string }) => th.themeId === 'workload');
    };
    const [before, after] = [await cell(wave1), await cell(wave2)];
    expect(figures.before).toEqual({ favourableShare: before.favourableShare, score: before.score });
    expect(figures.after).toEqual({ favourableShare: after.favourableShare, score: after.score });
    expect(after.favourableShare.value).not.toBeNull();
    expect(figures.change).toBe(
      Math.round(after.favourableShare.value * 100) - Math.round(before.favourableShare.value * 100),
    );
    expect(figures.change).toBeGreaterThan(0);
  });

  it('keeps the figures once worked out, and works them out anew when a wave\u2019s results are computed again', async () => {
    const db = t.services.db.db;
    const view = async () =>
      ((await admin.agent.get(`/api/v1/survey-actions/${helpedAction}`)).json() as ActionDetail).followUp;
    const kept = () =>
      db
        .selectFrom('survey_action_follow_ups')
        .select(['before_results_at', 'after_results_at', 'figures'])
        .where('action_id', '=', helpedAction)
        .where('next_survey_id', '=', wave2)
        .executeTakeFirstOrThrow();
    const resultsAt = async (id: string) =>
      (await db.selectFrom('surveys').select('results_at').where('id', '=', id).executeTakeFirstOrThrow()).results_at;
    const first = await view();
    const wave1ResultsAt = await resultsAt(wave1);
    expect(await kept()).toEqual({
      before_results_at: wave1ResultsAt,
      after_results_at: await resultsAt(wave2),
      figures: JSON.stringify(first?.figures),
    });

    // The kept figures are served without reading either wave's stored results again.
    const stored = await db
      .selectFrom('survey_results')
      .select('body')
      .where('survey_id', '=', wave1)
      .where('view_key', '=', '')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('survey_results')
      .set({ body: 'not json' })
      .where('survey_id', '=', wave1)
      .where('view_key', '=', '')
      .execute();
    expect(await view()).toEqual(first);

    await db
      .updateTable('survey_results')
      .set({ body: stored.body })
      .where('survey_id', '=', wave1)
      .where('view_key', '=', '')
      .execute();

    // The earlier wave's results computed again: the kept figures no longer count; they are worked
    // out anew from the stored results and kept with the new stamp.
    await db.updateTable('surveys').set({ results_at: '2099-01-01T00:00:00.000Z' }).where('id', '=', wave1).execute();
    expect(await view()).toEqual(first);
    expect((await kept()).before_results_at).toBe('2099-01-01T00:00:00.000Z');
    await db.updateTable('surveys').set({ results_at: wave1ResultsAt }).where('id', '=', wave1).execute();
  });

  it('answers the figures when the database refuses to keep them, and keeps them on a later view', async () => {
    const db = t.services.db.db;
    const keptRows = () =>
      db.selectFrom('survey_action_follow_ups').select('action_id').where('action_id', '=', helpedAction).execute();
    const view = async () => {
      const res = await admin.agent.get(`/api/v1/survey-actions/${helpedAction}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as ActionDetail).followUp;
    };
    const first = await view();
    await db.deleteFrom('survey_action_follow_ups').where('action_id', '=', helpedAction).execute();
    let release: () => Promise<void>;
    if (t.services.db.kind === 'postgres') {
      // The table refuses writes as a read-only database would (SQLSTATE 25006).
      await sql`create function teduh_test_read_only() returns trigger language plpgsql as $$
        begin raise exception 'read only for the test' using errcode = '25006'; end $$`.execute(db);
      await sql`create trigger teduh_test_read_only before insert or update on survey_action_follow_ups for each row execute function teduh_test_read_only()`.execute(
        db,
      );
      release = async () => {
        await sql`drop trigger teduh_test_read_only on survey_action_follow_ups`.execute(db);
        await sql`drop function teduh_test_read_only()`.execute(db);
      };
    } else {
      // Another writer holds SQLite's write lock: the write meets SQLITE_BUSY.
      const other: DatabaseHandle = t.database.connectAgain();
      await sql`pragma busy_timeout = 50`.execute(db);
      await sql`begin immediate`.execute(other.db);
      release = async () => {
        await sql`rollback`.execute(other.db);
        await other.close();
        await sql`pragma busy_timeout = 5000`.execute(db);
      };
    }
    try {
      expect(await view()).toEqual(first);
      expect(await keptRows()).toHaveLength(0);
    } finally {
      await release();
    }
    expect(await view()).toEqual(first);
    expect(await keptRows()).toHaveLength(1);
  });

  it('publishes the follow-up with the next wave, and shows it beside the action to the earlier wave\u2019s staff', async () => {
    const adminView = (await admin.agent.get(`/api/v1/surveys/${wave2}/publication`)).json() as PublicationAdminView;
    expect(adminView.followUp?.previousTitle).toBe('Pulse Oktober');
    expect(adminView.followUp?.items.map((i) => i.action.id)).toEqual([helpedAction]);
    // Before the next wave is published, the earlier wave's staff see no follow-up.
    const early = (await member.agent.get(`/api/v1/me/survey-publications/${wave1}`)).json() as MyPublication;
    expect(early.actions.find((a) => a.id === helpedAction)?.followUp).toBeNull();

    await publish(wave2);
    const later = (await member.agent.get(`/api/v1/me/survey-publications/${wave2}`)).json() as MyPublication;
    expect(later.followUp?.items).toEqual(adminView.followUp?.items);
    const earlier = (await member.agent.get(`/api/v1/me/survey-publications/${wave1}`)).json() as MyPublication;
    const beside = earlier.actions.find((a) => a.id === helpedAction)?.followUp;
    expect(beside).toEqual({ title: 'Pulse Desember', figures: adminView.followUp?.items[0]?.figures });
    // Someone who was not asked still gets nothing.
    expect((await outsider.agent.get(`/api/v1/me/survey-publications/${wave2}`)).statusCode).toBe(404);
  });

  it('keeps what staff read fixed: hiding the action afterwards drops it from the staff view, not the figures', async () => {
    const detail = (await admin.agent.get(`/api/v1/survey-actions/${helpedAction}`)).json() as ActionDetail;
    const hide = await admin.agent.put(`/api/v1/survey-actions/${helpedAction}`, {
      title: detail.title,
      description: detail.description,
      owner: detail.owner,
      dueOn: detail.dueOn,
      budget: detail.budget,
      status: detail.status,
      published: false,
    });
    expect(hide.statusCode, hide.body).toBe(200);
    const later = (await member.agent.get(`/api/v1/me/survey-publications/${wave2}`)).json() as MyPublication;
    expect(later.followUp).toBeNull();
    const stored = await t.services.db.db
      .selectFrom('survey_publications')
      .select('follow_up')
      .where('survey_id', '=', wave2)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.follow_up ?? '[]')).toHaveLength(1);
  });
});
