import type { Insertable, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { CheckInsTable, Database } from '../../../db/schema.js';
import { StatementCache } from '../../../db/statement-cache.js';

export type CheckInRow = Selectable<CheckInsTable>;
export type NewCheckIn = Insertable<CheckInsTable> & { client_key: string };

/**
 * Stores many check-ins in one statement (the group commit of check-ins.service.ts): a new day is
 * inserted; an existing day is replaced and its version counted up, unless the stored row was
 * written by the same Idempotency-Key (a retry of a write already stored), which changes nothing.
 * Answers the rows it inserted or changed, whole (so the caller needs no second read); a retried
 * write is absent from the answer. The caller sends at most one row per (person, day).
 */
export async function upsertCheckIns(db: Kysely<Database>, rows: readonly NewCheckIn[]): Promise<CheckInRow[]> {
  if (rows.length === 0) return [];
  // Every row in the same column order, so the statement of n rows binds its values row by row.
  const ordered = rows.map((row) => Object.fromEntries(UPSERT_COLUMNS.map((c) => [c, row[c] ?? null])) as NewCheckIn);
  // The values row by row, then the 1 of `version + 1`.
  const parameters = [...ordered.flatMap((row) => UPSERT_COLUMNS.map((c) => row[c])), 1];
  return statements.execute(db, `upsert ${rows.length}`, parameters, () => upsertQuery(db, ordered));
}

/** The hot statements of the group commit, compiled once per batch size (src/db/statement-cache.ts). */
const statements = new StatementCache(256);

const UPSERT_COLUMNS = [
  'id',
  'person_id',
  'agency_id',
  'local_date',
  'mood',
  'stress',
  'energy',
  'sleep_minutes',
  'sleep_quality',
  'activity_minutes',
  'workload',
  'details_enc',
  'client_key',
  'version',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof NewCheckIn)[];

/**
 * The upsert names the columns it returns instead of `returning *`: it runs as a prepared statement
 * on PostgreSQL (docs/decisions/046-check-in-submit-cpu.md), and a prepared `*` fails once a later
 * migration adds a column to the table.
 */
function upsertQuery(db: Kysely<Database>, rows: readonly NewCheckIn[]) {
  return db
    .insertInto('check_ins')
    .values([...rows])
    .onConflict((oc) =>
      oc
        .columns(['person_id', 'local_date'])
        .doUpdateSet((eb) => ({
          mood: eb.ref('excluded.mood'),
          stress: eb.ref('excluded.stress'),
          energy: eb.ref('excluded.energy'),
          sleep_minutes: eb.ref('excluded.sleep_minutes'),
          sleep_quality: eb.ref('excluded.sleep_quality'),
          activity_minutes: eb.ref('excluded.activity_minutes'),
          workload: eb.ref('excluded.workload'),
          details_enc: eb.ref('excluded.details_enc'),
          client_key: eb.ref('excluded.client_key'),
          updated_at: eb.ref('excluded.updated_at'),
          version: eb('check_ins.version', '+', 1),
        }))
        .where((eb) =>
          eb.or([
            eb('check_ins.client_key', 'is', null),
            eb('check_ins.client_key', '<>', eb.ref('excluded.client_key')),
          ]),
        ),
    )
    .returning(UPSERT_COLUMNS);
}

/** The stored days of these (person, day) pairs, for the writes that turned out to be retries. */
export async function findCheckInsOfDays(
  db: Kysely<Database>,
  days: readonly { personId: string; localDate: string }[],
): Promise<CheckInRow[]> {
  if (days.length === 0) return [];
  return db
    .selectFrom('check_ins')
    .selectAll()
    .where((eb) =>
      eb.or(days.map((d) => eb.and([eb('person_id', '=', d.personId), eb('local_date', '=', d.localDate)]))),
    )
    .execute();
}

/**
 * The person's days from `from` to `to` (inclusive), oldest first: one range read on the unique
 * index (person_id, local_date), so a year of days is one indexed query.
 */
export async function findCheckInsBetween(
  db: Kysely<Database>,
  personId: string,
  agencyId: string,
  from: string,
  to: string,
): Promise<CheckInRow[]> {
  return db
    .selectFrom('check_ins')
    .selectAll()
    .where('person_id', '=', personId)
    .where('local_date', '>=', from)
    .where('local_date', '<=', to)
    .where('agency_id', '=', agencyId)
    .orderBy('local_date')
    .execute();
}

/** Every day the person has, for their copy (still encrypted). */
export async function findAllCheckIns(db: Kysely<Database>, personId: string, agencyId: string): Promise<CheckInRow[]> {
  return db
    .selectFrom('check_ins')
    .selectAll()
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .orderBy('local_date')
    .execute();
}

/** Erases the person's check-ins for good; answers how many went. */
export async function deleteCheckInsOf(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
  const result = await db
    .deleteFrom('check_ins')
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The retention schedule: erases the agency's check-ins of days before `cutoffDay`; answers how many. */
export async function deleteCheckInsBefore(db: Kysely<Database>, agencyId: string, cutoffDay: string): Promise<number> {
  const result = await db
    .deleteFrom('check_ins')
    .where('agency_id', '=', agencyId)
    .where('local_date', '<', cutoffDay)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** How many check-ins the person has (My data's overview). */
export async function countCheckInsOf(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
  const row = await db
    .selectFrom('check_ins')
    .select(sql<number>`cast(count(*) as integer)`.as('n'))
    .where('person_id', '=', personId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
