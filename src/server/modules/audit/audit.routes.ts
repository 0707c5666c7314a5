import { auditPage, auditQuery } from '../../../contracts/audit.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';

/** The audit log, read-only: there is deliberately no route that edits or deletes an entry. */
export function registerAuditRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Browse and filter the audit log (newest first)',
        querystring: auditQuery,
        response: responses({ 200: auditPage }),
      },
      config: access('read:audit:agency'),
    },
    async (request) => services.audit.page(actor(request).agencyId, request.query),
  );
}
