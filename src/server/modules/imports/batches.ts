/** Rows per multi-row statement: a few hundred keeps every statement well under both databases' parameter limits. */
export const BATCH_SIZE = 250;

/** Splits a list into consecutive batches of at most `size`. */
export function batchesOf<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
