import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  ManagedSuggestionList,
  SuggestionBoard,
  SuggestionListQuery,
  SuggestionReleases,
  SuggestionSendBody,
} from '../../../contracts/suggestions.js';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import { thresholdOf } from '../../../domain/anonymity/threshold.js';
import { localDateOf } from '../../../domain/schedule/zoned-time.js';
import { SUGGESTION_LIMITS, suggestionsToRelease, weekOf } from '../../../domain/suggestions/release.js';
import { maskComment, nameWordsOf } from '../../../domain/surveys/comment-mask.js';
import type { Clock } from '../../clock.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { JobRunner } from '../jobs/index.js';
import type { OrgDirectory } from '../org/index.js';
import { presentBoard, presentManaged, presentReleases } from './suggestions.presenter.js';
import { SuggestionSeal } from './suggestion-seal.js';
import {
  agenciesWithWaiting,
  agencyPeopleNames,
  deleteDaysBefore,
  findSuggestion,
  latestReleases,
  listSuggestions,
  recordSend,
  releaseWaiting,
  sendsOn,
  setHidden,
  setReply,
  waitingCount,
} from './suggestions.repository.js';

export interface SuggestionDeps {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  directory: OrgDirectory;
  /** The instance secret: waiting suggestions are sealed with a key derived from it (decision 052). */
  secret: Buffer;
}

const SWEEP_MS = 15 * 60_000;
const RELEASES_SHOWN = 12;

/**
 * The anonymous suggestion box (docs/decisions/052-suggestion-box.md): every employee writes, the
 * texts wait sealed and are released in shuffled batches of at least k, the wellbeing team replies
 * in public or hides what names or abuses someone. No method here takes a suggestion and a person
 * together except `send`, which keeps them in two unrelated rows.
 */
export class SuggestionService {
  private readonly seal: SuggestionSeal;
  private readonly retryKey: Buffer;

  constructor(private readonly deps: SuggestionDeps) {
    this.seal = new SuggestionSeal(deps.secret);
    this.retryKey = Buffer.from(crypto.hkdfSync('sha256', deps.secret, 'teduh', 'suggestion-retry:v1', 32));
  }

  /** The release sweep: every agency's waiting suggestions are released when due; old counters go. */
  registerJobs(runner: JobRunner): void {
    runner.every({ name: 'suggestions.release', everyMs: SWEEP_MS, run: async () => void (await this.sweep()) });
  }

  /**
   * Seals a suggestion and counts it against the person's day. A retry carrying the same
   * Idempotency-Key as the day's last send is stored once; a send over the day's limit is refused
   * (429) and stores nothing.
   */
  async send(actor: Actor, body: SuggestionSendBody, idempotencyKey: string | undefined): Promise<void> {
    const agency = await this.deps.directory.agencyOrThrow(actor.agencyId);
    const outcome = await recordSend(this.deps.db, this.seal, {
      agencyId: actor.agencyId,
      personId: actor.personId,
      day: localDateOf(this.deps.clock.now(), agency.time_zone),
      retryKey: idempotencyKey ? this.hashRetryKey(actor.personId, idempotencyKey) : null,
      perDay: SUGGESTION_LIMITS.perPersonPerDay,
      suggestion: { topic: body.topic ?? null, text: body.text },
    });
    if (outcome === 'limited')
      throw new AppError(429, 'suggestion_daily_limit', { count: SUGGESTION_LIMITS.perPersonPerDay });
  }

  /** For the person's copy of their data: how many they sent today — the only thing kept about them. */
  async sentToday(actor: Pick<Actor, 'agencyId' | 'personId'>): Promise<number> {
    const agency = await this.deps.directory.agencyOrThrow(actor.agencyId);
    return sendsOn(this.deps.db, actor.personId, localDateOf(this.deps.clock.now(), agency.time_zone));
  }

  /**
   * For the person's copy of their data: how many suggestions they sent today (the counter, while
   * it exists) — honestly all there is; no text can be found for them (decision 052).
   */
  async ownCopy(db: Kysely<Database>, me: { id: string; agencyId: string }): Promise<{ sentToday: number }> {
    // On the caller's connection: the copy is read inside its transaction (one SQLite writer).
    const agency = await this.deps.directory.agencyOrThrow(me.agencyId, db);
    return { sentToday: await sendsOn(db, me.id, localDateOf(this.deps.clock.now(), agency.time_zone)) };
  }

  /** The public board: released suggestions not hidden, with replies, newest release first. */
  async board(actor: Actor, query: SuggestionListQuery): Promise<SuggestionBoard> {
    const agency = await this.deps.directory.agencyOrThrow(actor.agencyId);
    const page = await listSuggestions(this.deps.db, {
      agencyId: actor.agencyId,
      topic: query.topic,
      page: query.page,
      pageSize: SUGGESTION_LIMITS.pageSize,
      includeHidden: false,
    });
    return presentBoard(
      page,
      query.page,
      SUGGESTION_LIMITS.pageSize,
      thresholdOf(agency.anonymity_threshold),
      SUGGESTION_LIMITS.perPersonPerDay,
    );
  }

  /** The wellbeing team's list: every released suggestion, hidden ones marked with their reason. */
  async manage(actor: Actor, query: SuggestionListQuery): Promise<ManagedSuggestionList> {
    const page = await listSuggestions(this.deps.db, {
      agencyId: actor.agencyId,
      topic: query.topic,
      page: query.page,
      pageSize: SUGGESTION_LIMITS.pageSize,
      includeHidden: true,
    });
    return presentManaged(page, query.page, SUGGESTION_LIMITS.pageSize);
  }

  async releases(actor: Actor): Promise<SuggestionReleases> {
    const agency = await this.deps.directory.agencyOrThrow(actor.agencyId);
    const k = thresholdOf(agency.anonymity_threshold);
    const [rows, waiting] = await Promise.all([
      latestReleases(this.deps.db, actor.agencyId, RELEASES_SHOWN),
      waitingCount(this.deps.db, actor.agencyId),
    ]);
    return presentReleases(rows, waiting >= k, k);
  }

  /**
   * The wellbeing team releases what waits now rather than at the week's turn — only if at least k
   * wait, so a release is never smaller than the weekly one could be (decision 052).
   */
  async releaseNow(actor: Actor, origin: AuditOrigin): Promise<{ released: number }> {
    const released = await this.release(actor.agencyId, origin, true);
    if (released === 0) throw conflict('suggestions_too_few');
    return { released };
  }

  async reply(actor: Actor, id: string, reply: string, origin: AuditOrigin): Promise<void> {
    const { db, clock, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const found = await findSuggestion(trx, actor.agencyId, id);
      if (!found) throw notFound();
      await setReply(trx, actor.agencyId, id, reply, clock.now().toISOString());
      await audit.record(
        {
          ...origin,
          action: 'suggestion.replied',
          resourceType: 'suggestion',
          resourceId: id,
          details: { edited: found.reply !== null },
        },
        trx,
      );
    });
  }

  async hide(actor: Actor, id: string, reason: string, origin: AuditOrigin): Promise<void> {
    const { db, clock, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const found = await findSuggestion(trx, actor.agencyId, id);
      if (!found) throw notFound();
      if (found.hidden_reason !== null) throw conflict('suggestion_already_hidden');
      await setHidden(trx, actor.agencyId, id, reason, clock.now().toISOString());
      await audit.record(
        { ...origin, action: 'suggestion.hidden', resourceType: 'suggestion', resourceId: id, details: { reason } },
        trx,
      );
    });
  }

  /** Undoes a hide (a mistake, or the reason no longer holds); the reason it was hidden stays in the audit log. */
  async unhide(actor: Actor, id: string, origin: AuditOrigin): Promise<void> {
    const { db, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const found = await findSuggestion(trx, actor.agencyId, id);
      if (!found) throw notFound();
      if (found.hidden_reason === null) throw conflict('suggestion_not_hidden');
      await setHidden(trx, actor.agencyId, id, null, null);
      await audit.record(
        {
          ...origin,
          action: 'suggestion.unhidden',
          resourceType: 'suggestion',
          resourceId: id,
          details: { hiddenReason: found.hidden_reason },
        },
        trx,
      );
    });
  }

  /** Periodic: releases each agency's waiting suggestions when due, and deletes counters of past days. */
  async sweep(): Promise<number> {
    let released = 0;
    for (const agencyId of await agenciesWithWaiting(this.deps.db))
      released += await this.release(agencyId, { agencyId, actorId: null, actorRole: null, requestId: null }, false);
    // A day ends at different hours across Indonesia's three zones: keep yesterday everywhere.
    const yesterday = localDateOf(new Date(this.deps.clock.now().getTime() - 36 * 3_600_000), 'Asia/Jakarta');
    await deleteDaysBefore(this.deps.db, yesterday);
    return released;
  }

  private async release(agencyId: string, origin: AuditOrigin, now: boolean): Promise<number> {
    const { db, clock, audit, directory } = this.deps;
    const agency = await directory.agencyOrThrow(agencyId);
    const k = thresholdOf(agency.anonymity_threshold);
    const today = localDateOf(clock.now(), agency.time_zone);
    const nameWords = nameWordsOf(await agencyPeopleNames(db, agencyId));
    const result = await releaseWaiting(db, this.seal, {
      agencyId,
      weekOf: weekOf(today),
      decide: (waiting, lastReleaseWeek) =>
        now ? (waiting >= k ? waiting : 0) : suggestionsToRelease({ waiting, k, today, lastReleaseWeek }),
      mask: (text) => maskComment(text, nameWords),
    });
    if (result.released > 0)
      await audit.record({
        ...origin,
        action: 'suggestion.released',
        resourceType: 'suggestion_release',
        resourceId: result.releaseId,
        details: { count: result.released, weekOf: weekOf(today) },
      });
    return result.released;
  }

  private hashRetryKey(personId: string, key: string): string {
    return crypto.createHmac('sha256', this.retryKey).update(`${personId}\u001f${key}`).digest('base64url');
  }
}
