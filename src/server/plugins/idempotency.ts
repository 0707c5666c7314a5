import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { App } from '../app-types.js';
import type { Clock } from '../clock.js';
import { newId } from '../crypto.js';
import { ctx } from '../http/context.js';
import { AppError } from '../http/errors.js';
import { isUniqueViolation } from './error-handler.js';
import {
  deleteIdempotencyKey,
  deleteIdempotencyKeysBefore,
  findIdempotencyKey,
  insertIdempotencyKey,
  storeIdempotentAnswer,
} from './idempotency.repository.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
/** Keys are kept a day (Stripe keeps 24 h): long enough for any client retry. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

const claimed = new WeakMap<FastifyRequest, string>();

/** Keyed (HMAC) so the stored fingerprint of a body cannot be brute-forced back into the body. */
function fingerprint(request: FastifyRequest, key: Buffer): string {
  return crypto
    .createHmac('sha256', key)
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

/**
 * Idempotency-Key semantics (Stripe; docs/privacy.md §5): the first request with a key runs and its
 * response is stored; a retry with the same key and body gets the stored response; the same key
 * with a different body is refused; a retry while the first is still running gets 409.
 */
export function installIdempotency(app: App, deps: { db: Kysely<Database>; clock: Clock; key: Buffer }): void {
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !WRITE_METHODS.has(request.method)) return;
    // An upload's body is streamed to the handler, so it cannot be hashed here; uploads only stage
    // an import (nothing is written until the separate commit step), so they are not claimed.
    if (String(request.headers['content-type'] ?? '').startsWith('multipart/')) return;
    if ((request.routeOptions.config as { carriesSecrets?: boolean }).carriesSecrets) return;
    if (!KEY_PATTERN.test(key)) throw new AppError(400, 'validation');
    const c = ctx(request);
    const scope = c.session ? `person:${c.session.person.id}` : `ip:${c.ip}`;
    const requestHash = fingerprint(request, deps.key);
    const id = newId();
    try {
      await insertIdempotencyKey(deps.db, {
        id,
        scope,
        idem_key: key,
        method: request.method,
        path: request.url,
        request_hash: requestHash,
        status_code: null,
        response_body: null,
        created_at: deps.clock.now().toISOString(),
      });
      claimed.set(request, id);
      return;
    } catch (err) {
      // The key exists: replay, refuse or ask to wait. Any other failure (the database is away,
      // read-only, full) is answered as such (503/507), not as "still in progress" (docs/decisions/015-database-faults.md).
      if (!isUniqueViolation(err as { code?: unknown })) throw err;
    }
    const existing = await findIdempotencyKey(deps.db, scope, key);
    if (!existing) throw new AppError(409, 'idempotency_in_progress');
    if (existing.request_hash !== requestHash) throw new AppError(422, 'idempotency_mismatch');
    if (existing.status_code === null) throw new AppError(409, 'idempotency_in_progress');
    reply.header('idempotent-replayed', 'true');
    reply.header('content-type', 'application/json; charset=utf-8');
    return reply.status(existing.status_code).send(existing.response_body ?? '');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const id = claimed.get(request);
    if (!id) return payload;
    claimed.delete(request);
    try {
      if (reply.statusCode >= 500 || reply.statusCode === 429) {
        // Not a final answer: let the client retry with the same key.
        await deleteIdempotencyKey(deps.db, id);
      } else {
        await storeIdempotentAnswer(deps.db, id, reply.statusCode, typeof payload === 'string' ? payload : null);
      }
    } catch (err) {
      // The database went away after the route's own work was done. The answer is still the true
      // one (a committed write stays acknowledged); only a retry with this key will be told "in
      // progress" until the key expires (docs/decisions/015-database-faults.md, "Known gap").
      request.log.warn(
        { db: { code: (err as { code?: unknown }).code, message: (err as Error).message } },
        'idempotency answer not recorded',
      );
    }
    return payload;
  });
}

/** Deletes keys older than the TTL (run by the job runner). */
export async function purgeIdempotencyKeys(db: Kysely<Database>, now: Date): Promise<void> {
  await deleteIdempotencyKeysBefore(db, new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString());
}
