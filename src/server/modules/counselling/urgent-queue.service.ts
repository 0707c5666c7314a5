import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  URGENT_PAGE_MAX,
  type crisisRequestList,
  type crisisRequestView,
  type FirstAppointmentBody,
} from '../../../contracts/counselling.js';
import type { Database } from '../../../db/schema.js';
import { unitScopeOf, type Actor } from '../../../domain/access/permissions.js';
import type { AuditAction } from '../../../domain/audit/audit-actions.js';
import type { Mode } from '../../../domain/booking/slots.js';
import { FIRST_CONTACT_WINDOW_DAYS, medianMinutes } from '../../../domain/help/first-contact.js';
import type { Clock } from '../../clock.js';
import type { KeyRing } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { AppError, FieldValidationError, notFound } from '../../http/errors.js';
import { isUniqueViolation } from '../../plugins/error-handler.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { BookingService } from '../booking/index.js';
import type { CrisisQuery, CrisisRequestRow, CrisisService, CrisisStatusFilter } from '../help/index.js';
import type { CounsellorCoverage } from './coverage.service.js';

type CrisisRequestView = z.infer<typeof crisisRequestView>;
type CrisisRequestList = z.infer<typeof crisisRequestList>;
type FirstAppointment =
  Awaited<ReturnType<BookingService['firstAppointments']>> extends Map<string, infer V> ? V : never;

/** The most requests one page of the urgent queue holds; `nextCursor` opens the next page. */
export const URGENT_QUEUE_LIMIT = URGENT_PAGE_MAX;

/** Why a counsellor reads or handles a request; kept with every audit entry. */
const PURPOSE = 'crisis_follow_up';

/** A page's place in the queue: the last request shown (its time and id), opaque to the client. */
const encodeCursor = (r: Pick<CrisisRequestRow, 'created_at' | 'id'>) =>
  Buffer.from(`${r.created_at}|${r.id}`).toString('base64url');
function decodeCursor(cursor: string | undefined): CrisisQuery['after'] {
  if (!cursor) return undefined;
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)))
    throw new FieldValidationError([{ path: 'cursor', key: 'invalid_format' }]);
  return { createdAt, id };
}

/**
 * The counsellors' urgent queue. A counsellor sees only requests from people in the units their
 * grant covers; every read of the list and every acknowledge or close is audited in the same
 * transaction as the read or change (docs/privacy.md §3), with the person as subject and never the
 * contact or note text. From a request the counsellor who takes it may schedule a first session in
 * one step (docs/decisions/043-counsellor-workspace.md).
 */
export class UrgentQueueService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      keys: KeyRing;
      audit: AuditService;
      crisis: CrisisService;
      coverage: CounsellorCoverage;
      booking: BookingService;
    },
  ) {}

  /** One page of the queue, by status ('active' = open and acknowledged), newest first; `total` counts them all. */
  async list(
    actor: Actor,
    params: { status: CrisisStatusFilter; cursor?: string; limit: number },
    origin: AuditOrigin,
  ): Promise<CrisisRequestList> {
    const { db, audit, crisis, booking, clock } = this.deps;
    const unitIds = await this.scope(actor);
    const after = decodeCursor(params.cursor);
    const since = new Date(clock.now().getTime() - FIRST_CONTACT_WINDOW_DAYS * 86_400_000).toISOString();
    return db.transaction().execute(async (trx) => {
      const query = { agencyId: actor.agencyId, status: params.status, unitIds, excludePersonId: actor.personId };
      // One more than the page tells whether another page follows.
      const fetched = await crisis.queue(trx, { ...query, after }, params.limit + 1);
      const rows = fetched.slice(0, params.limit);
      const more = fetched.length > params.limit;
      const total = !after && !more ? rows.length : await crisis.countQueue(trx, query);
      const [firsts, times] = await Promise.all([
        booking.firstAppointments(
          trx,
          actor.agencyId,
          rows.map((r) => r.id),
        ),
        crisis.firstContactTimes(trx, query, since),
      ]);
      // One entry per request shown, written together (one statement per 250 entries).
      await audit.recordMany(
        rows.map((r) => this.entry(origin, 'crisis.request_viewed', r)),
        trx,
      );
      const last = rows.at(-1);
      return {
        items: rows.map((r) => this.present(r, firsts.get(r.id) ?? null, actor.personId)),
        total,
        nextCursor: more && last ? encodeCursor(last) : null,
        firstContact: { medianMinutes: medianMinutes(times), count: times.length, days: FIRST_CONTACT_WINDOW_DAYS },
      };
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
      return this.reread(trx, actor, query);
    });
  }

  /**
   * Schedules the first session for the person behind a request, in one step: the counsellor picks
   * one of their own free slots; an open request is taken up by them at the same time; the
   * appointment is linked to the request, which records its first contact; the person is told
   * only that a counsellor scheduled a session and when. Sent again, it answers the session
   * already scheduled (a unique index keeps one live first session per request).
   */
  async scheduleFirst(
    actor: Actor,
    me: SessionState['person'],
    id: string,
    body: FirstAppointmentBody,
    origin: AuditOrigin,
  ): Promise<CrisisRequestView> {
    const { db, audit, crisis, booking, clock } = this.deps;
    const unitIds = await this.scope(actor);
    const query = { agencyId: actor.agencyId, id, unitIds, excludePersonId: actor.personId };
    const check = async (trx: Kysely<Database>) => {
      const [row] = await crisis.queue(trx, query, 1);
      if (!row) throw notFound();
      if ((await booking.firstAppointments(trx, actor.agencyId, [id])).has(id)) return { row, done: true };
      if (row.status === 'closed') throw new AppError(409, 'crisis_request_closed');
      if (row.acknowledged_by && row.acknowledged_by !== actor.personId)
        throw new AppError(409, 'crisis_request_taken');
      return { row, done: false };
    };
    // Checked before the transaction too: the slot check reads outside it (one SQLite connection).
    const first = await check(db);
    if (first.done) return this.reread(db, actor, query);
    const slot = await booking.checkOwnSlot(me, new Date(body.start), body.mode as Mode);
    try {
      return await db.transaction().execute(async (trx) => {
        const { row, done } = await check(trx);
        if (done) return this.reread(trx, actor, query);
        if (row.status === 'open') {
          await crisis.transition(trx, row, 'acknowledged', actor.personId);
          await audit.record(this.entry(origin, 'crisis.request_acknowledged', row), trx);
        }
        await booking.bookFirst(trx, me, { clientId: row.person_id, requestId: id, slot, mode: body.mode }, origin);
        await crisis.recordFirstContact(trx, id, clock.now().toISOString());
        return this.reread(trx, actor, query);
      });
    } catch (err) {
      if (!isUniqueViolation(err as { code?: unknown })) throw err;
      // A retry that raced the first: the session it scheduled is the answer.
      if ((await booking.firstAppointments(db, actor.agencyId, [id])).has(id)) return this.reread(db, actor, query);
      throw new AppError(409, 'slot_taken');
    }
  }

  private async reread(db: Kysely<Database>, actor: Actor, query: CrisisQuery): Promise<CrisisRequestView> {
    const { crisis, booking } = this.deps;
    const [row] = await crisis.queue(db, query, 1);
    if (!row) throw notFound();
    const firsts = await booking.firstAppointments(db, actor.agencyId, [row.id]);
    return this.present(row, firsts.get(row.id) ?? null, actor.personId);
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

  private present(r: CrisisRequestRow, first: FirstAppointment | null, readerId: string): CrisisRequestView {
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
      firstContactAt: r.first_contact_at,
      firstAppointment: first
        ? {
            id: first.id,
            start: first.start_utc,
            end: first.end_utc,
            mode: first.mode as Mode,
            status: first.status as NonNullable<CrisisRequestView['firstAppointment']>['status'],
            mine: first.counsellor_id === readerId,
          }
        : null,
    };
  }
}
