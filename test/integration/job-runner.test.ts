import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/server/modules/jobs/job-runner.js';
import { enqueueJob } from '../../src/server/modules/jobs/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { postgresSkipReason } from '../support/test-database.js';

/**
 * Long jobs (a large survey's results take minutes) run in a lane of their own: the jobs due
 * beside them — a crisis notification among them — do not wait for them to end.
 */
describe.skipIf(postgresSkipReason())('the job runner with a long job', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('runs the other due jobs while a long one is still working, then finishes the long one', async () => {
    const db = t.services.db.db;
    const runner = new JobRunner(db, t.services.db.kind, t.clock, t.app.log);
    const order: string[] = [];
    let finish: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (finish = resolve));
    runner.register(
      'test.long',
      async () => {
        order.push('long started');
        await held;
        order.push('long ended');
      },
      { long: true },
    );
    runner.register('test.quick', async () => void order.push('quick'));
    const now = t.clock.now();
    // The long one is due first, so before this change it would have held the quick one back.
    await enqueueJob(db, { kind: 'test.long', payload: null, runAt: new Date(now.getTime() - 1_000) }, now);
    await enqueueJob(db, { kind: 'test.quick', payload: null }, now);

    expect(await runner.tick()).toBe(2);
    // The quick one is done while the long one is still working (which of the two began first
    // does not matter: the long one starts in its own lane).
    expect([...order].sort()).toEqual(['long started', 'quick']);
    const states = async () =>
      Object.fromEntries(
        (
          await db
            .selectFrom('jobs')
            .select(['kind', 'completed_at', 'locked_by'])
            .where('kind', 'like', 'test.%')
            .execute()
        ).map((j) => [j.kind, j.completed_at === null ? (j.locked_by === null ? 'free' : 'held') : 'done']),
      );
    expect(await states()).toEqual({ 'test.long': 'held', 'test.quick': 'done' });
    // Still leased while it works: another tick does not take it again.
    expect(await runner.tick()).toBe(0);

    finish();
    await runner.settled();
    expect(order.at(-1)).toBe('long ended');
    expect(await states()).toEqual({ 'test.long': 'done', 'test.quick': 'done' });
  });

  it('stops only after the long job in hand has ended (graceful shutdown)', async () => {
    const db = t.services.db.db;
    const runner = new JobRunner(db, t.services.db.kind, t.clock, t.app.log);
    let ended = false;
    runner.register(
      'test.long-stop',
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        ended = true;
      },
      { long: true },
    );
    await enqueueJob(db, { kind: 'test.long-stop', payload: null }, t.clock.now());
    await runner.tick();
    expect(ended).toBe(false);
    await runner.stop();
    expect(ended).toBe(true);
  });
});
