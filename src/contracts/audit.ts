import { z } from 'zod';
import { AUDIT_ACTIONS } from '../domain/audit/audit-actions.js';
import { idSchema } from './common.js';

export const auditQuery = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorId: idSchema.optional(),
  subjectId: idSchema.optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  /** ISO dates (inclusive from, exclusive to). */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQueryInput = z.infer<typeof auditQuery>;

const personRef = z.object({ id: z.string(), fullName: z.string() }).nullable();

export const auditEntryView = z.object({
  id: z.string(),
  occurredAt: z.string(),
  action: z.string(),
  outcome: z.string(),
  actor: personRef,
  actorRole: z.string().nullable(),
  subject: personRef,
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  purpose: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const auditPage = z.object({ items: z.array(auditEntryView), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPage>;
