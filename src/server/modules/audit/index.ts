/** The audit module's public surface: other modules write the audit log only through AuditService. */
export { AuditService, auditOrigin, type AuditOrigin } from './audit.service.js';
export type { AuditEntry, SubjectQuery } from './audit.repository.js';
