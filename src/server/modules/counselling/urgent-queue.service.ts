import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { crisisRequestView } from '../../../contracts/counselling.js';
import type { Database } from '../../../db/schema.js';
import { unitScopeOf, type Actor } from '../../../domain/access/permissions.js';
import type { AuditAction } from '../../../domain/audit/audit-actions.js';
import type { KeyRing } from '../../crypto.js';
import { AppError, notFound } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { CrisisRequestRow, CrisisService, CrisisStatusFilter } from '../help/index.js';
import type { CounsellorCoverage } from './coverage.service.js';

type CrisisRequestView = z.infer<typeof crisisRequestView>;

/** How many requests the urgent queue shows at once; the list says how many more there are. */
export const URGENT_QUEUE_LIMIT = 200;

/** Why a counsellor reads or handles a request; kept with every audit entry. */
const PURPOSE = 'crisis_follow_up';

/**
 * The counsellors' urgent queue (a minimal list, not yet the full counselling
 * workspace). A counsellor sees only requests from people in the units their grant covers; every
 * read of the list and every acknowledge or close is audited in the same transaction as the read
 * or change (docs/privacy.md §3), with the person as subject and never the contact or note text.
 */
export class UrgentQueueService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      keys: KeyRing;
      audit: AuditService;
      crisis: CrisisService;
      coverage: CounsellorCoverage;
    },
  ) {}

  /** The queue, by status ('active' = open and acknowledged), newest first; `total` counts them all. */
  async list(actor: Actor, status: CrisisStatusFilter, origin: AuditOrigin) {
    const { db, audit, crisis } = this.deps;
    const unitIds = await this.scope(actor);
    return db.transaction().execute(async (trx) => {
      const query = { agencyId: actor.agencyId, status, unitIds, excludePersonId: actor.personId };
      const rows = await crisis.queue(trx, query, URGENT_QUEUE_LIMIT);
      // A full page may hide older requests: the counsellor must know there are more.
      const total = rows.length < URGENT_QUEUE_LIMIT ? rows.length : await crisis.countQueue(trx, query);
      // One entry per request shown, written together (one statement per 250 entries).
      await audit.recordMany(
        rows.map((r) => this.entry(origin, 'crisis.request_viewed', r)),
        trx,
      );
      return { items: rows.map((r) => this.present(r)), total };
    });
  }

  /** "I am on it": the first counsellor to acknowledge is recorded; closed requests stay closed. */
  async acknowledge(actor: Actor, id: string, origin: AuditOrigin): Promise<CrisisRequestView> {
    return this.transition(actor, id, 'acknowledged', origin);
  }

  /** The follow-up is done. */
  async close(actor: Actor, id: string, origin: AuditOrigin): Promise<CrisisRequestView> {
    return this.transition(actor, id, 'closed', origin);
  }

  private async transition(
    actor: Actor,
    id: string,
    to: 'acknowledged' | 'closed',
    origin: AuditOrigin,
  ): Promise<CrisisRequestView> {
    const { db, audit, crisis } = this.deps;
    const unitIds = await this.scope(actor);
    return db.transaction().execute(async (trx) => {
      const query = { agencyId: actor.agencyId, id, unitIds, excludePersonId: actor.personId };
      const [row] = await crisis.queue(trx, query, 1);
      // Outside the counsellor's units the request does not exist for them.
      if (!row) throw notFound();
      if (row.status === 'closed') throw new AppError(409, 'crisis_request_closed');
      // The request belongs to help: it is changed through help's service.
      await crisis.transition(trx, row, to, actor.personId);
      await audit.record(
        this.entry(origin, to === 'closed' ? 'crisis.request_closed' : 'crisis.request_acknowledged', row),
        trx,
      );
      const [after] = await crisis.queue(trx, query, 1);
      return this.present(after as CrisisRequestRow);
    });
  }

  private async scope(actor: Actor): Promise<Set<string> | null> {
    return this.deps.coverage.unitsWithin(actor.agencyId, unitScopeOf(actor, 'read:crisis-request:unit'));
  }

  private entry(origin: AuditOrigin, action: AuditAction, row: CrisisRequestRow) {
    return {
      ...origin,
      action,
      subjectId: row.person_id,
      resourceType: 'crisis_request',
      resourceId: row.id,
      purpose: PURPOSE,
    };
  }

  private present(r: CrisisRequestRow): CrisisRequestView {
    const { keys } = this.deps;
    return {
      id: r.id,
      createdAt: r.created_at,
      source: r.source as CrisisRequestView['source'],
      status: r.status as CrisisRequestView['status'],
      person: {
        id: r.person_id,
        fullName: r.person_name,
        unitName: r.unit_name,
        phone: r.person_phone,
        email: r.person_email,
      },
      contactMethod: r.contact_method as CrisisRequestView['contactMethod'],
      contact: r.contact_enc ? keys.decrypt(r.contact_enc) : null,
      preferredTime: r.preferred_time,
      note: r.note_enc ? keys.decrypt(r.note_enc) : null,
      acknowledgedBy: r.acknowledged_by ? { id: r.acknowledged_by, fullName: r.acknowledged_name ?? '' } : null,
      acknowledgedAt: r.acknowledged_at,
      closedAt: r.closed_at,
    };
  }
}
