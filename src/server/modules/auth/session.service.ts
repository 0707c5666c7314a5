import type { Kysely } from 'kysely';
import type { Database, PersonRow, SessionRow } from '../../../db/schema.js';
import { requiresTwoFactor } from '../../../domain/access/roles.js';
import { isRole, type RoleGrant } from '../../../domain/access/roles.js';
import { isLocale } from '../../../i18n/locales.js';
import type { Clock } from '../../clock.js';
import { randomToken, sha256 } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import type { DatabaseKind } from '../../../db/connection.js';
import { overdueConcurrency, steadyBatchIntervalMs } from '../../group-commit.js';
import { BatchedLookup } from './batched-lookup.js';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOf,
  findSession,
  findSessionsForLookup,
  findSessionsOf,
  insertSession,
  touchSession,
  type SessionLookupRow,
} from './session.repository.js';
import { eraseSessionsBefore } from './retention.repository.js';

export type SessionStage = SessionState['stage'];

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
  /** The database, for how its lookups are spaced and overlap under steady load (decisions 054, 055). */
  kind: DatabaseKind;
}

/** Writing last_seen_at on every request would make each read a write; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Server-side sessions (ASVS 3): the cookie holds a random token, the database only its SHA-256.
 * Sessions end after 30 minutes idle or 12 hours in all, and a new token is issued whenever the
 * session gains privilege (sign-in, two-factor passed).
 */
export class SessionService {
  /** Every request's lookup: one joined query, shared by the requests that arrive together. */
  private readonly lookup: BatchedLookup<string, SessionLookupRow>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly policy: SessionPolicy,
  ) {
    this.lookup = new BatchedLookup({
      load: (ids) => findSessionsForLookup(this.db, ids),
      keyOf: (row) => row.id,
      maxBatch: 200,
      // Spaced like the submits' batches: under steady load each lookup then carries the sessions
      // of several requests (docs/decisions/054-steady-load-batching.md); a second one only while
      // the first is overdue (decision 055).
      concurrency: overdueConcurrency(policy.kind),
      minIntervalMs: steadyBatchIntervalMs(policy.kind),
    });
  }

  /** Starts a session and returns the token for the cookie. */
  async start(
    person: Pick<PersonRow, 'id' | 'agency_id'>,
    stage: SessionStage,
    client: { ip: string | null; userAgent: string | null },
    db: Kysely<Database> = this.db,
  ): Promise<{ token: string; row: SessionRow }> {
    const token = randomToken();
    const now = this.clock.now();
    const row: SessionRow = {
      id: sha256(token),
      person_id: person.id,
      agency_id: person.agency_id,
      stage,
      csrf_token: randomToken(24),
      ip: client.ip,
      user_agent: client.userAgent ? client.userAgent.slice(0, 300) : null,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + this.policy.absoluteMs).toISOString(),
    };
    await insertSession(db, row);
    return { token, row };
  }

  /**
   * Replaces a session with a fresh token at a new stage (session fixation defence). The absolute
   * deadline is kept: stepping up does not extend the 12 hours.
   */
  async rotate(oldId: string, stage: SessionStage): Promise<{ token: string; row: SessionRow } | null> {
    return this.db.transaction().execute(async (trx) => {
      const old = await findSession(trx, oldId);
      if (!old) return null;
      await deleteSession(trx, oldId);
      const token = randomToken();
      const row: SessionRow = {
        ...old,
        id: sha256(token),
        stage,
        csrf_token: randomToken(24),
        last_seen_at: this.clock.now().toISOString(),
      };
      await insertSession(trx, row);
      return { token, row };
    });
  }

  /**
   * The live session for a cookie token, with the person and their grants; null when expired,
   * idle too long, revoked (no row), or when its person is gone, inactive or in another agency
   * (the session is then ended). One joined read (session ⋈ person, grants, two-step state),
   * batched with the other requests of the moment (docs/decisions/037-check-in-submit-on-postgresql.md).
   */
  async resolve(token: string): Promise<SessionState | null> {
    if (!token || token.length > 100) return null;
    const id = sha256(token);
    const rows = await this.lookup.get(id);
    const row = rows[0];
    if (!row) return null;
    const now = this.clock.now();
    const idleDeadline = new Date(row.last_seen_at).getTime() + this.policy.idleMs;
    if (now.toISOString() >= row.expires_at || now.getTime() >= idleDeadline) {
      await deleteSession(this.db, id);
      return null;
    }
    if (row.p_id === null || row.p_is_active !== 1) {
      await deleteSession(this.db, id);
      return null;
    }
    const grants: RoleGrant[] = rows.flatMap((r) =>
      r.grant_role !== null && isRole(r.grant_role)
        ? [{ role: r.grant_role as RoleGrant['role'], unitId: r.grant_unit_id }]
        : [],
    );
    let stage = row.stage as SessionStage;
    // A role that needs two-factor may have been granted after this session began.
    if (stage === 'full' && requiresTwoFactor(grants) && !row.totp_enabled_at) stage = 'two_factor_setup';
    if (now.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_INTERVAL_MS) {
      await touchSession(this.db, id, now.toISOString());
    }
    return {
      sessionId: id,
      stage,
      csrfToken: row.csrf_token,
      createdAt: row.created_at,
      actor: { personId: row.person_id, agencyId: row.agency_id, grants },
      person: {
        id: row.person_id,
        agencyId: row.agency_id,
        unitId: row.p_unit_id as string,
        fullName: row.p_full_name as string,
        locale: isLocale(row.p_locale) ? row.p_locale : 'id',
      },
    };
  }

  async end(sessionId: string): Promise<void> {
    await deleteSession(this.db, sessionId);
  }

  async endAllFor(personId: string, exceptSessionId?: string, db: Kysely<Database> = this.db): Promise<number> {
    return deleteSessionsOf(db, personId, exceptSessionId);
  }

  async listFor(personId: string): Promise<SessionRow[]> {
    return findSessionsOf(this.db, personId);
  }

  async purgeExpired(): Promise<number> {
    const now = this.clock.now();
    return deleteExpiredSessions(
      this.db,
      now.toISOString(),
      new Date(now.getTime() - this.policy.idleMs).toISOString(),
    );
  }

  /** The retention schedule: erases the agency's sessions last seen before `cutoff` (in `db`, its transaction). */
  eraseOlderThan(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
    return eraseSessionsBefore(db, agencyId, cutoff);
  }
}
