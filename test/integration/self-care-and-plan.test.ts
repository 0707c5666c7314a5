import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../../src/i18n/catalog.js';
import type { AssignableRole } from '../../src/domain/access/roles.js';
import { listRoutes, type RegisteredRoute } from '../../src/server/plugins/access-control.js';
import { createTestAppWithAgency, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/**
 * The self-care plan and time management (docs/decisions/035-self-care-and-plan.md): the person's
 * alone (docs/privacy.md §1.1), sealed where they write in their own words, and every write stored
 * once when it is sent again.
 */
const HABITS = '/api/v1/me/habits';
const TASKS = '/api/v1/me/tasks';
const BLOCKS = '/api/v1/me/plan/blocks';
const REVIEWS = '/api/v1/me/plan/reviews';
// Thursday 3 December 2026, 10:00 WIB.
const NOW = new Date('2026-12-03T03:00:00Z');
const TODAY = '2026-12-03';
const MONDAY = '2026-11-30';

const ownHabit = (id: string = randomUUID()) => ({
  id,
  area: 'connection',
  suggestion: null,
  title: 'Video call dengan Nenek Sumirah tiap Kamis',
  frequency: 'weekdays',
  timesPerWeek: null,
  weekdays: [4],
  reminderTime: '19:00',
});
const suggested = (id: string = randomUUID()) => ({
  id,
  area: 'food',
  suggestion: 'water',
  title: null,
  frequency: 'daily',
  timesPerWeek: null,
  weekdays: null,
  reminderTime: null,
});

describe.skipIf(postgresSkipReason())('self-care habits and the planner: the person’s own', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;
  const db = () => t.services.db.db;

  beforeAll(async () => {
    ({ t, agencyId, unitId } = await createTestAppWithAgency());
    t.clock.set(NOW);
  });
  afterAll(async () => t.close());

  it('answers 401 to every route without a session', async () => {
    const anonymous = t.anonymous();
    const id = randomUUID();
    for (const res of [
      await anonymous.get(HABITS),
      await anonymous.post(HABITS, suggested()),
      await anonymous.put(`${HABITS}/${id}/ticks/${TODAY}`),
      await anonymous.get(TASKS),
      await anonymous.post(TASKS, { id, title: 'x', quadrant: 'do' }),
      await anonymous.patch(`${TASKS}/${id}`, { quadrant: 'drop' }),
      await anonymous.get(`${BLOCKS}?day=${TODAY}`),
      await anonymous.get(REVIEWS),
      await anonymous.put(`${REVIEWS}/${MONDAY}`, { done: 'x' }),
    ]) {
      expect(res.statusCode).toBe(401);
    }
  });

  it('adds a habit once however often it is sent, seals the person’s own words, and ticks a day once', async () => {
    const me = await loginAs(t, 'employee', { agencyId, unitId });
    const empty = await me.agent.get(HABITS);
    expect(empty.json()).toEqual({ today: TODAY, since: '2026-11-06', habits: [] });

    const body = ownHabit();
    const first = await me.agent.post(HABITS, body);
    expect(first.statusCode).toBe(201);
    const again = await me.agent.post(HABITS, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(first.json()).toMatchObject({ title: body.title, weekdays: [4], reminderTime: '19:00', ticks: [] });

    const stored = await db().selectFrom('habits').selectAll().where('person_id', '=', me.person.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.title_enc).not.toContain('Sumirah');
    expect(t.services.keys.decrypt(stored[0]?.title_enc as string)).toBe(body.title);

    const tick = `${HABITS}/${body.id}/ticks/${TODAY}`;
    expect((await me.agent.put(tick)).json()).toEqual({ habitId: body.id, day: TODAY, ticked: true });
    expect((await me.agent.put(tick)).statusCode).toBe(200);
    const ticks = await db().selectFrom('habit_ticks').selectAll().where('habit_id', '=', body.id).execute();
    expect(ticks.map((r) => r.day)).toEqual([TODAY]);
    expect((await me.agent.get(HABITS)).json().habits[0].ticks).toEqual([TODAY]);

    expect((await me.agent.delete(tick)).json()).toMatchObject({ ticked: false });
    expect((await me.agent.get(HABITS)).json().habits[0].ticks).toEqual([]);

    // Tomorrow cannot be ticked, nor a day more than six days back.
    for (const day of ['2026-12-04', '2026-11-26']) {
      const res = await me.agent.put(`${HABITS}/${body.id}/ticks/${day}`);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('tick_day_out_of_range');
    }
    expect((await me.agent.put(`${HABITS}/${body.id}/ticks/2026-11-27`)).statusCode).toBe(200);
  });

  it('stores a tick replayed from the device’s outbox once, under the same Idempotency-Key', async () => {
    const me = await loginAs(t, 'employee', { agencyId, unitId });
    const body = suggested();
    expect((await me.agent.post(HABITS, body)).statusCode).toBe(201);
    const tick = `${HABITS}/${body.id}/ticks/${TODAY}`;
    const key = { 'idempotency-key': `habit-tick-${body.id}` };
    const first = await me.agent.put(tick, undefined, key);
    const replay = await me.agent.put(tick, undefined, key);
    expect(first.statusCode).toBe(200);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(first.json());
    const rows = await db().selectFrom('habit_ticks').selectAll().where('habit_id', '=', body.id).execute();
    expect(rows).toHaveLength(1);
    // A tick taken back offline and replayed later goes under its own key, and leaves none.
    const untick = { 'idempotency-key': `habit-untick-${body.id}` };
    expect((await me.agent.delete(tick, untick)).json()).toMatchObject({ ticked: false });
    expect((await me.agent.delete(tick, untick)).statusCode).toBe(200);
    expect(await db().selectFrom('habit_ticks').selectAll().where('habit_id', '=', body.id).execute()).toEqual([]);
  });

  it('refuses bad habits with a localized 400 naming the field, and stores nothing', async () => {
    const me = await loginAs(t, 'employee', { agencyId, unitId });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...suggested(), area: 'shopping' }, 'area'],
      [{ ...suggested(), suggestion: null, title: null }, 'title'],
      [{ ...suggested(), frequency: 'weekly', timesPerWeek: null }, 'timesPerWeek'],
      [{ ...suggested(), frequency: 'weekdays', weekdays: [] }, 'weekdays'],
      [{ ...suggested(), reminderTime: '25:00' }, 'reminderTime'],
      [{ ...suggested(), id: 'not-a-uuid' }, 'id'],
    ];
    for (const [body, path] of cases) {
      const res = await me.agent.post(HABITS, body, { 'accept-language': 'id' });
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const weekdays = await me.agent.post(HABITS, { ...suggested(), frequency: 'weekdays', weekdays: [] });
    expect(weekdays.json().error.details[0].message).toBe(catalogs.id.validation.selfcare.weekdays_required);
    expect((await me.agent.get(HABITS)).json().habits).toEqual([]);
  });

  it('sends a habit reminder once on its day, after its time, and not once it is ticked', async () => {
    const me = await loginAs(t, 'employee', { agencyId, unitId });
    const daily = { ...suggested(), reminderTime: '09:30' };
    const late = { ...suggested(), reminderTime: '20:00' };
    const done = { ...suggested(), reminderTime: '08:00' };
    for (const h of [daily, late, done]) expect((await me.agent.post(HABITS, h)).statusCode).toBe(201);
    await me.agent.put(`${HABITS}/${done.id}/ticks/${TODAY}`);
    await t.services.habits.sendDueReminders();
    await t.services.habits.sendDueReminders();
    const notes = await db()
      .selectFrom('notifications')
      .selectAll()
      .where('person_id', '=', me.person.id)
      .where('kind', '=', 'habit.reminder')
      .execute();
    expect(notes.map((n) => n.dedupe_key)).toEqual([`habit-reminder:${daily.id}:${TODAY}`]);
    // The reminder names no habit.
    expect(JSON.parse(notes[0]?.payload as string)).toEqual({ day: TODAY });
  });

  it('keeps tasks in the matrix: a retried add is stored once, a move is a patch, bad input changes nothing', async () => {
    const me = await loginAs(t, 'employee', { agencyId, unitId });
    const id = randomUUID();
    const body = { id, title: 'Laporan kinerja triwulan untuk Pak Bambang', quadrant: 'do', dueOn: '2026-12-10' };
    expect((await me.agent.post(TASKS, body)).statusCode).toBe(201);
    expect((await me.agent.post(TASKS, body)).statusCode).toBe(200);
    expect(
      await db().selectFrom('plan_tasks').selectAll().where('person_id', '=', me.person.id).execute(),
    ).toHaveLength(1);
    const row = await db().selectFrom('plan_tasks').select('title_enc').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.title_enc).not.toContain('Bambang');

    const moved = await me.agent.patch(`${TASKS}/${id}`, { quadrant: 'schedule' });
    expect(moved.json()).toMatchObject({ quadrant: 'schedule', doneAt: null });
    const doneOnce = await me.agent.patch(`${TASKS}/${id}`, { done: true });
    t.clock.advance(60_000);
    const doneAgain = await me.agent.patch(`${TASKS}/${id}`, { done: true });
    expect(doneAgain.json().doneAt).toBe(doneOnce.json().doneAt);
    t.clock.set(NOW);

    for (const bad of [{ quadrant: 'urgent' }, {}, { title: '' }, { dueOn: '2026-13-01' }]) {
      const res = await me.agent.patch(`${TASKS}/${id}`, bad);
      expect(res.statusCode).toBe(400);
    }
    expect((await me.agent.post(TASKS, { ...body, id: randomUUID(), title: '   ' })).statusCode).toBe(400);
    const list = await me.agent.get(TASKS);
    expect(list.json().tasks).toEqual([expect.objectContaining({ id, quadrant: 'schedule', title: body.title })]);
  });

  it('keeps a day plan of blocks and a weekly review, replacing a review saved again', async () => {
    const me = await loginAs(t, 'employee', { agencyId, unitId });
    const block = { id: randomUUID(), day: TODAY, start: '08:00', end: '10:00', kind: 'focus', title: 'Menyusun SKP' };
    expect((await me.agent.post(BLOCKS, block)).statusCode).toBe(201);
    expect((await me.agent.post(BLOCKS, block)).statusCode).toBe(200);
    const bad = await me.agent.post(BLOCKS, { ...block, id: randomUUID(), start: '11:00', end: '10:00' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ path: 'end' });
    expect((await me.agent.get(`${BLOCKS}?day=${TODAY}`)).json().blocks).toEqual([
      { id: block.id, day: TODAY, start: '08:00', end: '10:00', kind: 'focus', title: 'Menyusun SKP' },
    ]);
    expect((await me.agent.get(`${BLOCKS}?day=tomorrow`)).statusCode).toBe(400);

    // The working window of the day comes with it: the agency's Thursday, narrowed by the person's own hours.
    expect((await me.agent.get(`${BLOCKS}?day=${TODAY}`)).json().working).toEqual({
      hours: { start: '07:30', end: '16:00' },
      off: null,
      holiday: null,
      ramadan: false,
      personal: false,
    });
    expect((await me.agent.put('/api/v1/me/boundaries', { start: '08:00', end: '15:00' })).statusCode).toBe(200);
    expect((await me.agent.get(`${BLOCKS}?day=${TODAY}`)).json().working).toMatchObject({
      hours: { start: '08:00', end: '15:00' },
      personal: true,
    });
    expect((await me.agent.get(`${BLOCKS}?day=2026-12-05`)).json().working).toMatchObject({
      hours: null,
      off: 'weekend',
    });
    expect((await me.agent.get(`${BLOCKS}?day=2026-12-25`)).json().working).toMatchObject({
      hours: null,
      off: 'holiday',
      holiday: { kind: 'national', name: { id: 'Kelahiran Yesus Kristus', en: 'Christmas Day' } },
    });
    expect((await me.agent.delete('/api/v1/me/boundaries')).statusCode).toBe(200);

    const review = {
      done: 'Rapat koordinasi selesai',
      slipped: '',
      learned: 'Minta bantuan lebih awal',
      top: ['SKP', 'Cuti'],
    };
    expect((await me.agent.put(`${REVIEWS}/${MONDAY}`, review)).statusCode).toBe(200);
    expect((await me.agent.put(`${REVIEWS}/${MONDAY}`, { ...review, slipped: 'Laporan' })).statusCode).toBe(200);
    const notMonday = await me.agent.put(`${REVIEWS}/${TODAY}`, review);
    expect(notMonday.statusCode).toBe(422);
    expect((await me.agent.put(`${REVIEWS}/${MONDAY}`, { done: '', top: [] })).statusCode).toBe(400);
    const list = (await me.agent.get(REVIEWS)).json();
    expect(list.reviews).toEqual([expect.objectContaining({ week: MONDAY, slipped: 'Laporan', top: ['SKP', 'Cuti'] })]);
    const stored = await db().selectFrom('plan_reviews').selectAll().where('person_id', '=', me.person.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.review_enc).not.toContain('koordinasi');
  });
});

const FAKE_ID = '3f1c2a9e-7d4b-4c1e-9a55-2b8e6f0d1c3a';
const isSelfDisruptive = (r: RegisteredRoute) =>
  r.method !== 'GET' && (r.url.startsWith('/api/v1/auth/') || r.url.startsWith('/api/v1/setup'));
const ROLES: AssignableRole[] = [
  'manager',
  'wellbeing_admin',
  'agency_admin',
  'counsellor',
  'dpo',
  'clinical_supervisor',
  'platform_admin',
];
const MARKERS = ['Nenek Sumirah', 'Bambang Sutedjo', 'Rapat tegang Pak Kadis', 'Belajar berkata tidak'];

describe.skipIf(postgresSkipReason())(
  'no route shows a person’s habits, tasks, plans or reviews to anyone else',
  () => {
    let t: TestApp;
    let owner: SignedIn;
    let habitId: string;
    let taskId: string;
    let blockId: string;
    const walkers = new Map<string, SignedIn>();

    beforeAll(async () => {
      const built = await createTestAppWithAgency();
      t = built.t;
      t.clock.set(NOW);
      for (const role of ROLES)
        walkers.set(role, await loginAs(t, role, { agencyId: built.agencyId, unitId: built.unitId }));
      walkers.set('colleague', await loginAs(t, 'employee', { agencyId: built.agencyId, unitId: built.unitId }));
      walkers.set('stranger', await loginAs(t, 'employee'));
      owner = await loginAs(t, 'employee', { agencyId: built.agencyId, unitId: built.unitId });
      await t.services.db.db
        .updateTable('people')
        .set({ manager_id: walkers.get('manager')?.person.id })
        .where('id', '=', owner.person.id)
        .execute();
      const habit = ownHabit();
      habitId = habit.id;
      taskId = randomUUID();
      blockId = randomUUID();
      expect((await owner.agent.post(HABITS, habit)).statusCode).toBe(201);
      expect((await owner.agent.put(`${HABITS}/${habitId}/ticks/${TODAY}`)).statusCode).toBe(200);
      expect(
        (await owner.agent.post(TASKS, { id: taskId, title: 'Telepon Bambang Sutedjo', quadrant: 'do' })).statusCode,
      ).toBe(201);
      expect(
        (
          await owner.agent.post(BLOCKS, {
            id: blockId,
            day: TODAY,
            start: '09:00',
            end: '10:00',
            kind: 'meeting',
            title: 'Rapat tegang Pak Kadis',
          })
        ).statusCode,
      ).toBe(201);
      expect((await owner.agent.put(`${REVIEWS}/${MONDAY}`, { learned: 'Belajar berkata tidak' })).statusCode).toBe(
        200,
      );
    });
    afterAll(async () => t.close());

    /** The owner's ids wherever a route takes an id, so a route that fetched by id alone would leak. */
    function urlFor(route: RegisteredRoute): string {
      return route.url
        .replace(/:token/g, 'tLq9cX2vB7nM4kR8wZ1pA6sD3fG5hJ0yQeUiOoTrEwY')
        .replace(/:kind/g, 'people')
        .replace(/:instrumentId/g, 'phq9')
        .replace(/:day/g, TODAY)
        .replace(/:week/g, MONDAY)
        .replace(/\/sessions\/:id/g, '/sessions/0123456789abcdef')
        .replace(/\/habits\/:id/g, `/habits/${habitId}`)
        .replace(/\/tasks\/:id/g, `/tasks/${taskId}`)
        .replace(/\/blocks\/:id/g, `/blocks/${blockId}`)
        .replace(/:[A-Za-z]+/g, route.method === 'GET' ? owner.person.id : FAKE_ID);
    }

    it('finds the markers in the owner’s own answers (the walk can see a leak)', async () => {
      const bodies = await Promise.all(
        [HABITS, TASKS, `${BLOCKS}?day=${TODAY}`, REVIEWS].map((u) => owner.agent.get(u)),
      );
      const all = bodies.map((b) => b.body).join('\n');
      expect(MARKERS.filter((m) => all.includes(m))).toEqual(MARKERS);
    });

    for (const who of [...ROLES, 'colleague', 'stranger']) {
      it(`leaks nothing to the ${who.replace('_', ' ')} through any route, and changes nothing by the owner's ids`, async () => {
        const agent = (walkers.get(who) as SignedIn).agent;
        const routes = listRoutes(t.app).filter((r) => !isSelfDisruptive(r));
        const leaks: string[] = [];
        let answered = 0;
        for (const route of routes) {
          const url = urlFor(route) + (route.url === BLOCKS && route.method === 'GET' ? `?day=${TODAY}` : '');
          const res = await agent.request(
            route.method as 'GET',
            url,
            route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
          );
          if (res.statusCode < 300) answered++;
          const found = MARKERS.filter((m) => res.body.includes(m));
          if (found.length > 0)
            leaks.push(`${route.method} ${route.url} → ${res.statusCode} contains ${found.join(', ')}`);
        }
        expect(leaks).toEqual([]);
        expect(answered).toBeGreaterThan(5);

        // The owner's ids, in the path and in bodies, reach nothing.
        const byId = [
          await agent.put(`${HABITS}/${habitId}/ticks/${TODAY}`),
          await agent.delete(`${HABITS}/${habitId}/ticks/${TODAY}`),
          await agent.put(`${HABITS}/${habitId}`, { ...suggested(), id: undefined }),
          await agent.delete(`${HABITS}/${habitId}`),
          await agent.post(HABITS, ownHabit(habitId)),
          await agent.patch(`${TASKS}/${taskId}`, { quadrant: 'drop', done: true }),
          await agent.delete(`${TASKS}/${taskId}`),
          await agent.post(TASKS, { id: taskId, title: 'Ambil alih', quadrant: 'drop' }),
          await agent.delete(`${BLOCKS}/${blockId}`),
          await agent.post(BLOCKS, { id: blockId, day: TODAY, start: '09:00', end: '10:00', kind: 'focus' }),
        ];
        for (const res of byId) {
          expect([401, 403, 404]).toContain(res.statusCode);
          expect(MARKERS.filter((m) => res.body.includes(m))).toEqual([]);
        }
        // Their own lists hold nothing of the owner's.
        const own = await agent.get(HABITS);
        if (own.statusCode === 200) expect(own.json().habits).toEqual([]);
      });
    }

    it('gives the owner all of it, opened, in their own copy under My data', async () => {
      const res = await owner.agent.get('/api/v1/me/export.json');
      expect(res.statusCode).toBe(200);
      const data = res.json();
      expect(data.selfCare.habits).toEqual([
        expect.objectContaining({ id: habitId, title: 'Video call dengan Nenek Sumirah tiap Kamis', ticks: [TODAY] }),
      ]);
      expect(data.timeManagement.tasks).toEqual([
        expect.objectContaining({ id: taskId, title: 'Telepon Bambang Sutedjo' }),
      ]);
      expect(data.timeManagement.blocks).toEqual([
        expect.objectContaining({ id: blockId, title: 'Rapat tegang Pak Kadis' }),
      ]);
      expect(data.timeManagement.reviews).toEqual([
        expect.objectContaining({ week: MONDAY, learned: 'Belajar berkata tidak' }),
      ]);
    });

    it('left everything of the owner’s as it was', async () => {
      const habits = (await owner.agent.get(HABITS)).json();
      expect(habits.habits).toEqual([expect.objectContaining({ id: habitId, ticks: [TODAY] })]);
      expect((await owner.agent.get(TASKS)).json().tasks).toEqual([
        expect.objectContaining({ id: taskId, quadrant: 'do', doneAt: null, title: 'Telepon Bambang Sutedjo' }),
      ]);
      expect((await owner.agent.get(`${BLOCKS}?day=${TODAY}`)).json().blocks).toHaveLength(1);
      expect((await owner.agent.get(REVIEWS)).json().reviews).toHaveLength(1);
    });
  },
);
