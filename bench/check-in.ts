/**
 * Check-in submit benchmark (docs/benchmarks.md, "Check-in submit"): throughput and latency under
 * load, from a load generator (autocannon) in a second process, of
 *
 *  (a) a bare Fastify route that validates the same JSON with the same zod schema and durably
 *      inserts one row per request, on the same database handle (SQLite: WAL, synchronous=FULL;
 *      PostgreSQL: default settings, synchronous_commit on) — the floor any durable write pays;
 *  (b) the real check-in submit, POST /api/v1/me/check-ins: signed in (session cookie), CSRF
 *      checked, validated, note and tags sealed, idempotent on its key, group-committed
 *      (docs/decisions/033-group-commit.md).
 *
 * Each is driven to its maximum (CONNECTIONS open connections, as fast as answers come), then (b)
 * and (a) at half of (a)'s maximum rate, evenly paced (bench/load.ts), where the goal is p99 < 25 ms. Afterwards every
 * acknowledged check-in is looked for in the database: stored, and none twice.
 *
 *   npx tsx bench/check-in.ts                 # SQLite, then PostgreSQL (DATABASE_URL or a throw-away cluster)
 *   BENCH_SECONDS=5 npx tsx bench/check-in.ts --sqlite-only
 *   BENCH_SECONDS=5 npx tsx bench/check-in.ts --pg-only
 *   BENCH_SECONDS=5 npx tsx bench/check-in.ts --pg-only --profile
 *   BENCH_PROFILE_RATE=2000 BENCH_SECONDS=5 npx tsx bench/check-in.ts --pg-only --profile   # profiled at a set rate
 *   BENCH_SURVIVORS=1 BENCH_PROFILE_RATE=2000 BENCH_SECONDS=5 npx tsx bench/check-in.ts --pg-only --profile   # what is promoted
 *   BENCH_SECONDS=8 npx tsx bench/check-in.ts --pg-only --latency
 *
 * `--profile` reports where the time goes instead: (a) and (b) once each at their maximum with the
 * CPU time per acknowledged request of the server process, the database's processes (PostgreSQL,
 * from /proc) and the load generator; then (b) again with its statements per submit (Kysely's log
 * hook) and the server's CPU profile (node:inspector): its top functions by self time printed,
 * the whole profile written to `check-in-<database>.cpuprofile` in the temporary directory; and
 * (a) and (b) once more with their allocations sampled (`check-in-<database>-a.heapprofile`, `-b`).
 * `--latency` splits the half-load tail into the server's own time, the group commit's waits and
 * commits, the event loop's delay and garbage collection, and groups the slowest 1 % into episodes
 * set beside the commits and collections of the same moments (bench/check-in-latency.ts).
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { checkInBody } from '../src/contracts/check-ins.js';
import { ManualClock } from '../src/server/clock.js';
import { newId } from '../src/server/crypto.js';
import { latencyProfile } from './check-in-latency.js';
import { formatRun, loadFromChild, medianRun, signedInPeople, type LoadResult, type LoadSpec } from './load.js';
import {
  BENCH_START,
  benchApp,
  median,
  runBenchmark,
  seedOrganisation,
  settle,
  statementSummary,
  type BenchDatabase,
} from './support.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 200);
/** Alternating (a)/(b) pairs per database; the medians are reported (the machine is shared). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** `--profile`: sample only the allocations that outlive a young-generation collection. */
const SURVIVORS = process.env.BENCH_SURVIVORS === '1';
/** `--profile`: the rate of (b)'s profiled run, requests a second (0: as fast as answers come). */
const PROFILE_RATE = Number(process.env.BENCH_PROFILE_RATE ?? 0);

/* ------------------------------------------------------------------------------ the servers */

/** (a): validate with the same schema, insert one row, answer 201 — nothing else. */
async function bareServer(bench: BenchDatabase) {
  const db = bench.handle.db;
  await sql`create table bench_bare (id text primary key, person_id text not null, local_date text not null, mood integer not null, stress integer, energy integer, sleep_minutes integer, sleep_quality integer, activity_minutes integer, workload text, details text, client_key text, created_at text not null)`.execute(
    db,
  );
  const app = Fastify({ logger: false });
  app.post('/bare', async (request, reply) => {
    const parsed = checkInBody.safeParse(request.body);
    if (!parsed.success) return reply.status(400).send({ error: 'validation' });
    const b = parsed.data;
    const key = request.headers['idempotency-key'];
    await sql`insert into bench_bare values (${newId()}, ${'p'}, ${b.localDate}, ${b.mood}, ${b.stress}, ${b.energy}, ${b.sleepMinutes}, ${b.sleepQuality}, ${b.activityMinutes}, ${b.workload}, ${JSON.stringify({ note: b.note, tags: b.tags })}, ${typeof key === 'string' ? key : null}, ${new Date().toISOString()})`.execute(
      db,
    );
    return reply.status(201).send({ ok: true });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
  };
}

/* ------------------------------------------------------------------------------ the profile */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The functions with the most self time in a V8 CPU profile, by share of all samples. */
function topFunctions(profile: { nodes: ProfileNode[] }, n: number): string[] {
  return topShares(
    profile.nodes.map((node) => ({ callFrame: node.callFrame, weight: node.hitCount ?? 0 })),
    n,
  ).top;
}

/**
 * The n functions with the largest shares of some weight (CPU samples, bytes allocated), each as
 * "12.3 %  name file:line", and the weight in all.
 */
function topShares(
  frames: readonly { callFrame: ProfileNode['callFrame']; weight: number }[],
  n: number,
): { total: number; top: string[] } {
  const self = new Map<string, number>();
  let total = 0;
  for (const { callFrame, weight } of frames) {
    total += weight;
    const { functionName, url, lineNumber } = callFrame;
    const where = url
      ? `${url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench)\//, '$1/')}:${lineNumber + 1}`
      : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + weight);
  }
  const top = [...self]
    .sort((x, y) => y[1] - x[1])
    .slice(0, n)
    .map(([k, weight]) => `${((100 * weight) / Math.max(1, total)).toFixed(1).padStart(5)} %  ${k}`);
  return { total, top };
}

/** CPU time (µs) used so far by the database server's processes (PostgreSQL only; null elsewhere). */
async function databaseCpuUs(bench: BenchDatabase): Promise<number | null> {
  if (bench.handle.kind !== 'postgres') return null;
  // Every process of this cluster (backends, WAL writer, checkpointer…) is in pg_stat_activity.
  const { rows } = await sql<{
    pid: number;
  }>`select pid from pg_stat_activity`.execute(bench.handle.db);
  const ticks = rows.reduce((sum, { pid }) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return sum + Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    } catch {
      return sum; // not on Linux, or the process ended
    }
  }, 0);
  return (ticks * 1_000_000) / 100; // USER_HZ is 100 on Linux
}

/**
 * One run with where its CPU went: server, database, load generator, per acknowledged request.
 * For a run at a set rate the count starts when the generator's warm-up is over (`measuring`,
 * which is also passed on to whoever else observes the measured part).
 */
async function cpuOfRun(
  bench: BenchDatabase,
  spec: LoadSpec,
  measuring?: () => void,
): Promise<{ result: LoadResult; line: string }> {
  await settle(bench);
  const from = { server: process.cpuUsage(), database: databaseCpuUs(bench) };
  const result = await loadFromChild(spec, () => {
    from.server = process.cpuUsage();
    from.database = databaseCpuUs(bench);
    measuring?.();
  });
  const server = process.cpuUsage(from.server);
  const dbBefore = await from.database;
  const dbAfter = await databaseCpuUs(bench);
  const per = (us: number) => `${(us / Math.max(1, result.ok)).toFixed(0)} µs`;
  const share = (us: number) => `${(us / 10_000 / spec.seconds).toFixed(0)} %`;
  const serverUs = server.user + server.system;
  const dbUs = dbBefore === null || dbAfter === null ? null : dbAfter - dbBefore;
  const generatorUs = result.generatorCpuUs ?? 0;
  const line =
    `CPU per acknowledged request: server ${per(serverUs)} (${share(serverUs)} of a core)` +
    (dbUs === null ? '' : `, database ${per(dbUs)} (${share(dbUs)})`) +
    `, load generator ${per(generatorUs)} (${share(generatorUs)})`;
  return { result, line };
}

/** (a) and (b) at their maximum with their CPU, then (b) with its statements and the server's CPU profile. */
async function profileBoth(label: string, bench: BenchDatabase, bareSpec: LoadSpec, realSpec: LoadSpec): Promise<void> {
  console.log(
    `\n${label}: where the time goes, ${realSpec.seconds} s per run; load average ${os.loadavg()[0]?.toFixed(1)}`,
  );
  const a = await cpuOfRun(bench, bareSpec);
  console.log(`  (a) bare durable route, max        ${formatRun(a.result)}`);
  console.log(`      ${a.line}`);
  const b = await cpuOfRun(bench, realSpec);
  console.log(`  (b) check-in submit, max           ${formatRun(b.result)}`);
  console.log(`      ${b.line}`);

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  const { value: result, queries } = await bench.recorder.record(() =>
    loadFromChild({ ...realSpec, rate: PROFILE_RATE }),
  );
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const file = path.join(os.tmpdir(), `check-in-${bench.handle.kind}.cpuprofile`);
  fs.writeFileSync(file, JSON.stringify(profile));
  console.log(`  (b) again, profiled and with its statements recorded: ${formatRun(result)}`);
  console.log(
    `      statements: ${(queries.length / Math.max(1, result.ok)).toFixed(2)} per acknowledged submit (${statementSummary(queries)})`,
  );
  console.log(`      top functions by self time (whole profile: ${file}):`);
  for (const line of topFunctions(profile as { nodes: ProfileNode[] }, 25)) console.log(`      ${line}`);

  // What a request allocates, (a) beside (b): each young-generation collection pauses the server,
  // and V8's collector uses both cores while it does (docs/benchmarks.md, "Where the slowest 1 % wait").
  for (const [name, spec] of [
    ['(a)', { ...bareSpec, rate: PROFILE_RATE }],
    ['(b)', { ...realSpec, rate: PROFILE_RATE }],
  ] as const) {
    const { result: sampled, total, top, file: heapFile } = await sampleAllocations(bench, spec, name);
    console.log(`  ${name} again, its allocations sampled: ${formatRun(sampled)}`);
    console.log(
      `      ${SURVIVORS ? 'outlived a scavenge' : 'allocated'}: ${(total / Math.max(1, sampled.ok) / 1024).toFixed(1)} KB per acknowledged request (whole profile: ${heapFile}); top functions by bytes:`,
    );
    for (const line of top) console.log(`      ${line}`);
  }
}

/**
 * One run with its allocations sampled, the profile written to a file: every allocation, or with
 * BENCH_SURVIVORS=1 only what outlived a young-generation collection (the objects that are
 * promoted, and so make full collections come sooner).
 */
async function sampleAllocations(bench: BenchDatabase, spec: LoadSpec, name: string) {
  const heap = new Session();
  heap.connect();
  await heap.post('HeapProfiler.enable');
  await heap.post('HeapProfiler.startSampling', {
    samplingInterval: 16_384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: !SURVIVORS,
  });
  const result = await loadFromChild(spec);
  const { profile } = await heap.post('HeapProfiler.stopSampling');
  heap.disconnect();
  const file = path.join(os.tmpdir(), `check-in-${bench.handle.kind}-${name.replace(/\W/g, '')}.heapprofile`);
  fs.writeFileSync(file, JSON.stringify(profile));
  return { result, file, ...topAllocators(profile.head as AllocationNode, 20) };
}

interface AllocationNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: AllocationNode[];
}

/** The functions that allocated the most bytes in a sampled heap profile (collected objects included). */
function topAllocators(head: AllocationNode, n: number): { total: number; top: string[] } {
  const frames: { callFrame: AllocationNode['callFrame']; weight: number }[] = [];
  const visit = (node: AllocationNode) => {
    frames.push({ callFrame: node.callFrame, weight: node.selfSize });
    node.children.forEach(visit);
  };
  visit(head);
  return topShares(frames, n);
}

async function benchOne(label: string, bench: BenchDatabase): Promise<void> {
  const clock = new ManualClock(BENCH_START);
  const built = await benchApp(bench.handle, clock);
  const db = bench.handle.db;
  const org = await seedOrganisation(db, 1_000);
  const unit = org.units.find((u) => u.level === 3) ?? org.units[0];
  const people = await signedInPeople(built, clock, { agencyId: org.agencyId, unitId: unit?.id as string }, PEOPLE);
  const loadBefore = os.loadavg()[0]?.toFixed(1);
  await built.app.listen({ host: '127.0.0.1', port: 0 });
  const realUrl = `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}`;
  const bare = await bareServer(bench);
  const spec = (url: string, path: string, rate: number): LoadSpec => ({
    url,
    path,
    maker: 'check-in',
    seconds: SECONDS,
    connections: CONNECTIONS,
    rate,
    people,
  });
  try {
    if (process.argv.includes('--latency')) {
      await loadFromChild({ ...spec(bare.url, '/bare', 0), seconds: 2 });
      await loadFromChild({ ...spec(realUrl, '/api/v1/me/check-ins', 0), seconds: 2 });
      await latencyProfile(
        label,
        built.app.server,
        (cpuSpec, measuring) => cpuOfRun(bench, cpuSpec, measuring),
        spec(bare.url, '/bare', 0),
        spec(realUrl, '/api/v1/me/check-ins', 0),
      );
      return;
    }
    if (process.argv.includes('--profile')) {
      await loadFromChild({ ...spec(bare.url, '/bare', 0), seconds: 2 });
      await loadFromChild({
        ...spec(realUrl, '/api/v1/me/check-ins', 0),
        seconds: 2,
      });
      await profileBoth(label, bench, spec(bare.url, '/bare', 0), spec(realUrl, '/api/v1/me/check-ins', 0));
      return;
    }
    // Warm both (JIT, statement caches, the WAL), then measure. The machine is shared and noisy,
    // so (a) and (b) are measured in ROUNDS alternating pairs (each pair side by side in time,
    // the first of the pair alternating) and the medians are reported: a burst of someone else's
    // work then skews one pair, not the result.
    await loadFromChild({ ...spec(bare.url, '/bare', 0), seconds: 2 });
    await loadFromChild({
      ...spec(realUrl, '/api/v1/me/check-ins', 0),
      seconds: 2,
    });
    /** (a) and (b) one after the other at `rate`, (a) first in even rounds and (b) first in odd ones. */
    const pair = async (round: number, rate: number) => {
      // Each run starts from the same settled database (support.ts settle).
      const measured = async (url: string, path: string) => {
        await settle(bench);
        return loadFromChild(spec(url, path, rate));
      };
      const runBare = () => measured(bare.url, '/bare');
      const runReal = () => measured(realUrl, '/api/v1/me/check-ins');
      if (round % 2 === 0) {
        const a = await runBare();
        return { bare: a, real: await runReal() };
      }
      const b = await runReal();
      return { bare: await runBare(), real: b };
    };
    const pairs: { bare: LoadResult; real: LoadResult }[] = [];
    for (let round = 0; round < ROUNDS; round++) pairs.push(await pair(round, 0));
    const bareMax = medianRun(pairs.map((p) => p.bare));
    const realMax = medianRun(pairs.map((p) => p.real));
    const ratios = pairs.map((p) => p.real.rps / p.bare.rps);
    const half = Math.max(1, Math.round(bareMax.rps / 2));
    const halves: { bare: LoadResult; real: LoadResult }[] = [];
    for (let round = 0; round < ROUNDS; round++) halves.push(await pair(round, half));
    const bareHalf = medianRun(
      halves.map((p) => p.bare),
      'p99',
    );
    const realHalf = medianRun(
      halves.map((p) => p.real),
      'p99',
    );

    // Every acknowledged check-in is stored, none twice: each person has one row for the day, and
    // the row of every acknowledged key that was the last write of its person is that key's.
    const rows = await db.selectFrom('check_ins').select(['person_id', 'local_date', 'client_key']).execute();
    const perDay = new Map<string, number>();
    for (const r of rows)
      perDay.set(`${r.person_id} ${r.local_date}`, (perDay.get(`${r.person_id} ${r.local_date}`) ?? 0) + 1);
    const twice = [...perDay.values()].filter((c) => c > 1).length;
    const acknowledged = [...pairs, ...halves].reduce((sum, p) => sum + p.real.ok, 0);
    const failed = [...pairs, ...halves].reduce((sum, p) => sum + p.real.non2xx + p.real.errors, 0);

    const ratio = median(ratios);
    console.log(
      `\n${label}: ${PEOPLE} people signed in, ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} alternating pairs; load average before ${loadBefore}, after ${os.loadavg()[0]?.toFixed(1)}`,
    );
    pairs.forEach((p, i) =>
      console.log(
        `  pair ${i + 1} at max: (a) ${Math.round(p.bare.rps)} req/s, (b) ${Math.round(p.real.rps)} req/s → ${(p.real.rps / p.bare.rps).toFixed(2)}×`,
      ),
    );
    halves.forEach((p, i) => console.log(`  pair ${i + 1} at half: p99 (a) ${p.bare.p99} ms, (b) ${p.real.p99} ms`));
    console.log(`  (a) bare durable route, max        ${formatRun(bareMax)}   (median pair)`);
    console.log(`  (b) check-in submit, max           ${formatRun(realMax)}   (median pair)`);
    console.log(`      ratio (b)/(a) at max           ${ratio.toFixed(2)}× (median of the pairs' ratios)`);
    console.log(`  (a) at half of (a)'s max (${half}/s)   ${formatRun(bareHalf)}   (median p99)`);
    console.log(`  (b) at half of (a)'s max (${half}/s)   ${formatRun(realHalf)}   (median p99)`);
    console.log(
      `  goal: (b) ≥ 1.0× (a) → ${ratio >= 1 ? 'met' : 'NOT met'}; p99 < 25 ms at half → ${realHalf.p99 < 25 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `  stored: ${acknowledged} acknowledged submits (${failed} not) → ${rows.length} person-days, ${twice} stored twice`,
    );
  } finally {
    await bare.app.close();
    await built.app.close();
  }
}

runBenchmark('Check-in submit benchmark', async (label, withDatabase) => {
  await withDatabase((bench) => benchOne(label, bench));
});
