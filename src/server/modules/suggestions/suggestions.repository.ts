import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, SuggestionsTable } from '../../../db/schema.js';
import { shuffled, type RandomInt } from '../../../domain/surveys/batches.js';
import { newId } from '../../crypto.js';
import type { SealedSuggestion, SuggestionSeal } from './suggestion-seal.js';

/**
 * The suggestion box's tables (docs/decisions/052-suggestion-box.md). The write path keeps who sent
 * (a count per person and day) and what was sent (a sealed row) in two tables with nothing in
 * common; a release moves every waiting text of an agency at once, in a shuffled order, under
 * fresh ids. Nothing here reads a suggestion by person: there is no way to.
 */

const cryptoRandomInt: RandomInt = (max) => crypto.randomInt(max);

export type SendOutcome = 'stored' | 'duplicate' | 'limited';

export interface SendInput {
  agencyId: string;
  personId: string;
  day: string;
  /** Hash of the request's Idempotency-Key, or null when it sent none. */
  retryKey: string | null;
  perDay: number;
  suggestion: SealedSuggestion;
}

/**
 * Counts the send against the person's day and seals the text, in one transaction: both or
 * neither. The counter moves only while it is under the day's limit, and not for a retry of the
 * day's last send (same Idempotency-Key), which is answered as stored without a second row.
 */
export async function recordSend(db: Kysely<Database>, seal: SuggestionSeal, input: SendInput): Promise<SendOutcome> {
  return db.transaction().execute(async (trx) => {
    const counted = await trx
      .insertInto('suggestion_daily')
      .values({ person_id: input.personId, day: input.day, count: 1, last_key: input.retryKey })
      .onConflict((oc) =>
        oc
          .columns(['person_id', 'day'])
          .doUpdateSet({ count: sql`suggestion_daily.count + 1`, last_key: (eb) => eb.ref('excluded.last_key') })
          .where('suggestion_daily.count', '<', input.perDay)
          .where((eb) =>
            eb.or([
              eb('suggestion_daily.last_key', 'is', null),
              eb('excluded.last_key', 'is', null),
              eb('suggestion_daily.last_key', '<>', eb.ref('excluded.last_key')),
            ]),
          ),
      )
      .returning('count')
      .executeTakeFirst();
    if (!counted) {
      const row = await trx
        .selectFrom('suggestion_daily')
        .select('last_key')
        .where('person_id', '=', input.personId)
        .where('day', '=', input.day)
        .executeTakeFirst();
      return input.retryKey !== null && row?.last_key === input.retryKey ? 'duplicate' : 'limited';
    }
    const id = newId();
    await trx
      .insertInto('suggestion_pending')
      .values({ id, agency_id: input.agencyId, sealed: seal.seal(input.agencyId, id, input.suggestion) })
      .execute();
    return 'stored';
  });
}

/** How many suggestions a person sent on a day (their copy of their data). */
export async function sendsOn(db: Kysely<Database>, personId: string, day: string): Promise<number> {
  const row = await db
    .selectFrom('suggestion_daily')
    .select('count')
    .where('person_id', '=', personId)
    .where('day', '=', day)
    .executeTakeFirst();
  return row?.count ?? 0;
}

/** Counters of days gone by: they limit nothing any more. */
export async function deleteDaysBefore(db: Kysely<Database>, day: string): Promise<void> {
  await db.deleteFrom('suggestion_daily').where('day', '<', day).execute();
}

export async function agenciesWithWaiting(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('suggestion_pending').select('agency_id').distinct().execute();
  return rows.map((r) => r.agency_id);
}

export async function waitingCount(db: Kysely<Database>, agencyId: string): Promise<number> {
  const row = await db
    .selectFrom('suggestion_pending')
    .select(sql<number>`cast(count(*) as integer)`.as('n'))
    .where('agency_id', '=', agencyId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Full names of the agency's people: the words the masking takes out. */
export async function agencyPeopleNames(db: Kysely<Database>, agencyId: string): Promise<string[]> {
  const rows = await db.selectFrom('people').select('full_name').where('agency_id', '=', agencyId).execute();
  return rows.map((r) => r.full_name);
}

export interface ReleasePlan {
  agencyId: string;
  /** How many waiting suggestions to release, given how many wait and the last release's week. */
  decide: (waiting: number, lastReleaseWeek: string | null) => number;
  weekOf: string;
  /** Masks what could name someone, before the text is written readable. */
  mask: (text: string) => string;
}

/**
 * Releases an agency's waiting suggestions if the plan says so: all of them, opened, masked,
 * shuffled and written under fresh ids with their release; their sealed rows deleted — one
 * transaction. Two releasers of one agency cannot both succeed: the second meets the release
 * sequence's unique key and rolls back. Returns how many were released (0: none).
 */
export async function releaseWaiting(
  db: Kysely<Database>,
  seal: SuggestionSeal,
  plan: ReleasePlan,
  randomInt: RandomInt = cryptoRandomInt,
): Promise<{ released: number; releaseId: string | null }> {
  try {
    return await db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('suggestion_releases')
        .select(['seq', 'week_of'])
        .where('agency_id', '=', plan.agencyId)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const waiting = await trx
        .selectFrom('suggestion_pending')
        .select(['id', 'sealed'])
        .where('agency_id', '=', plan.agencyId)
        .execute();
      const count = plan.decide(waiting.length, last?.week_of ?? null);
      if (count === 0 || count !== waiting.length) return { released: 0, releaseId: null };
      const releaseId = newId();
      const seq = (last?.seq ?? 0) + 1;
      await trx
        .insertInto('suggestion_releases')
        .values({ id: releaseId, agency_id: plan.agencyId, seq, week_of: plan.weekOf, count })
        .execute();
      const rows: SuggestionsTable[] = shuffled(waiting, randomInt).map((row) => {
        const opened = seal.open(plan.agencyId, row.id, row.sealed);
        return {
          id: newId(),
          agency_id: plan.agencyId,
          release_id: releaseId,
          release_seq: seq,
          week_of: plan.weekOf,
          topic: opened.topic,
          text: plan.mask(opened.text),
          reply: null,
          replied_at: null,
          hidden_reason: null,
          hidden_at: null,
        };
      });
      for (let i = 0; i < rows.length; i += 200)
        await trx
          .insertInto('suggestions')
          .values(rows.slice(i, i + 200))
          .execute();
      for (let i = 0; i < waiting.length; i += 500)
        await trx
          .deleteFrom('suggestion_pending')
          .where(
            'id',
            'in',
            waiting.slice(i, i + 500).map((w) => w.id),
          )
          .execute();
      return { released: count, releaseId };
    });
  } catch (err) {
    // Another release of the agency committed first: this one changed nothing.
    if (isUniqueViolation(err)) return { released: 0, releaseId: null };
    throw err;
  }
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e.code === '23505' || /UNIQUE constraint failed/.test(e.message ?? '');
}

export interface ListFilter {
  agencyId: string;
  topic?: string;
  page: number;
  pageSize: number;
  /** The board leaves hidden suggestions out; the wellbeing team sees them marked. */
  includeHidden: boolean;
}

export async function listSuggestions(db: Kysely<Database>, filter: ListFilter) {
  let base = db.selectFrom('suggestions').where('agency_id', '=', filter.agencyId);
  if (filter.topic) base = base.where('topic', '=', filter.topic);
  if (!filter.includeHidden) base = base.where('hidden_at', 'is', null);
  const [items, total] = await Promise.all([
    base
      .select(['id', 'topic', 'text', 'week_of', 'reply', 'hidden_reason'])
      .orderBy('release_seq', 'desc')
      .orderBy('id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    base.select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findSuggestion(db: Kysely<Database>, agencyId: string, id: string) {
  return db
    .selectFrom('suggestions')
    .select(['id', 'topic', 'text', 'week_of', 'reply', 'hidden_reason'])
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function setReply(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  reply: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('suggestions')
    .set({ reply, replied_at: at })
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .execute();
}

export async function setHidden(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  reason: string | null,
  at: string | null,
): Promise<void> {
  await db
    .updateTable('suggestions')
    .set({ hidden_reason: reason, hidden_at: at })
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .execute();
}

/** The latest releases of an agency with their counts per topic: two queries, not one per release. */
export async function latestReleases(db: Kysely<Database>, agencyId: string, limit: number) {
  const releases = await db
    .selectFrom('suggestion_releases')
    .select(['id', 'seq', 'week_of', 'count'])
    .where('agency_id', '=', agencyId)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  if (releases.length === 0) return [];
  const counts = await db
    .selectFrom('suggestions')
    .select(['release_id', 'topic', sql<number>`cast(count(*) as integer)`.as('n')])
    .where('agency_id', '=', agencyId)
    .where(
      'release_id',
      'in',
      releases.map((r) => r.id),
    )
    .groupBy(['release_id', 'topic'])
    .execute();
  return releases.map((r) => ({
    ...r,
    topics: counts.filter((c) => c.release_id === r.id).map((c) => ({ topic: c.topic, count: Number(c.n) })),
  }));
}
