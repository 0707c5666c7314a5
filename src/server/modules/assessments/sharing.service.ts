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
import type { Actor } from '../../../domain/access/permissions.js';
import { CONSENT_TEXTS } from '../../../domain/assessments/consent.js';
import type { InstrumentId } from '../../../domain/instruments/types.js';
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
import { openAnswers, openResult, presentResultSummary, presentShare } from './results.presenter.js';

type Me = SessionState['person'];

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

  /** "Who looked at my data" (docs/privacy.md §1.3): audit entries about me by someone else, newest first. */
  async accessLog(me: Me, query: z.infer<typeof accessLogQuery>): Promise<z.infer<typeof accessLog>> {
    const { db } = this.deps;
    const before = decodeCursor(query.cursor);
    const rows = await findAccessLog(db, {
      agencyId: me.agencyId,
      personId: me.id,
      before,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        id: r.id,
        occurredAt: r.occurred_at,
        action: r.action,
        actor: r.actor_id ? { id: r.actor_id, fullName: r.actor_name ?? '' } : null,
        actorRole: r.actor_role,
        purpose: r.purpose,
        resourceType: r.resource_type,
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.occurred_at, last.id) : null,
    };
  }

  /** The counsellor's inbox: results shared with them and not revoked, newest first. */
  async sharedWithMe(actor: Actor): Promise<z.infer<typeof sharedResultList>> {
    const rows = await findSharedWith(this.deps.db, actor.agencyId, actor.personId);
    return {
      items: rows.map((r) => ({
        shareId: r.share_id,
        person: { id: r.person_id, fullName: r.person_name, unitName: r.unit_name },
        instrumentId: r.instrument_id as InstrumentId,
        resultCreatedAt: r.result_created_at,
        grantedAt: r.granted_at,
      })),
    };
  }

  /**
   * One shared result with its answers. The audit entry is written in the same transaction as
   * the read, or the read fails (docs/privacy.md §3); revoked or someone else's shares do not exist.
   */
  async readShared(
    actor: Actor,
    shareId: string,
    locale: Locale,
    origin: AuditOrigin,
  ): Promise<z.infer<typeof sharedResultView>> {
    const { db, keys, audit, crisis } = this.deps;
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
      return {
        shareId: share.share_id,
        person: { id: share.person_id, fullName: share.person_name, unitName: share.unit_name },
        result: presentResultSummary(row, openResult(keys, row), locale, contactIds.get(row.id) ?? null),
        answers: openAnswers(keys, row.answers_enc),
      };
    });
  }

  private async unitOf(db: Kysely<Database>, me: Me): Promise<string> {
    const unitId = await this.deps.coverage.unitOf(me.agencyId, me.id, db);
    if (!unitId) throw notFound();
    return unitId;
  }
}
