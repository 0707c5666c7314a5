import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { ContactRequestBody, OwnHelpRequestList } from '../../../contracts/help.js';
import type { Database } from '../../../db/schema.js';
import { isLocale } from '../../../i18n/locales.js';
import type { Clock } from '../../clock.js';
import { newId, type KeyRing } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { isUniqueViolation } from '../../plugins/error-handler.js';
import type { CounsellorCoverage } from '../counselling/index.js';
import { enqueueJob, type JobRunner } from '../jobs/index.js';
import type { MailService } from '../mail/index.js';
import type { NotificationService } from '../notifications/index.js';
import {
  countCrisisRequests,
  countOwnCrisisRequests,
  detachResults,
  eraseClosedCrisisRequestsBefore,
  eraseOwnClosedCrisisRequests,
  findContactRequestIds,
  findCrisisRequestByKey,
  findCrisisRequests,
  findFirstContactTimes,
  findTakenBy,
  findOwnCrisisRequests,
  findOwnRequestStatuses,
  findRequestToNotify,
  insertCrisisRequest,
  setFirstContact,
  updateCrisisStatus,
  type CrisisQuery,
  type CrisisRequestRow,
} from './crisis-requests.repository.js';

export const CRISIS_NOTIFY_JOB = 'crisis.notify';

/** How many of their own requests a person's home is given: the latest matters, a few give context. */
const OWN_REQUESTS_SHOWN = 5;

export type CrisisSource = 'assessment' | 'help_button' | 'disclosed_outreach';

export interface NewCrisisRequest {
  agencyId: string;
  personId: string;
  unitId: string;
  source: CrisisSource;
  resultId: string | null;
  /** Null for a disclosed-outreach notice: the person did not ask to be called. */
  contact: ContactRequestBody | null;
  /** Namespaced by source, so a help-button key can never collide with a result's. */
  submissionKey: string;
}

/**
 * The crisis pathway's outbox (docs/privacy.md §5 "a crisis answer is never lost"):
 * a request row and its `crisis.notify` job are written in the caller's transaction, so the
 * request exists exactly when the submission committed, and the job runner delivers it after any
 * restart. Only the agency's counsellors are told — never a manager or HR — and the message
 * carries no name and no health value: details are read inside Teduh, where every read is audited.
 */
export class CrisisService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      keys: KeyRing;
      mail: MailService;
      notifications: NotificationService;
      coverage: CounsellorCoverage;
      log: FastifyBaseLogger;
      publicUrl: string;
    },
  ) {}

  /** Writes the request and its notification job in `trx` (the transactional outbox). */
  async createInTransaction(
    trx: Kysely<Database>,
    input: NewCrisisRequest,
  ): Promise<{ id: string; createdAt: string }> {
    const { keys, clock } = this.deps;
    const now = clock.now();
    const id = newId();
    const contact = input.contact;
    await insertCrisisRequest(trx, {
      id,
      agency_id: input.agencyId,
      person_id: input.personId,
      unit_id: input.unitId,
      source: input.source,
      result_id: input.resultId,
      contact_method: contact?.method ?? null,
      contact_enc: contact ? keys.encrypt(contact.contact.trim()) : null,
      preferred_time: contact?.preferredTime || null,
      note_enc: contact?.note ? keys.encrypt(contact.note) : null,
      status: 'open',
      submission_key: input.submissionKey,
      created_at: now.toISOString(),
      acknowledged_by: null,
      acknowledged_at: null,
      closed_at: null,
    });
    await enqueueJob(
      trx,
      { kind: CRISIS_NOTIFY_JOB, payload: { requestId: id }, dedupeKey: `${CRISIS_NOTIFY_JOB}:${id}`, maxAttempts: 20 },
      now,
    );
    return { id, createdAt: now.toISOString() };
  }

  /**
   * "I need help now / Butuh bantuan sekarang" with a way to be reached. Idempotent on the
   * client's submission key: a retry returns the request already stored. Stored even when the
   * agency has no counsellor yet (the web app then shows the help contacts, which it always does).
   */
  async requestHelp(me: SessionState['person'], body: ContactRequestBody & { submissionKey: string }) {
    const { db, coverage } = this.deps;
    const key = `help:${body.submissionKey}`;
    const { submissionKey: _key, ...contact } = body;
    try {
      return await db.transaction().execute(async (trx) => {
        const existing = await findCrisisRequestByKey(trx, me.id, key);
        if (existing) return { id: existing.id, createdAt: existing.created_at };
        const unitId = await coverage.unitOf(me.agencyId, me.id, trx);
        if (!unitId) throw notFound();
        return this.createInTransaction(trx, {
          agencyId: me.agencyId,
          personId: me.id,
          unitId,
          source: 'help_button',
          resultId: null,
          contact,
          submissionKey: key,
        });
      });
    } catch (err) {
      // Two copies of the same request raced: the first one won; answer with it.
      if (!isUniqueViolation(err as { code?: unknown })) throw err;
      const existing = await findCrisisRequestByKey(db, me.id, key);
      if (!existing) throw err;
      return { id: existing.id, createdAt: existing.created_at };
    }
  }

  /** Registers the outbox relay with the durable job runner. */
  registerJobs(runner: JobRunner): void {
    runner.register(CRISIS_NOTIFY_JOB, async (payload) => this.notify((payload as { requestId: string }).requestId));
  }

  /**
   * Tells every active counsellor whose grant covers the person's unit: an in-app notification
   * and an email. Each counsellor's pair is one transaction guarded by the notification's dedupe
   * key, so a retried job (after a crash or a failure half-way) never tells anyone twice.
   */
  async notify(requestId: string): Promise<void> {
    const { db, mail, notifications, coverage, log, publicUrl } = this.deps;
    const request = await findRequestToNotify(db, requestId);
    if (!request || request.status === 'closed') return;
    const counsellors = (await coverage.covering(request.agency_id, request.unit_id)).filter(
      (c) => c.id !== request.person_id,
    );
    if (counsellors.length === 0) {
      // Operations must hear of this: the request waits in the queue with no one to see it.
      log.warn({ crisisRequest: request.id }, 'crisis request with no counsellor to notify');
      return;
    }
    for (const c of counsellors) {
      await db.transaction().execute(async (trx) => {
        const added = await notifications.addOnce(trx, {
          agencyId: request.agency_id,
          personId: c.id,
          kind: 'crisis.request',
          payload: { requestId: request.id },
          dedupeKey: `crisis.request:${request.id}:${c.id}`,
        });
        if (!added || !c.email) return;
        await mail.queue(trx, {
          agencyId: request.agency_id,
          agencyName: request.agency_name,
          to: c.email,
          locale: isLocale(c.locale) ? c.locale : 'id',
          template: 'crisis_request',
          // The counsellor's own name for the greeting; nothing about the person who asked.
          params: { name: c.full_name, link: `${publicUrl}/counselling/urgent` },
        });
      });
    }
  }
  /* The owner's reads and changes for the counsellors' queue, assessments and my data. */

  /** Requests a counsellor may see (their units only, never their own), newest first. */
  queue(db: Kysely<Database>, query: CrisisQuery, limit: number): Promise<CrisisRequestRow[]> {
    return findCrisisRequests(db, query, limit);
  }

  /** How many requests match `query` in all. */
  countQueue(db: Kysely<Database>, query: CrisisQuery): Promise<number> {
    return countCrisisRequests(db, query);
  }

  /** A counsellor acknowledges or closes a request (the first acknowledgement is kept). */
  async transition(
    db: Kysely<Database>,
    row: Pick<CrisisRequestRow, 'id' | 'acknowledged_by' | 'acknowledged_at'>,
    to: 'acknowledged' | 'closed',
    by: string,
  ): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    await updateCrisisStatus(db, row.id, {
      status: to,
      acknowledged_by: row.acknowledged_by ?? by,
      acknowledged_at: row.acknowledged_at ?? now,
      ...(to === 'closed' ? { closed_at: now } : {}),
    });
    // Closed means followed up: the person was reached, if no session was scheduled first (decision 043).
    if (to === 'closed') await setFirstContact(db, row.id, now);
  }

  /** When the person was first reached (a session scheduled, or the request closed); kept once. */
  recordFirstContact(db: Kysely<Database>, id: string, at: string): Promise<void> {
    return setFirstContact(db, id, at);
  }

  /** Requests made since `since` that were followed up, for the team's time to first contact. */
  firstContactTimes(
    db: Kysely<Database>,
    query: Pick<CrisisQuery, 'agencyId' | 'unitIds' | 'excludePersonId'>,
    since: string,
  ) {
    return findFirstContactTimes(db, query, since);
  }

  /** The requests a counsellor took up: part of their caseload (docs/decisions/043-counsellor-workspace.md). */
  takenBy(db: Kysely<Database>, agencyId: string, counsellorId: string) {
    return findTakenBy(db, agencyId, counsellorId);
  }

  /** The "please contact me" request each result carried, if any. */
  contactRequestIds(db: Kysely<Database>, resultIds: string[]): Promise<Map<string, string>> {
    return findContactRequestIds(db, resultIds);
  }

  /** Erased results: their requests stay but no longer name them. */
  forgetResults(db: Kysely<Database>, resultIds: string[]): Promise<void> {
    return detachResults(db, resultIds);
  }

  /** The person's own requests for help (encrypted fields as stored), for their copy. */
  ownRequests(db: Kysely<Database>, personId: string, agencyId: string) {
    return findOwnCrisisRequests(db, personId, agencyId);
  }

  /** How many of the person's requests are closed and open. */
  countOwn(db: Kysely<Database>, personId: string, agencyId: string) {
    return countOwnCrisisRequests(db, personId, agencyId);
  }

  /** Erases the person's closed requests; open ones stay while a counsellor may be acting on them. */
  eraseOwnClosed(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
    return eraseOwnClosedCrisisRequests(db, personId, agencyId);
  }

  /** The retention schedule: erases the agency's requests closed before `cutoff`. */
  eraseClosedBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
    return eraseClosedCrisisRequestsBefore(db, agencyId, cutoff);
  }

  /**
   * The person's own latest requests for help, for their home (docs/decisions/022-preferred-name-and-own-state.md):
   * scoped to the signed-in person, so nobody can ask after another's. Their own state, so no audit entry.
   */
  async mine(me: Pick<SessionState['person'], 'id' | 'agencyId'>): Promise<OwnHelpRequestList> {
    const rows = await findOwnRequestStatuses(this.deps.db, me.id, me.agencyId, OWN_REQUESTS_SHOWN);
    return {
      items: rows.map((r) => ({
        id: r.id,
        source: r.source === 'assessment' ? ('assessment' as const) : ('help_button' as const),
        status:
          r.status === 'closed'
            ? ('closed' as const)
            : r.status === 'acknowledged'
              ? ('acknowledged' as const)
              : ('open' as const),
        createdAt: r.created_at,
        acknowledgedAt: r.acknowledged_at,
        closedAt: r.closed_at,
      })),
    };
  }
}
