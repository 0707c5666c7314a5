/**
 * The load generator the submit benchmarks share (docs/benchmarks.md): autocannon in a second
 * process, so that the server and the generator do not share one event loop, driving POSTs signed
 * in as a set of people (session cookie and CSRF token), each request's body built by a named
 * body maker (the child process cannot receive a function).
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
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

function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  let n = 0;
  const body = BODIES[spec.maker];
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.seconds,
        ...(spec.rate > 0 ? { overallRate: spec.rate } : {}),
        requests: [
          {
            method: 'POST',
            path: spec.path,
            setupRequest: (req) => {
              const i = n++;
              const person = spec.people[i % spec.people.length] as Person;
              // One path per round of people: with one survey per path, every person answers each once.
              const path = spec.paths
                ? (spec.paths[Math.floor(i / spec.people.length) % spec.paths.length] as string)
                : spec.path;
              return {
                ...req,
                path,
                headers: {
                  'content-type': 'application/json',
                  cookie: person.cookie,
                  'x-csrf-token': person.csrf,
                  'idempotency-key': `bench-${process.pid}-${i}`,
                },
                body: JSON.stringify(body(i)),
              };
            },
          },
        ],
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
        process.send?.({ ...result, generatorCpuUs: cpu.user + cpu.system }, () => process.exit(0));
      })
      .catch((err: unknown) => {
        console.error(err);
        process.exit(1);
      });
  });
}

/** Runs one load in a second process (so the server and the generator do not share a CPU's event loop). */
export function loadFromChild(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--load'], { execArgv: ['--import', 'tsx'] });
    child.once('message', (result: LoadResult) => resolve(result));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`load generator exited ${code}`))));
    child.send(spec);
  });
}

/** The run with the median throughput (its latencies with it, so a line is one real run). */
export function medianRun(runs: readonly LoadResult[]): LoadResult {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
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
