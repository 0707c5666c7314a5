import { createHash } from 'node:crypto';

/**
 * A compact record of an anonymity decision: how many cells are withheld and a hash of every
 * withheld cell key with its reason, sorted (src/domain/surveys/results-fingerprint.test.ts).
 */
export function fingerprint(withheld: ReadonlyMap<string, string>): string {
  const lines = [...withheld].map(([key, reason]) => `${key}=${reason}`).sort();
  return `${lines.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
}
