import { idParams, okResponse } from '../../../contracts/common.js';
import {
  clinicalAccessView,
  roleRequestList,
  roleRequestQuery,
  roleRequestView,
} from '../../../contracts/role-requests.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['org'];

/**
 * Grants waiting for a second person (docs/decisions/012-separation-of-duties.md), and the open list of who may read health data.
 * Approving needs an approved agency_admin or dpo grant; the service refuses the requester and
 * the grantee.
 */
export function registerRoleRequestRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/role-requests',
    {
      schema: {
        tags,
        summary: 'Role grants waiting for approval (or of another status)',
        querystring: roleRequestQuery,
        response: responses({ 200: roleRequestList }),
      },
      config: access('approve:role-grant:agency'),
    },
    async (request) => ({ items: await services.roleRequests.list(actor(request), request.query.status) }),
  );

  app.post(
    '/api/v1/role-requests/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a role grant (never your own request, never a grant to yourself)',
        params: idParams,
        response: responses({ 200: roleRequestView }),
      },
      config: access('approve:role-grant:agency'),
    },
    async (request) =>
      services.roleRequests.approve(
        actor(request),
        request.params.id,
        auditOrigin(request, 'approve:role-grant:agency'),
      ),
  );

  app.post(
    '/api/v1/role-requests/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a role grant waiting for approval',
        params: idParams,
        response: responses({ 200: okResponse }),
      },
      config: access('approve:role-grant:agency'),
    },
    async (request) => {
      await services.roleRequests.reject(
        actor(request),
        request.params.id,
        auditOrigin(request, 'approve:role-grant:agency'),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/role-requests/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a role grant you requested',
        params: idParams,
        response: responses({ 200: okResponse }),
      },
      config: access('manage:role:agency'),
    },
    async (request) => {
      await services.roleRequests.withdraw(
        actor(request),
        request.params.id,
        auditOrigin(request, 'manage:role:agency'),
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/platform/role-requests',
    {
      schema: {
        tags,
        summary: 'Role grants in agencies with no independent approver of their own',
        response: responses({ 200: roleRequestList }),
      },
      config: access('manage:agency:platform'),
    },
    async (request) => ({ items: await services.roleRequests.listForPlatform(actor(request)) }),
  );

  app.post(
    '/api/v1/platform/role-requests/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a role grant where the agency has no independent approver',
        params: idParams,
        response: responses({ 200: roleRequestView }),
      },
      config: access('manage:agency:platform'),
    },
    async (request) =>
      services.roleRequests.approveAsPlatform(
        actor(request),
        request.params.id,
        auditOrigin(request, 'manage:agency:platform'),
      ),
  );

  app.get(
    '/api/v1/agency/clinical-access',
    {
      schema: {
        tags,
        summary:
          'Who in my agency can read requests for help and shared results, and who approves such grants, since when',
        response: responses({ 200: clinicalAccessView }),
      },
      config: access('read:clinical-access:agency'),
    },
    async (request) => services.roleRequests.clinicalAccess(actor(request)),
  );
}
