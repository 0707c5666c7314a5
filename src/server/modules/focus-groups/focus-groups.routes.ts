import { idParams } from '../../../contracts/common.js';
import { publishBody } from '../../../contracts/committee.js';
import {
  answerBody,
  focusGroupBody,
  focusGroupList,
  focusGroupRunView,
  focusGroupView,
  inviteBody,
  inviteResult,
  summaryBody,
} from '../../../contracts/focus-groups.js';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor, session } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';
import { isAgencyAdmin } from './focus-groups.service.js';

const tags = ['focus-groups'];
const BASE = '/api/v1/focus-groups';
const OWN = 'read:focus-group:own';
const MANAGE = 'manage:focus-group:agency';
const ADMIN = `${BASE}/manage`;

/** The signed-in wellbeing admin, agency-wide: an admin limited to a unit does not run focus groups. */
function adminOf(request: FastifyRequest) {
  if (!isAgencyAdmin(actor(request))) throw forbidden();
  return session(request).person;
}

/**
 * Focus groups (docs/decisions/053-committee-and-focus-groups.md). Invitees answer their own
 * invitation; the facilitator and the agency-wide wellbeing admin see who accepted; no route gives
 * a manager or other staff anything but a published summary.
 */
export function registerFocusGroupRoutes(app: App, services: Services): void {
  app.get(
    BASE,
    {
      schema: {
        tags,
        summary: 'Focus groups I am invited to or facilitate, and published summaries of my agency',
        response: responses({ 200: focusGroupList }),
      },
      config: access(OWN),
    },
    async (request) => services.focusGroups.list(session(request).person, actor(request)),
  );

  app.get(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'One focus group I may see (404 otherwise)',
        params: idParams,
        response: responses({ 200: focusGroupView }),
      },
      config: access(OWN),
    },
    async (request) => services.focusGroups.view(session(request).person, actor(request), request.params.id),
  );

  app.post(
    `${BASE}/:id/answer`,
    {
      schema: {
        tags,
        summary: 'Accept or decline my invitation (voluntary; no reason asked). Full is 409 focus_group_full.',
        params: idParams,
        body: answerBody,
        response: responses({ 200: focusGroupView }),
      },
      config: access(OWN),
    },
    async (request) =>
      services.focusGroups.answer(session(request).person, actor(request), request.params.id, request.body),
  );

  app.get(
    `${BASE}/:id/run`,
    {
      schema: {
        tags,
        summary: 'For the facilitator and the admin: who accepted, and counts of the rest (audited)',
        params: idParams,
        response: responses({ 200: focusGroupRunView }),
      },
      config: access(OWN),
    },
    async (request) =>
      services.focusGroups.runView(
        session(request).person,
        actor(request),
        request.params.id,
        auditOrigin(request, OWN),
      ),
  );

  app.put(
    `${BASE}/:id/summary`,
    {
      schema: {
        tags,
        summary: 'The facilitator saves the summary of themes heard (no names), after the session starts',
        params: idParams,
        body: summaryBody,
        response: responses({ 200: focusGroupRunView }),
      },
      config: access(OWN),
    },
    async (request) =>
      services.focusGroups.saveSummary(
        session(request).person,
        actor(request),
        request.params.id,
        request.body.summary,
        auditOrigin(request, OWN),
      ),
  );

  app.post(
    `${BASE}/:id/summary/publish`,
    {
      schema: {
        tags,
        summary: 'Publish the summary to staff, names masked (audited)',
        params: idParams,
        body: publishBody,
        response: responses({ 200: focusGroupRunView }),
      },
      config: access(OWN),
    },
    async (request) =>
      services.focusGroups.publishSummary(
        session(request).person,
        actor(request),
        request.params.id,
        auditOrigin(request, OWN),
      ),
  );

  // --- The wellbeing admin --------------------------------------------------------------------------
  app.get(
    ADMIN,
    {
      schema: { tags, summary: 'All focus groups of the agency', response: responses({ 200: focusGroupList }) },
      config: access(MANAGE),
    },
    async (request) => services.focusGroups.listForAdmin(adminOf(request), actor(request)),
  );

  app.post(
    ADMIN,
    {
      schema: {
        tags,
        summary: 'Schedule a focus group (send an Idempotency-Key)',
        body: focusGroupBody,
        response: responses({ 201: focusGroupRunView }),
      },
      config: access(MANAGE),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await services.focusGroups.create(
            adminOf(request),
            actor(request),
            request.body,
            auditOrigin(request, MANAGE),
          ),
        ),
  );

  app.post(
    `${ADMIN}/:id/invitations`,
    {
      schema: {
        tags,
        summary: 'Invite a random sample of a unit subtree, or named people; each once',
        params: idParams,
        body: inviteBody,
        response: responses({ 200: inviteResult }),
      },
      config: access(MANAGE),
    },
    async (request) =>
      services.focusGroups.invite(adminOf(request), request.params.id, request.body, auditOrigin(request, MANAGE)),
  );

  app.post(
    `${ADMIN}/:id/cancel`,
    {
      schema: {
        tags,
        summary: 'Cancel; those who accepted hear of it',
        params: idParams,
        response: responses({ 200: focusGroupRunView }),
      },
      config: access(MANAGE),
    },
    async (request) =>
      services.focusGroups.cancel(adminOf(request), actor(request), request.params.id, auditOrigin(request, MANAGE)),
  );
}
