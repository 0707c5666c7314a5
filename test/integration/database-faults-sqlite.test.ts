import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_TEXTS } from '../../src/domain/assessments/consent.js';
import { openDatabase } from '../../src/db/connection.js';
import { PHQ9_MODERATELY_SEVERE, submissionKey } from '../support/assessments.js';
import { fillableDisk, type FillableDisk } from '../support/fillable-disk.js';
import { createLoggedTestApp, type LoggedTestApp } from '../support/logged-app.js';
import { loginAs, type SignedIn } from '../support/test-app.js';

/**
 * SQLite's disk fills up or turns read-only under a running app.
 *
 * The disk is a real 16 MB tmpfs where the machine lets the test mount one (as root); elsewhere
 * — CI runners rarely run tests as root — `PRAGMA max_page_count` on the app's own connection
 * makes the database full: SQLite then fails every write that needs a new page with the same
 * SQLITE_FULL, and the same automatic rollback, as on a full disk (test/support/fillable-disk.ts,
 * docs/decisions/015-database-faults.md). Freeing the filler file, or raising the cap, is "space
 * was freed". SQLite only: vitest.config.ts runs it in the SQLite project.
 */
describe('SQLite: a full or read-only disk', () => {
  let t: LoggedTestApp;
  let me: SignedIn;
  let disk: FillableDisk;
  const acknowledged = new Map<string, string>();

  const submit = (key: string) =>
    me.agent.post('/api/v1/me/assessments', {
      instrumentId: 'phq9',
      answers: PHQ9_MODERATELY_SEVERE,
      submissionKey: key,
      consentVersion: CONSENT_TEXTS.self_assessment,
    });
  const ready = async () => {
    // Past the readiness cache (one second), so the probe runs again.
    t.clock.advance(2_000);
    return t.anonymous().get('/readyz');
  };
  const pragma = async (text: string) =>
    (await sql.raw(`pragma ${text}`).execute(t.database.handle.db)).rows[0] as Record<string, number> | undefined;

  beforeAll(async () => {
    disk = await fillableDisk();
    console.info(`SQLite full-disk test on: ${disk.kind}`);
    t = await createLoggedTestApp(disk.database);
    me = await loginAs(t, 'employee');
  });
  afterAll(async () => t.close());

  it('answers writes on a full database with 507 and Retry-After (never 500), names SQLITE_FULL in the log, turns /readyz 503, and recovers when space is freed', async () => {
    for (let i = 0; i < 3; i++) {
      const key = submissionKey();
      const res = await submit(key);
      expect(res.statusCode).toBe(201);
      acknowledged.set(key, res.json().id as string);
    }
    expect((await ready()).statusCode).toBe(200);

    // The disk is full: not one more page.
    await disk.fill();
    const refusedKeys: string[] = [];
    let refused = 0;
    for (let i = 0; i < 200 && refused < 5; i++) {
      const key = submissionKey();
      const res = await submit(key);
      expect([201, 507], res.body).toContain(res.statusCode);
      if (res.statusCode === 201) {
        acknowledged.set(key, res.json().id as string);
        continue;
      }
      refused++;
      refusedKeys.push(key);
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(30);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(res.json().error).toMatchObject({
        code: 'storage_full',
        message: expect.stringContaining('penuh'),
        requestId: expect.any(String),
      });
    }
    expect(refused).toBe(5);

    // The operator reads the real cause, not "cannot rollback - no transaction is active".
    const causes = t.logLines().filter((l) => l.msg === 'database cannot write');
    expect(causes.length).toBeGreaterThanOrEqual(5);
    expect(causes[0]).toMatchObject({ level: 50, db: { fault: 'storage_full', code: 'SQLITE_FULL' } });
    expect(t.logText()).not.toContain('cannot rollback');
    expect(t.logText()).not.toContain('unhandled error');

    const notReady = await ready();
    expect(notReady.statusCode).toBe(503);
    expect(Number(notReady.headers['retry-after'])).toBeGreaterThanOrEqual(5);
    expect(t.logText()).toContain('readiness: the database cannot take writes');

    // Reads still work and every acknowledged result is there, intact.
    const list = await me.agent.get('/api/v1/me/assessments');
    expect(list.statusCode).toBe(200);
    const listed = new Set((list.json().items as Array<{ id: string }>).map((r) => r.id));
    for (const id of acknowledged.values()) expect(listed.has(id)).toBe(true);
    const integrity = await pragma('integrity_check');
    expect(integrity?.integrity_check).toBe('ok');

    // Space is freed: it recovers by itself, with no restart.
    await disk.free();
    expect((await ready()).statusCode).toBe(200);
    expect(t.logText()).toContain('readiness: the database takes writes again');
    // The refused submission, retried with its key, is stored once; an acknowledged one is replayed.
    const retried = await submit(refusedKeys[0] as string);
    expect(retried.statusCode).toBe(201);
    const again = await submit(refusedKeys[0] as string);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(retried.json().id);
    const [firstKey, firstId] = [...acknowledged][0] as [string, string];
    const replay = await submit(firstKey);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().id).toBe(firstId);

    const rows = await t.services.db.db
      .selectFrom('assessment_results')
      .select(['id', 'submission_key'])
      .where('person_id', '=', me.person.id)
      .execute();
    expect(rows.length).toBe(acknowledged.size + 1);
    for (const [key, id] of acknowledged)
      expect(rows.filter((r) => r.submission_key === key).map((r) => r.id)).toEqual([id]);
    // The refused ones that were never retried left nothing behind.
    for (const key of refusedKeys.slice(1)) expect(rows.some((r) => r.submission_key === key)).toBe(false);
  });

  it('answers writes on a read-only database with 503 and Retry-After, turns /readyz 503, and recovers', async () => {
    await pragma('query_only = 1');
    try {
      const res = await submit(submissionKey());
      expect(res.statusCode).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(5);
      expect(res.json().error.code).toBe('service_unavailable');
      expect(
        t
          .logLines()
          .some((l) => l.msg === 'database cannot write' && (l.db as { code?: string }).code === 'SQLITE_READONLY'),
      ).toBe(true);
      expect((await ready()).statusCode).toBe(503);
      // A write through the generic idempotency store is refused before it claims its key ...
      const profile = await me.agent.patch(
        '/api/v1/profile',
        { locale: 'id' },
        { 'idempotency-key': 'profile-while-read-only' },
      );
      expect(profile.statusCode).toBe(503);
    } finally {
      await pragma('query_only = 0');
    }
    expect((await ready()).statusCode).toBe(200);
    expect((await submit(submissionKey())).statusCode).toBe(201);
    // ... so its retry with the same key runs normally afterwards, instead of "still in progress".
    const retried = await me.agent.patch(
      '/api/v1/profile',
      { locale: 'id' },
      { 'idempotency-key': 'profile-while-read-only' },
    );
    expect(retried.statusCode).toBe(200);
  });

  it('answers a held write lock (SQLITE_BUSY) with 503 and Retry-After', async () => {
    // Another connection (a backup, a second process) holds the write lock longer than the app
    // waits for it; the app's wait is cut from 5 s to 100 ms so the test does not sit out 5 s.
    const file = t.database.handle.description.replace(/^sqlite:/, '');
    const other = openDatabase({ url: `sqlite:${file}` });
    await sql`pragma busy_timeout = 0`.execute(other.db);
    await sql.raw('begin immediate').execute(other.db);
    try {
      await sql`pragma busy_timeout = 100`.execute(t.database.handle.db);
      const res = await submit(submissionKey());
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(
        t
          .logLines()
          .some((l) => l.msg === 'database unavailable' && (l.db as { code?: string }).code === 'SQLITE_BUSY'),
      ).toBe(true);
    } finally {
      await sql.raw('rollback').execute(other.db);
      await other.close();
      await sql`pragma busy_timeout = 5000`.execute(t.database.handle.db);
    }
    expect((await submit(submissionKey())).statusCode).toBe(201);
  });
});

describe('SQLite transactions', () => {
  it('surface the original error when SQLite has already rolled back (SQLITE_FULL), not "cannot rollback"', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teduh-full-'));
    const handle = openDatabase({ url: `sqlite:${path.join(dir, 'full.sqlite')}` });
    try {
      await sql`create table filler (v text)`.execute(handle.db);
      const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(handle.db)).rows[0]
        ?.page_count as number;
      await sql.raw(`pragma max_page_count = ${pages}`).execute(handle.db);
      const attempt = handle.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 50; i++) await sql`insert into filler (v) values (${'x'.repeat(3000)})`.execute(trx);
      });
      await expect(attempt).rejects.toMatchObject({ code: 'SQLITE_FULL' });
      // The connection is usable afterwards: no transaction was left open.
      await sql.raw('pragma max_page_count = 1073741823').execute(handle.db);
      await handle.db.transaction().execute(async (trx) => sql`insert into filler (v) values ('ok')`.execute(trx));
      const count = await sql<{ n: number }>`select count(*) as n from filler`.execute(handle.db);
      expect(count.rows[0]?.n).toBe(1);
    } finally {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
