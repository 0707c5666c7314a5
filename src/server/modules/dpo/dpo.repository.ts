import type { Kysely } from 'kysely';
import type { BreachesTable, Database } from '../../../db/schema.js';
import { newId } from '../../crypto.js';

/* Queries of the DPO console: denied reads, processing records, breaches, retention. */

/** Stores one denied read (route pattern and status only). */
export async function insertDeniedRead(
  db: Kysely<Database>,
  row: { agencyId: string; actorId: string; route: string; status: number; at: string },
): Promise<void> {
  await db
    .insertInto('denied_reads')
    .values({
      id: newId(),
      agency_id: row.agencyId,
      actor_id: row.actorId,
      route: row.route,
      status_code: row.status,
      occurred_at: row.at,
    })
    .execute();
}

/** How many denied reads one person had since `since`. */
export async function countDeniedReads(
  db: Kysely<Database>,
  agencyId: string,
  actorId: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom('denied_reads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', '=', agencyId)
    .where('actor_id', '=', actorId)
    .where('occurred_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** People with many audited exports since `since`, per agency. */
export async function countExportsByActor(db: Kysely<Database>, since: string, minimum: number) {
  const rows = await db
    .selectFrom('audit_log')
    .select(['agency_id', 'actor_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('occurred_at', '>=', since)
    .where('actor_id', 'is not', null)
    .where('agency_id', 'is not', null)
    .where('action', 'like', '%export%')
    .groupBy(['agency_id', 'actor_id'])
    .having((eb) => eb.fn.countAll(), '>=', minimum)
    .execute();
  return rows.map((r) => ({ agencyId: r.agency_id as string, actorId: r.actor_id as string, count: Number(r.n) }));
}

/* ------------------------------------------------------------ processing records */

export async function listProcessingRecords(db: Kysely<Database>, agencyId: string) {
  return db.selectFrom('processing_activities').selectAll().where('agency_id', '=', agencyId).execute();
}

export async function insertProcessingRecords(
  db: Kysely<Database>,
  rows: Array<Database['processing_activities']>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('processing_activities')
    .values(rows)
    .onConflict((oc) => oc.columns(['agency_id', 'data_class']).doNothing())
    .execute();
}

export async function updateProcessingRecord(
  db: Kysely<Database>,
  agencyId: string,
  dataClass: string,
  patch: Partial<Database['processing_activities']>,
): Promise<void> {
  await db
    .updateTable('processing_activities')
    .set(patch)
    .where('agency_id', '=', agencyId)
    .where('data_class', '=', dataClass)
    .execute();
}

/* ------------------------------------------------------------ breaches */

export async function insertBreach(db: Kysely<Database>, row: BreachesTable): Promise<void> {
  await db.insertInto('breaches').values(row).execute();
}

export async function findBreach(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
): Promise<BreachesTable | undefined> {
  return db
    .selectFrom('breaches')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listBreaches(db: Kysely<Database>, agencyId: string): Promise<BreachesTable[]> {
  return db
    .selectFrom('breaches')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('discovered_at', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
}

export async function updateBreach(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  patch: Partial<BreachesTable>,
): Promise<void> {
  await db.updateTable('breaches').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

/* ------------------------------------------------------------ retention */

export async function listRetentionPolicies(db: Kysely<Database>, agencyId: string) {
  return db.selectFrom('retention_policies').selectAll().where('agency_id', '=', agencyId).execute();
}

export async function upsertRetentionPolicy(db: Kysely<Database>, row: Database['retention_policies']): Promise<void> {
  await db
    .insertInto('retention_policies')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['agency_id', 'data_class'])
        .doUpdateSet({ days: row.days, updated_by: row.updated_by, updated_at: row.updated_at }),
    )
    .execute();
}

export async function listRetentionRuns(db: Kysely<Database>, agencyId: string) {
  return db
    .selectFrom('retention_runs')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('ran_at', 'desc')
    .limit(10)
    .execute();
}

export async function insertRetentionRun(
  db: Kysely<Database>,
  agencyId: string,
  counts: Record<string, number>,
  at: string,
): Promise<void> {
  await db
    .insertInto('retention_runs')
    .values({ id: newId(), agency_id: agencyId, ran_at: at, counts: JSON.stringify(counts) })
    .execute();
}

/** The retention schedule for the DPO's own class: denied reads older than `cutoff`. */
export async function deleteDeniedReadsBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
  const result = await db
    .deleteFrom('denied_reads')
    .where('agency_id', '=', agencyId)
    .where('occurred_at', '<', cutoff)
    .executeTakeFirstOrThrow();
  return Number(result.numDeletedRows);
}
