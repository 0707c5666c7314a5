import type { Kysely } from 'kysely';
import type { AuditPage, AuditQueryInput } from '../../../contracts/audit.js';
import type { Database } from '../../../db/schema.js';
import { HEALTH_AUDIT_AREAS, isHealthAuditAction } from '../../../domain/audit/audit-actions.js';
import { findAuditEntries } from './audit.repository.js';

function decodeCursor(cursor: string | undefined): { occurredAt: string; id: string } | undefined {
  if (!cursor) return undefined;
  const [occurredAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return occurredAt && id ? { occurredAt, id } : undefined;
}

function encodeCursor(occurredAt: string, id: string): string {
  return Buffer.from(`${occurredAt}|${id}`, 'utf8').toString('base64url');
}

/**
 * One page of entries with the names of actor and subject (one extra query, not one per row).
 * Health entries (a counsellor read a shared result, a crisis request was handled) appear without
 * their subject, and never in a search by subject: the agency log must not tell an admin who
 * asked for urgent help or sees a counsellor. The person sees them in their own access log.
 */
export async function presentAuditPage(db: Kysely<Database>, agencyId: string, q: AuditQueryInput): Promise<AuditPage> {
  const rows = await findAuditEntries(db, {
    agencyId,
    action: q.action,
    actorId: q.actorId,
    subjectId: q.subjectId,
    outcome: q.outcome,
    from: q.from ? new Date(q.from).toISOString() : undefined,
    to: q.to ? new Date(q.to).toISOString() : undefined,
    excludeAreas: q.subjectId ? HEALTH_AUDIT_AREAS : undefined,
    before: decodeCursor(q.cursor),
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const visibleSubject = (r: (typeof page)[number]) => (isHealthAuditAction(r.action) ? null : r.subject_id);
  const ids = [...new Set(page.flatMap((r) => [r.actor_id, visibleSubject(r)]).filter((x): x is string => Boolean(x)))];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    const people = await db.selectFrom('people').select(['id', 'full_name']).where('agency_id', '=', agencyId).where('id', 'in', ids).execute();
    for (const p of people) names.set(p.id, p.full_name);
  }
  const ref = (id: string | null) => (id && names.has(id) ? { id, fullName: names.get(id) as string } : null);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at,
      action: r.action,
      outcome: r.outcome,
      actor: ref(r.actor_id),
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
