/**
 * Caseload benchmark (docs/benchmarks.md, "Caseload"): an agency of 2,000 people, one counsellor
 * with 300 clients — each with about six appointments over a year (held, a few missed or cancelled,
 * one ahead for every other client), PHQ-9 (and some GAD-7) results shared with the counsellor,
 * consents, a few open referrals and return-to-work plans (test/support/caseload.ts) — and four
 * other counsellors with caseloads of the same shape, so the tables hold other people's rows too.
 * Times, side by side in one run:
 *
 *  (a) a bare baseline: one indexed query of the counsellor's appointments, nothing computed;
 *  (b) GET /api/v1/counselling/caseload?filter=all through the whole HTTP app (session, access
 *      check, every source, the sort, 300 audit entries written in the read's transaction, the
 *      response schema) — the statements are counted and their plans checked for full scans.
 *
 * Goal: (b) p95 under 100 ms on both databases. Medians and p95 over VIEWS reads.
 *
 *   npm run bench:caseload                       # SQLite, then PostgreSQL (DATABASE_URL or a throw-away cluster)
 *   npm run bench:caseload -- --sqlite-only
 */
import { ManualClock } from '../src/server/clock.js';
import { seedCaseload } from '../test/support/caseload.js';
import {
  analyzeIfPostgres,
  BENCH_START,
  benchApp,
  explain,
  medianOf,
  ms,
  printPlans,
  runBenchmark,
  seedOrganisation,
  signedIn,
  statementSummary,
} from './support.js';

const PEOPLE = 2_000;
const CLIENTS = 300;
const OTHER_COUNSELLORS = 4;
const VIEWS = Number(process.env.BENCH_VIEWS ?? 40);

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};

runBenchmark(`Caseload: one counsellor with ${CLIENTS} clients`, async (label, withDatabase) => {
  await withDatabase(async (bench) => {
    const clock = new ManualClock(BENCH_START);
    const built = await benchApp(bench.handle, clock);
    try {
      const db = bench.handle.db;
      const org = await seedOrganisation(db, PEOPLE);
      const unitId = org.rootId;
      const { agent, personId } = await signedIn(built, clock, { agencyId: org.agencyId, unitId, role: 'counsellor' });
      const pool = org.people.map((p) => p.id);
      const seeded = await seedCaseload(db, {
        agencyId: org.agencyId,
        counsellorId: personId,
        clientIds: pool.slice(0, CLIENTS),
        now: BENCH_START,
      });
      for (let k = 0; k < OTHER_COUNSELLORS; k++) {
        const other = await signedIn(built, clock, { agencyId: org.agencyId, unitId, role: 'counsellor' });
        await seedCaseload(db, {
          agencyId: org.agencyId,
          counsellorId: other.personId,
          clientIds: pool.slice(CLIENTS * (k + 1), CLIENTS * (k + 2)),
          now: BENCH_START,
        });
      }
      await analyzeIfPostgres(bench.handle);

      const baseline = () =>
        db
          .selectFrom('appointments')
          .select(['client_id', 'start_utc', 'status'])
          .where('agency_id', '=', org.agencyId)
          .where('counsellor_id', '=', personId)
          .execute();
      const view = async () => {
        const res = await agent.get('/api/v1/counselling/caseload?filter=all');
        if (res.statusCode !== 200) throw new Error(`caseload answered ${res.statusCode}: ${res.body}`);
        return res.json() as { items: unknown[] };
      };
      await baseline();
      await view();
      const bare = await medianOf(VIEWS, baseline);
      const real = await medianOf(VIEWS, view);
      const { queries } = await bench.recorder.record(view);
      console.log(
        `\n${label}: ${seeded.appointments} appointments, ${seeded.shares} shared results, ${seeded.consents} consents, ` +
          `${seeded.referrals} referrals, ${seeded.plans} plans for this counsellor (×${OTHER_COUNSELLORS + 1} counsellors)`,
      );
      console.log(
        `  (a) bare: one indexed query of the counsellor's ${bare.value.length} appointments   median ${ms(bare.median)}  p95 ${ms(percentile(bare.all, 95))}`,
      );
      console.log(
        `  (b) GET caseload, all ${real.value.items.length} clients, audited   median ${ms(real.median)}  p95 ${ms(percentile(real.all, 95))}  (${queries.length} statements)`,
      );
      console.log(`    statements: ${statementSummary(queries)}`);
      printPlans('caseload', await explain(bench.handle, queries), false);
      if (process.env.BENCH_VERBOSE)
        for (const q of queries)
          console.log(`      ${ms(q.ms).padStart(7)}  ${q.sql.replace(/\s+/g, ' ').slice(0, 110)}`);
      if (percentile(real.all, 95) > 100) console.log('  !! over the 100 ms goal');
    } finally {
      await built.app.close();
    }
  });
});
