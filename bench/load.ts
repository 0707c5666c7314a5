/**
 * The load generator the submit benchmarks share (docs/benchmarks.md): a second process, so that
 * the server and the generator do not share one event loop, driving POSTs signed in as a set of
 * people (session cookie and CSRF token), each request's body built by a named body maker (the
 * child process cannot receive a function).
 *
 * At the maximum (rate 0) it is autocannon: every connection sends its next request as soon as the
 * answer comes. At a given rate it is an open-loop, evenly paced generator (`runPaced`), because
 * autocannon's own rate limit lets each connection send its share of a second as fast as it can at
 * the start of the second and then wait for the next: "half load" was a burst at full speed for
 * half of each second and silence for the rest, and its p99 that of the full-speed burst.
 */
import { fork } from 'node:child_process';
import diagnostics from 'node:diagnostics_channel';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import type { BuiltApp } from '../src/server/app.js';
import type { ManualClock } from '../src/server/clock.js';
import { signedIn } from './support.js';

export interface Person {
  cookie: string;
  csrf: string;
}

/** How the i-th request is made: its path and JSON body. */
export type RequestMaker = 'check-in' | 'survey-answer';

export interface LoadSpec {
  url: string;
  /** The path of every request, or of the i-th request: paths[i % paths.length]. */
  path: string;
  paths?: string[];
  maker: RequestMaker;
  seconds: number;
  connections: number;
  /** Requests per second over all connections; 0 for as fast as answers come. */
  rate: number;
  people: Person[];
  /** At a set rate: split the slowest 1 % into their parts (`LoadResult.tail`). */
  timings?: boolean;
}

/**
 * Where the slowest 1 % of a paced run spent their time, medians over those requests: due → its
 * headers written to the socket (waiting in the generator for a free connection or its turn on
 * the event loop), written → the response's headers back (the server, the kernel both ways, and
 * the generator reading them), and the rest of the response.
 */
export interface TailSplit {
  requests: number;
  beforeSentMs: number;
  sentToHeadersMs: number;
  headersToEndMs: number;
  /**
   * Each of those requests: its idempotency key, and when it was written and its response's
   * headers came back, on the machine's clock (performance.timeOrigin + now), so that the server's
   * own moments for the same key can be set beside them.
   */
  slowest: { key: string; sentAt: number; headersAt: number }[];
}

export interface LoadResult {
  /** The load generator's own CPU time over the run, in µs. */
  generatorCpuUs?: number;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  tail?: TailSplit;
}

const TODAY = '2026-11-23'; // BENCH_START in WIB

/** The i-th request's body for each maker. */
const BODIES: Record<RequestMaker, (i: number) => unknown> = {
  'check-in': (i) => ({
    localDate: TODAY,
    mood: 1 + (i % 5),
    stress: 1 + ((i >> 1) % 5),
    energy: 3,
    sleepMinutes: 360 + (i % 4) * 30,
    sleepQuality: 3,
    activityMinutes: 20,
    workload: 'right',
    note: i % 3 === 0 ? 'Rapat panjang, tapi sore sempat jalan kaki.' : null,
    tags: i % 2 === 0 ? ['rapat', 'target'] : [],
  }),
  // The five-question pulse (src/domain/surveys/templates/pulse.ts), all required.
  'survey-answer': (i) => ({
    answers: {
      'pls-workload': 1 + (i % 5),
      'pls-support': 1 + ((i >> 1) % 5),
      'pls-speak-up': 1 + ((i >> 2) % 5),
      'pls-rest': 1 + ((i >> 3) % 5),
      'pls-energy': i % 11,
    },
  }),
};

interface AutocannonRequest {
  method: string;
  path: string;
  setupRequest: (req: Record<string, unknown>) => Record<string, unknown>;
}
type Autocannon = (
  options: Record<string, unknown> & { requests: AutocannonRequest[] },
  done: (err: Error | null, result: AutocannonResult) => void,
) => unknown;
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  '2xx': number;
}

/** The i-th request of a run: its path, headers and body (the same for both generators). */
function requestOf(spec: LoadSpec, i: number) {
  const person = spec.people[i % spec.people.length] as Person;
  // One path per round of people: with one survey per path, every person answers each once.
  const path = spec.paths ? (spec.paths[Math.floor(i / spec.people.length) % spec.paths.length] as string) : spec.path;
  return {
    path,
    headers: {
      'content-type': 'application/json',
      cookie: person.cookie,
      'x-csrf-token': person.csrf,
      'idempotency-key': `bench-${process.pid}-${i}`,
    },
    body: JSON.stringify(BODIES[spec.maker](i)),
  };
}

/** The q-th quantile (0..1) of sorted numbers, nearest rank. */
function quantileOf(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

/** The q-th quantile (0..1) of numbers in any order, nearest rank. */
export function quantileOfUnsorted(values: readonly number[], q: number): number {
  return quantileOf(
    [...values].sort((a, b) => a - b),
    q,
  );
}

/**
 * `spec.rate` requests a second, the i-th sent at start + i/rate (as wrk2 does): a request that
 * finds every connection busy waits in the pool's queue, and its latency counts from the moment it
 * was due to be sent, not from when a connection took it — otherwise a stalled server would delay
 * its own measurements (coordinated omission). undici's Pool keeps `connections` keep-alive
 * connections, one request at a time on each.
 */
async function runPaced(spec: LoadSpec): Promise<LoadResult> {
  // A connection per person, as each phone has its own: a stall of the server then delays the
  // requests it holds, not the ones behind them in a shared pool of the generator's.
  const pool = new Pool(spec.url, { connections: Math.max(spec.connections, spec.people.length), pipelining: 1 });
  // An unmeasured first second at the same rate opens the connections and compiles this process's
  // code, which otherwise leaves the first second's requests late. Its requests are numbered
  // before the measured ones, so those follow the same round of people and paths.
  const warmUp = Math.round(spec.rate);
  await paced(pool, { ...spec, seconds: 1 }, 0, () => {});
  process.send?.({ measuring: true });
  const cpuFrom = process.cpuUsage();
  const latencies: number[] = [];
  const timings = spec.timings ? requestTimings() : null;
  const records: { i: number; due: number; end: number }[] = [];
  const counts = await paced(pool, spec, warmUp, (ms, i, due) => {
    latencies.push(ms);
    if (timings) records.push({ i, due, end: due + ms });
  });
  timings?.stop();
  const cpu = process.cpuUsage(cpuFrom);
  const elapsedS = counts.elapsedMs / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  return {
    tail: timings ? tailSplit(records, quantileOf(latencies, 0.99), timings) : undefined,
    rps: (counts.ok + counts.non2xx) / elapsedS,
    p50: Math.round(quantileOf(latencies, 0.5)),
    p99: Math.round(quantileOf(latencies, 0.99)),
    ok: counts.ok,
    non2xx: counts.non2xx,
    errors: counts.errors,
    generatorCpuUs: cpu.user + cpu.system,
  };
}

/** Sends `spec.rate × spec.seconds` requests on `pool`, the i-th due at start + i/rate (numbered from `first`). */
async function paced(
  pool: Pool,
  spec: LoadSpec,
  first: number,
  record: (latencyMs: number, index: number, dueAt: number) => void,
) {
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  const total = Math.round(spec.rate * spec.seconds);
  const intervalMs = 1000 / spec.rate;
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  const send = (i: number, dueAt: number) => {
    const { path, headers, body } = requestOf(spec, first + i);
    const done = pool
      .request({ method: 'POST', path, headers, body })
      .then(async (response) => {
        await response.body.dump();
        record(performance.now() - dueAt, first + i, dueAt);
        if (response.statusCode >= 200 && response.statusCode < 300) ok += 1;
        else non2xx += 1;
      })
      .catch(() => {
        errors += 1;
      })
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  };
  let next = 0;
  while (next < total) {
    const now = performance.now();
    while (next < total && started + next * intervalMs <= now) {
      send(next, started + next * intervalMs);
      next += 1;
    }
    // Sleep until the next request is due (timers are ~1 ms coarse; the due time is kept exact).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + next * intervalMs - performance.now())));
  }
  await Promise.all(inFlight);
  return { ok, non2xx, errors, elapsedMs: performance.now() - started };
}

/** The moments undici wrote each request's headers and received its response's, by request number. */
function requestTimings() {
  const sent = new Map<number, number>();
  const headers = new Map<number, number>();
  const numbers = new WeakMap<object, number>();
  const onSend = (message: unknown) => {
    const { request, headers: raw } = message as { request: object; headers: string };
    const match = /idempotency-key: bench-\d+-(\d+)/i.exec(raw);
    if (!match) return;
    numbers.set(request, Number(match[1]));
    sent.set(Number(match[1]), performance.now());
  };
  const onHeaders = (message: unknown) => {
    const i = numbers.get((message as { request: object }).request);
    if (i !== undefined) headers.set(i, performance.now());
  };
  diagnostics.subscribe('undici:client:sendHeaders', onSend);
  diagnostics.subscribe('undici:request:headers', onHeaders);
  return {
    sent,
    headers,
    stop: () => {
      diagnostics.unsubscribe('undici:client:sendHeaders', onSend);
      diagnostics.unsubscribe('undici:request:headers', onHeaders);
    },
  };
}

function tailSplit(
  records: readonly { i: number; due: number; end: number }[],
  p99: number,
  timings: { sent: Map<number, number>; headers: Map<number, number> },
): TailSplit {
  const slow = records.filter((r) => r.end - r.due >= p99);
  const medianOf = (values: number[]) => Math.round(quantileOfUnsorted(values, 0.5) * 10) / 10;
  const parts = slow.flatMap((r) => {
    const sentAt = timings.sent.get(r.i);
    const headersAt = timings.headers.get(r.i);
    return sentAt === undefined || headersAt === undefined ? [] : [{ r, sentAt, headersAt }];
  });
  return {
    requests: parts.length,
    beforeSentMs: medianOf(parts.map((p) => p.sentAt - p.r.due)),
    sentToHeadersMs: medianOf(parts.map((p) => p.headersAt - p.sentAt)),
    headersToEndMs: medianOf(parts.map((p) => p.r.end - p.headersAt)),
    slowest: parts.map((p) => ({
      key: `bench-${process.pid}-${p.r.i}`,
      sentAt: performance.timeOrigin + p.sentAt,
      headersAt: performance.timeOrigin + p.headersAt,
    })),
  };
}

function runLoad(spec: LoadSpec): Promise<LoadResult> {
  if (spec.rate > 0) return runPaced(spec);
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  let n = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.seconds,
        requests: [{ method: 'POST', path: spec.path, setupRequest: (req) => ({ ...req, ...requestOf(spec, n++) }) }],
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          ok: result['2xx'],
          non2xx: result.non2xx,
          errors: result.errors,
        });
      },
    );
  });
}

if (process.argv.includes('--load')) {
  process.on('message', (spec: LoadSpec) => {
    const started = process.cpuUsage();
    runLoad(spec)
      .then((result) => {
        const cpu = process.cpuUsage(started);
        process.send?.({ generatorCpuUs: cpu.user + cpu.system, ...result }, () => process.exit(0));
      })
      .catch((err: unknown) => {
        console.error(err);
        process.exit(1);
      });
  });
}

/**
 * Runs one load in a second process (so the server and the generator do not share a CPU's event
 * loop). `onMeasuring` is called when the measured part begins (after a paced run's warm-up).
 */
export function loadFromChild(spec: LoadSpec, onMeasuring?: () => void): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--load'], { execArgv: ['--import', 'tsx'] });
    child.on('message', (message: LoadResult | { measuring: true }) => {
      if ('measuring' in message) onMeasuring?.();
      else resolve(message);
    });
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`load generator exited ${code}`))));
    child.send(spec);
  });
}

/**
 * The run with the median throughput (its latencies with it, so a line is one real run); for runs
 * at a set rate, whose throughputs are all that rate, the run with the median p99.
 */
export function medianRun(runs: readonly LoadResult[], by: 'rps' | 'p99' = 'rps'): LoadResult {
  const sorted = [...runs].sort((a, b) => a[by] - b[by]);
  return sorted[Math.floor((sorted.length - 1) / 2)] as LoadResult;
}

export const formatRun = (r: LoadResult) =>
  `${Math.round(r.rps).toString().padStart(5)} req/s  p50 ${String(r.p50).padStart(3)} ms  p99 ${String(r.p99).padStart(3)} ms  (${r.ok} ok, ${r.non2xx} non-2xx, ${r.errors} errors)`;

/** `count` employees of a unit, each signed in through the HTTP app: the people a load run posts as. */
export async function signedInPeople(
  built: BuiltApp,
  clock: ManualClock,
  where: { agencyId: string; unitId: string },
  count: number,
): Promise<Person[]> {
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    const { agent } = await signedIn(built, clock, { ...where, role: 'employee' });
    people.push({
      cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      csrf: agent.csrfToken as string,
    });
  }
  return people;
}
