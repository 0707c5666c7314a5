import type { TestApp } from './test-app.js';

/** Audit entries of one action, oldest first, with details parsed. */
export async function auditEntries(
  t: TestApp,
  action: string,
  filter: { agencyId?: string; resourceId?: string; subjectId?: string } = {},
) {
  let q = t.services.db.db.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (filter.agencyId) q = q.where('agency_id', '=', filter.agencyId);
  if (filter.resourceId) q = q.where('resource_id', '=', filter.resourceId);
  if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
  const rows = await q.orderBy('occurred_at').orderBy('id').execute();
  return rows.map((r) => ({ ...r, details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null }));
}
