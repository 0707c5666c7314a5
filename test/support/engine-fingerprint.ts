import { createHash } from 'node:crypto';
import { SeededRandom } from '../../src/cli/demo/random.js';

/**
 * A compact record of an anonymity decision: how many cells are withheld and a hash of every
 * withheld cell key with its reason, sorted (src/domain/surveys/results-fingerprint.test.ts).
 */
export function fingerprint(withheld: ReadonlyMap<string, string>): string {
  const lines = [...withheld].map(([key, reason]) => `${key}=${reason}`).sort();
  return `${lines.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
}

/** A seeded generator (mulberry32, the demo's): the same random agencies on every run. */
export function seeded(seed: number): () => number {
  const generator = new SeededRandom(seed);
  return () => generator.next();
}
