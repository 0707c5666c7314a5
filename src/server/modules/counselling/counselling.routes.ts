import { sharedResultList, sharedResultParams, sharedResultView } from '../../../contracts/assessments.js';
import {
  caseloadList,
  caseloadQuery,
  crisisRequestList,
  crisisRequestParams,
  crisisRequestQuery,
  crisisRequestView,
  firstAppointmentBody,
} from '../../../contracts/counselling.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor, ctx, session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['counselling'];
const QUEUE = 'read:crisis-request:unit';
const SHARED = 'read:shared-result:assigned';
/** The caseload is read by the counsellor the calendar is read by (docs/decisions/047-caseload.md). */
const ASSIGNED = 'read:appointment:assigned';

/**
 * The counsellor's side of help: the urgent queue (a minimal list, not yet the counselling
 * workspace) and the results people chose to share with them. Every read is audited.
 */
export function registerCounsellingRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/counselling/caseload',
    {
      schema: {
        tags,
        summary:
          'My clients (an appointment with me, or a result shared with me), each with a summary of their record; active or all, by name (audited per client shown)',
        querystring: caseloadQuery,
        response: responses({ 200: caseloadList }),
      },
      config: access(ASSIGNED),
    },
    async (request) => services.caseload.list(session(request).person, request.query, auditOrigin(request, ASSIGNED)),
  );

  app.get(
    '/api/v1/counselling/urgent-requests',
    {
      schema: {
        tags,
        summary: 'Urgent requests from people in my units (every read is audited, per person)',
        querystring: crisisRequestQuery,
        response: responses({ 200: crisisRequestList }),
      },
      config: access(QUEUE),
    },
    async (request) => services.urgentQueue.list(actor(request), request.query, auditOrigin(request, QUEUE)),
  );

  app.post(
    '/api/v1/counselling/urgent-requests/:id/first-appointment',
    {
      schema: {
        tags,
        summary:
          'Schedule a first session for the person behind a request, in one of my own free slots (takes the request up; sent again, answers the session already scheduled)',
        params: crisisRequestParams,
        body: firstAppointmentBody,
        response: responses({ 200: crisisRequestView }),
      },
      config: access(QUEUE),
    },
    async (request) =>
      services.urgentQueue.scheduleFirst(
        actor(request),
        session(request).person,
        request.params.id,
        request.body,
        auditOrigin(request, QUEUE),
      ),
  );

  app.post(
    '/api/v1/counselling/urgent-requests/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'Take up an urgent request',
        params: crisisRequestParams,
        response: responses({ 200: crisisRequestView }),
      },
      config: access(QUEUE),
    },
    async (request) => services.urgentQueue.acknowledge(actor(request), request.params.id, auditOrigin(request, QUEUE)),
  );

  app.post(
    '/api/v1/counselling/urgent-requests/:id/close',
    {
      schema: {
        tags,
        summary: 'Close an urgent request once followed up',
        params: crisisRequestParams,
        response: responses({ 200: crisisRequestView }),
      },
      config: access(QUEUE),
    },
    async (request) => services.urgentQueue.close(actor(request), request.params.id, auditOrigin(request, QUEUE)),
  );

  app.get(
    '/api/v1/counselling/shared-results',
    {
      schema: { tags, summary: 'Results shared with me (not revoked)', response: responses({ 200: sharedResultList }) },
      config: access(SHARED),
    },
    async (request) => services.sharing.sharedWithMe(actor(request), ctx(request).locale),
  );

  app.get(
    '/api/v1/counselling/shared-results/:shareId',
    {
      schema: {
        tags,
        summary: 'One shared result with its answers (audited; the person sees the read)',
        params: sharedResultParams,
        response: responses({ 200: sharedResultView }),
      },
      config: access(SHARED),
    },
    async (request) =>
      services.sharing.readShared(
        actor(request),
        request.params.shareId,
        ctx(request).locale,
        auditOrigin(request, SHARED),
      ),
  );
}
