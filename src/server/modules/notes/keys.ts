import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Clock } from '../../clock.js';
import { keyIdOf, newId, openWith, randomKey, sealWith, type WrappingKey } from '../../crypto.js';
import { isUniqueViolation } from '../../plugins/error-handler.js';
import { findActiveDataKey, findDataKey, insertDataKey } from './notes.repository.js';
import crypto from 'node:crypto';

/** Unwrapped keys kept in memory, at most this many (the newest used stay). */
const CACHE_SIZE = 64;

/**
 * The per-agency data keys of session notes (docs/decisions/041-session-notes.md): envelope
 * encryption. Each agency has one active random 256-bit key, stored only wrapped by the server's
 * note-wrapping key; every ciphertext names the key that sealed it. Unwrapped keys live in a small
 * bounded map in memory and are never logged or sent (the class has no toJSON of its keys).
 */
export class NoteKeys {
  private readonly cache = new Map<string, Buffer>();

  constructor(private readonly deps: { db: Kysely<Database>; clock: Clock; wrapping: WrappingKey }) {}

  private remember(keyId: string, key: Buffer): Buffer {
    this.cache.delete(keyId);
    this.cache.set(keyId, key);
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return key;
  }

  /** The agency's active key, made on first use; two first uses racing meet at the unique index. */
  async active(agencyId: string, db: Kysely<Database> = this.deps.db): Promise<{ keyId: string; key: Buffer }> {
    const row = await findActiveDataKey(db, agencyId);
    if (row) return { keyId: row.key_id, key: await this.byId(row.key_id, db) };
    try {
      return await this.create(agencyId, db);
    } catch (err) {
      if (!isUniqueViolation(err as { code?: unknown })) throw err;
      const raced = await findActiveDataKey(this.deps.db, agencyId);
      if (!raced) throw err;
      return { keyId: raced.key_id, key: await this.byId(raced.key_id) };
    }
  }

  /** Makes a new active key for the agency (the caller retires the old one in the same transaction). */
  async create(agencyId: string, db: Kysely<Database> = this.deps.db): Promise<{ keyId: string; key: Buffer }> {
    const key = randomKey();
    const keyId = `dk${crypto.randomBytes(6).toString('hex')}`;
    const { wrapping, clock } = this.deps;
    await insertDataKey(db, {
      id: newId(),
      agency_id: agencyId,
      key_id: keyId,
      wrapped_key: wrapping.wrap(key, keyId),
      wrapping_key_id: wrapping.id,
      created_at: clock.now().toISOString(),
      retired_at: null,
    });
    return { keyId, key: this.remember(keyId, key) };
  }

  /** A key by the id a ciphertext names, unwrapped (from memory when it was used lately). */
  async byId(keyId: string, db: Kysely<Database> = this.deps.db): Promise<Buffer> {
    const cached = this.cache.get(keyId);
    if (cached) return this.remember(keyId, cached);
    const row = await findDataKey(db, keyId);
    if (!row) throw new Error('unknown note data key');
    if (row.wrapping_key_id !== this.deps.wrapping.id) throw new Error('note data key wrapped by another secret');
    return this.remember(keyId, this.deps.wrapping.unwrap(row.wrapped_key, keyId));
  }

  /** Forgets every unwrapped key (after a rotation or a rewrap). */
  forget(): void {
    this.cache.clear();
  }
}

/** The associated data of a note field: the ciphertext belongs to this note and this field only. */
export function noteAad(noteId: string, field: string): string {
  return `session-note:${noteId}:${field}`;
}

export function sealField(key: { keyId: string; key: Buffer }, noteId: string, field: string, text: string): string {
  return sealWith(key.key, key.keyId, text, noteAad(noteId, field));
}

export async function openField(
  keys: NoteKeys,
  noteId: string,
  field: string,
  sealed: string,
  db?: Kysely<Database>,
): Promise<string> {
  const keyId = keyIdOf(sealed);
  return openWith(await keys.byId(keyId, db), keyId, sealed, noteAad(noteId, field)).toString('utf8');
}
