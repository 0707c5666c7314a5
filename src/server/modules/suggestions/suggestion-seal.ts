import { openWith, sealWith, WrappingKey } from '../../crypto.js';
import type { SuggestionTopic } from '../../../domain/suggestions/release.js';

/** What waits sealed: the text as written and its topic. */
export interface SealedSuggestion {
  topic: SuggestionTopic | null;
  text: string;
}

/**
 * Every sealed suggestion is padded to this many bytes before sealing, so the length of a pending
 * row (which a database administrator sees next to the daily counter that moved with it) says
 * nothing about the length of the text released later. 2,000 characters of up to four bytes each,
 * JSON escaping and the topic fit with room to spare.
 */
const SEALED_BYTES = 16_384;

/**
 * The key waiting suggestions are sealed with: derived from the instance secret, never stored
 * (docs/decisions/052-suggestion-box.md) — a database copy or a backup cannot open them.
 */
export class SuggestionSeal {
  private readonly key: WrappingKey;

  constructor(secret: Buffer) {
    this.key = new WrappingKey(secret, 'suggestion-pending:v1');
  }

  /** Bound to its row and agency: a sealed text copied to another row or agency does not open. */
  seal(agencyId: string, id: string, suggestion: SealedSuggestion): string {
    const json = Buffer.from(JSON.stringify(suggestion), 'utf8');
    if (json.length > SEALED_BYTES) throw new Error('suggestion too long to seal');
    const padded = Buffer.concat([json, Buffer.alloc(SEALED_BYTES - json.length, 0x20)]);
    return sealWith(this.key.key, this.key.id, padded, `suggestion-pending:${agencyId}:${id}`);
  }

  open(agencyId: string, id: string, sealed: string): SealedSuggestion {
    const padded = openWith(this.key.key, this.key.id, sealed, `suggestion-pending:${agencyId}:${id}`);
    return JSON.parse(padded.toString('utf8').trimEnd()) as SealedSuggestion;
  }
}
