import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { CONSENT_TEXTS } from '../../src/domain/assessments/consent.js';
import { KeyRing } from '../../src/server/crypto.js';
import { PHQ9_MODERATELY_SEVERE } from '../support/assessments.js';
import { createAgency, createPerson, type TestPerson } from '../support/factories.js';
import { startCluster, type Cluster } from '../support/postgres-cluster.js';

/**
 * The fault harness of docs/decisions/015-database-faults.md: a real server process on its own
 * throw-away PostgreSQL cluster (so restarting it disturbs no other test file), a steady stream
 * of idempotent submissions, and `pg_ctl restart -m fast`, then `-m immediate`, in the middle of
 * it. The cluster keeps PostgreSQL's durable defaults (fsync, synchronous_commit=on), as in
 * production: with synchronous_commit=off an immediate shutdown may lose a commit the server had
 * already acknowledged, which is a setting, not a fault of the app. PostgreSQL project only
 * (vitest.config.ts).
 */

const REQUEST_LIMIT_MS = 5_000;
const WORKERS = 6;

interface Attempt {
  key: string;
  startedAt: number;
  ms: number;
  status: number | 'no-answer';
  retryAfter: string | null;
  error?: string;
}

describe('a PostgreSQL restart under load', { timeout: 120_000 }, () => {
  let cluster: Cluster;
  let dir: string;
  let child: ChildProcess;
  let output = '';
  let base = '';
  let person: TestPerson;
  let cookie = '';
  let csrf = '';

  beforeAll(async () => {
    cluster = await startCluster({ durable: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teduh-restart-'));
    const secret = crypto.randomBytes(32).toString('hex');
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        DATABASE_URL: cluster.url,
        TEDUH_SECRET: secret,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dir,
        NODE_ENV: 'production',
        PUBLIC_URL: 'http://127.0.0.1',
        LOG_LEVEL: 'warn',
        // The job runner polls the same database, as in production: it must survive the restarts too.
        JOBS_ENABLED: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    // Warnings only (each 503 logs one), so the log of thousands of requests stays short.
    const deadline = Date.now() + 60_000;
    while (!base && Date.now() < deadline && child.exitCode === null) {
      const up = await fetch(`http://127.0.0.1:${port}/healthz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (up) base = `http://127.0.0.1:${port}`;
      else await new Promise((r) => setTimeout(r, 100));
    }
    if (!base) throw new Error(`server did not start:\n${output}`);

    // The person who submits: made directly in the database the server migrated.
    const handle = openDatabase({ url: cluster.url, poolSize: 2 });
    const { agencyId, rootUnitId } = await createAgency(handle.db);
    person = await createPerson(handle.db, new KeyRing(Buffer.from(secret)), { agencyId, unitId: rootUnitId });
    await handle.close();
    const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: person.email, password: person.password }),
    });
    expect(signIn.status).toBe(200);
    cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const session = await fetch(`${base}/api/v1/auth/session`, { headers: { cookie } });
    csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
  }, 90_000);

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    cluster?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stays up, answers every request within 5 s (2xx, or 503 with Retry-After), loses no acknowledged write, stores no duplicate, and recovers by itself', async () => {
    const attempts: Attempt[] = [];
    /** Acknowledged submissions: key → result id from the 2xx answer. */
    const acknowledged = new Map<string, string>();
    let stop = false;

    const send = async (key: string): Promise<Attempt> => {
      const startedAt = Date.now();
      try {
        const res = await fetch(`${base}/api/v1/me/assessments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
          body: JSON.stringify({
            instrumentId: 'phq9',
            answers: PHQ9_MODERATELY_SEVERE,
            submissionKey: key,
            consentVersion: CONSENT_TEXTS.self_assessment,
          }),
          signal: AbortSignal.timeout(REQUEST_LIMIT_MS + 2_000),
        });
        const text = await res.text();
        const attempt: Attempt = {
          key,
          startedAt,
          ms: Date.now() - startedAt,
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
        };
        if (res.status === 200 || res.status === 201) {
          const id = (JSON.parse(text) as { id: string }).id;
          const before = acknowledged.get(key);
          // A retry of an acknowledged key must answer with the same result.
          if (before && before !== id) attempt.error = `key ${key} acknowledged as ${before} and then as ${id}`;
          acknowledged.set(key, id);
        } else if (res.status !== 503) {
          attempt.error = text.slice(0, 300);
        }
        attempts.push(attempt);
        return attempt;
      } catch (err) {
        const attempt: Attempt = {
          key,
          startedAt,
          ms: Date.now() - startedAt,
          status: 'no-answer',
          retryAfter: null,
          error: (err as Error).message,
        };
        attempts.push(attempt);
        return attempt;
      }
    };

    /** A client that submits one form after another and retries each with its key until it is acknowledged. */
    const worker = async () => {
      while (!stop) {
        const key = `h-${crypto.randomUUID()}`;
        for (;;) {
          const attempt = await send(key);
          if (attempt.status === 200 || attempt.status === 201) break;
          // A real client waits Retry-After; this one retries sooner, to press the server harder.
          await new Promise((r) => setTimeout(r, 150));
        }
        // Now and then the answer "got lost" and the client sends the same form again.
        if (Math.random() < 0.2) await send(key);
      }
    };

    const firstSuccessAfter = async (since: number, limitMs: number): Promise<number> => {
      const deadline = since + limitMs;
      while (Date.now() < deadline) {
        if (child.exitCode !== null)
          throw new Error(`the server process died (exit ${child.exitCode}):\n${output.slice(-2_000)}`);
        const ok = attempts.find((a) => a.startedAt >= since && (a.status === 200 || a.status === 201));
        if (ok) return ok.startedAt + ok.ms - since;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(
        `no acknowledged submission within ${limitMs} ms of the restart (pg_ctl -w had returned: the database was up)`,
      );
    };

    // A load balancer polls readiness all along: it must always get an answer, and quickly.
    const readiness: Array<{ status: number | 'no-answer'; ms: number }> = [];
    const poller = (async () => {
      while (!stop) {
        const startedAt = Date.now();
        const status = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(REQUEST_LIMIT_MS + 2_000) })
          .then((r) => r.status)
          .catch(() => 'no-answer' as const);
        readiness.push({ status, ms: Date.now() - startedAt });
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const workers = Array.from({ length: WORKERS }, () => worker());
    await new Promise((r) => setTimeout(r, 1_500));
    const recovery: Record<string, number> = {};
    const refusedDuring: Record<string, number> = {};
    for (const mode of ['fast', 'immediate'] as const) {
      const before = attempts.length;
      await cluster.restart(mode);
      const restartedAt = Date.now();
      recovery[mode] = await firstSuccessAfter(restartedAt, 15_000);
      await new Promise((r) => setTimeout(r, 1_000));
      refusedDuring[mode] = attempts.slice(before).filter((a) => a.status === 503).length;
    }
    stop = true;
    await Promise.all([...workers, poller]);

    // The process is still the one we started.
    expect(child.exitCode).toBeNull();
    expect(output).not.toMatch(/Unhandled 'error' event|uncaughtException|Teduh could not start/);
    // Both restarts were felt (otherwise this test proves nothing) ...
    expect(refusedDuring.fast, JSON.stringify(refusedDuring)).toBeGreaterThan(0);
    expect(refusedDuring.immediate, JSON.stringify(refusedDuring)).toBeGreaterThan(0);
    // ... every request got an answer, in time: 2xx, or 503 with a Retry-After.
    const problems = attempts.filter((a) => a.error !== undefined);
    expect(problems, JSON.stringify(problems.slice(0, 5))).toEqual([]);
    const slowest = Math.max(...attempts.map((a) => a.ms));
    expect(slowest).toBeLessThanOrEqual(REQUEST_LIMIT_MS);
    for (const a of attempts.filter((x) => x.status === 503)) expect(a.retryAfter).toMatch(/^\d+$/);
    // It recovered by itself, quickly.
    expect(recovery.fast).toBeLessThan(10_000);
    expect(recovery.immediate).toBeLessThan(10_000);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    for (const probe of readiness) {
      expect([200, 503]).toContain(probe.status);
      expect(probe.ms).toBeLessThanOrEqual(REQUEST_LIMIT_MS);
    }

    // 0 acknowledged writes lost, 0 duplicates.
    const db = new pg.Client({ connectionString: cluster.url });
    await db.connect();
    try {
      const rows = (
        await db.query<{ id: string; submission_key: string }>(
          'select id, submission_key from assessment_results where person_id = $1',
          [person.id],
        )
      ).rows;
      const byKey = new Map<string, string[]>();
      for (const r of rows) byKey.set(r.submission_key, [...(byKey.get(r.submission_key) ?? []), r.id]);
      for (const [key, id] of acknowledged) expect(byKey.get(key), `acknowledged ${key}`).toEqual([id]);
      expect(rows.length).toBe(acknowledged.size);
      expect(acknowledged.size).toBeGreaterThan(50);
    } finally {
      await db.end();
    }
    console.info(
      `restart harness: ${attempts.length} requests, ${acknowledged.size} acknowledged, 503s ${JSON.stringify(refusedDuring)}, ` +
        `slowest ${slowest} ms, recovery ${JSON.stringify(recovery)} ms, /readyz ${readiness.length} probes (${readiness.filter((p) => p.status === 503).length} × 503)`,
    );

    // And it still stops cleanly.
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
