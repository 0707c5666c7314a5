import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  accessLogQuery,
  ConsentList,
  ConsentView,
  CounsellingAccessLog,
  CounsellorConsentList,
  GrantBody,
  GrantOptions,
} from '../../../contracts/consent.js';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import {
  CONSENT_PERIODS,
  CONSENT_TEXT_HASHES,
  CURRENT_CONSENT_TEXT,
  DEFAULT_CONSENT_PERIOD,
  consentExpiresAt,
  isConsentActiveAt,
  revokeConsent as revocationOf,
  type ConsentKind,
} from '../../../domain/consent/consent.js';
import type { Clock } from '../../clock.js';
import { newId } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { isUniqueViolation } from '../../plugins/error-handler.js';
import { AppError, notFound, unprocessable } from '../../http/errors.js';
import type { AssessmentService } from '../assessments/index.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { BookingService } from '../booking/index.js';
import type { OrgDirectory } from '../org/index.js';
import {
  allOfClient,
  findByClientKey,
  findLiveOfCounsellor,
  findLiveTransfersTo,
  findOfClient,
  findOwn,
  insertConsent,
  revokeConsent,
  type ConsentRow,
} from './consent.repository.js';
import { presentConsent } from './consent.presenter.js';

type Me = SessionState['person'];

/**
 * What the client's access log shows (docs/decisions/042-counselling-consent.md, "The audit
 * contract"): every entry whose subject is the client, written by someone else, of these areas —
 * so the notes module's `note.*` entries (break-glass included) appear without code here — and
 * the reads of counselling data recorded before the contract under older names.
 */
export const ACCESS_LOG_AREAS = ['note', 'timeline', 'shared_result', 'referral'] as const;
export const ACCESS_LOG_ACTIONS = [
  'assessment.shared_result_viewed',
  'booking.appointments_viewed',
  // The counsellor's caseload shows a summary of each client (docs/decisions/047-caseload.md).
  'booking.caseload_viewed',
] as const;

/** A recipient's read of notes handed to them with the client's consent (decision 050). */
const TRANSFER_READ = 'note.transfer_viewed';

/** Reads closer together than this, by the same reader of the same record, are one entry. */
const GROUP_WINDOW_MS = 60 * 60 * 1000;

const times = (r: Pick<ConsentRow, 'granted_at' | 'expires_at' | 'revoked_at'>) => ({
  grantedAt: r.granted_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

const decodeCursor = (cursor: string | undefined) => {
  if (!cursor) return undefined;
  const [occurredAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return occurredAt && id ? { occurredAt, id } : undefined;
};
const encodeCursor = (occurredAt: string, id: string) =>
  Buffer.from(`${occurredAt}|${id}`, 'utf8').toString('base64url');

/**
 * The author whose notes a transferred-notes read opened (docs/decisions/050-notes-transfer.md): the
 * notes module records them as `details.authorId`, so the client reads "B read A's notes".
 */
function transferAuthorOf(row: { action: string; details: string | null }): string | null {
  if (row.action !== TRANSFER_READ || !row.details) return null;
  try {
    const id = (JSON.parse(row.details) as { authorId?: unknown }).authorId;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

function withAuthor(authorId: string | null, names: Map<string, string>) {
  return authorId ? { from: { id: authorId, fullName: names.get(authorId) ?? '' } } : {};
}

/** SHA-256 of the words shown, as the domain pins them (checked against the catalogue by a test). */
export function textHash(words: string): string {
  return createHash('sha256').update(words, 'utf8').digest('hex');
}

/**
 * A client's consents to their counsellors (docs/decisions/042-counselling-consent.md): granted by
 * the client to a counsellor they have seen or shared a result with, for 3, 6 or 12 months, with the
 * version and hash of the words they saw; revoked at once. Other modules ask `isActive` and
 * `activeClientsOf` on every read they guard — never a cached answer — so a revocation holds from the
 * counsellor's very next request.
 */
export class ConsentService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      audit: AuditService;
      directory: OrgDirectory;
      booking: BookingService;
      assessments: AssessmentService;
    },
  ) {}

  // --- What other modules ask ------------------------------------------------------------------------

  /** Whether the client's consent of this kind to this counsellor holds at `now`. */
  async isActive(
    clientId: string,
    counsellorId: string,
    kind: ConsentKind,
    now: Date = this.deps.clock.now(),
    db: Kysely<Database> = this.deps.db,
  ): Promise<boolean> {
    const at = now.toISOString();
    const rows = await findLiveOfCounsellor(db, { counsellorId, clientId, kind, at });
    return rows.some((r) => isConsentActiveAt(times(r), at));
  }

  /** The clients whose consent of this kind to this counsellor holds now (one query, any caseload). */
  async activeClientsOf(
    counsellorId: string,
    kind: ConsentKind,
    now: Date = this.deps.clock.now(),
    db: Kysely<Database> = this.deps.db,
  ): Promise<string[]> {
    const at = now.toISOString();
    const rows = await findLiveOfCounsellor(db, { counsellorId, kind, at });
    return [...new Set(rows.filter((r) => isConsentActiveAt(times(r), at)).map((r) => r.client_id))];
  }

  /**
   * Every client's consents to this counsellor in force now, kinds by client: one read for a whole
   * caseload (docs/decisions/047-caseload.md).
   */
  async activeKindsByClient(
    agencyId: string,
    counsellorId: string,
    db: Kysely<Database> = this.deps.db,
  ): Promise<Map<string, ConsentKind[]>> {
    const at = this.deps.clock.now().toISOString();
    const rows = await findLiveOfCounsellor(db, { agencyId, counsellorId, at });
    const byClient = new Map<string, ConsentKind[]>();
    for (const r of rows) {
      if (!isConsentActiveAt(times(r), at)) continue;
      const kinds = byClient.get(r.client_id) ?? [];
      if (!kinds.includes(r.kind as ConsentKind)) kinds.push(r.kind as ConsentKind);
      byClient.set(r.client_id, kinds);
    }
    return byClient;
  }

  /** The client's active consents to one counsellor (their record shows them). */
  async activeBetween(
    agencyId: string,
    clientId: string,
    counsellorId: string,
    db: Kysely<Database> = this.deps.db,
  ): Promise<Array<{ kind: ConsentKind; expiresAt: string }>> {
    const at = this.deps.clock.now().toISOString();
    const rows = await findLiveOfCounsellor(db, { agencyId, counsellorId, clientId, at });
    return rows
      .filter((r) => isConsentActiveAt(times(r), at))
      .map((r) => ({ kind: r.kind as ConsentKind, expiresAt: r.expires_at }));
  }

  /**
   * The counsellors whose notes about the client may be read by `recipientId` now: the authors of
   * the client's notes_transfer consents naming them, in force at this instant (docs/decisions/050-notes-transfer.md).
   * Read from the table on every call, inside the caller's transaction: a revocation holds at once.
   */
  async transfersTo(
    agencyId: string,
    clientId: string,
    recipientId: string,
    db: Kysely<Database> = this.deps.db,
  ): Promise<Array<{ authorId: string; authorName: string; expiresAt: string }>> {
    const at = this.deps.clock.now().toISOString();
    const rows = await findLiveTransfersTo(db, { agencyId, clientId, recipientId, at });
    const byAuthor = new Map<string, { authorId: string; authorName: string; expiresAt: string }>();
    for (const r of rows) {
      if (!isConsentActiveAt(times(r), at)) continue;
      const seen = byAuthor.get(r.counsellor_id);
      // A grant refuses a second transfer in force to the same recipient (409); should two meet, the later end holds.
      if (!seen || seen.expiresAt < r.expires_at)
        byAuthor.set(r.counsellor_id, {
          authorId: r.counsellor_id,
          authorName: r.counsellor_name,
          expiresAt: r.expires_at,
        });
    }
    return [...byAuthor.values()];
  }

  /**
   * The counsellors a client relates to: those they have or had an appointment with (any status),
   * and those holding one of their results shared and not revoked. Only these may be granted a
   * consent, and only these reach the client's record.
   */
  async counsellorsOf(
    agencyId: string,
    clientId: string,
    db: Kysely<Database> = this.deps.db,
  ): Promise<Array<{ id: string; fullName: string }>> {
    const { booking, assessments } = this.deps;
    const booked = await booking.counsellorsOfClient(db, agencyId, clientId);
    const shares = await assessments.ownShares(db, clientId, agencyId);
    const all = new Map(booked.map((c) => [c.id, c.fullName]));
    for (const s of shares) if (!s.revoked_at && !all.has(s.counsellor_id)) all.set(s.counsellor_id, s.counsellor_name);
    all.delete(clientId);
    return [...all]
      .map(([id, fullName]) => ({ id, fullName }))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'id'));
  }

  // --- The client ----------------------------------------------------------------------------------

  /** What the grant form offers. */
  async options(me: Me): Promise<GrantOptions> {
    const { directory } = this.deps;
    const counsellors = await this.counsellorsOf(me.agencyId, me.id);
    const recipients = (await directory.roleHolders(me.agencyId, ['counsellor']))
      .filter((p) => p.id !== me.id)
      .map((p) => ({ id: p.id, fullName: p.full_name }));
    return {
      counsellors,
      recipients: [...new Map(recipients.map((r) => [r.id, r])).values()],
      versions: { ...CURRENT_CONSENT_TEXT },
      periods: [...CONSENT_PERIODS],
      defaultMonths: DEFAULT_CONSENT_PERIOD,
    };
  }

  /**
   * Grants a consent. The text version must be the current one of its kind (an old form is 422
   * `consent_text_outdated`); the counsellor must be one the client relates to (422); a
   * notes_transfer names another counsellor of the agency, the others name none (422). A consent of
   * the same kind already in force for that counsellor is 409 `consent_exists`. Stored once per
   * Idempotency-Key: a retry answers the stored consent and changes nothing.
   */
  async grant(
    me: Me,
    body: GrantBody,
    key: string,
    origin: AuditOrigin,
  ): Promise<{ created: boolean; view: ConsentView }> {
    const { db, clock, audit, directory } = this.deps;
    const retried = await findByClientKey(db, me.id, key);
    if (retried) return { created: false, view: await this.ownView(me, retried.id) };
    if (body.textVersion !== CURRENT_CONSENT_TEXT[body.kind]) throw unprocessable('consent_text_outdated');
    const hash = CONSENT_TEXT_HASHES[body.textVersion]?.[body.locale];
    if (!hash) throw unprocessable('consent_text_outdated');
    const recipientId = body.recipientId ?? null;
    if ((body.kind === 'notes_transfer') !== (recipientId !== null)) throw unprocessable('consent_recipient');
    const id = newId();
    await db
      .transaction()
      .execute(async (trx) => {
        const counsellors = await this.counsellorsOf(me.agencyId, me.id, trx);
        if (!counsellors.some((c) => c.id === body.counsellorId)) throw unprocessable('consent_counsellor');
        if (recipientId !== null) {
          const holders = await directory.roleHolders(me.agencyId, ['counsellor'], undefined, trx);
          const fine = recipientId !== body.counsellorId && recipientId !== me.id;
          if (!fine || !holders.some((h) => h.id === recipientId)) throw unprocessable('consent_recipient');
        }
        const now = clock.now().toISOString();
        const live = await findLiveOfCounsellor(trx, {
          agencyId: me.agencyId,
          counsellorId: body.counsellorId,
          clientId: me.id,
          kind: body.kind,
          at: now,
        });
        if (live.some((r) => isConsentActiveAt(times(r), now) && r.recipient_id === recipientId)) {
          throw new AppError(409, 'consent_exists');
        }
        try {
          await insertConsent(trx, {
            id,
            agency_id: me.agencyId,
            client_id: me.id,
            counsellor_id: body.counsellorId,
            kind: body.kind,
            recipient_id: recipientId,
            text_version: body.textVersion,
            text_hash: hash,
            text_locale: body.locale,
            months: body.months,
            granted_at: now,
            expires_at: consentExpiresAt(now, body.months),
            revoked_at: null,
            client_key: key,
          });
        } catch (err) {
          // Two requests with one key at once: the unique index keeps one; the other answers it below.
          if (!isUniqueViolation(err as { code?: unknown })) throw err;
          throw new Replayed();
        }
        // The client's own act: recorded, and hidden from the agency log like every consent (decision 042).
        await audit.record(
          {
            ...origin,
            action: 'consent.granted',
            subjectId: me.id,
            resourceType: 'counselling_consent',
            resourceId: id,
            details: { kind: body.kind, months: body.months, textVersion: body.textVersion },
          },
          trx,
        );
      })
      .catch(async (err: unknown) => {
        if (!(err instanceof Replayed)) throw err;
      });
    const stored = await findByClientKey(db, me.id, key);
    if (!stored) throw notFound();
    return { created: stored.id === id, view: await this.ownView(me, stored.id) };
  }

  /** My consents to counsellors, newest first, each with its state now. */
  async mine(me: Me): Promise<ConsentList> {
    const at = this.deps.clock.now().toISOString();
    const rows = await findOfClient(this.deps.db, me.agencyId, me.id);
    return { items: rows.map((r) => presentConsent(r, at)) };
  }

  /**
   * Revokes one of my consents at this instant: the counsellor's next request is refused. Revoking a
   * consent that has already ended changes nothing and answers it as it is; someone else's is 404.
   */
  async revoke(me: Me, id: string, origin: AuditOrigin): Promise<ConsentView> {
    const { db, clock, audit } = this.deps;
    return db.transaction().execute(async (trx) => {
      const row = await findOwn(trx, me.agencyId, me.id, id);
      if (!row) throw notFound();
      const now = clock.now().toISOString();
      const effect = revocationOf(times(row), now);
      if (!effect.changed) return presentConsent(row, now);
      await revokeConsent(trx, id, now);
      await audit.record(
        {
          ...origin,
          action: 'consent.revoked',
          subjectId: me.id,
          resourceType: 'counselling_consent',
          resourceId: id,
          details: { kind: row.kind },
        },
        trx,
      );
      return presentConsent({ ...row, revoked_at: now }, now);
    });
  }

  /**
   * "Who opened my counselling data": entries about me by someone else of the access-log areas,
   * newest first, repeated reads of one record by one reader within an hour grouped.
   */
  async accessLog(me: Me, query: z.infer<typeof accessLogQuery>): Promise<CounsellingAccessLog> {
    const { audit, directory } = this.deps;
    const scan = Math.min(query.limit * 20, 2000);
    const rows = await audit.aboutSubject({
      agencyId: me.agencyId,
      subjectId: me.id,
      areas: ACCESS_LOG_AREAS,
      actions: ACCESS_LOG_ACTIONS,
      before: decodeCursor(query.cursor),
      limit: scan,
    });
    const groups: Array<{ first: (typeof rows)[number]; count: number; firstAt: string }> = [];
    const open = new Map<string, (typeof groups)[number]>();
    let consumed = 0;
    for (const row of rows) {
      const key = JSON.stringify([row.actor_id, row.action, row.resource_type, row.resource_id]);
      const group = open.get(key);
      if (group && Date.parse(group.first.occurred_at) - Date.parse(row.occurred_at) <= GROUP_WINDOW_MS) {
        group.count += 1;
        group.firstAt = row.occurred_at;
      } else {
        if (groups.length === query.limit) break;
        const fresh = { first: row, count: 1, firstAt: row.occurred_at };
        groups.push(fresh);
        open.set(key, fresh);
      }
      consumed += 1;
    }
    const authors = new Map(groups.map((g) => [g.first.id, transferAuthorOf(g.first)]));
    const ids = [
      ...new Set([
        ...groups.flatMap((g) => (g.first.actor_id ? [g.first.actor_id] : [])),
        ...[...authors.values()].filter((a): a is string => a !== null),
      ]),
    ];
    const names = ids.length > 0 ? await directory.namesOf(me.agencyId, ids) : new Map<string, string>();
    const last = rows[consumed - 1];
    const more = consumed < rows.length || rows.length === scan;
    return {
      items: groups.map(({ first: r, count, firstAt }) => ({
        id: r.id,
        occurredAt: r.occurred_at,
        firstAt,
        count,
        action: r.action,
        actor: r.actor_id ? { id: r.actor_id, fullName: names.get(r.actor_id) ?? '' } : null,
        ...withAuthor(authors.get(r.id) ?? null, names),
      })),
      nextCursor: more && last ? encodeCursor(last.occurred_at, last.id) : null,
    };
  }

  /** The client's consents as stored, for their copy of their data (My data). */
  async ownCopy(db: Kysely<Database>, me: { id: string; agencyId: string }) {
    const rows = await allOfClient(db, me.agencyId, me.id);
    return rows.map((r) => ({
      kind: r.kind,
      counsellor: r.counsellor_name,
      recipient: r.recipient_name,
      textVersion: r.text_version,
      textHash: r.text_hash,
      textLocale: r.text_locale,
      months: r.months,
      grantedAt: r.granted_at,
      expiresAt: r.expires_at,
      revokedAt: r.revoked_at,
    }));
  }

  // --- The counsellor ------------------------------------------------------------------------------

  /** Which of my clients consented to what, in force now; never anyone else's consents. */
  async ofCounsellor(actor: Actor): Promise<CounsellorConsentList> {
    const at = this.deps.clock.now().toISOString();
    const rows = await findLiveOfCounsellor(this.deps.db, {
      agencyId: actor.agencyId,
      counsellorId: actor.personId,
      at,
    });
    return {
      items: rows
        .filter((r) => isConsentActiveAt(times(r), at))
        .map((r) => ({
          client: { id: r.client_id, fullName: r.client_name },
          kind: r.kind as ConsentKind,
          expiresAt: r.expires_at,
          recipient: r.recipient_id ? { id: r.recipient_id, fullName: r.recipient_name ?? '' } : null,
        })),
    };
  }

  private async ownView(me: Me, id: string): Promise<ConsentView> {
    const row = await findOwn(this.deps.db, me.agencyId, me.id, id);
    if (!row) throw notFound();
    return presentConsent(row, this.deps.clock.now().toISOString());
  }
}

/** Thrown inside the grant's transaction when the same key won a race: rolls back, then answers the stored one. */
class Replayed extends Error {}
