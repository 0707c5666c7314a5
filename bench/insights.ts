/**
 * Insights benchmark (docs/decisions/036-insights.md): one person with a year of daily check-ins
 * (a check-in on 9 days in 10, tags and a note sealed on most, as the check-in page writes them)
 * in an agency of 2,000 people who each have a year too (730,000 rows, so the index is a real
 * one). Times, through the whole HTTP app as the web app calls it (session, access, validation,
 * serialisation): `GET /api/v1/me/check-ins/insights?days=7|30|90|365`, and the person's CSV
 * copy. Beside it, in the same run on the same database, a bare Fastify route that reads the same
 * rows by the same indexed range query and answers them as JSON — the yardstick (goal: insights
 * under 50 ms for a year on both databases). The plan of the insights read is printed and checked
 * for full scans.
 *
 *   npx tsx bench/insights.ts                # SQLite, then PostgreSQL (DATABASE_URL or a throw-away cluster)
 *   npx tsx bench/insights.ts --sqlite-only
 *   BENCH_REQUESTS=50 BENCH_PEOPLE=200 npx tsx bench/insights.ts
 *
 * Figures are recorded in docs/benchmarks.md.
 */
import Fastify from 'fastify';
import { addDays } from '../src/domain/schedule/zoned-time.js';
import { ManualClock } from '../src/server/clock.js';
import { newId } from '../src/server/crypto.js';
import { findInsightRows } from '../src/server/modules/check-ins/insights.repository.js';
import {
  analyzeIfPostgres,
  BENCH_START,
  benchApp,
  bulkInsert,
  explain,
  median,
  ms,
  printPlans,
  runBenchmark,
  seedOrganisation,
  signedIn,
  statementSummary,
  time,
  type BenchDatabase,
} from './support.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 2_000);
const DAYS = 365;

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};

/** A year of believable days for one person, deterministic by person index. */
function yearOf(personId: string, agencyId: string, today: string, n: number, sealed: string) {
  const rows: Record<string, unknown>[] = [];
  for (let back = DAYS - 1; back >= 0; back--) {
    const r = (n * 7_919 + back * 104_729) % 1_000;
    if (r < 100) continue; // a day in ten skipped
    const short = r % 3 === 0;
    rows.push({
      id: newId(),
      person_id: personId,
      agency_id: agencyId,
      local_date: addDays(today, -back),
      mood: short ? 2 : 3 + (r % 3),
      stress: 1 + (r % 5),
      energy: 1 + ((r >> 2) % 5),
      sleep_minutes: short ? 330 : 420 + (r % 60),
      sleep_quality: 1 + ((r >> 3) % 5),
      activity_minutes: (r % 7) * 10,
      workload: r % 4 === 0 ? 'heavy' : r % 4 === 1 ? 'light' : 'right',
      details_enc: r % 5 === 0 ? null : sealed,
      client_key: `bench-${n}-${back}`,
      version: 1,
      created_at: `${addDays(today, -back)}T13:00:00.000Z`,
      updated_at: `${addDays(today, -back)}T13:00:00.000Z`,
    });
  }
  return rows;
}

async function timed(fn: () => Promise<{ statusCode: number }>, requests = REQUESTS, warmUp = 10): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await fn();
  const all: number[] = [];
  for (let i = 0; i < requests; i++) {
    const [res, t] = await time(fn);
    if (res.statusCode !== 200) throw new Error(`answered ${res.statusCode}`);
    all.push(t);
  }
  return all;
}

const line = (label: string, all: readonly number[]) =>
  `    ${label.padEnd(42)} median ${ms(median(all)).padStart(7)}  p95 ${ms(percentile(all, 95)).padStart(7)}  p99 ${ms(percentile(all, 99)).padStart(7)}`;

async function benchOne(label: string, withDatabase: (fn: (db: BenchDatabase) => Promise<void>) => Promise<void>) {
  console.log(`\n${label}`);
  await withDatabase(async (bench) => {
    const clock = new ManualClock(BENCH_START);
    const built = await benchApp(bench.handle, clock);
    try {
      const db = bench.handle.db;
      const org = await seedOrganisation(db, PEOPLE);
      const unitId = org.people[0]?.unitId ?? org.rootId;
      const me = await signedIn(built, clock, { agencyId: org.agencyId, unitId, role: 'employee' });
      // Today in the person's unit time zone, as the server counts it.
      const today = ((await me.agent.get('/api/v1/me/check-ins')).json() as { today: string }).today;
      const sealed = built.services.keys.encrypt(
        JSON.stringify({ note: 'Rapat panjang, pulang sore. Besok coba tidur lebih awal.', tags: ['rapat', 'lembur'] }),
      );
      const [, seeding] = await time(async () => {
        await bulkInsert(db, 'check_ins', yearOf(me.personId, org.agencyId, today, 0, sealed));
        for (let i = 0; i < org.people.length; i += 50) {
          const rows = org.people
            .slice(i, i + 50)
            .flatMap((p, j) => yearOf(p.id, org.agencyId, today, i + j + 1, sealed));
          await bulkInsert(db, 'check_ins', rows);
        }
      });
      await analyzeIfPostgres(bench.handle);
      console.log(
        `  ${(PEOPLE + 1).toLocaleString('en')} people × a year of check-ins seeded in ${ms(seeding)}; ${REQUESTS} requests each, after 10 to warm up`,
      );

      // The yardstick: the same indexed range read of the same year, answered as JSON.
      const bare = Fastify({ logger: false });
      bare.get('/bare', async () =>
        findInsightRows(db, me.personId, org.agencyId, addDays(today, -(2 * DAYS - 1)), today),
      );
      await bare.ready();

      const results: [string, number[]][] = [];
      results.push([
        'bare route: the same rows, one indexed read',
        await timed(() => bare.inject({ method: 'GET', url: '/bare' })),
      ]);
      for (const days of ['365', '90', '30', '7'])
        results.push([
          `GET insights?days=${days}`,
          await timed(() => me.agent.get(`/api/v1/me/check-ins/insights?days=${days}`)),
        ]);
      // Exports are rate limited (20 an hour per person, decision 014): 2 to warm up, 18 timed.
      results.push([
        'GET export.csv (a year, opened; 18 requests)',
        await timed(() => me.agent.get('/api/v1/me/check-ins/export.csv'), 18, 2),
      ]);
      for (const [name, all] of results) console.log(line(name, all));
      const base = median(results[0]?.[1] ?? [1]);
      const year = median(results[1]?.[1] ?? [0]);
      console.log(
        `    insights for a year ÷ bare read: ${(year / base).toFixed(2)}×; goal: median and p99 under 50 ms → ${percentile(results[1]?.[1] ?? [], 99) < 50 ? 'met' : 'NOT met'}`,
      );
      const recorded = await bench.recorder.record(() => me.agent.get('/api/v1/me/check-ins/insights?days=365'));
      console.log(
        `    one insights request: ${recorded.queries.length} statements (${statementSummary(recorded.queries)})`,
      );
      printPlans(
        'insights',
        await explain(
          bench.handle,
          recorded.queries.filter((q) => /check_ins/.test(q.sql)),
        ),
        true,
      );
      await bare.close();
    } finally {
      await built.app.close();
    }
  });
}

runBenchmark(`Insights benchmark: a year of daily check-ins per person`, benchOne);
