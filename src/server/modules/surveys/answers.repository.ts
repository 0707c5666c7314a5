import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { answersToMove, pickAtRandom, shuffled, type RandomInt } from '../../../domain/surveys/batches.js';
import { addUp, tallyEntries, type AnswerValue, type TallyQuestion } from '../../../domain/surveys/tally.js';
import { newId, openWith, sealWith, WrappingKey } from '../../crypto.js';
import { eachBatch } from '../../../db/batches.js';

/**
 * The write path of survey answers (docs/decisions/048-climate-surveys.md): who has answered goes
 * to `survey_participation`, what they answered waits sealed in `survey_pending`, and moves to the
 * readable tables in random batches with k always held back. Nothing here reads a response back
 * by person: there is no way to.
 */

/** What waits sealed: the profile the response will carry, its answers and its masked comments. */
export interface SealedAnswer {
  profileKey: string;
  answers: Record<string, AnswerValue>;
  comments: Array<{ questionId: string; text: string }>;
}

/** The key pending answers are sealed with: derived from the instance secret, never stored. */
export class PendingSeal {
  private readonly key: WrappingKey;

  constructor(secret: Buffer) {
    this.key = new WrappingKey(secret, 'survey-pending:v1');
  }

  /** Bound to its row: a sealed answer copied to another row or survey does not open. */
  seal(surveyId: string, id: string, answer: SealedAnswer): string {
    return sealWith(this.key.key, this.key.id, JSON.stringify(answer), `survey-pending:${surveyId}:${id}`);
  }

  open(surveyId: string, id: string, sealed: string): SealedAnswer {
    return JSON.parse(openWith(this.key.key, this.key.id, sealed, `survey-pending:${surveyId}:${id}`).toString('utf8'));
  }
}

const cryptoRandomInt: RandomInt = (max) => crypto.randomInt(max);

export type SubmitOutcome = 'stored' | 'already_answered' | 'not_open';

export interface AnswerToStore {
  surveyId: string;
  personId: string;
  answer: SealedAnswer;
}

/**
 * Records that each person answered and seals their answer — a batch of submissions in one
 * transaction, one disk sync (docs/decisions/033-group-commit.md): both rows of a submission or
 * neither. A second answer of the same person (in the table or earlier in the batch) meets the
 * participation key and changes nothing; the first is not looked at. A survey no longer open
 * takes nothing: on PostgreSQL its row is read FOR SHARE, so a closing waits for this batch and
 * then moves what it wrote.
 */
export async function submitAnswers(
  db: Kysely<Database>,
  kind: 'sqlite' | 'postgres',
  seal: PendingSeal,
  items: readonly AnswerToStore[],
): Promise<SubmitOutcome[]> {
  if (items.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const surveyIds = [...new Set(items.map((i) => i.surveyId))];
    let open = trx.selectFrom('surveys').select('id').where('id', 'in', surveyIds).where('status', '=', 'open');
    if (kind === 'postgres') open = open.forShare();
    const openIds = new Set((await open.execute()).map((r) => r.id));
    const seen = new Set<string>();
    const outcomes: SubmitOutcome[] = items.map((item) => {
      if (!openIds.has(item.surveyId)) return 'not_open';
      const key = `${item.surveyId}\u001f${item.personId}`;
      if (seen.has(key)) return 'already_answered';
      seen.add(key);
      return 'stored';
    });
    const candidates = items.filter((_, i) => outcomes[i] === 'stored');
    if (candidates.length === 0) return outcomes;
    const inserted = await trx
      .insertInto('survey_participation')
      .values(candidates.map((c) => ({ survey_id: c.surveyId, person_id: c.personId })))
      .onConflict((oc) => oc.columns(['survey_id', 'person_id']).doNothing())
      .returning(['survey_id', 'person_id'])
      .execute();
    const stored = new Set(inserted.map((r) => `${r.survey_id}\u001f${r.person_id}`));
    items.forEach((item, i) => {
      if (outcomes[i] === 'stored' && !stored.has(`${item.surveyId}\u001f${item.personId}`))
        outcomes[i] = 'already_answered';
    });
    const pending = items
      .filter((_, i) => outcomes[i] === 'stored')
      .map((item) => {
        const id = newId();
        return { id, survey_id: item.surveyId, sealed: seal.seal(item.surveyId, id, item.answer) };
      });
    // The pending rows go in shuffled, so not even their order in one statement follows arrival.
    if (pending.length > 0) await trx.insertInto('survey_pending').values(shuffled(pending, cryptoRandomInt)).execute();
    return outcomes;
  });
}

/** One submission on its own (tests, and a batch of one). */
export async function submitAnswer(
  db: Kysely<Database>,
  seal: PendingSeal,
  input: AnswerToStore,
  kind: 'sqlite' | 'postgres' = 'sqlite',
): Promise<SubmitOutcome> {
  const [outcome] = await submitAnswers(db, kind, seal, [input]);
  return outcome as SubmitOutcome;
}

/**
 * Moves waiting answers of a survey to the readable tables if enough wait (all at closing):
 * chosen at random, written in a random order under fresh ids, counted into the tallies, their
 * comments stored apart, their sealed rows deleted — one transaction. Movers of one survey take
 * turns on the survey's row, so two of them never leave fewer than k behind. Returns how many moved.
 */
export async function moveWaitingAnswers(
  db: Kysely<Database>,
  seal: PendingSeal,
  input: { surveyId: string; questions: readonly TallyQuestion[]; k: number; closing: boolean },
  randomInt: RandomInt = cryptoRandomInt,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // Taking the survey's row first makes movers of one survey wait for each other (on SQLite
    // every write transaction already does).
    const survey = await trx
      .updateTable('surveys')
      .set({ moved_count: sql`moved_count` })
      .where('id', '=', input.surveyId)
      .returning(['moved_count'])
      .executeTakeFirst();
    if (!survey) return 0;
    const waiting = await trx
      .selectFrom('survey_pending')
      .select(['id', 'sealed'])
      .where('survey_id', '=', input.surveyId)
      .execute();
    const count = answersToMove({
      waiting: waiting.length,
      moved: survey.moved_count,
      k: input.k,
      closing: input.closing,
    });
    if (count === 0) return 0;
    const { chosen } = pickAtRandom(waiting, count, randomInt);
    const opened = chosen.map((row) => seal.open(input.surveyId, row.id, row.sealed));
    await writeReadable(trx, input.surveyId, input.questions, opened);
    await eachBatch(chosen, (batch) =>
      trx
        .deleteFrom('survey_pending')
        .where(
          'id',
          'in',
          batch.map((row) => row.id),
        )
        .execute(),
    );
    await trx
      .updateTable('surveys')
      .set({ moved_count: sql`moved_count + ${count}` })
      .where('id', '=', input.surveyId)
      .execute();
    return count;
  });
}

/** The responses (already in random order), their comments and their tallies. */
async function writeReadable(
  trx: Transaction<Database>,
  surveyId: string,
  questions: readonly TallyQuestion[],
  answers: readonly SealedAnswer[],
): Promise<void> {
  const responses = answers.map((a) => ({
    id: newId(),
    survey_id: surveyId,
    profile_key: a.profileKey,
    answers: JSON.stringify(a.answers),
  }));
  const comments = answers.flatMap((a) =>
    a.comments.map((c) => ({
      id: newId(),
      survey_id: surveyId,
      question_id: c.questionId,
      profile_key: a.profileKey,
      text: c.text,
    })),
  );
  for (let i = 0; i < responses.length; i += 200)
    await trx
      .insertInto('survey_responses')
      .values(responses.slice(i, i + 200))
      .execute();
  for (let i = 0; i < comments.length; i += 200)
    await trx
      .insertInto('survey_comments')
      .values(comments.slice(i, i + 200))
      .execute();

  const byProfile = new Map<string, SealedAnswer[]>();
  for (const a of answers) byProfile.set(a.profileKey, [...(byProfile.get(a.profileKey) ?? []), a]);
  const tallies = [...byProfile.entries()].flatMap(([profileKey, group]) =>
    [...addUp(group.flatMap((a) => tallyEntries(questions, a.answers))).values()].map((t) => ({
      survey_id: surveyId,
      profile_key: profileKey,
      question_id: t.questionId,
      value: t.value,
      count: t.count,
    })),
  );
  for (let i = 0; i < tallies.length; i += 200) {
    await trx
      .insertInto('survey_tallies')
      .values(tallies.slice(i, i + 200))
      .onConflict((oc) =>
        oc
          .columns(['survey_id', 'profile_key', 'question_id', 'value'])
          .doUpdateSet({ count: (eb) => eb('survey_tallies.count', '+', eb.ref('excluded.count')) }),
      )
      .execute();
  }
}
