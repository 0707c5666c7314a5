/**
 * Campaign benchmark: an agency of 10,000 people in 301 units (four levels, WIB, WITA
 * and WIT), a PHQ-9 + GAD-7 campaign over all of it, 6,000 results. Times, through the HTTP app
 * as the web app calls it:
 *
 *  - launch (POST /api/v1/campaigns/:id/launch): the member snapshot, one invitation job per
 *    member and the first, empty, published figures — one transaction;
 *  - the statistics (GET /api/v1/campaigns/:id/stats): cold = the figures are recounted and
 *    republished (at least k new responses since the last publication, docs/privacy.md A7), warm = the
 *    stored publication is read (docs/decisions/024-campaign-reports.md); agency-wide and for a
 *    wellbeing admin scoped to one of the six second-level units; beside it one hand-written
 *    GROUP BY of the same counts, the yardstick of the warm view (goal ≤ 1.2×);
 *  - one reminder pass of the job runner three days on: the sweep that queues a reminder for every
 *    member who has not completed both instruments, then delivering them all (in-app notification,
 *    email to the outbox, member row updated: one transaction per member).
 *
 * The tables also hold last year's closed campaign of the same size (10,000 members, 6,000
 * results), so the current campaign is half of each table, as it would be in a live install.
 * Each run starts from a fresh database; the figures are medians over the runs (and over 10
 * requests per run for the statistics). The statements each step runs are counted, and the plan
 * of every read is checked for full table scans (`--plans` prints them all).
 *
 *   npx tsx bench/campaign-stats.ts                 # SQLite, then PostgreSQL (DATABASE_URL or a throw-away cluster)
 *   BENCH_RUNS=5 npx tsx bench/campaign-stats.ts --plans
 *   npx tsx bench/campaign-stats.ts --sqlite-only
 *   npx tsx bench/campaign-stats.ts --stats-only    # no reminder pass
 *
 * Figures are recorded in docs/benchmarks.md.
 */
import { sql } from 'kysely';
import { distributionBands } from '../src/domain/anonymity/distribution-bands.js';
import { ManualClock } from '../src/server/clock.js';
import { newId } from '../src/server/crypto.js';
import {
  analyzeIfPostgres,
  BENCH_START,
  benchApp,
  bulkInsert,
  explain,
  median,
  medianOf,
  ms,
  printPlans,
  runBenchmark,
  seedOrganisation,
  signedIn,
  statementSummary,
  time,
  type BenchDatabase,
  type BenchOrganisation,
} from './support.js';

const PEOPLE = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const VIEWS = 10;
const SHOW_ALL_PLANS = process.argv.includes('--plans');
/** `--stats-only`: skip the reminder pass (minutes), for a quick look at the statistics. */
const STATS_ONLY = process.argv.includes('--stats-only');
const INSTRUMENTS = ['phq9', 'gad7'] as const;
const DAY_MS = 86_400_000;

interface RunFigures {
  launch: number;
  statsCold: number;
  statsWarm: number;
  groupBy: number;
  statsScoped: number;
  sweep: number;
  deliver: number;
  queued: number;
}

/** Band of the n-th result: most people in the lower bands, as in a real screening. */
function bandFor(instrumentId: string, n: number): string {
  const bands = distributionBands(instrumentId as (typeof INSTRUMENTS)[number]);
  const r = (n * 7919) % 100;
  const index = r < 45 ? 0 : r < 75 ? 1 : r < 90 ? 2 : r < 97 ? 3 : 4;
  return bands[Math.min(index, bands.length - 1)] as string;
}

/**
 * 6,000 results of the campaign: 3,500 people took the PHQ-9, 2,300 of them the GAD-7 too, and
 * 200 took the PHQ-9 a second time (only their latest counts).
 */
function campaignResults(org: BenchOrganisation, campaignId: string, sealed: string, at: Date) {
  const rows: Array<Record<string, unknown>> = [];
  const add = (personId: string, instrumentId: string, n: number) =>
    rows.push({
      id: newId(),
      agency_id: org.agencyId,
      person_id: personId,
      instrument_id: instrumentId,
      instrument_version: '1',
      submission_key: `k-${newId()}`,
      campaign_id: campaignId,
      answers_enc: sealed,
      result_enc: sealed,
      total: null,
      band: bandFor(instrumentId, n),
      crisis: 0,
      care_step: null,
      locale: 'id',
      created_at: new Date(at.getTime() + rows.length * 1000).toISOString(),
    });
  // Spread over the agency: every 20th person of 7 in 10… deterministic, not one unit after another.
  const order = org.people
    .map((p, i) => ({ p, key: (i * 7_919) % org.people.length }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.p);
  order.slice(0, 3_500).forEach((p, i) => add(p.id, 'phq9', i));
  order.slice(0, 2_300).forEach((p, i) => add(p.id, 'gad7', i + 11));
  order.slice(0, 200).forEach((p, i) => add(p.id, 'phq9', i + 29));
  return rows;
}

/** Last year's campaign, closed: members and results straight into the tables. */
async function seedPreviousCampaign(
  bench: BenchDatabase,
  org: BenchOrganisation,
  createdBy: string,
  sealed: string,
): Promise<void> {
  const db = bench.handle.db;
  const id = newId();
  const at = '2025-11-24T02:00:00.000Z';
  await db
    .insertInto('campaigns')
    .values({
      id,
      agency_id: org.agencyId,
      title: 'Cek Kesehatan Jiwa 2025',
      message: null,
      instrument_ids: JSON.stringify(INSTRUMENTS),
      unit_ids: JSON.stringify([org.rootId]),
      opens_at: '2025-11-24',
      closes_at: '2025-12-05',
      reminder_every_days: 3,
      status: 'closed',
      anonymity_threshold: 5,
      created_by: createdBy,
      created_at: at,
      updated_at: at,
      launched_at: at,
      closed_at: '2025-12-05T17:00:00.000Z',
    })
    .execute();
  await bulkInsert(
    db,
    'campaign_members',
    org.people.map((p) => ({
      campaign_id: id,
      person_id: p.id,
      unit_id: p.unitId,
      invited_at: at,
      last_reminded_at: null,
    })),
  );
  await bulkInsert(db, 'assessment_results', campaignResults(org, id, sealed, new Date(at)));
}

async function oneRun(bench: BenchDatabase, run: number): Promise<RunFigures> {
  const clock = new ManualClock(BENCH_START);
  const built = await benchApp(bench.handle, clock);
  const { services } = built;
  const db = bench.handle.db;
  const showPlans = run === 0;
  try {
    const [org, seedMs] = await time(() => seedOrganisation(db, PEOPLE));
    const level2 = org.units.filter((u) => u.level === 2);
    const admin = await signedIn(built, clock, { agencyId: org.agencyId, unitId: org.rootId, role: 'wellbeing_admin' });
    const scoped = await signedIn(built, clock, {
      agencyId: org.agencyId,
      unitId: level2[0]?.id as string,
      role: 'wellbeing_admin',
      scopeUnitId: level2[0]?.id as string,
    });
    const sealed = services.keys.encrypt('{}');
    await seedPreviousCampaign(bench, org, admin.personId, sealed);
    await analyzeIfPostgres(bench.handle);

    const created = await admin.agent.post('/api/v1/campaigns', {
      title: 'Cek Kesehatan Jiwa Akhir Tahun',
      message: 'Mari luangkan sepuluh menit.',
      instrumentIds: INSTRUMENTS,
      unitIds: [org.rootId],
      opensOn: '2026-11-23',
      closesOn: '2026-12-04',
      reminderEveryDays: 3,
    });
    if (created.statusCode !== 201) throw new Error(`create: ${created.statusCode} ${created.body}`);
    const campaignId = (created.json() as { id: string }).id;

    // Launch: the member snapshot.
    const launched = await bench.recorder.record(() =>
      time(() => admin.agent.post(`/api/v1/campaigns/${campaignId}/launch`)),
    );
    const [launchRes, launchMs] = launched.value;
    if (launchRes.statusCode !== 200) throw new Error(`launch: ${launchRes.statusCode} ${launchRes.body}`);
    const invited = (launchRes.json() as { invited: number }).invited;
    if (run === 0) {
      console.log(
        `    seeded ${org.people.length.toLocaleString('en')} active people in ${org.units.length} units in ${ms(seedMs)}; launch invited ${invited.toLocaleString('en')}`,
      );
      console.log(`    launch: ${launched.queries.length} statements (${statementSummary(launched.queries)})`);
      if (showPlans) printPlans('launch', await explain(bench.handle, launched.queries), SHOW_ALL_PLANS);
    }

    // The invitations went out at launch (working hours in every zone): mark them delivered, as the runner would have.
    await db
      .updateTable('jobs')
      .set({ completed_at: clock.now().toISOString() })
      .where('kind', '=', 'campaign.invite')
      .execute();
    await bulkInsert(db, 'assessment_results', campaignResults(org, campaignId, sealed, clock.now()));
    await analyzeIfPostgres(bench.handle);

    const statsUrl = `/api/v1/campaigns/${campaignId}/stats`;
    const stats = async (agent = admin.agent) => {
      const res = await agent.get(statsUrl);
      if (res.statusCode !== 200) throw new Error(`stats: ${res.statusCode} ${res.body}`);
      return res.json() as { responses: number | null; units: Array<{ participated: number | null }> };
    };
    // Cold: the published figures are k or more responses behind, so this view recounts and republishes.
    const republish = () =>
      db
        .updateTable('campaign_stat_snapshots')
        .set({ response_count: 0, result_rows: 0 })
        .where('campaign_id', '=', campaignId)
        .execute();
    const coldTimes: number[] = [];
    let coldQueries: Awaited<ReturnType<typeof bench.recorder.record>>['queries'] = [];
    let coldStats: Awaited<ReturnType<typeof stats>> | undefined;
    for (let i = 0; i < VIEWS; i++) {
      await republish();
      const recorded = await bench.recorder.record(() => time(() => stats()));
      coldTimes.push(recorded.value[1]);
      coldQueries = recorded.queries;
      coldStats = recorded.value[0];
    }
    const warm = await medianOf(VIEWS, () => stats());
    const warmQueries = (await bench.recorder.record(() => stats())).queries;
    // The yardstick (docs/decisions/024-campaign-reports.md): one hand-written GROUP BY of the same
    // counts the figures hold — distinct people per unit at launch, instrument and band — in the
    // same run, straight on the database. A warm view should cost at most 1.2× this.
    const groupBy = await medianOf(VIEWS, () =>
      sql`SELECT m.unit_id, r.instrument_id, r.band, count(DISTINCT r.person_id) AS n
          FROM assessment_results r
          JOIN campaign_members m ON m.campaign_id = r.campaign_id AND m.person_id = r.person_id
          WHERE r.campaign_id = ${campaignId} AND r.agency_id = ${org.agencyId}
          GROUP BY m.unit_id, r.instrument_id, r.band`.execute(db),
    );
    const scopedRun = await medianOf(VIEWS, () => stats(scoped.agent));
    if (run === 0) {
      const shown = coldStats?.units.filter((u) => u.participated !== null).length ?? 0;
      console.log(
        `    stats: ${coldStats?.responses} responses, ${coldStats?.units.length} unit rows (${shown} shown); scoped view: ${scopedRun.value.units.length} unit rows`,
      );
      console.log(`    stats cold: ${coldQueries.length} statements (${statementSummary(coldQueries)})`);
      console.log(`    stats warm: ${warmQueries.length} statements (${statementSummary(warmQueries)})`);
      if (showPlans) printPlans('stats, cold', await explain(bench.handle, coldQueries), SHOW_ALL_PLANS);
    }

    if (STATS_ONLY) {
      const figures = {
        launch: launchMs,
        statsCold: median(coldTimes),
        statsWarm: warm.median,
        groupBy: groupBy.median,
      };
      console.log(
        `    run ${run + 1}: stats cold ${ms(figures.statsCold)} / warm ${ms(figures.statsWarm)} / scoped ${ms(scopedRun.median)} / GROUP BY ${ms(figures.groupBy)} (warm ${(figures.statsWarm / figures.groupBy).toFixed(2)}×)`,
      );
      return { ...figures, statsScoped: scopedRun.median, sweep: 0, deliver: 0, queued: 0 };
    }
    // Three days on (Thursday 09:00 WIB): the runner's periodic sweep queues reminders, then delivers them.
    clock.set(new Date(BENCH_START.getTime() + 3 * DAY_MS));
    const sweep = await bench.recorder.record(() => time(() => services.jobs.tick()));
    const queued = Number(
      (
        await db
          .selectFrom('jobs')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('kind', '=', 'campaign.remind')
          .executeTakeFirstOrThrow()
      ).n,
    );
    let deliveredJobs = 0;
    let tickQueries: typeof sweep.queries = [];
    const [, deliverMs] = await time(async () => {
      for (;;) {
        const recorded = await bench.recorder.record(() => services.jobs.tick());
        if (recorded.value === 0) break;
        deliveredJobs += recorded.value;
        if (tickQueries.length === 0) tickQueries = recorded.queries;
      }
    });
    const reminders = Number(
      (
        await db
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('kind', '=', 'campaign.reminder')
          .executeTakeFirstOrThrow()
      ).n,
    );
    if (reminders !== queued || deliveredJobs !== queued)
      console.warn(`    !! queued ${queued} reminders, ran ${deliveredJobs} jobs, ${reminders} notifications`);
    if (run === 0) {
      console.log(
        `    reminder sweep: queued ${queued.toLocaleString('en')}; ${sweep.queries.length} statements (${statementSummary(sweep.queries)})`,
      );
      console.log(
        `    one delivery tick (10 jobs): ${tickQueries.length} statements (${statementSummary(tickQueries)})`,
      );
      if (showPlans) {
        printPlans('reminder sweep', await explain(bench.handle, sweep.queries), SHOW_ALL_PLANS);
        printPlans('delivery tick', await explain(bench.handle, tickQueries), SHOW_ALL_PLANS);
      }
    }
    const figures = {
      launch: launchMs,
      statsCold: median(coldTimes),
      statsWarm: warm.median,
      groupBy: groupBy.median,
      statsScoped: scopedRun.median,
      sweep: sweep.value[1],
      deliver: deliverMs,
      queued,
    };
    console.log(
      `    run ${run + 1}: launch ${ms(figures.launch)}, stats cold ${ms(figures.statsCold)} / warm ${ms(figures.statsWarm)} / scoped ${ms(figures.statsScoped)} / GROUP BY ${ms(figures.groupBy)} (warm ${(figures.statsWarm / figures.groupBy).toFixed(2)}×), ` +
        `reminder sweep ${ms(figures.sweep)}, delivery of ${queued.toLocaleString('en')} ${ms(figures.deliver)} (${ms(figures.deliver / Math.max(1, queued))} each)`,
    );
    return figures;
  } finally {
    await built.app.close();
  }
}

async function benchDatabase(
  label: string,
  open: (fn: (bench: BenchDatabase) => Promise<void>) => Promise<void>,
): Promise<void> {
  console.log(`\n${label}`);
  const runs: RunFigures[] = [];
  for (let run = 0; run < RUNS; run++) await open(async (bench) => void runs.push(await oneRun(bench, run)));
  const m = (pick: (r: RunFigures) => number) => ms(median(runs.map(pick)));
  console.log(`  median of ${runs.length} runs:`);
  console.log(`    launch (10,000 members)          ${m((r) => r.launch)}`);
  console.log(`    stats, cold (recount + publish)  ${m((r) => r.statsCold)}`);
  console.log(`    stats, warm                      ${m((r) => r.statsWarm)}`);
  console.log(`    one GROUP BY of the same counts  ${m((r) => r.groupBy)}`);
  console.log(
    `    warm view ÷ GROUP BY             ${median(runs.map((r) => r.statsWarm / r.groupBy)).toFixed(2)}× (goal ≤ 1.2×)`,
  );
  console.log(`    stats, scoped admin (warm)       ${m((r) => r.statsScoped)}`);
  console.log(`    reminder sweep (queue)           ${m((r) => r.sweep)}`);
  console.log(
    `    reminder delivery (all)          ${m((r) => r.deliver)} for ${runs[0]?.queued.toLocaleString('en')} reminders (${m((r) => r.deliver / Math.max(1, r.queued))} each)`,
  );
}

runBenchmark(
  `Campaign benchmark: ${PEOPLE.toLocaleString('en')} people, 301 units, PHQ-9 + GAD-7, 6,000 results; ${RUNS} run(s)`,
  benchDatabase,
);
