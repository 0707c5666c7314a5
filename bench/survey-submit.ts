/**
 * Survey answer submit benchmark (docs/benchmarks.md, "Survey submit"; issue 12 asks for at least
 * 500 answers a second on each database with nothing lost). From a load generator in a second
 * process (bench/load.ts), side by side in alternating pairs:
 *
 *  (a) a bare Fastify route that validates the same JSON with the same zod schema and durably
 *      inserts one row per request (SQLite: WAL, synchronous=FULL; PostgreSQL: synchronous_commit on);
 *  (b) the real submit, POST /api/v1/me/surveys/:id/answers: signed in, CSRF checked, validated
 *      against the frozen definition, the participation row and the sealed answer written in one
 *      transaction (docs/decisions/048-climate-surveys.md).
 *
 * A person answers a survey once, so each (b) run gets SURVEYS fresh open surveys of the same
 * PEOPLE and the i-th request is person i mod PEOPLE answering survey ⌊i / PEOPLE⌋. Afterwards
 * every acknowledged answer is looked for: one participation row and one sealed answer each.
 *
 *   npx tsx bench/survey-submit.ts                 # SQLite, then PostgreSQL
 *   BENCH_SECONDS=5 npx tsx bench/survey-submit.ts --sqlite-only
 *   BENCH_SECONDS=5 npx tsx bench/survey-submit.ts --sqlite-only --statements   # statements per submit
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { surveyAnswersBody } from '../src/contracts/surveys.js';
import type { Actor } from '../src/domain/access/permissions.js';
import { ManualClock } from '../src/server/clock.js';
import { newId } from '../src/server/crypto.js';
import type { BuiltApp } from '../src/server/app.js';
import { formatRun, loadFromChild, medianRun, signedInPeople, type LoadResult, type LoadSpec } from './load.js';
import {
  BENCH_START,
  benchApp,
  median,
  runBenchmark,
  seedOrganisation,
  signedIn,
  statementSummary,
  type BenchDatabase,
} from './support.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Enough surveys that a run at full speed never runs out of people who have not answered. */
const SURVEYS = Number(process.env.BENCH_SURVEYS ?? 60);
const GOAL_PER_SECOND = 500;

async function bareServer(bench: BenchDatabase) {
  const db = bench.handle.db;
  await sql`create table bench_bare (id text primary key, survey_id text not null, answers text not null)`.execute(db);
  const app = Fastify({ logger: false });
  app.post('/bare/:id', async (request, reply) => {
    const parsed = surveyAnswersBody.safeParse(request.body);
    if (!parsed.success) return reply.status(400).send({ error: 'validation' });
    const surveyId = (request.params as { id: string }).id;
    await sql`insert into bench_bare values (${newId()}, ${surveyId}, ${JSON.stringify(parsed.data.answers)})`.execute(
      db,
    );
    return reply.status(201).send({ ok: true });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** SURVEYS open pulse surveys of the unit, through the surveys module as an admin would open them. */
async function openSurveys(built: BuiltApp, admin: Actor, unitId: string): Promise<string[]> {
  const origin = { agencyId: admin.agencyId, actorId: admin.personId, actorRole: 'wellbeing_admin', requestId: null };
  const ids: string[] = [];
  for (let i = 0; i < SURVEYS; i++) {
    const survey = await built.services.surveys.create(
      admin,
      {
        title: `Pulse ${i}`,
        templateId: 'pulse',
        variant: 'administration',
        unitIds: [unitId],
        opensOn: '2026-11-23',
        closesOn: '2026-12-31',
      },
      origin,
    );
    await built.services.surveys.open(admin, survey.id, origin);
    ids.push(survey.id);
  }
  return ids;
}

async function benchOne(label: string, bench: BenchDatabase): Promise<void> {
  const clock = new ManualClock(BENCH_START);
  const built = await benchApp(bench.handle, clock);
  const db = bench.handle.db;
  const org = await seedOrganisation(db, 1_000);
  // A unit of its own, so that every survey asks exactly the people signed in.
  const unitId = org.units.find((u) => u.level === 4)?.id as string;
  await db.deleteFrom('people').where('unit_id', '=', unitId).execute();
  const people = await signedInPeople(built, clock, { agencyId: org.agencyId, unitId }, PEOPLE);
  const { personId } = await signedIn(built, clock, {
    agencyId: org.agencyId,
    unitId: org.rootId,
    role: 'wellbeing_admin',
  });
  const admin: Actor = { personId, agencyId: org.agencyId, grants: [{ role: 'wellbeing_admin', unitId: null }] };

  const loadBefore = os.loadavg()[0]?.toFixed(1);
  await built.app.listen({ host: '127.0.0.1', port: 0 });
  const realUrl = `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}`;
  const bare = await bareServer(bench);
  const bareSpec = (rate: number, seconds = SECONDS): LoadSpec => ({
    url: bare.url,
    path: `/bare/${newId()}`,
    maker: 'survey-answer',
    seconds,
    connections: CONNECTIONS,
    rate,
    people,
  });
  const realSpec = async (rate: number, seconds = SECONDS): Promise<LoadSpec> => {
    const ids = await openSurveys(built, admin, unitId);
    return {
      ...bareSpec(rate, seconds),
      url: realUrl,
      path: '',
      paths: ids.map((id) => `/api/v1/me/surveys/${id}/answers`),
    };
  };
  try {
    await loadFromChild(bareSpec(0, 2));
    await loadFromChild(await realSpec(0, 2));
    if (process.argv.includes('--statements')) {
      // Where a submit's time goes: its statements, recorded over one run at full speed.
      const spec = await realSpec(0);
      const { value, queries } = await bench.recorder.record(() => loadFromChild(spec));
      console.log(`\n${label}: one run at full speed with its statements recorded: ${formatRun(value)}`);
      console.log(
        `  statements: ${(queries.length / Math.max(1, value.ok)).toFixed(2)} per acknowledged submit (${statementSummary(queries)})`,
      );
      return;
    }
    const pair = async (round: number, rate: number) => {
      const spec = await realSpec(rate);
      if (round % 2 === 0) {
        const a = await loadFromChild(bareSpec(rate));
        return { bare: a, real: await loadFromChild(spec) };
      }
      const b = await loadFromChild(spec);
      return { bare: await loadFromChild(bareSpec(rate)), real: b };
    };
    const pairs: { bare: LoadResult; real: LoadResult }[] = [];
    for (let round = 0; round < ROUNDS; round++) pairs.push(await pair(round, 0));
    const bareMax = medianRun(pairs.map((p) => p.bare));
    const realMax = medianRun(pairs.map((p) => p.real));
    const atGoal: LoadResult[] = [];
    for (let round = 0; round < ROUNDS; round++) atGoal.push(await loadFromChild(await realSpec(GOAL_PER_SECOND)));

    // Nothing lost, nothing twice: every acknowledged answer is one participation row and one
    // sealed answer (the warm-up runs included, as their answers are in the same tables).
    const count = async (table: 'survey_participation' | 'survey_pending') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select(sql<number>`cast(count(*) as integer)`.as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [participation, pending] = [await count('survey_participation'), await count('survey_pending')];
    const runs = [...pairs.map((p) => p.real), ...atGoal];
    const acknowledged = runs.reduce((s, r) => s + r.ok, 0);

    const ratio = median(pairs.map((p) => p.real.rps / p.bare.rps));
    const goal = medianRun(atGoal, 'p99');
    console.log(
      `\n${label}: ${PEOPLE} people signed in, ${SURVEYS} fresh surveys per run, ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} alternating pairs; load average before ${loadBefore}, after ${os.loadavg()[0]?.toFixed(1)}`,
    );
    pairs.forEach((p, i) =>
      console.log(
        `  pair ${i + 1} at max: (a) ${Math.round(p.bare.rps)} req/s, (b) ${Math.round(p.real.rps)} req/s → ${(p.real.rps / p.bare.rps).toFixed(2)}×`,
      ),
    );
    console.log(`  (a) bare durable route, max        ${formatRun(bareMax)}   (median pair)`);
    console.log(`  (b) survey answer submit, max      ${formatRun(realMax)}   (median pair)`);
    console.log(`      ratio (b)/(a) at max           ${ratio.toFixed(2)}× (median of the pairs' ratios)`);
    console.log(`  (b) offered ${GOAL_PER_SECOND}/s                ${formatRun(goal)}   (median)`);
    console.log(
      `  goal: (b) holds ${GOAL_PER_SECOND} answers/s → ${realMax.rps >= GOAL_PER_SECOND && goal.non2xx + goal.errors === 0 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `  stored: ${acknowledged} acknowledged in the measured runs; in the tables (warm-up included) ${participation} participation rows and ${pending} sealed answers → ${participation === pending ? 'one each' : 'MISMATCH'}`,
    );
  } finally {
    await bare.app.close();
    await built.app.close();
  }
}

runBenchmark('Survey answer submit benchmark', async (label, withDatabase) => {
  await withDatabase((bench) => benchOne(label, bench));
});
