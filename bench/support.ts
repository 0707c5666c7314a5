/**
 * Shared pieces of the benchmarks in bench/: a database of each kind (a temporary SQLite file; a
 * PostgreSQL database on DATABASE_URL or on a throw-away local cluster), the whole HTTP app on it
 * with a clock the script controls, a query recorder (how many statements an operation runs, and
 * their plans), bulk inserts and medians. Not used by the app or the tests.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent } from 'kysely';
import pg from 'pg';
import { preparedStatements, type DatabaseHandle } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Database } from '../src/db/schema.js';
import { buildApp, type BuiltApp } from '../src/server/app.js';
import type { ManualClock } from '../src/server/clock.js';
import { loadConfig } from '../src/server/config.js';
import { newId } from '../src/server/crypto.js';
import { searchTextOf } from '../src/server/modules/org/people.repository.js';
import { createAgency, createPerson } from '../test/support/factories.js';
import { postgresUnavailableReason, startCluster } from '../test/support/postgres-cluster.js';
import { Agent } from '../test/support/test-app.js';

export { Agent };

/* ------------------------------------------------------------------ timing */

export async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export const ms = (value: number) =>
  value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;

/** Runs `fn` `n` times and answers the median time and the last value. */
export async function medianOf<T>(
  n: number,
  fn: () => Promise<T>,
): Promise<{ median: number; value: T; all: number[] }> {
  const all: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < n; i++) {
    const [v, t] = await time(fn);
    all.push(t);
    value = v;
  }
  return { median: median(all), value: value as T, all };
}

/* ---------------------------------------------------------- query recorder */

export interface RecordedQuery {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}

/** Collects the statements run while it is on (Kysely's `log` hook). */
export class QueryRecorder {
  private on = false;
  private list: RecordedQuery[] = [];

  readonly hook = (event: LogEvent) => {
    if (this.on && event.level === 'query')
      this.list.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
  };

  async record<T>(fn: () => Promise<T>): Promise<{ value: T; queries: RecordedQuery[] }> {
    this.list = [];
    this.on = true;
    try {
      return { value: await fn(), queries: this.list };
    } finally {
      this.on = false;
    }
  }
}

/* --------------------------------------------------------------- databases */

export interface BenchDatabase {
  label: string;
  handle: DatabaseHandle;
  recorder: QueryRecorder;
}

/**
 * Brings the database to the same quiet state before each measured run, as pgbench vacuums
 * before its runs: on PostgreSQL a CHECKPOINT and a VACUUM (ANALYZE), on SQLite a WAL checkpoint.
 * Without it a run at a set rate could meet the checkpoint or autovacuum left due by the full-speed
 * runs before it (hundreds of thousands of rows written), whichever side of the pair it was, and
 * its p99 would be that maintenance, not the route (docs/benchmarks.md, check-in submit).
 */
export async function settle(bench: BenchDatabase): Promise<void> {
  if (bench.handle.kind === 'postgres') {
    await sql`checkpoint`.execute(bench.handle.db);
    await sql`vacuum (analyze)`.execute(bench.handle.db);
  } else {
    await sql`pragma wal_checkpoint(truncate)`.execute(bench.handle.db);
  }
}

/** A SQLite file as connection.ts opens it (WAL, synchronous=FULL), with the recorder attached. */
function openSqlite(file: string, recorder: QueryRecorder): DatabaseHandle {
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log: recorder.hook });
  return { kind: 'sqlite', db, description: `sqlite:${file}`, close: () => db.destroy() };
}

/** A PostgreSQL pool as connection.ts opens it, with the recorder attached. */
function openPostgres(url: string, recorder: QueryRecorder): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 30_000,
  });
  pool.on('error', () => undefined);
  pool.on('connect', preparedStatements);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: recorder.hook });
  return { kind: 'postgres', db, description: 'postgres', close: () => db.destroy() };
}

export async function withSqlite(fn: (db: BenchDatabase) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teduh-bench-'));
  const recorder = new QueryRecorder();
  const handle = openSqlite(path.join(dir, 'bench.sqlite'), recorder);
  try {
    await migrateToLatest(handle);
    await fn({ label: 'SQLite', handle, recorder });
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh database on the server of `adminUrl`, dropped afterwards. */
export async function withPostgres(adminUrl: string, fn: (db: BenchDatabase) => Promise<void>): Promise<void> {
  const name = `teduh_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  const recorder = new QueryRecorder();
  const handle = openPostgres(target.toString(), recorder);
  try {
    await migrateToLatest(handle);
    await fn({ label: 'PostgreSQL', handle, recorder });
  } finally {
    await handle.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

export interface PostgresServer {
  url: string;
  description: string;
  stop(): void;
}

/**
 * DATABASE_URL when it is a postgres:// URL; otherwise a throw-away local cluster (as the
 * integration tests start one, test/support/postgres-cluster.ts) but with PostgreSQL's default,
 * durable settings (fsync and synchronous_commit on), so the figures compare with production.
 * Null when neither is possible (with the reason printed).
 */
export async function postgresServer(): Promise<PostgresServer | null> {
  const url = process.env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return { url, description: 'DATABASE_URL', stop: () => undefined };
  const reason = postgresUnavailableReason();
  if (reason) {
    console.log(`\nPostgreSQL: skipped (${reason}; or set DATABASE_URL=postgres://…)`);
    return null;
  }
  const cluster = await startCluster({ durable: true });
  return {
    url: cluster.url,
    description: `throw-away cluster, ${cluster.version}, default settings`,
    stop: () => cluster.stop(),
  };
}

/**
 * Runs a benchmark on SQLite (unless `--pg-only`), then (unless `--sqlite-only`) on PostgreSQL, after printing its
 * header with the machine's facts. Exits 1 on an error, so a broken benchmark is not a silent one.
 */
export function runBenchmark(
  header: string,
  bench: (label: string, withDatabase: (fn: (db: BenchDatabase) => Promise<void>) => Promise<void>) => Promise<void>,
): void {
  const run = async () => {
    console.log(`${header}; ${os.cpus().length} CPU(s), Node ${process.version}, SQLite ${sqliteVersion()}`);
    if (!process.argv.includes('--pg-only')) await bench('SQLite (WAL, synchronous=FULL, temporary file)', withSqlite);
    if (process.argv.includes('--sqlite-only')) return;
    const server = await postgresServer();
    if (!server) return;
    try {
      await bench(`PostgreSQL (${server.description})`, (fn) => withPostgres(server.url, fn));
    } finally {
      server.stop();
    }
  };
  run().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

/** The SQLite library version better-sqlite3 was built with. */
export function sqliteVersion(): string {
  const db = new SqliteDatabase(':memory:');
  try {
    return (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
  } finally {
    db.close();
  }
}

/* --------------------------------------------------------------------- app */

export const BENCH_START = new Date('2026-11-23T02:00:00.000Z'); // Monday 09:00 WIB, 10:00 WITA, 11:00 WIT

/** The whole HTTP app on the database, jobs not started (the script ticks the runner itself). */
export async function benchApp(handle: DatabaseHandle, clock: ManualClock): Promise<BuiltApp> {
  const config = loadConfig(
    { NODE_ENV: 'production', LOG_LEVEL: 'silent' },
    {
      secret: crypto.randomBytes(32),
      dataDir: path.join(os.tmpdir(), 'teduh-bench-data'),
      publicUrl: 'https://teduh.bench',
      webRoot: undefined,
      jobsEnabled: false,
    },
  );
  const built = await buildApp({ config, db: handle, clock, logger: false, version: 'bench' });
  await built.app.ready();
  return built;
}

/** Inserts rows in multi-row statements of `batch` rows (both databases take 500 × ~20 parameters). */
export async function bulkInsert<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: ReadonlyArray<Record<string, unknown>>,
  batch = 500,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += batch) {
      await trx
        .insertInto(table)
        .values(rows.slice(i, i + batch) as never)
        .execute();
    }
  });
}

/* ------------------------------------------------------------------- plans */

export interface PlanReport {
  sql: string;
  plan: string[];
  /** Full scans (SQLite SCAN, PostgreSQL Seq Scan), by table alias. */
  fullScans: string[];
  /**
   * PostgreSQL: the full scans left with enable_seqscan off, i.e. with no usable index (the others
   * are the planner's choice for a table this small). SQLite: the same as fullScans.
   */
  noIndex: string[];
}

function fullScansOf(kind: DatabaseHandle['kind'], plan: readonly string[]): string[] {
  return plan.flatMap((line) => {
    // SQLite: SCAN visits every row (of the table, or of an index in its order); SEARCH is a lookup.
    const m = kind === 'sqlite' ? /^\s*SCAN (\S+)/.exec(line) : /Seq Scan on (\S+)/.exec(line);
    return m ? [m[1] as string] : [];
  });
}

/**
 * EXPLAIN QUERY PLAN (SQLite) or EXPLAIN (PostgreSQL) of each distinct SELECT/UPDATE/DELETE
 * recorded, with the parameters it ran with. Writes (INSERT) and transaction control are skipped.
 */
export async function explain(handle: DatabaseHandle, queries: readonly RecordedQuery[]): Promise<PlanReport[]> {
  const seen = new Set<string>();
  const reports: PlanReport[] = [];
  for (const q of queries) {
    if (seen.has(q.sql) || !/^\s*(select|update|delete|with)\b/i.test(q.sql)) continue;
    seen.add(q.sql);
    const report = await handle.db.connection().execute(async (c) => {
      const prefix = handle.kind === 'sqlite' ? 'explain query plan ' : 'explain ';
      const lines = async () =>
        (await c.executeQuery<Record<string, unknown>>(CompiledQuery.raw(prefix + q.sql, [...q.parameters]))).rows.map(
          (r) => String(handle.kind === 'sqlite' ? r.detail : r['QUERY PLAN']),
        );
      const plan = await lines();
      const fullScans = fullScansOf(handle.kind, plan);
      if (handle.kind === 'sqlite' || fullScans.length === 0)
        return { sql: q.sql, plan, fullScans, noIndex: fullScans };
      await c.executeQuery(CompiledQuery.raw('set enable_seqscan = off'));
      try {
        return { sql: q.sql, plan, fullScans, noIndex: fullScansOf(handle.kind, await lines()) };
      } finally {
        await c.executeQuery(CompiledQuery.raw('reset enable_seqscan'));
      }
    });
    reports.push(report);
  }
  return reports;
}

/** Prints the plans of an operation's statements, flagging full scans. */
export function printPlans(title: string, reports: readonly PlanReport[], verbose: boolean): void {
  const flagged = reports.filter((r) => r.fullScans.length > 0);
  const noIndex = reports.filter((r) => r.noIndex.length > 0);
  const list = (rs: readonly PlanReport[], pick: (r: PlanReport) => string[]) =>
    rs.map((r) => pick(r).join('+')).join(', ');
  console.log(
    `    plans of "${title}": ${reports.length} distinct reads; full scans: ${flagged.length ? list(flagged, (r) => r.fullScans) : 'none'}` +
      (noIndex.length !== flagged.length
        ? `; of which with no usable index: ${noIndex.length ? list(noIndex, (r) => r.noIndex) : 'none'}`
        : ''),
  );
  for (const r of verbose ? reports : noIndex) {
    console.log(`      ${r.sql.replace(/\s+/g, ' ').slice(0, 220)}`);
    for (const line of r.plan) console.log(`        ${line}`);
  }
}

/** Counts statements by kind and main table, to spot a statement run once per row (N+1). */
export function statementSummary(queries: readonly RecordedQuery[]): string {
  const counts = new Map<string, number>();
  for (const q of queries) {
    const text = q.sql.replace(/\s+/g, ' ').trim().toLowerCase();
    const verb = text.split(' ')[0] ?? '?';
    const table = /(?:insert into|update|delete from|from) "?(\w+)"?/.exec(text)?.[1] ?? '';
    const key = `${verb} ${table}`.trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const sqlMs = queries.reduce((sum, q) => sum + q.ms, 0);
  return `${[...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${n}× ${k}`)
    .join(', ')}; ${ms(sqlMs)} in the database`;
}

/* ------------------------------------------------------------ organisation */

export interface BenchUnit {
  id: string;
  parentId: string | null;
  level: number;
  timeZone: string;
}

export interface BenchOrganisation {
  agencyId: string;
  rootId: string;
  units: BenchUnit[];
  /** The active people, in insertion order, with their unit. */
  people: Array<{ id: string; unitId: string }>;
}

/** A valid PNS NIP per number (a different birth day for each, from 1950), appointed at 20. */
function nipFor(n: number): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + n * 86_400_000);
  const y = birth.getUTCFullYear();
  const m = String(birth.getUTCMonth() + 1).padStart(2, '0');
  const d = String(birth.getUTCDate()).padStart(2, '0');
  return `${y}${m}${d}${y + 20}${m}${1 + (n % 2)}${String(1 + (n % 999)).padStart(3, '0')}`;
}

/**
 * An agency of `people` active people (plus 1 % inactive) in 301 units, four levels deep: the
 * top unit (WIB), 6 under it — two each in WIB, WITA and WIT — 7 under each of those, 6 under
 * each of those. Unit sizes vary from a handful (under the anonymity threshold) to about 70.
 * Units and people go in with multi-row inserts; the agency and its help contacts through the
 * test factory.
 */
export async function seedOrganisation(db: Kysely<Database>, people: number): Promise<BenchOrganisation> {
  const { agencyId, rootUnitId } = await createAgency(db, {
    name: 'Pemerintah Kabupaten Bench',
    timeZone: 'Asia/Jakarta',
  });
  const zones = ['Asia/Jakarta', 'Asia/Jakarta', 'Asia/Makassar', 'Asia/Makassar', 'Asia/Jayapura', 'Asia/Jayapura'];
  const units: BenchUnit[] = [{ id: rootUnitId, parentId: null, level: 1, timeZone: 'Asia/Jakarta' }];
  zones.forEach((tz) => {
    const l2 = { id: newId(), parentId: rootUnitId, level: 2, timeZone: tz };
    units.push(l2);
    for (let b = 0; b < 7; b++) {
      const l3 = { id: newId(), parentId: l2.id, level: 3, timeZone: tz };
      units.push(l3);
      for (let c = 0; c < 6; c++) units.push({ id: newId(), parentId: l3.id, level: 4, timeZone: tz });
    }
  });
  const now = new Date().toISOString();
  await bulkInsert(
    db,
    'org_units',
    units.slice(1).map((u, i) => ({
      id: u.id,
      agency_id: agencyId,
      parent_id: u.parentId,
      name: `Unit L${u.level} ${String(i + 1).padStart(3, '0')}`,
      code: `U-${String(i + 1).padStart(3, '0')}`,
      time_zone: u.timeZone,
      is_active: 1,
      created_at: now,
      updated_at: now,
    })),
  );

  // Sizes: every tenth unit small (1–4 people), the others 1–11 parts of the rest.
  const weights = units.map((_, i) => (i % 10 === 3 ? 0 : 1 + ((i * 37) % 11)));
  const small = units.map((_, i) => (i % 10 === 3 ? 1 + (i % 4) : 0));
  const rest = people - small.reduce((a, b) => a + b, 0);
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w, i) => (small[i] as number) + Math.floor((w / total) * rest));
  sizes[sizes.length - 1] = (sizes[sizes.length - 1] as number) + people - sizes.reduce((a, b) => a + b, 0);

  const rows: Array<Record<string, unknown>> = [];
  const active: Array<{ id: string; unitId: string }> = [];
  let n = 0;
  const addPerson = (unitId: string, isActive: boolean) => {
    const id = newId();
    const fullName = `Pegawai ${n} Bin Fulan`;
    const nip = nipFor(n);
    const email = `pegawai${n}@bench.go.id`;
    rows.push({
      id,
      agency_id: agencyId,
      unit_id: unitId,
      full_name: fullName,
      nip,
      email,
      email_normalized: email,
      phone: `08${String(1_000_000_000 + n)}`,
      position: 'Pelaksana',
      employment_type: 'pns',
      manager_id: null,
      is_active: isActive ? 1 : 0,
      locale: n % 20 === 0 ? 'en' : 'id',
      search_text: searchTextOf({ full_name: fullName, nip, email }),
      deactivated_at: isActive ? null : now,
      created_at: now,
      updated_at: now,
    });
    if (isActive) active.push({ id, unitId });
    n++;
  };
  units.forEach((u, i) => {
    for (let p = 0; p < (sizes[i] as number); p++) addPerson(u.id, true);
    if (i % 3 === 0) addPerson(u.id, false);
  });
  await bulkInsert(db, 'people', rows);
  return { agencyId, rootId: rootUnitId, units, people: active };
}

/** Creates a person holding `role` (two-step enrolled) and signs them in through the HTTP app. */
export async function signedIn(
  built: BuiltApp,
  clock: ManualClock,
  options: {
    agencyId: string;
    unitId: string;
    role: 'wellbeing_admin' | 'counsellor' | 'employee';
    scopeUnitId?: string | null;
  },
): Promise<{ agent: Agent; personId: string }> {
  const role = options.role;
  const person = await createPerson(built.services.db.db, built.services.keys, {
    agencyId: options.agencyId,
    unitId: options.unitId,
    roles: role === 'employee' ? [] : [{ role, unitId: options.scopeUnitId ?? null }],
    totp: role !== 'employee',
  });
  const agent = new Agent(built);
  const stage = await agent.signIn(person.email, person.password as string, person.totpSecret, clock.now());
  if (stage !== 'full') throw new Error(`sign-in of the ${options.role} stopped at ${stage}`);
  return { agent, personId: person.id };
}

/** PostgreSQL's autovacuum would have analysed tables this size; SQLite installs never run ANALYZE. */
export async function analyzeIfPostgres(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'postgres') await handle.db.executeQuery(CompiledQuery.raw('analyze'));
}
