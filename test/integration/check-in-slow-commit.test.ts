import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connection.js';
import { checkInDay } from '../support/check-ins.js';
import { createTestAppWithAgency, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/**
 * A commit that is slow — here a row lock another connection holds — must not hold up other
 * people's check-ins on PostgreSQL, and must not let a second write of the same day overtake it
 * (docs/decisions/055-overdue-second-batch.md). SQLite commits one batch at a time with one writer,
 * so there only the order is checked.
 */
describe.skipIf(postgresSkipReason())('check-in submit beside a slow commit', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;
  const URL_ = '/api/v1/me/check-ins';
  const TODAY = '2026-11-23';
  const body = (mood: number) => checkInDay({ localDate: TODAY, mood });
  const db = () => t.services.db.db;
  const submit = (p: SignedIn, mood: number) =>
    p.agent.post(URL_, body(mood), { 'idempotency-key': `slow-${crypto.randomUUID()}` });
  const storedDay = (personId: string) =>
    db()
      .selectFrom('check_ins')
      .select(['mood', 'version'])
      .where('person_id', '=', personId)
      .where('local_date', '=', TODAY)
      .executeTakeFirstOrThrow();
  /** Backends of this database waiting for a lock (PostgreSQL only). */
  const lockWaiters = async () => {
    const { rows } = await sql<{
      n: number;
    }>`select cast(count(*) as integer) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(
      db(),
    );
    return Number(rows[0]?.n ?? 0);
  };
  const until = async (condition: () => Promise<boolean>) => {
    for (let i = 0; i < 200; i++) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('condition not reached in 2 s');
  };

  beforeAll(async () => {
    ({ t, agencyId, unitId } = await createTestAppWithAgency());
  });
  afterAll(async () => t.close());

  it('answers another person while one day waits, and keeps that day’s two writes in order', async () => {
    const [ana, budi] = await Promise.all([
      loginAs(t, 'employee', { agencyId, unitId }),
      loginAs(t, 'employee', { agencyId, unitId }),
    ]);
    if (!ana || !budi) throw new Error('two people expected');
    expect((await submit(ana, 1)).statusCode).toBe(201);

    if (t.services.db.kind !== 'postgres') {
      // One writer: the writes go one batch after another, the later one last.
      const [first, second] = [await submit(ana, 2), await submit(ana, 3)];
      expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
      expect((await submit(budi, 4)).statusCode).toBe(201);
      expect(await storedDay(ana.person.id)).toEqual({ mood: 3, version: 3 });
      return;
    }

    // Another connection holds Ana's row: the batch with her next write waits for it.
    const other: DatabaseHandle = t.database.connectAgain();
    try {
      await sql`begin`.execute(other.db);
      await sql`select id from check_ins where person_id = ${ana.person.id} and local_date = ${TODAY} for update`.execute(
        other.db,
      );
      let anaAnswered = 0;
      const anaFirst = submit(ana, 2).then((res) => {
        anaAnswered += 1;
        return res;
      });
      await until(async () => (await lockWaiters()) === 1);

      // Budi's write goes in a second batch beside the slow one, and is answered meanwhile.
      const budiRes = await Promise.race([
        submit(budi, 4),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('Budi waited for Ana’s slow commit')), 2_000),
        ),
      ]);
      expect(budiRes.statusCode, budiRes.body).toBe(201);
      expect(await storedDay(budi.person.id)).toEqual({ mood: 4, version: 1 });
      expect(anaAnswered).toBe(0);

      // Ana's second write of the same day waits for the batch that holds her first: it is not
      // sent beside it (a second lock waiter), so it cannot be stored before it.
      const anaSecond = submit(ana, 3).then((res) => {
        anaAnswered += 1;
        return res;
      });
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(await lockWaiters()).toBe(1);
      expect(anaAnswered).toBe(0);

      await sql`commit`.execute(other.db);
      const [first, second] = await Promise.all([anaFirst, anaSecond]);
      expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
      expect([first.json().version, second.json().version]).toEqual([2, 3]);
      expect(await storedDay(ana.person.id)).toEqual({ mood: 3, version: 3 });
    } finally {
      await sql`rollback`.execute(other.db).catch(() => undefined);
      await other.close();
    }
  });
});
