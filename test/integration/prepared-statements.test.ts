import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInDay } from '../support/check-ins.js';
import { createTestAppWithAgency, loginAs, type TestApp } from '../support/test-app.js';
import { postgresSkipReason, TEST_DB_KIND } from '../support/test-database.js';

/**
 * On PostgreSQL the session lookup and the check-in upsert run as named prepared statements on
 * each pool connection (docs/decisions/046-check-in-submit-cpu.md). They must keep working when
 * another instance's migration adds a column to their tables while this one runs.
 */
describe.skipIf(postgresSkipReason() || TEST_DB_KIND !== 'postgres')('hot statements prepared by name', () => {
  let t: TestApp;
  let agencyId: string;
  let unitId: string;
  beforeAll(async () => {
    ({ t, agencyId, unitId } = await createTestAppWithAgency());
  });
  afterAll(() => t.close());

  const day = (mood: number) => checkInDay({ mood, activityMinutes: 10 });

  it('are prepared once per connection and survive a column added to their tables', async () => {
    const people = await Promise.all(Array.from({ length: 4 }, () => loginAs(t, 'employee', { agencyId, unitId })));
    // Every connection of the pool gets to prepare the statements (several rounds, several at once).
    for (let round = 1; round <= 3; round++) {
      const answers = await Promise.all(
        people.map(({ agent }, i) =>
          agent.post('/api/v1/me/check-ins', day(round), { 'idempotency-key': `prep-${round}-${i}-0000` }),
        ),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(people.map(() => (round === 1 ? 201 : 200)));
    }
    const db = t.services.db.db;
    await sql`alter table check_ins add column later_column text`.execute(db);
    await sql`alter table sessions add column later_column text`.execute(db);
    await sql`alter table people add column later_column text`.execute(db);
    try {
      const answers = await Promise.all(
        people.map(({ agent }, i) =>
          agent.post('/api/v1/me/check-ins', day(5), { 'idempotency-key': `prep-after-${i}-0000` }),
        ),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(people.map(() => 200));
      expect(answers.map((a) => (a.json() as { mood: number; version: number }).version)).toEqual(people.map(() => 4));
    } finally {
      await sql`alter table check_ins drop column later_column`.execute(db);
      await sql`alter table sessions drop column later_column`.execute(db);
      await sql`alter table people drop column later_column`.execute(db);
    }
  });
});
