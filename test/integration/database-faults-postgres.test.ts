import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CONSENT_TEXTS } from '../../src/domain/assessments/consent.js';
import { PHQ9_MODERATELY_SEVERE, submissionKey } from '../support/assessments.js';
import { createLoggedTestApp, type LoggedTestApp } from '../support/logged-app.js';
import { loginAs, type SignedIn } from '../support/test-app.js';

/**
 * PostgreSQL turns read-only (a failover left us on a hot standby, or an operator set
 * default_transaction_read_only) and drops connections under a running app
 * (docs/decisions/015-database-faults.md). PostgreSQL only: vitest.config.ts runs it in the PostgreSQL project.
 */
describe('PostgreSQL: read-only and dropped connections', () => {
  let t: LoggedTestApp;
  let me: SignedIn;
  let admin: pg.Client;
  let dbName: string;

  const submit = (key = submissionKey()) =>
    me.agent.post('/api/v1/me/assessments', {
      instrumentId: 'phq9',
      answers: PHQ9_MODERATELY_SEVERE,
      submissionKey: key,
      consentVersion: CONSENT_TEXTS.self_assessment,
    });
  const ready = async () => {
    t.clock.advance(2_000);
    return t.anonymous().get('/readyz');
  };
  /**
   * Ends every connection the app holds to its database, as a restart or a network cut would, and
   * gives the pool a moment to hear of it (a request that takes a dead idle connection before
   * then gets a 503 too, which the next test shows; here the cause after the drop is wanted).
   */
  const dropAppConnections = async () => {
    await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [dbName],
    );
    await new Promise((r) => setTimeout(r, 100));
  };

  beforeAll(async () => {
    t = await createLoggedTestApp();
    me = await loginAs(t, 'employee');
    dbName = new URL(t.database.handle.description).pathname.slice(1);
    admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`alter database ${dbName} reset default_transaction_read_only`);
    await admin.end();
    await t.close();
  });

  it('answers writes on a read-only database with 503 and Retry-After, turns /readyz 503, and recovers', async () => {
    expect((await submit()).statusCode).toBe(201);
    await admin.query(`alter database ${dbName} set default_transaction_read_only = on`);
    try {
      await dropAppConnections();

      const res = await submit();
      expect(res.statusCode).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(5);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(10);
      expect(res.json().error.code).toBe('service_unavailable');
      // The operator reads the cause: SQLSTATE 25006, read_only_sql_transaction.
      expect(
        t.logLines().some((l) => l.msg === 'database cannot write' && (l.db as { code?: string }).code === '25006'),
      ).toBe(true);
      // A write through the generic idempotency store is refused before it claims its key ...
      const profile = await me.agent.patch(
        '/api/v1/profile',
        { locale: 'id' },
        { 'idempotency-key': 'profile-while-read-only' },
      );
      expect(profile.statusCode).toBe(503);
      // Reads still work; only readiness (can a write succeed?) says no.
      expect((await me.agent.get('/api/v1/me/assessments')).statusCode).toBe(200);
      expect((await ready()).statusCode).toBe(503);
      expect((await t.anonymous().get('/healthz')).statusCode).toBe(200);
    } finally {
      await admin.query(`alter database ${dbName} reset default_transaction_read_only`);
    }
    await dropAppConnections();
    expect((await ready()).statusCode).toBe(200);
    expect((await submit()).statusCode).toBe(201);
    // ... so its retry with the same key runs normally afterwards, instead of "still in progress".
    const retried = await me.agent.patch(
      '/api/v1/profile',
      { locale: 'id' },
      { 'idempotency-key': 'profile-while-read-only' },
    );
    expect(retried.statusCode).toBe(200);
  });

  it('answers a request whose connection is killed mid-query with 503, and the process lives on', async () => {
    // Hold a lock the submission needs, so its query is waiting on the server when the server
    // ends its connection: the case that crashed the process ("Unhandled 'error' event …
    // Connection terminated unexpectedly" on a checked-out client).
    const holder = new pg.Client({ connectionString: inject('postgresAdminUrl').replace(/\/[^/]*$/, `/${dbName}`) });
    await holder.connect();
    await holder.query('begin');
    await holder.query('lock table assessment_results in access exclusive mode');
    const key = submissionKey();
    const pending = submit(key);
    try {
      // Wait until the app's query is blocked on the lock.
      for (let i = 0; i < 100; i++) {
        const waiting = await admin.query(
          "select count(*)::int as n from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'",
          [dbName],
        );
        if ((waiting.rows[0] as { n: number }).n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'",
        [dbName],
      );
      const res = await pending;
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toMatch(/^([5-9]|10)$/);
      expect(
        t.logLines().some((l) => l.msg === 'database unavailable' && (l.db as { code?: string }).code === '57P01'),
      ).toBe(true);
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
    // Give the dropped client's late 'error' event its turn: with no listener it would kill us here.
    await new Promise((r) => setTimeout(r, 100));
    // The same submission, retried, is stored once.
    const retried = await submit(key);
    expect(retried.statusCode).toBe(201);
    expect((await submit(key)).statusCode).toBe(200);
    const rows = await t.services.db.db
      .selectFrom('assessment_results')
      .select('id')
      .where('submission_key', '=', key)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('survives every pooled connection being dropped at once, idle or busy, and serves the next request', async () => {
    const inFlight = Array.from({ length: 5 }, () => submit());
    await new Promise((r) => setTimeout(r, 5));
    await dropAppConnections();
    const answers = await Promise.all(inFlight);
    for (const res of answers) expect([201, 503]).toContain(res.statusCode);
    await new Promise((r) => setTimeout(r, 100));
    expect((await submit()).statusCode).toBe(201);
    expect((await ready()).statusCode).toBe(200);
    expect(t.logText()).not.toContain('unhandled error');
  });

  it('answers /readyz within about 2 s when the probe write hangs, starts no second write meanwhile, and recovers', async () => {
    const holder = new pg.Client({ connectionString: inject('postgresAdminUrl').replace(/\/[^/]*$/, `/${dbName}`) });
    await holder.connect();
    await holder.query('begin');
    await holder.query('lock table instance_state in access exclusive mode');
    try {
      const started = Date.now();
      const res = await ready();
      expect(res.statusCode).toBe(503);
      expect(Date.now() - started).toBeLessThan(3_000);
      // While that write still waits, later probes answer at once and add no second waiting write.
      const again = await ready();
      expect(again.statusCode).toBe(503);
      const waiting = await admin.query(
        "select count(*)::int as n from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'",
        [dbName],
      );
      expect((waiting.rows[0] as { n: number }).n).toBe(1);
      expect(
        t
          .logLines()
          .some(
            (l) =>
              l.msg === 'readiness: the database cannot take writes' &&
              (l.db as { fault?: string }).fault === 'timeout',
          ),
      ).toBe(true);
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
    // The waiting write finishes once the lock is gone; the next probe is fresh.
    await new Promise((r) => setTimeout(r, 100));
    expect((await ready()).statusCode).toBe(200);
  });
});
