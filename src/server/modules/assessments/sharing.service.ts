import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  accessLog,
  accessLogQuery,
  consentList,
  sharedResultList,
  sharedResultView,
  shareBody,
  shareView,
} from '../../../contracts/assessments.js';
import type { Database } from '../../../db/schema.js';
import { unitScopeOf, type Actor } from '../../../domain/access/permissions.js';
import { CONSENT_TEXTS } from '../../../domain/assessments/consent.js';
import type { Locale } from '../../../i18n/locales.js';
import type { Clock } from '../../clock.js';
import { newId, type KeyRing } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { conflict, notFound, unprocessable } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { CounsellorCoverage } from '../counselling/index.js';
import type { CrisisService } from '../help/index.js';
import {
  findAccessLog,
  findActiveShare,
  findConsentHistory,
  findOwnResult,
  findOwnShare,
  findSharedOne,
  findSharedWith,
  insertConsent,
  insertShare,
  revokeShare,
} from './assessments.repository.js';
import {
  openAnswers,
  openResult,
  presentResultSummary,
  presentShare,
  presentSharedItems,
} from './results.presenter.js';

type Me = SessionState['person'];

/** The most audit rows one page of the access log reads (a page shows at most 100 entries). */
const ACCESS_LOG_SCAN = 2000;

/** Reads closer together than this, by the same reader of the same record, are one entry. */
export const ACCESS_GROUP_WINDOW_MS = 60 * 60 * 1000;

type AccessRow = Awaited<ReturnType<typeof findAccessLog>>[number];

/**
 * Groups audit rows (newest first) for the person's page: a row joins the entry of the same reader,
 * action and record whose newest read is at most an hour after it, wherever other rows fall in
 * between; otherwise it starts a new entry. Stops before the row that would start entry
 * `limit + 1`, and says how many rows it consumed (docs/decisions/023-grouped-reads-and-overdue-requests.md).
 */
export function groupAccessLog(rows: readonly AccessRow[], limit: number) {
  const groups: Array<{ first: AccessRow; count: number; firstAt: string }> = [];
  const open = new Map<string, (typeof groups)[number]>();
  let consumed = 0;
  for (const row of rows) {
    const key = JSON.stringify([row.actor_id, row.action, row.resource_type, row.resource_id]);
    const group = open.get(key);
    if (group && Date.parse(group.first.occurred_at) - Date.parse(row.occurred_at) <= ACCESS_GROUP_WINDOW_MS) {
      group.count += 1;
      group.firstAt = row.occurred_at;
    } else {
      if (groups.length === limit) break;
      const fresh = { first: row, count: 1, firstAt: row.occurred_at };
      groups.push(fresh);
      open.set(key, fresh);
    }
    consumed += 1;
  }
  return { groups, consumed };
}

/** How many of a person's requests for help a shared result's page lists. */
const REQUESTS_SHOWN = 10;

function decodeCursor(cursor: string | undefined): { occurredAt: string; id: string } | undefined {
  if (!cursor) return undefined;
  const [occurredAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return occurredAt && id ? { occurredAt, id } : undefined;
}

const encodeCursor = (occurredAt: string, id: string) =>
  Buffer.from(`${occurredAt}|${id}`, 'utf8').toString('base64url');

/**
 * Sharing a result with one counsellor: by the person's recorded, revocable
 * consent; every read by the counsellor is audited in the same transaction as the read and shown
 * to the person in their access log (docs/privacy.md §1.3; UU PDP Art. 31–32).
 */
export class SharingService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      keys: KeyRing;
      audit: AuditService;
      coverage: CounsellorCoverage;
      crisis: CrisisService;
    },
  ) {}

  /** Counsellors of my agency whose grant covers my unit (or the whole agency); never myself. */
  async counsellors(me: Me) {
    const { db, coverage } = this.deps;
    const unitId = await this.unitOf(db, me);
    const rows = await coverage.covering(me.agencyId, unitId, db);
    return {
      items: rows
        .filter((c) => c.id !== me.id)
        .map((c) => ({ id: c.id, fullName: c.full_name, position: c.position, unitName: c.unit_name })),
    };
  }

  async share(me: Me, resultId: string, input: z.infer<typeof shareBody>): Promise<z.infer<typeof shareView>> {
    const { db, clock, coverage } = this.deps;
    if (input.consentVersion !== CONSENT_TEXTS.share_result) throw unprocessable('consent_required');
    return db.transaction().execute(async (trx) => {
      const result = await findOwnResult(trx, me.id, resultId);
      if (!result) throw notFound();
      const counsellors = await coverage.covering(me.agencyId, await this.unitOf(trx, me), trx);
      const counsellor = counsellors.find((c) => c.id === input.counsellorId && c.id !== me.id);
      if (!counsellor) throw unprocessable('share_not_allowed');
      const active = await findActiveShare(trx, resultId, counsellor.id);
      if (active) throw conflict('share_exists');
      const now = clock.now().toISOString();
      const consentId = newId();
      // The consent names the counsellor, so it stays readable evidence even after the result is deleted.
      await insertConsent(trx, {
        id: consentId,
        agency_id: me.agencyId,
        person_id: me.id,
        purpose: 'share_result',
        text_version: input.consentVersion,
        subject_type: 'counsellor',
        subject_id: counsellor.id,
        channel: 'web',
        granted_at: now,
        withdrawn_at: null,
      });
      const id = newId();
      await insertShare(trx, {
        id,
        agency_id: me.agencyId,
        result_id: resultId,
        person_id: me.id,
        counsellor_id: counsellor.id,
        consent_id: consentId,
        granted_at: now,
        revoked_at: null,
      });
      return presentShare({
        id,
        result_id: resultId,
        person_id: me.id,
        counsellor_id: counsellor.id,
        counsellor_name: counsellor.full_name,
        consent_id: consentId,
        granted_at: now,
        revoked_at: null,
      });
    });
  }

  /** Stops the share at once; its consent is marked withdrawn (kept as evidence). */
  async revoke(me: Me, resultId: string, shareId: string): Promise<z.infer<typeof shareView>> {
    const { db, clock } = this.deps;
    return db.transaction().execute(async (trx) => {
      const share = await findOwnShare(trx, me.id, resultId, shareId);
      if (!share) throw notFound();
      if (share.revoked_at) return presentShare(share);
      const now = clock.now().toISOString();
      await revokeShare(trx, shareId, share.consent_id, now);
      return presentShare({ ...share, revoked_at: now });
    });
  }

  /** My consent history, newest first, with the counsellor's name for shares. */
  async consents(me: Me): Promise<z.infer<typeof consentList>> {
    const rows = await findConsentHistory(this.deps.db, me.id);
    return {
      items: rows.map((r) => ({
        id: r.id,
        purpose: r.purpose,
        textVersion: r.text_version,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        counsellorName: r.counsellor_name,
        grantedAt: r.granted_at,
        withdrawnAt: r.withdrawn_at,
      })),
    };
  }

  /**
   * "Who looked at my data" (docs/privacy.md §1.3): audit entries about me by someone else, newest
   * first, with repeated reads grouped (groupAccessLog). The page scans at most ACCESS_LOG_SCAN rows
   * at a time; the cursor points after the last row it consumed.
   */
  async accessLog(me: Me, query: z.infer<typeof accessLogQuery>): Promise<z.infer<typeof accessLog>> {
    const { db } = this.deps;
    const before = decodeCursor(query.cursor);
    const scan = Math.min(query.limit * 20, ACCESS_LOG_SCAN);
    const rows = await findAccessLog(db, { agencyId: me.agencyId, personId: me.id, before, limit: scan });
    const { groups, consumed } = groupAccessLog(rows, query.limit);
    const last = rows[consumed - 1];
    const more = consumed < rows.length || rows.length === scan;
    return {
      items: groups.map(({ first: r, count, firstAt }) => ({
        id: r.id,
        occurredAt: r.occurred_at,
        firstAt,
        count,
        action: r.action,
        actor: r.actor_id ? { id: r.actor_id, fullName: r.actor_name ?? '' } : null,
        actorRole: r.actor_role,
        purpose: r.purpose,
        resourceType: r.resource_type,
      })),
      nextCursor: more && last ? encodeCursor(last.occurred_at, last.id) : null,
    };
  }

  /** The counsellor's inbox: results shared with them and not revoked, most urgent first. */
  async sharedWithMe(actor: Actor, locale: Locale): Promise<z.infer<typeof sharedResultList>> {
    const rows = await findSharedWith(this.deps.db, actor.agencyId, actor.personId);
    return { items: presentSharedItems(rows, locale) };
  }

  /**
   * One shared result with its answers, the person's requests for help in this counsellor's
   * units and their other results shared with this counsellor. Every read is audited in the same
   * transaction as the read, or the read fails (docs/privacy.md §3): the shared result, and each
   * request for help shown; revoked or someone else's shares do not exist.
   */
  async readShared(
    actor: Actor,
    shareId: string,
    locale: Locale,
    origin: AuditOrigin,
  ): Promise<z.infer<typeof sharedResultView>> {
    const { db, keys, audit, crisis, coverage } = this.deps;
    // Requests for help only where this counsellor's grant to handle them reaches, as in the urgent
    // queue (looked up before the transaction: coverage reads on its own connection).
    const unitIds = await coverage.unitsWithin(actor.agencyId, unitScopeOf(actor, 'read:crisis-request:unit'));
    return db.transaction().execute(async (trx) => {
      const share = await findSharedOne(trx, actor.agencyId, actor.personId, shareId);
      if (!share) throw notFound();
      const row = await findOwnResult(trx, share.person_id, share.result_id);
      if (!row) throw notFound();
      await audit.record(
        {
          ...origin,
          action: 'assessment.shared_result_viewed',
          subjectId: share.person_id,
          resourceType: 'result_share',
          resourceId: share.share_id,
          purpose: 'counselling',
        },
        trx,
      );
      const contactIds = await crisis.contactRequestIds(trx, [row.id]);
      const requests = await crisis.queue(
        trx,
        { agencyId: actor.agencyId, personId: share.person_id, unitIds, excludePersonId: actor.personId },
        REQUESTS_SHOWN,
      );
      await audit.recordMany(
        requests.map((r) => ({
          ...origin,
          action: 'crisis.request_viewed' as const,
          subjectId: r.person_id,
          resourceType: 'crisis_request',
          resourceId: r.id,
          purpose: 'crisis_follow_up',
        })),
        trx,
      );
      const others = await findSharedWith(trx, actor.agencyId, actor.personId, share.person_id);
      return {
        shareId: share.share_id,
        person: { id: share.person_id, fullName: share.person_name, unitName: share.unit_name },
        result: presentResultSummary(row, openResult(keys, row), locale, contactIds.get(row.id) ?? null),
        answers: openAnswers(keys, row.answers_enc),
        requests: requests.map((r) => ({
          id: r.id,
          status: r.status as 'open' | 'acknowledged' | 'closed',
          createdAt: r.created_at,
          source: r.source as 'assessment' | 'help_button' | 'disclosed_outreach',
        })),
        earlier: presentSharedItems(
          others.filter((o) => o.share_id !== share.share_id),
          locale,
        ),
      };
    });
  }

  private async unitOf(db: Kysely<Database>, me: Me): Promise<string> {
    const unitId = await this.deps.coverage.unitOf(me.agencyId, me.id, db);
    if (!unitId) throw notFound();
    return unitId;
  }
}
