/**
 * Self-assessment benchmark: a person's own history and the counsellors' urgent queue,
 * through the HTTP app, in an agency of 10,000 people in 301 units.
 *
 *  - history: one person submits 200 results (PHQ-9 and GAD-7 in turn, one minute apart, every
 *    50th a crisis answer with "please contact me") through POST /api/v1/me/assessments; then
 *    GET /api/v1/me/assessments (all 200, each decrypted), the same filtered to the PHQ-9, and the
 *    FHIR export. The results table also holds 20,000 results of other people;
 *  - urgent queue: 500 open requests for help from 500 people across the agency, next to 2,000
 *    closed ones; GET /api/v1/counselling/urgent-requests (open and acknowledged, oldest first;
 *    the list shows up to 200, and each shown request is audited) for an agency-wide counsellor
 *    and one whose grant covers one of the six second-level units.
 *
 * Each run starts from a fresh database; figures are medians over the runs of the median of 10
 * requests per run. The statements each request runs are counted and the plan of every read is
 * checked for full scans (`--plans` prints them all).
 *
 *   npx tsx bench/self-assessment.ts            # SQLite, then PostgreSQL (DATABASE_URL or a throw-away cluster)
 *   BENCH_RUNS=5 npx tsx bench/self-assessment.ts --plans
 *
 * Figures are recorded in docs/benchmarks.md.
 */
import { CONSENT_TEXTS } from '../src/domain/assessments/consent.js';
import { ManualClock } from '../src/server/clock.js';
import { newId } from '../src/server/crypto.js';
import { PHQ9_CRISIS, PHQ9_MODERATELY_SEVERE, submissionKey } from '../test/support/assessments.js';
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
  type Agent,
  type BenchDatabase,
} from './support.js';

const PEOPLE = 10_000;
const HISTORY = 200;
const OPEN_REQUESTS = 500;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const VIEWS = 10;
const SHOW_ALL_PLANS = process.argv.includes('--plans');
const GAD7_MILD = [1, 1, 1, 1, 1, 0, 0];

interface RunFigures {
  submit: number;
  history: number;
  historyFiltered: number;
  fhir: number;
  queue: number;
  queueScoped: number;
}

async function getOk(agent: Agent, url: string) {
  const res = await agent.get(url);
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res;
}

async function oneRun(bench: BenchDatabase, run: number): Promise<RunFigures> {
  const clock = new ManualClock(BENCH_START);
  const built = await benchApp(bench.handle, clock);
  const { services } = built;
  const db = bench.handle.db;
  const first = run === 0;
  try {
    const org = await seedOrganisation(db, PEOPLE);
    const level2 = org.units.filter((u) => u.level === 2);
    const home = org.units.find((u) => u.level === 4) ?? org.units[0];
    const me = await signedIn(built, clock, { agencyId: org.agencyId, unitId: home?.id as string, role: 'employee' });

    // 20,000 results of other people, so the person's rows are a small part of the table.
    const sealed = services.keys.encrypt('{}');
    await bulkInsert(
      db,
      'assessment_results',
      Array.from({ length: 20_000 }, (_, i) => ({
        id: newId(),
        agency_id: org.agencyId,
        person_id: (org.people[(i * 7_919) % org.people.length] as { id: string }).id,
        instrument_id: i % 2 === 0 ? 'phq9' : 'gad7',
        instrument_version: '1',
        submission_key: `k-${newId()}`,
        campaign_id: null,
        answers_enc: sealed,
        result_enc: sealed,
        total: i % 27,
        band: 'mild',
        crisis: 0,
        care_step: null,
        locale: 'id',
        created_at: new Date(BENCH_START.getTime() - (i + 1) * 60_000).toISOString(),
      })),
    );

    // The person's 200 submissions, one minute apart.
    const submitTimes: number[] = [];
    for (let i = 0; i < HISTORY; i++) {
      clock.advance(60_000);
      const crisis = i % 50 === 49;
      const body = {
        instrumentId: i % 2 === 0 ? 'phq9' : 'gad7',
        answers: crisis ? PHQ9_CRISIS : i % 2 === 0 ? PHQ9_MODERATELY_SEVERE : GAD7_MILD,
        submissionKey: submissionKey(),
        consentVersion: CONSENT_TEXTS.self_assessment,
        ...(crisis
          ? {
              instrumentId: 'phq9',
              contactRequest: { method: 'phone', contact: '0274 555 0101', note: 'Tolong hubungi saya' },
            }
          : {}),
      };
      const started = performance.now();
      const res = await me.agent.post('/api/v1/me/assessments', body);
      submitTimes.push(performance.now() - started);
      if (res.statusCode !== 201) throw new Error(`submit: ${res.statusCode} ${res.body.slice(0, 300)}`);
    }

    // The counsellors sign in now (sessions last 30 idle minutes of the bench clock).
    const counsellor = await signedIn(built, clock, { agencyId: org.agencyId, unitId: org.rootId, role: 'counsellor' });
    const scoped = await signedIn(built, clock, {
      agencyId: org.agencyId,
      unitId: level2[1]?.id as string,
      role: 'counsellor',
      scopeUnitId: level2[1]?.id as string,
    });
    // 2,000 closed requests for help and 500 open ones, from 2,500 people across the agency.
    const request = (personId: string, unitId: string, i: number, status: 'open' | 'closed') => ({
      id: newId(),
      agency_id: org.agencyId,
      person_id: personId,
      unit_id: unitId,
      source: i % 3 === 0 ? 'assessment' : 'help_button',
      result_id: null,
      contact_method: 'phone',
      contact_enc: services.keys.encrypt(`08${String(1_200_000_000 + i)}`),
      preferred_time: 'Pagi',
      note_enc: i % 2 === 0 ? services.keys.encrypt('Tolong hubungi saya secepatnya') : null,
      status,
      submission_key: `k-${newId()}`,
      created_at: new Date(BENCH_START.getTime() - (OPEN_REQUESTS + 2_000 - i) * 600_000).toISOString(),
      acknowledged_by: status === 'closed' ? counsellor.personId : null,
      acknowledged_at: status === 'closed' ? BENCH_START.toISOString() : null,
      closed_at: status === 'closed' ? BENCH_START.toISOString() : null,
    });
    const spread = org.people
      .map((p, i) => ({ p, key: (i * 104_729) % org.people.length }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.p);
    await bulkInsert(db, 'crisis_requests', [
      ...spread.slice(0, 2_000).map((p, i) => request(p.id, p.unitId, i, 'closed')),
      ...spread.slice(2_000, 2_000 + OPEN_REQUESTS).map((p, i) => request(p.id, p.unitId, 2_000 + i, 'open')),
    ]);
    await analyzeIfPostgres(bench.handle);

    const history = await medianOf(VIEWS, () => getOk(me.agent, '/api/v1/me/assessments'));
    const items = (history.value.json() as { items: unknown[] }).items.length;
    const filtered = await medianOf(VIEWS, () => getOk(me.agent, '/api/v1/me/assessments?instrumentId=phq9'));
    const fhir = await medianOf(VIEWS, () => getOk(me.agent, '/api/v1/me/assessments/fhir'));
    const historyQueries = (await bench.recorder.record(() => getOk(me.agent, '/api/v1/me/assessments'))).queries;

    const queueUrl = '/api/v1/counselling/urgent-requests';
    const queue = await medianOf(VIEWS, () => getOk(counsellor.agent, queueUrl));
    const queueScoped = await medianOf(VIEWS, () => getOk(scoped.agent, queueUrl));
    const queueQueries = (await bench.recorder.record(() => getOk(counsellor.agent, queueUrl))).queries;
    if (first) {
      const shown = (queue.value.json() as { items: unknown[] }).items.length;
      const shownScoped = (queueScoped.value.json() as { items: unknown[] }).items.length;
      console.log(
        `    history: ${items} results listed; urgent queue: ${shown} of ${OPEN_REQUESTS} open requests listed (agency-wide), ${shownScoped} (scoped)`,
      );
      console.log(`    history: ${historyQueries.length} statements (${statementSummary(historyQueries)})`);
      console.log(`    urgent queue: ${queueQueries.length} statements (${statementSummary(queueQueries)})`);
      printPlans('history', await explain(bench.handle, historyQueries), SHOW_ALL_PLANS);
      printPlans('urgent queue', await explain(bench.handle, queueQueries), SHOW_ALL_PLANS);
    }
    const figures: RunFigures = {
      submit: median(submitTimes),
      history: history.median,
      historyFiltered: filtered.median,
      fhir: fhir.median,
      queue: queue.median,
      queueScoped: queueScoped.median,
    };
    console.log(
      `    run ${run + 1}: submit ${ms(figures.submit)}, history ${ms(figures.history)} (PHQ-9 only ${ms(figures.historyFiltered)}, FHIR ${ms(figures.fhir)}), ` +
        `urgent queue ${ms(figures.queue)} (scoped ${ms(figures.queueScoped)})`,
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
  console.log(`    submit one result                     ${m((r) => r.submit)}`);
  console.log(`    own history, 200 results              ${m((r) => r.history)}`);
  console.log(`    own history, PHQ-9 only (100)         ${m((r) => r.historyFiltered)}`);
  console.log(`    FHIR export, 200 results              ${m((r) => r.fhir)}`);
  console.log(`    urgent queue, 500 open (agency-wide)  ${m((r) => r.queue)}`);
  console.log(`    urgent queue, scoped counsellor       ${m((r) => r.queueScoped)}`);
}

runBenchmark(
  `Self-assessment benchmark: ${PEOPLE.toLocaleString('en')} people, ${HISTORY} own results, ${OPEN_REQUESTS} open requests for help; ${RUNS} run(s)`,
  benchDatabase,
);
