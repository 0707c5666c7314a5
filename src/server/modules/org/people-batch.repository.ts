import { sql, type Kysely } from 'kysely';
import type { Database, NewPerson, OrgUnitRow } from '../../../db/schema.js';
import { batchesOf } from '../../../db/batches.js';

/*
 * The bulk path of the org module, used by imports: thousands of rows in a handful of statements.
 * The single-row paths (forms) live in people.repository.ts and units.repository.ts; both keep
 * search_text and email_normalized the same way (searchTextOf).
 */

/** One row's new values for a batched update, by column. */
export interface RowUpdate {
  id: string;
  values: Record<string, string | null>;
}

/**
 * Updates many rows with one statement per batch, joining a VALUES list on the id:
 * `UPDATE t SET c = v.column2 … FROM (VALUES (…), …) AS v WHERE t.id = v.column1`. SQLite (3.33+)
 * and PostgreSQL both run it, and both name VALUES columns column1, column2, …
 */
async function updateInBatches(
  db: Kysely<Database>,
  table: 'people' | 'org_units',
  agencyId: string,
  rows: RowUpdate[],
  now: string,
): Promise<void> {
  for (const batch of batchesOf(rows)) {
    const columns = Object.keys(batch[0]?.values ?? {});
    const tuples = batch.map((r) => sql`(${sql.join([r.id, ...columns.map((c) => r.values[c] ?? null)])})`);
    const sets = columns.map((column, i) => sql`${sql.ref(column)} = ${sql.ref(`v.column${i + 2}`)}`);
    await sql`update ${sql.table(table)} set ${sql.join([...sets, sql`${sql.ref('updated_at')} = ${now}`])}
      from (values ${sql.join(tuples)}) as v
      where ${sql.ref(`${table}.agency_id`)} = ${agencyId} and ${sql.ref(`${table}.id`)} = ${sql.ref('v.column1')}`.execute(
      db,
    );
  }
}

/** Adds many people, in batches. */
export async function insertPeopleInBatches(db: Kysely<Database>, rows: NewPerson[]): Promise<void> {
  for (const batch of batchesOf(rows)) await db.insertInto('people').values(batch).execute();
}

/** Changes many people of the agency (each row its own values; every row the same columns). */
export async function updatePeopleInBatches(
  db: Kysely<Database>,
  agencyId: string,
  rows: RowUpdate[],
  now: string,
): Promise<void> {
  await updateInBatches(db, 'people', agencyId, rows, now);
}

/** Adds many units in the order given: each batch's parents must be stored already or be in the same batch. */
export async function insertUnitsInBatches(db: Kysely<Database>, rows: OrgUnitRow[]): Promise<void> {
  for (const batch of batchesOf(rows)) await db.insertInto('org_units').values(batch).execute();
}

/** Changes many units of the agency. */
export async function updateUnitsInBatches(
  db: Kysely<Database>,
  agencyId: string,
  rows: RowUpdate[],
  now: string,
): Promise<void> {
  await updateInBatches(db, 'org_units', agencyId, rows, now);
}
