import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { roleUsedFor, type Permission } from '../../../domain/access/permissions.js';
import type { Clock } from '../../clock.js';
import type { AuditPage, AuditQueryInput } from '../../../contracts/audit.js';
import { ctx } from '../../http/context.js';
import { auditQueryOf, namedPeopleOf, presentAuditPage } from './audit.presenter.js';
import {
  findAboutSubject,
  findAuditEntries,
  insertAuditEntries,
  insertAuditEntry,
  type AuditEntry,
  type AuditQuery,
  type SubjectQuery,
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

/** Names of some people of an agency, by id (the org directory's `namesOf`). */
export type NamesOf = (agencyId: string, ids: string[]) => Promise<Map<string, string>>;

/**
 * The append-only audit log (docs/privacy.md §3). Write entries in the same
 * transaction as the change or read they record: pass `db` = the transaction.
 */
export class AuditService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    /** Wired to the org directory in services.ts; audit itself imports no other module. */
    private readonly namesOf: NamesOf = async () => new Map(),
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

  /**
   * Entries about one person written by someone else, of the given areas or actions, newest first:
   * the person's own access log reads them here (docs/decisions/042-counselling-consent.md).
   */
  async aboutSubject(query: SubjectQuery) {
    return findAboutSubject(this.db, query);
  }

  /** One page of the agency's log for its auditors, with the names of the people it may name. */
  async page(agencyId: string, q: AuditQueryInput): Promise<AuditPage> {
    const rows = await findAuditEntries(this.db, auditQueryOf(agencyId, q));
    const ids = namedPeopleOf(rows, q);
    const names = ids.length > 0 ? await this.namesOf(agencyId, ids) : new Map<string, string>();
    return presentAuditPage(rows, q, names);
  }
}
