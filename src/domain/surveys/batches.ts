/**
 * When sealed answers become readable rows (docs/decisions/048-climate-surveys.md). A table's
 * physical order is its insertion order, and whoever can compare two copies of the database sees
 * which rows a moment added. So answers are never written one by one: they wait sealed, and move
 * to the readable table in batches of at least `MIN_BATCH`, picked at random from those waiting,
 * while k of them always stay behind. Every change anyone can see then holds at least
 * `MIN_BATCH` answers, and the answer of someone who has just answered may be any of at least k + 1
 * waiting ones — also at closing, when the k held back move with the last ones.
 */

/** The fewest answers one move makes readable. */
export const MIN_BATCH = 10;

/**
 * How many of the waiting answers to move now. While the survey is open: none until k + MIN_BATCH
 * wait, then all but k. At closing: all of them, provided the survey has at least k answers in all
 * (fewer, and none is ever shown: they stay sealed, in case the survey is reopened).
 */
export function answersToMove(input: { waiting: number; moved: number; k: number; closing: boolean }): number {
  const { waiting, moved, k, closing } = input;
  if (waiting <= 0) return 0;
  if (closing) return waiting + moved >= k ? waiting : 0;
  return waiting >= k + MIN_BATCH ? waiting - k : 0;
}

/** A random integer in [0, maxExclusive): crypto.randomInt in the server, a seeded one in tests. */
export type RandomInt = (maxExclusive: number) => number;

/** A uniformly random order (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], randomInt: RandomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** `count` of the items chosen uniformly at random, in random order, and the rest. */
export function pickAtRandom<T>(items: readonly T[], count: number, randomInt: RandomInt): { chosen: T[]; rest: T[] } {
  const order = shuffled(items, randomInt);
  return { chosen: order.slice(0, count), rest: order.slice(count) };
}
