import type { Kysely } from 'kysely';
import type { Database, ImportRow } from '../../../db/schema.js';

/** An import without its (possibly large) rows. */
export type ImportSummaryRow = Omit<ImportRow, 'rows'>;

const SUMMARY_COLUMNS = [
  'id',
  'agency_id',
  'kind',
  'file_name',
  'status',
  'total_rows',
  'processed_rows',
  'valid_rows',
  'problem_count',
  'report',
  'mode',
  'created_by',
  'created_at',
  'updated_at',
  'committed_at',
  'result',
] as const;

/** Stores a new import with its rows. */
export async function insertImport(db: Kysely<Database>, row: ImportRow): Promise<void> {
  await db.insertInto('imports').values(row).execute();
}

/** One import of the agency, without its rows. */
export async function findImport(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
): Promise<ImportSummaryRow | undefined> {
  return db
    .selectFrom('imports')
    .select(SUMMARY_COLUMNS)
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** One import with its rows, for validating or committing. */
export async function findImportWithRows(db: Kysely<Database>, id: string): Promise<ImportRow | undefined> {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The agency's latest imports, newest first. */
export async function findRecentImports(
  db: Kysely<Database>,
  agencyId: string,
  limit: number,
): Promise<ImportSummaryRow[]> {
  return db
    .selectFrom('imports')
    .select(SUMMARY_COLUMNS)
    .where('agency_id', '=', agencyId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Imports of every agency in one state, oldest first (for resuming after a restart). */
export async function findImportIdsWithStatus(db: Kysely<Database>, status: string): Promise<string[]> {
  const rows = await db.selectFrom('imports').select('id').where('status', '=', status).orderBy('created_at').execute();
  return rows.map((r) => r.id);
}

/**
 * Changes an import only while it is in one of the expected states, so that two actors (or a
 * request and the background check) cannot both move it on. Returns whether it changed.
 */
export async function updateImportIf(
  db: Kysely<Database>,
  id: string,
  expected: readonly string[],
  patch: Partial<Omit<ImportRow, 'id' | 'agency_id' | 'kind' | 'created_by' | 'created_at'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('imports')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
