import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETENTION_CLASSES, RETENTION_RULES } from '../../src/domain/privacy-office/retention.js';
import { TABLE_RETENTION, tablesOf } from '../../src/server/modules/dpo/retention-tables.js';
import { createTestAppWithAgency, loginAs, type TestApp } from '../support/test-app.js';
import { postgresSkipReason, TEST_DB_KIND } from '../support/test-database.js';

/**
 * The retention schedule covers every table (docs/privacy.md §6), and the nightly job applies the
 * rules of the person's everyday records — check-ins, habit ticks, finished tasks, day blocks and
 * weekly reviews — past their time and not a day earlier (docs/decisions/039-everyday-edges.md).
 */
const DAY = 86_400_000;
// Thursday 3 December 2026, 10:00 WIB.
const NOW = new Date('2026-12-03T03:00:00Z');
// Two years and a month before: past the default 730 days of the three everyday classes.
const LONG_AGO = new Date(NOW.getTime() - 760 * DAY);
const longAgoDay = LONG_AGO.toISOString().slice(0, 10);

describe.skipIf(postgresSkipReason())('the retention schedule', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;
  const db = () => t.services.db.db;

  beforeAll(async () => {
    ({ t, agencyId, unitId } = await createTestAppWithAgency());
  });
  afterAll(async () => t.close());

  it('names every table the migrations create, so a new table without a rule fails here', async () => {
    const tables =
      TEST_DB_KIND === 'sqlite'
        ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db())).rows.map(
            (r) => r.name,
          )
        : (
            await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(
              db(),
            )
          ).rows.map((r) => r.name);
    // The migrator's own bookkeeping holds no one's data.
    const ours = tables.filter((n) => !n.startsWith('sqlite_') && !n.startsWith('schema_migrations'));
    expect(ours.length).toBeGreaterThan(40);
    expect(ours.filter((n) => !(n in TABLE_RETENTION)).sort()).toEqual([]);
    expect(Object.keys(TABLE_RETENTION).filter((n) => !ours.includes(n))).toEqual([]);
    // Every class the DPO can set covers at least one table.
    for (const c of RETENTION_CLASSES) expect(tablesOf(c).length, c).toBeGreaterThan(0);
  });

  it('erases check-ins, habit ticks, finished tasks, past blocks and reviews past their time, and keeps the rest', async () => {
    // Two years and a month ago, the person kept a check-in, a tick, a finished task, a block and a review.
    t.clock.set(LONG_AGO);
    const then = await loginAs(t, 'employee', { agencyId, unitId });
    const personId = then.person.id;
    const habitId = randomUUID();
    const oldTask = randomUUID();
    const openTask = randomUUID();
    expect((await then.agent.post('/api/v1/me/check-ins', { localDate: longAgoDay, mood: 3 })).statusCode).toBe(201);
    const habit = {
      id: habitId,
      area: 'food',
      suggestion: 'water',
      title: null,
      frequency: 'daily',
      timesPerWeek: null,
      weekdays: null,
      reminderTime: null,
    };
    expect((await then.agent.post('/api/v1/me/habits', habit)).statusCode).toBe(201);
    expect((await then.agent.put(`/api/v1/me/habits/${habitId}/ticks/${longAgoDay}`)).statusCode).toBe(200);
    expect(
      (await then.agent.post('/api/v1/me/tasks', { id: oldTask, title: 'SKP lama', quadrant: 'do' })).statusCode,
    ).toBe(201);
    expect((await then.agent.patch(`/api/v1/me/tasks/${oldTask}`, { done: true })).statusCode).toBe(200);
    expect(
      (await then.agent.post('/api/v1/me/tasks', { id: openTask, title: 'Masih terbuka', quadrant: 'schedule' }))
        .statusCode,
    ).toBe(201);
    const block = { id: randomUUID(), day: longAgoDay, start: '08:00', end: '09:00', kind: 'focus', title: null };
    expect((await then.agent.post('/api/v1/me/plan/blocks', block)).statusCode).toBe(201);
    const oldMonday = '2024-11-04';
    expect((await then.agent.put(`/api/v1/me/plan/reviews/${oldMonday}`, { done: 'Rapat' })).statusCode).toBe(200);

    // Today, the same person keeps one of each again.
    t.clock.set(NOW);
    // Two years on the old session has lapsed: the same person signs in again.
    const now = { agent: t.anonymous() };
    expect(await now.agent.signIn(then.person.email, then.person.password as string, undefined, NOW)).toBe('full');
    const today = '2026-12-03';
    expect((await now.agent.post('/api/v1/me/check-ins', { localDate: today, mood: 4 })).statusCode).toBe(201);
    expect((await now.agent.put(`/api/v1/me/habits/${habitId}/ticks/${today}`)).statusCode).toBe(200);
    const newTask = randomUUID();
    expect(
      (await now.agent.post('/api/v1/me/tasks', { id: newTask, title: 'SKP baru', quadrant: 'do' })).statusCode,
    ).toBe(201);
    expect((await now.agent.patch(`/api/v1/me/tasks/${newTask}`, { done: true })).statusCode).toBe(200);
    const newBlock = { ...block, id: randomUUID(), day: today };
    expect((await now.agent.post('/api/v1/me/plan/blocks', newBlock)).statusCode).toBe(201);
    expect((await now.agent.put('/api/v1/me/plan/reviews/2026-11-30', { done: 'Rapat' })).statusCode).toBe(200);

    const runs = await t.services.dpo.runRetention();
    const counts = runs.find((r) => r.agencyId === agencyId)?.counts;
    expect(counts).toMatchObject({ check_ins: 1, habit_ticks: 1, time_management: 3 });

    const of = { person: personId };
    expect(
      (await db().selectFrom('check_ins').select('local_date').where('person_id', '=', of.person).execute()).map(
        (r) => r.local_date,
      ),
    ).toEqual([today]);
    expect(
      (await db().selectFrom('habit_ticks').select('day').where('habit_id', '=', habitId).execute()).map((r) => r.day),
    ).toEqual([today]);
    // The habit itself is the person's live plan: it stays.
    expect(await db().selectFrom('habits').select('id').where('id', '=', habitId).execute()).toHaveLength(1);
    expect(
      (await db().selectFrom('plan_tasks').select('id').where('person_id', '=', of.person).execute())
        .map((r) => r.id)
        .sort(),
    ).toEqual([openTask, newTask].sort());
    expect(
      (await db().selectFrom('plan_blocks').select('day').where('person_id', '=', of.person).execute()).map(
        (r) => r.day,
      ),
    ).toEqual([today]);
    expect(
      (await db().selectFrom('plan_reviews').select('week').where('person_id', '=', of.person).execute()).map(
        (r) => r.week,
      ),
    ).toEqual(['2026-11-30']);

    // The DPO sees the new classes, with their bounds and legal basis.
    const dpo = await loginAs(t, 'dpo', { agencyId, unitId });
    const view = (await dpo.agent.get('/api/v1/dpo/retention')).json();
    for (const c of ['check_ins', 'habit_ticks', 'time_management'] as const) {
      expect(view.items.find((i: { dataClass: string }) => i.dataClass === c)).toEqual({
        dataClass: c,
        days: RETENTION_RULES[c].days,
        minDays: RETENTION_RULES[c].minDays,
        maxDays: RETENTION_RULES[c].maxDays,
        isDefault: true,
        legalBasis: 'consent',
      });
    }
    expect(view.runs[0].counts).toMatchObject({ check_ins: 1, habit_ticks: 1, time_management: 3 });
    // Insights look back a year: the DPO cannot set check-ins shorter than that.
    expect((await dpo.agent.put('/api/v1/dpo/retention/check_ins', { days: 365 })).statusCode).toBe(422);
  });

  it('erases appointments that ended past their time, whatever their status, and keeps recent ones and those ahead', async () => {
    // An hour after the run above, so the DPO's list of runs shows this one first.
    t.clock.set(new Date(NOW.getTime() + 60 * 60_000));
    const counsellor = await loginAs(t, 'counsellor', { agencyId, unitId });
    const profile = {
      kind: 'konselor',
      languages: ['id'],
      modes: ['in_person'],
      locations: ['Ruang konseling'],
      introduction: 'Saya mendampingi pegawai.',
      provider: null,
      slotMinutes: 50,
      active: true,
    };
    const saved = await counsellor.agent.put('/api/v1/counsellor/profile', profile);
    expect(saved.statusCode, saved.body).toBe(200);
    const client = await loginAs(t, 'employee', { agencyId, unitId });
    const at = (days: number) => new Date(NOW.getTime() + days * DAY);
    const appointment = (id: string, startsInDays: number, status: string) => ({
      id,
      agency_id: agencyId,
      counsellor_id: counsellor.person.id,
      client_id: client.person.id,
      start_utc: at(startsInDays).toISOString(),
      end_utc: new Date(at(startsInDays).getTime() + 50 * 60_000).toISOString(),
      mode: 'in_person',
      status,
      reason_enc: null,
      reminders: '',
      reminded_day_before_at: null,
      reminded_hour_before_at: null,
      confirmed_at: null,
      cancelled_at: status === 'cancelled' ? at(startsInDays - 1).toISOString() : null,
      cancelled_by: status === 'cancelled' ? 'client' : null,
      cancel_reason_enc: null,
      client_key: id,
      created_at: at(startsInDays - 7).toISOString(),
      updated_at: at(startsInDays - 7).toISOString(),
    });
    const [oldDone, oldCancelled, edge, recent, ahead] = [1, 2, 3, 4, 5].map(() => randomUUID());
    await db()
      .insertInto('appointments')
      .values([
        appointment(oldDone as string, -760, 'completed'),
        appointment(oldCancelled as string, -731, 'cancelled'),
        // Ended a day inside the default 730 days: kept.
        appointment(edge as string, -729, 'completed'),
        appointment(recent as string, -10, 'no_show'),
        appointment(ahead as string, 3, 'booked'),
      ])
      .execute();

    const runs = await t.services.dpo.runRetention();
    expect(runs.find((r) => r.agencyId === agencyId)?.counts).toMatchObject({ appointments: 2 });
    expect(
      (await db().selectFrom('appointments').select('id').where('client_id', '=', client.person.id).execute())
        .map((r) => r.id)
        .sort(),
    ).toEqual([edge, recent, ahead].sort());
    // The counsellor's settings are the agency's service, not on a clock.
    expect(
      await db()
        .selectFrom('counsellor_profiles')
        .select('person_id')
        .where('person_id', '=', counsellor.person.id)
        .execute(),
    ).toHaveLength(1);

    const dpo = await loginAs(t, 'dpo', { agencyId, unitId });
    const view = (await dpo.agent.get('/api/v1/dpo/retention')).json();
    expect(view.items.find((i: { dataClass: string }) => i.dataClass === 'appointments')).toEqual({
      dataClass: 'appointments',
      days: 730,
      minDays: 366,
      maxDays: 1825,
      isDefault: true,
      legalBasis: 'consent',
    });
    expect(view.runs[0].counts).toMatchObject({ appointments: 2 });
    expect((await dpo.agent.put('/api/v1/dpo/retention/appointments', { days: 365 })).statusCode).toBe(422);
    expect((await dpo.agent.put('/api/v1/dpo/retention/appointments', { days: 1826 })).statusCode).toBe(422);
    // Shortened to a year and a day, the next run takes the one of two years ago; ten days ago stays.
    expect((await dpo.agent.put('/api/v1/dpo/retention/appointments', { days: 366 })).statusCode).toBe(200);
    await t.services.dpo.runRetention();
    expect(
      (await db().selectFrom('appointments').select('id').where('client_id', '=', client.person.id).execute())
        .map((r) => r.id)
        .sort(),
    ).toEqual([recent, ahead].sort());
  });
});
