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
import type { AuditOrigin, AuditService } from '../audit/audit.service.js';
import { findCounsellorsCovering } from '../support/counsellors.repository.js';
import { findContactRequestIds, findOwnResult, findOwnShare, insertConsent } from './assessments.repository.js';
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
 * Sharing a result with one counsellor (issue 3, item 6): by the person's recorded, revocable
 * consent; every read by the counsellor is audited in the same transaction as the read and shown
 * to the person in their access log (PRIVACY.md §1.3; UU PDP Art. 31–32).
 */
export class SharingService {
  constructor(private readonly deps: { db: Kysely<Database>; clock: Clock; keys: KeyRing; audit: AuditService }) {}

  /** Counsellors of my agency whose grant covers my unit (or the whole agency); never myself. */
  async counsellors(me: Me) {
    const { db } = this.deps;
    const unitId = await this.unitOf(db, me);
    const rows = await findCounsellorsCovering(db, me.agencyId, unitId);
    return {
      items: rows
        .filter((c) => c.id !== me.id)
        .map((c) => ({ id: c.id, fullName: c.full_name, position: c.position, unitName: c.unit_name })),
    };
  }

  async share(me: Me, resultId: string, input: z.infer<typeof shareBody>): Promise<z.infer<typeof shareView>> {
    const { db, clock } = this.deps;
    if (input.consentVersion !== CONSENT_TEXTS.share_result) throw unprocessable('consent_required');
    return db.transaction().execute(async (trx) => {
      const result = await findOwnResult(trx, me.id, resultId);
      if (!result) throw notFound();
      const counsellors = await findCounsellorsCovering(trx, me.agencyId, await this.unitOf(trx, me));
      const counsellor = counsellors.find((c) => c.id === input.counsellorId && c.id !== me.id);
      if (!counsellor) throw unprocessable('share_not_allowed');
      const active = await trx
        .selectFrom('result_shares')
        .select('id')
        .where('result_id', '=', resultId)
        .where('counsellor_id', '=', counsellor.id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
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
      await trx
        .insertInto('result_shares')
        .values({
          id,
          agency_id: me.agencyId,
          result_id: resultId,
          person_id: me.id,
          counsellor_id: counsellor.id,
          consent_id: consentId,
          granted_at: now,
          revoked_at: null,
        })
        .execute();
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
      await trx.updateTable('result_shares').set({ revoked_at: now }).where('id', '=', shareId).execute();
      await trx
        .updateTable('consents')
        .set({ withdrawn_at: now })
        .where('id', '=', share.consent_id)
        .where('withdrawn_at', 'is', null)
        .execute();
      return presentShare({ ...share, revoked_at: now });
    });
  }

  /** My consent history, newest first, with the counsellor's name for shares. */
  async consents(me: Me): Promise<z.infer<typeof consentList>> {
    const rows = await this.deps.db
      .selectFrom('consents')
      .leftJoin('people as c', (join) =>
        join.onRef('c.id', '=', 'consents.subject_id').on('consents.subject_type', '=', 'counsellor'),
      )
      .select([
        'consents.id',
        'consents.purpose',
        'consents.text_version',
        'consents.subject_type',
        'consents.subject_id',
        'c.full_name as counsellor_name',
        'consents.granted_at',
        'consents.withdrawn_at',
      ])
      .where('consents.person_id', '=', me.id)
      .orderBy('consents.granted_at', 'desc')
      .orderBy('consents.id', 'desc')
      .execute();
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

  /** "Who looked at my data" (PRIVACY.md §1.3): audit entries about me by someone else, newest first. */
  async accessLog(me: Me, query: z.infer<typeof accessLogQuery>): Promise<z.infer<typeof accessLog>> {
    const { db } = this.deps;
    const before = decodeCursor(query.cursor);
    let q = db
      .selectFrom('audit_log')
      .leftJoin('people as a', 'a.id', 'audit_log.actor_id')
      .select([
        'audit_log.id',
        'audit_log.occurred_at',
        'audit_log.action',
        'audit_log.actor_id',
        'a.full_name as actor_name',
        'audit_log.actor_role',
        'audit_log.purpose',
        'audit_log.resource_type',
      ])
      .where('audit_log.agency_id', '=', me.agencyId)
      .where('audit_log.subject_id', '=', me.id)
      .where('audit_log.actor_id', 'is not', null)
      .where('audit_log.actor_id', '!=', me.id);
    if (before) {
      q = q.where((eb) =>
        eb.or([
          eb('audit_log.occurred_at', '<', before.occurredAt),
          eb.and([eb('audit_log.occurred_at', '=', before.occurredAt), eb('audit_log.id', '<', before.id)]),
        ]),
      );
    }
    const rows = await q
      .orderBy('audit_log.occurred_at', 'desc')
      .orderBy('audit_log.id', 'desc')
      .limit(query.limit + 1)
      .execute();
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
    const rows = await this.sharedQuery(this.deps.db, actor)
      .select(['s.id as share_id', 's.granted_at', 'r.instrument_id', 'r.created_at as result_created_at'])
      .orderBy('s.granted_at', 'desc')
      .orderBy('s.id', 'desc')
      .execute();
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
   * the read, or the read fails (PRIVACY.md §3); revoked or someone else's shares do not exist.
   */
  async readShared(
    actor: Actor,
    shareId: string,
    locale: Locale,
    origin: AuditOrigin,
  ): Promise<z.infer<typeof sharedResultView>> {
    const { db, keys, audit } = this.deps;
    return db.transaction().execute(async (trx) => {
      const share = await this.sharedQuery(trx, actor)
        .select(['s.id as share_id', 's.result_id'])
        .where('s.id', '=', shareId)
        .executeTakeFirst();
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
      const contactIds = await findContactRequestIds(trx, [row.id]);
      return {
        shareId: share.share_id,
        person: { id: share.person_id, fullName: share.person_name, unitName: share.unit_name },
        result: presentResultSummary(row, openResult(keys, row), locale, contactIds.get(row.id) ?? null),
        answers: openAnswers(keys, row.answers_enc),
      };
    });
  }

  /** Active shares addressed to this counsellor in their agency, with the owner's name and unit. */
  private sharedQuery(db: Kysely<Database>, actor: Actor) {
    return db
      .selectFrom('result_shares as s')
      .innerJoin('assessment_results as r', 'r.id', 's.result_id')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .innerJoin('org_units as u', 'u.id', 'p.unit_id')
      .select(['s.person_id', 'p.full_name as person_name', 'u.name as unit_name'])
      .where('s.agency_id', '=', actor.agencyId)
      .where('s.counsellor_id', '=', actor.personId)
      .where('s.revoked_at', 'is', null);
  }

  private async unitOf(db: Kysely<Database>, me: Me): Promise<string> {
    const person = await db
      .selectFrom('people')
      .select('unit_id')
      .where('id', '=', me.id)
      .where('agency_id', '=', me.agencyId)
      .executeTakeFirst();
    if (!person) throw notFound();
    return person.unit_id;
  }
}
