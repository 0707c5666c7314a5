import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connection.js';
import { checkInDay } from '../support/check-ins.js';
import { createTestAppWithAgency, loginAs, type SignedIn, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/**
 * A group commit that fails on a database fault (docs/decisions/033-group-commit.md, 037):
 * every submit of the batch that could not be stored is answered 503 with Retry-After — never a
 * 500, never the process — and its retry with the same key is stored once.
 */
describe.skipIf(postgresSkipReason())('check-in submit when the database fails under a batch', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;
  let people: SignedIn[];
  const URL_ = '/api/v1/me/check-ins';
  const TODAY = '2026-11-23';
  const body = (mood: number) => checkInDay({ localDate: TODAY, mood, note: 'Catatan pribadi', tags: ['rapat'] });
  const db = () => t.services.db.db;
  const stored = (personId: string) =>
    db().selectFrom('check_ins').select(['mood', 'client_key']).where('person_id', '=', personId).execute();

  beforeAll(async () => {
    ({ t, agencyId, unitId } = await createTestAppWithAgency());
    people = await Promise.all(Array.from({ length: 6 }, () => loginAs(t, 'employee', { agencyId, unitId })));
  });
  afterAll(async () => t.close());

  /** Every person submits at once (one batch, or one per lane), each with their own key. */
  const submitAll = (keys: string[], moods: number[]) =>
    Promise.all(
      people.map((p, i) => p.agent.post(URL_, body(moods[i] as number), { 'idempotency-key': keys[i] as string })),
    );

  const expectUnavailable = (res: Awaited<ReturnType<SignedIn['agent']['post']>>) => {
    expect(res.statusCode, res.body).toBe(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.json().error.code).toBe('service_unavailable');
  };

  it('answers 503 with Retry-After to the submits the database refused, stores the rest, and stores each retry once', async () => {
    const keys = people.map(() => `fault-${crypto.randomUUID()}`);
    const moods = [1, 2, 5, 3, 5, 4];
    const handle = t.services.db;
    let failing: boolean[];
    let release: () => Promise<void>;
    if (handle.kind === 'postgres') {
      // A row the database refuses with a fault (here: a deadlock) — mood 5 only, so the batch
      // holds good rows and failing ones.
      await sql`create function teduh_test_refuse() returns trigger language plpgsql as $$
        begin
          if new.mood = 5 then raise exception 'refused by the test' using errcode = '40P01'; end if;
          return new;
        end $$`.execute(db());
      await sql`create trigger teduh_test_refuse before insert or update on check_ins for each row execute function teduh_test_refuse()`.execute(
        db(),
      );
      failing = moods.map((m) => m === 5);
      release = async () => {
        await sql`drop trigger teduh_test_refuse on check_ins`.execute(db());
        await sql`drop function teduh_test_refuse()`.execute(db());
      };
    } else {
      // Another writer holds SQLite's write lock: every write of the batch meets SQLITE_BUSY
      // (after a short wait here, instead of the app's five seconds).
      const other: DatabaseHandle = t.database.connectAgain();
      await sql`pragma busy_timeout = 50`.execute(db());
      await sql`begin immediate`.execute(other.db);
      failing = moods.map(() => true);
      release = async () => {
        await sql`rollback`.execute(other.db);
        await other.close();
        await sql`pragma busy_timeout = 5000`.execute(db());
      };
    }
    let first: Awaited<ReturnType<typeof submitAll>>;
    try {
      first = await submitAll(keys, moods);
    } finally {
      await release();
    }
    for (const [i, res] of first.entries()) {
      const p = people[i] as SignedIn;
      if (failing[i]) {
        expectUnavailable(res);
        expect(await stored(p.person.id)).toHaveLength(0);
      } else {
        expect(res.statusCode, res.body).toBe(201);
        expect(await stored(p.person.id)).toEqual([{ mood: moods[i], client_key: keys[i] }]);
      }
    }

    // The client retries every submit with its key: the refused ones are stored now, the stored
    // ones are answered as they are (a replay), and nobody has two rows.
    const retried = await submitAll(keys, moods);
    for (const [i, res] of retried.entries()) {
      const p = people[i] as SignedIn;
      expect(res.statusCode, res.body).toBe(failing[i] ? 201 : 200);
      if (!failing[i]) expect(res.headers['idempotent-replayed']).toBe('true');
      expect(await stored(p.person.id)).toEqual([{ mood: moods[i], client_key: keys[i] }]);
    }
  });
});
