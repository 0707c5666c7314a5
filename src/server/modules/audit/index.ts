/** The audit module's public surface: other modules record entries only through the service. */
export { AuditService, auditOrigin, type AuditOrigin } from './audit.service.js';
