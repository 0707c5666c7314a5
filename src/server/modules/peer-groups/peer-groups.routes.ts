import {
  cancelSessionBody,
  facilitatedGroupList,
  facilitatedGroupView,
  groupBody,
  groupList,
  groupView,
  joinBody,
  newGroupBody,
} from '../../../contracts/peer-groups.js';
import { idParams, okResponse } from '../../../contracts/common.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['peer-groups'];
const BASE = '/api/v1/peer-groups';
const MANAGE = 'manage:peer-group:own';
const FACILITATOR = '/api/v1/facilitator/peer-groups';

/**
 * Peer support groups (docs/decisions/045-peer-groups-and-return-to-work.md). Employees' routes are
 * keyed by the signed-in person and their agency; the facilitator's by the facilitator. No route
 * lists members to anyone but the group's facilitator, and none counts members by unit.
 */
export function registerPeerGroupRoutes(app: App, services: Services): void {
  app.get(
    BASE,
    {
      schema: {
        tags,
        summary: 'Open peer groups of my agency, and the ones I am in (a member count, never who)',
        response: responses({ 200: groupList }),
      },
      config: access('read:peer-group:own'),
    },
    async (request) => services.peerGroups.list(session(request).person),
  );

  app.get(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'One peer group with its ground rules (the online link for members only)',
        params: idParams,
        response: responses({ 200: groupView }),
      },
      config: access('read:peer-group:own'),
    },
    async (request) => services.peerGroups.view(session(request).person, request.params.id),
  );

  app.post(
    `${BASE}/:id/join`,
    {
      schema: {
        tags,
        summary:
          'Join under a display name I choose (sent again, stored once: 201 first, 200 after). Full is 409 peer_group_full.',
        params: idParams,
        body: joinBody,
        response: responses({ 200: groupView, 201: groupView }),
      },
      config: access('read:peer-group:own'),
    },
    async (request, reply) => {
      const { created, view } = await services.peerGroups.join(
        session(request).person,
        request.params.id,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.post(
    `${BASE}/:id/leave`,
    {
      schema: { tags, summary: 'Leave a group', params: idParams, response: responses({ 200: okResponse }) },
      config: access('read:peer-group:own'),
    },
    async (request) => services.peerGroups.leave(session(request).person, request.params.id),
  );

  // --- The facilitator ------------------------------------------------------------------------------
  app.get(
    FACILITATOR,
    {
      schema: { tags, summary: 'The groups I run', response: responses({ 200: facilitatedGroupList }) },
      config: access(MANAGE),
    },
    async (request) => services.peerGroups.facilitated(session(request).person),
  );

  app.post(
    FACILITATOR,
    {
      schema: {
        tags,
        summary: 'Create a group under an id I made (sent again, stored once: 201 first, 200 after)',
        body: newGroupBody,
        response: responses({ 200: groupView, 201: groupView }),
      },
      config: access(MANAGE),
    },
    async (request, reply) => {
      const { created, view } = await services.peerGroups.create(
        session(request).person,
        request.body,
        auditOrigin(request, MANAGE),
      );
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.get(
    `${FACILITATOR}/:id`,
    {
      schema: {
        tags,
        summary: 'A group I run, with its members by display name (audited)',
        params: idParams,
        response: responses({ 200: facilitatedGroupView }),
      },
      config: access(MANAGE),
    },
    async (request) =>
      services.peerGroups.facilitatedView(session(request).person, request.params.id, auditOrigin(request, MANAGE)),
  );

  app.put(
    `${FACILITATOR}/:id`,
    {
      schema: {
        tags,
        summary: 'Save a group I run (the capacity never below its members)',
        params: idParams,
        body: groupBody,
        response: responses({ 200: groupView }),
      },
      config: access(MANAGE),
    },
    async (request) =>
      services.peerGroups.update(
        session(request).person,
        request.params.id,
        request.body,
        auditOrigin(request, MANAGE),
      ),
  );

  app.post(
    `${FACILITATOR}/:id/cancellations`,
    {
      schema: {
        tags,
        summary: 'Call off one session of a group I run',
        params: idParams,
        body: cancelSessionBody,
        response: responses({ 200: groupView }),
      },
      config: access(MANAGE),
    },
    async (request) => services.peerGroups.cancelSession(session(request).person, request.params.id, request.body),
  );
}
