import type { Kysely } from 'kysely';
import type { AuditRow, Database } from '../../../db/schema.js';
import type { AuditAction } from '../../../domain/audit/audit-actions.js';
import { newId } from '../../crypto.js';
import { eachBatch } from '../../../db/batches.js';

/** One audit entry. `details` carries names and counts, never health values (docs/privacy.md §3). */
export interface AuditEntry {
  agencyId: string | null;
  action: AuditAction;
  actorId?: string | null;
  actorRole?: string | null;
  subjectId?: string | null;
  resourceType?: string | null;
  resourceId?: string | null;
  purpose?: string | null;
  outcome?: 'success' | 'failure' | 'denied';
  requestId?: string | null;
  details?: Record<string, unknown> | null;
}

/** Appends an entry; pass the transaction of the change or read it records, so both commit together. */
export async function insertAuditEntry(db: Kysely<Database>, entry: AuditEntry, occurredAt: string): Promise<void> {
  await insertAuditEntries(db, [entry], occurredAt);
}

/** Appends several entries with multi-row inserts, e.g. one per person a list showed. */
export async function insertAuditEntries(
  db: Kysely<Database>,
  entries: readonly AuditEntry[],
  occurredAt: string,
): Promise<void> {
  await eachBatch(entries, (batch) =>
    db
      .insertInto('audit_log')
      .values(
        batch.map((entry) => ({
          id: newId(),
          agency_id: entry.agencyId,
          occurred_at: occurredAt,
          actor_id: entry.actorId ?? null,
          actor_role: entry.actorRole ?? null,
          subject_id: entry.subjectId ?? null,
          action: entry.action,
          resource_type: entry.resourceType ?? null,
          resource_id: entry.resourceId ?? null,
          purpose: entry.purpose ?? null,
          outcome: entry.outcome ?? 'success',
          request_id: entry.requestId ?? null,
          details: entry.details ? JSON.stringify(entry.details) : null,
        })),
      )
      .execute(),
  );
}

export interface AuditQuery {
  agencyId: string;
  action?: string | undefined;
  actorId?: string | undefined;
  subjectId?: string | undefined;
  outcome?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Leave out actions of these areas (e.g. health entries when the agency log filters by person). */
  excludeAreas?: readonly string[] | undefined;
  /** Leave out these actions, likewise. */
  excludeActions?: readonly string[] | undefined;
  /** Keyset cursor: entries strictly older than this (occurred_at, id). */
  before?: { occurredAt: string; id: string } | undefined;
  limit: number;
}

/** Newest first, keyset-paged so deep pages stay fast on millions of rows. */
export async function findAuditEntries(db: Kysely<Database>, q: AuditQuery): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').selectAll().where('agency_id', '=', q.agencyId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.actorId) query = query.where('actor_id', '=', q.actorId);
  if (q.subjectId) query = query.where('subject_id', '=', q.subjectId);
  if (q.outcome) query = query.where('outcome', '=', q.outcome);
  if (q.from) query = query.where('occurred_at', '>=', q.from);
  if (q.to) query = query.where('occurred_at', '<', q.to);
  for (const area of q.excludeAreas ?? []) query = query.where('action', 'not like', `${area}.%`);
  if (q.excludeActions?.length) query = query.where('action', 'not in', q.excludeActions);
  const before = q.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('occurred_at', '<', before.occurredAt),
        eb.and([eb('occurred_at', '=', before.occurredAt), eb('id', '<', before.id)]),
      ]),
    );
  }
  return query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
}

/** Which entries about a person their own access log shows: whole areas (`timeline`) and single actions. */
export interface SubjectQuery {
  agencyId: string;
  subjectId: string;
  areas: readonly string[];
  actions: readonly string[];
  before?: { occurredAt: string; id: string } | undefined;
  limit: number;
}

/**
 * Entries whose subject is the person, written by someone else (never their own acts), of the given
 * areas or actions, newest first, keyset-paged (docs/decisions/042-counselling-consent.md).
 */
export async function findAboutSubject(db: Kysely<Database>, q: SubjectQuery): Promise<AuditRow[]> {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where('agency_id', '=', q.agencyId)
    .where('subject_id', '=', q.subjectId)
    .where('actor_id', 'is not', null)
    .where('actor_id', '!=', q.subjectId)
    .where((eb) =>
      eb.or([
        ...q.areas.map((area) => eb('action', 'like', `${area}.%`)),
        ...(q.actions.length > 0 ? [eb('action', 'in', [...q.actions])] : []),
      ]),
    );
  const before = q.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('occurred_at', '<', before.occurredAt),
        eb.and([eb('occurred_at', '=', before.occurredAt), eb('id', '<', before.id)]),
      ]),
    );
  }
  return query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
}
