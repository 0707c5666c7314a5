import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { answersToMove, pickAtRandom, type RandomInt } from '../../../domain/surveys/batches.js';
import { addUp, tallyEntries, type AnswerValue, type TallyQuestion } from '../../../domain/surveys/tally.js';
import { newId, openWith, sealWith, WrappingKey } from '../../crypto.js';

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

export type SubmitOutcome = 'stored' | 'already_answered';

/**
 * Records that the person answered and seals their answer, in one transaction: both or neither.
 * A second answer of the same person meets the participation key and changes nothing; the first
 * is not looked at.
 */
export async function submitAnswer(
  db: Kysely<Database>,
  seal: PendingSeal,
  input: { surveyId: string; personId: string; answer: SealedAnswer },
): Promise<SubmitOutcome> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('survey_participation')
      .values({ survey_id: input.surveyId, person_id: input.personId })
      .onConflict((oc) => oc.columns(['survey_id', 'person_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return 'already_answered';
    const id = newId();
    await trx
      .insertInto('survey_pending')
      .values({ id, survey_id: input.surveyId, sealed: seal.seal(input.surveyId, id, input.answer) })
      .execute();
    return 'stored';
  });
}

const cryptoRandomInt: RandomInt = (max) => crypto.randomInt(max);

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
    for (let i = 0; i < chosen.length; i += 500) {
      const ids = chosen.slice(i, i + 500).map((row) => row.id);
      await trx.deleteFrom('survey_pending').where('id', 'in', ids).execute();
    }
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
