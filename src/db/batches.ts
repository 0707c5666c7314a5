/**
 * Many rows in a few statements. A multi-row INSERT or an `in (…)` list binds one parameter per
 * value; SQLite allows 32,766 and PostgreSQL 65,535 per statement, so a few hundred rows of a
 * table of up to a few dozen columns stay well inside both, and a few statements replace
 * thousands of round trips.
 */
export const STATEMENT_BATCH = 250;

/** `items` in consecutive slices of at most `size` (none for an empty list). */
export function batchesOf<T>(items: readonly T[], size: number = STATEMENT_BATCH): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

/** Runs `run` on each slice in turn (inside the caller's transaction, if any: all or none). */
export async function eachBatch<T>(
  items: readonly T[],
  run: (batch: T[]) => Promise<unknown>,
  size: number = STATEMENT_BATCH,
): Promise<void> {
  for (const batch of batchesOf(items, size)) await run(batch);
}

/** Runs a query per slice and joins the rows it returns (lookups by a long list of ids). */
export async function collectBatches<T, R>(
  items: readonly T[],
  run: (batch: T[]) => Promise<R[]>,
  size: number = STATEMENT_BATCH,
): Promise<R[]> {
  const rows: R[] = [];
  for (const batch of batchesOf(items, size)) rows.push(...(await run(batch)));
  return rows;
}
