import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.js';
import { ANSWERED, type TallyQuestion } from '../../src/domain/surveys/tally.js';
import { KeyRing, newId } from '../../src/server/crypto.js';
import {
  moveWaitingAnswers,
  PendingSeal,
  submitAnswer,
  type SealedAnswer,
} from '../../src/server/modules/surveys/answers.repository.js';
import { createAgency, createPerson, type TestPerson } from '../support/factories.js';
import { createTestDatabase, postgresSkipReason, TEST_DB_KIND, type TestDatabase } from '../support/test-database.js';

/**
 * The write path of climate-survey answers (docs/decisions/048-climate-surveys.md): one answer per
 * person, sealed until it moves in a random batch with k held back, and nothing in the readable
 * tables that leads back to a person.
 */
const K = 5;
const QUESTIONS: TallyQuestion[] = [
  { id: 'demands', kind: 'likert', points: 5 },
  { id: 'support', kind: 'multiple', options: [{ id: 'eap' }, { id: 'peer' }] },
  { id: 'comment', kind: 'text' },
];
const SECRET = Buffer.alloc(32, 7);

describe.skipIf(postgresSkipReason())('survey answers', () => {
  let database: TestDatabase;
  let people: TestPerson[];
  let agencyId: string;
  const seal = new PendingSeal(SECRET);
  const db = () => database.handle.db;

  beforeAll(async () => {
    database = await createTestDatabase();
    const agency = await createAgency(db());
    agencyId = agency.agencyId;
    const keys = new KeyRing(SECRET);
    people = [];
    for (let i = 0; i < 22; i += 1)
      people.push(
        await createPerson(db(), keys, { agencyId, unitId: agency.rootUnitId, fullName: `Pegawai Nomor ${i}` }),
      );
  });
  afterAll(async () => database.destroy());

  async function openSurvey(): Promise<string> {
    const id = newId();
    const now = new Date().toISOString();
    await db()
      .insertInto('surveys')
      .values({
        id,
        agency_id: agencyId,
        title: JSON.stringify({ id: 'Survei iklim kerja', en: 'Work climate survey' }),
        template_id: null,
        variant: null,
        definition: '{}',
        status: 'open',
        target_unit_ids: '[]',
        employment_types: null,
        opens_on: '2026-12-01',
        closes_on: '2026-12-15',
        previous_survey_id: null,
        threshold: K,
        comment_threshold: 10,
        created_by: people[0]!.id,
        created_at: now,
        updated_at: now,
        opened_at: now,
        closed_at: null,
      })
      .execute();
    return id;
  }

  const answerOf = (i: number): SealedAnswer => ({
    profileKey: 'root|*|*|*',
    answers: { demands: (i % 5) + 1, support: i % 2 === 0 ? ['eap'] : ['eap', 'peer'], comment: `Catatan ${i}` },
    comments: [{ questionId: 'comment', text: `Catatan ${i}` }],
  });

  const count = async (table: keyof Database, surveyId: string) =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select(sql<number>`cast(count(*) as integer)`.as('n'))
          .where('survey_id' as never, '=', surveyId as never)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('moves nothing until k + 10 answers wait, then all but k, and the last k at closing', async () => {
    const surveyId = await openSurvey();
    const move = (closing = false) => moveWaitingAnswers(db(), seal, { surveyId, questions: QUESTIONS, k: K, closing });
    for (let i = 0; i < K + 9; i += 1)
      expect(await submitAnswer(db(), seal, { surveyId, personId: people[i]!.id, answer: answerOf(i) })).toBe('stored');
    expect(await move()).toBe(0);
    expect(await count('survey_responses', surveyId)).toBe(0);

    await submitAnswer(db(), seal, { surveyId, personId: people[K + 9]!.id, answer: answerOf(K + 9) });
    expect(await move()).toBe(10);
    expect(await count('survey_pending', surveyId)).toBe(K);
    expect(await count('survey_responses', surveyId)).toBe(10);
    expect(await count('survey_comments', surveyId)).toBe(10);

    expect(await move(true)).toBe(K);
    expect(await count('survey_pending', surveyId)).toBe(0);
    expect(await count('survey_responses', surveyId)).toBe(K + 10);

    // Every answer counted once: 15 answered each question, and the Likert points add up to them.
    const tallies = await db()
      .selectFrom('survey_tallies')
      .select(['question_id', 'value', 'count'])
      .where('survey_id', '=', surveyId)
      .execute();
    const of = (q: string, v: number) => tallies.find((t) => t.question_id === q && t.value === v)?.count ?? 0;
    expect(of('demands', ANSWERED)).toBe(15);
    expect([1, 2, 3, 4, 5].map((v) => of('demands', v))).toEqual([3, 3, 3, 3, 3]);
    expect(of('support', 0)).toBe(15);
    expect(of('support', 1)).toBe(7);
    const survey = await db()
      .selectFrom('surveys')
      .select('moved_count')
      .where('id', '=', surveyId)
      .executeTakeFirstOrThrow();
    expect(survey.moved_count).toBe(15);
  });

  it('keeps a second answer of the same person out without touching the first', async () => {
    const surveyId = await openSurvey();
    const personId = people[0]!.id;
    expect(await submitAnswer(db(), seal, { surveyId, personId, answer: answerOf(1) })).toBe('stored');
    const before = await db().selectFrom('survey_pending').selectAll().where('survey_id', '=', surveyId).execute();
    expect(await submitAnswer(db(), seal, { surveyId, personId, answer: answerOf(2) })).toBe('already_answered');
    const after = await db().selectFrom('survey_pending').selectAll().where('survey_id', '=', surveyId).execute();
    expect(after).toEqual(before);
    expect(seal.open(surveyId, before[0]!.id, before[0]!.sealed).answers.demands).toBe(2);
  });

  it('stores one answer from 20 submits of one person at once', async () => {
    const surveyId = await openSurvey();
    const personId = people[3]!.id;
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => submitAnswer(db(), seal, { surveyId, personId, answer: answerOf(i) })),
    );
    expect(outcomes.filter((o) => o === 'stored')).toHaveLength(1);
    expect(await count('survey_participation', surveyId)).toBe(1);
    expect(await count('survey_pending', surveyId)).toBe(1);
  });

  it('a sealed answer moved to another row or survey does not open', async () => {
    const surveyId = await openSurvey();
    const sealed = seal.seal(surveyId, 'row-1', answerOf(0));
    expect(() => seal.open(surveyId, 'row-2', sealed)).toThrow();
    expect(() => seal.open(newId(), 'row-1', sealed)).toThrow();
    expect(() => new PendingSeal(Buffer.alloc(32, 8)).open(surveyId, 'row-1', sealed)).toThrow();
  });

  it('no column, value or order of the readable tables leads to a person', async () => {
    const surveyId = await openSurvey();
    for (let i = 0; i < 20; i += 1)
      await submitAnswer(db(), seal, { surveyId, personId: people[i]!.id, answer: answerOf(i) });
    await moveWaitingAnswers(db(), seal, { surveyId, questions: QUESTIONS, k: K, closing: true });

    const columns = async (table: string) =>
      TEST_DB_KIND === 'sqlite'
        ? (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db())).rows.map(
            (r) => r.name,
          )
        : (
            await sql<{
              name: string;
            }>`select column_name as name from information_schema.columns where table_name = ${table}`.execute(db())
          ).rows.map((r) => r.name);
    expect((await columns('survey_responses')).sort()).toEqual(['answers', 'id', 'profile_key', 'survey_id']);
    expect((await columns('survey_comments')).sort()).toEqual([
      'id',
      'profile_key',
      'question_id',
      'survey_id',
      'text',
    ]);
    expect((await columns('survey_participation')).sort()).toEqual(['person_id', 'survey_id']);
    expect((await columns('survey_pending')).sort()).toEqual(['id', 'sealed', 'survey_id']);

    // No person's id, NIP, e-mail or name appears in any readable row.
    const readable = JSON.stringify([
      await db().selectFrom('survey_responses').selectAll().where('survey_id', '=', surveyId).execute(),
      await db().selectFrom('survey_comments').selectAll().where('survey_id', '=', surveyId).execute(),
      await db().selectFrom('survey_tallies').selectAll().where('survey_id', '=', surveyId).execute(),
    ]);
    for (const p of people)
      for (const trace of [p.id, p.nip, p.email, p.fullName]) if (trace) expect(readable).not.toContain(trace);

    // The ids are random (UUID v4), not a sequence; on SQLite the tables keep no insertion order.
    const ids = (
      await db().selectFrom('survey_responses').select('id').where('survey_id', '=', surveyId).execute()
    ).map((r) => r.id);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    if (TEST_DB_KIND === 'sqlite') {
      const rowid = await sql`select rowid from survey_responses limit 1`.execute(db()).then(
        () => 'has rowid',
        () => 'no rowid',
      );
      expect(rowid).toBe('no rowid');
    }
  });
});
