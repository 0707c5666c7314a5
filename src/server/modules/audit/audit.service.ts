import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { roleUsedFor, type Permission } from '../../../domain/access/permissions.js';
import type { Clock } from '../../clock.js';
import { ctx } from '../../http/context.js';
import {
  findAuditEntries,
  insertAuditEntries,
  insertAuditEntry,
  type AuditEntry,
  type AuditQuery,
} from './audit.repository.js';

/** Who did it, from where: the part of an audit entry a request knows. */
export type AuditOrigin = Pick<AuditEntry, 'agencyId' | 'actorId' | 'actorRole' | 'requestId'>;

/** The request's actor and request id, for an audit entry. */
export function auditOrigin(request: FastifyRequest, permission?: Permission): AuditOrigin {
  const c = ctx(request);
  const s = c.session;
  return {
    agencyId: s?.person.agencyId ?? null,
    actorId: s?.person.id ?? null,
    actorRole: s ? roleUsedFor(s.actor, permission) : null,
    requestId: c.requestId,
  };
}

/**
 * The append-only audit log (PRIVACY.md §3, issue 2 item 9). Write entries in the same
 * transaction as the change or read they record: pass `db` = the transaction.
 */
export class AuditService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async record(entry: AuditEntry, db: Kysely<Database> = this.db): Promise<void> {
    await insertAuditEntry(db, entry, this.clock.now().toISOString());
  }

  /** Several entries at once (multi-row inserts), e.g. one per person a list showed. */
  async recordMany(entries: readonly AuditEntry[], db: Kysely<Database> = this.db): Promise<void> {
    await insertAuditEntries(db, entries, this.clock.now().toISOString());
  }

  async find(query: AuditQuery) {
    return findAuditEntries(this.db, query);
  }
}
