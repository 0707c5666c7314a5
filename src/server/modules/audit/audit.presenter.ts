import type { AuditPage, AuditQueryInput } from '../../../contracts/audit.js';
import type { AuditRow } from '../../../db/schema.js';
import {
  HEALTH_AUDIT_AREAS,
  isHealthAuditAction,
  SELF_HEALTH_AUDIT_ACTIONS,
} from '../../../domain/audit/audit-actions.js';
import type { AuditQuery } from './audit.repository.js';

function decodeCursor(cursor: string | undefined): { occurredAt: string; id: string } | undefined {
  if (!cursor) return undefined;
  const [occurredAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return occurredAt && id ? { occurredAt, id } : undefined;
}

function encodeCursor(occurredAt: string, id: string): string {
  return Buffer.from(`${occurredAt}|${id}`, 'utf8').toString('base64url');
}

/** The stored query behind one page of the log, one row more than asked (to know if there is a next page). */
export function auditQueryOf(agencyId: string, q: AuditQueryInput): AuditQuery {
  return {
    agencyId,
    action: q.action,
    actorId: q.actorId,
    subjectId: q.subjectId,
    outcome: q.outcome,
    from: q.from ? new Date(q.from).toISOString() : undefined,
    to: q.to ? new Date(q.to).toISOString() : undefined,
    excludeAreas: q.subjectId ? HEALTH_AUDIT_AREAS : undefined,
    excludeActions: q.subjectId || q.actorId ? SELF_HEALTH_AUDIT_ACTIONS : undefined,
    before: decodeCursor(q.cursor),
    limit: q.limit + 1,
  };
}

/** The people an entry may name: health entries hide their subject, and their actor when it is the subject. */
const visibleSubject = (r: AuditRow) => (isHealthAuditAction(r.action) ? null : r.subject_id);
const visibleActor = (r: AuditRow) =>
  isHealthAuditAction(r.action) && r.actor_id === r.subject_id ? null : r.actor_id;

/** Ids of the people the page's entries may name, for one lookup of their names. */
export function namedPeopleOf(rows: AuditRow[], q: AuditQueryInput): string[] {
  const page = rows.slice(0, q.limit);
  return [...new Set(page.flatMap((r) => [visibleActor(r), visibleSubject(r)]).filter((x): x is string => Boolean(x)))];
}

/**
 * One page of entries with the names of actor and subject (one extra query, not one per row).
 * Health entries (a counsellor read a shared result, a crisis request was handled, a person erased
 * or downloaded their own results) appear without their subject — and without their actor when
 * the actor is the subject — and never in a search by subject (nor, for the person's own actions, by actor): the agency log
 * must not tell an admin who asked for urgent help, sees a counsellor or uses the self-check. The
 * person sees them in their own access log.
 */
export function presentAuditPage(rows: AuditRow[], q: AuditQueryInput, names: Map<string, string>): AuditPage {
  const page = rows.slice(0, q.limit);
  const ref = (id: string | null) => (id && names.has(id) ? { id, fullName: names.get(id) as string } : null);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at,
      action: r.action,
      outcome: r.outcome,
      actor: ref(visibleActor(r)),
      actorRole: r.actor_role,
      subject: ref(visibleSubject(r)),
      resourceType: r.resource_type,
      resourceId: isHealthAuditAction(r.action) ? null : r.resource_id,
      purpose: r.purpose,
      requestId: r.request_id,
      details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.occurred_at, last.id) : null,
  };
}
