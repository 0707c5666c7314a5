import type { FastifyRequest } from 'fastify';
import { idParams, okResponse } from '../../../contracts/common.js';
import {
  committeeView,
  manageView,
  meetingBody,
  meetingUpdateBody,
  meetingView,
  memberBody,
  memberView,
  minutesBody,
  newMemberBody,
  peopleQuery,
  personOptions,
  publishBody,
  surveyThemeOptions,
} from '../../../contracts/committee.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor, ctx, session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';
import { CommitteeService } from './committee.service.js';

const tags = ['committee'];
const BASE = '/api/v1/committee';
const MANAGE = 'manage:committee:agency';
const ADMIN = `${BASE}/manage`;

/**
 * The wellbeing committee (docs/decisions/053-committee-and-focus-groups.md). Everything is keyed by
 * the signed-in person's agency; the admin's routes need the wellbeing admin role agency-wide.
 */
/** The signed-in wellbeing admin, agency-wide: an admin limited to a unit does not run the committee. */
export function adminOf(request: FastifyRequest) {
  CommitteeService.assertAgencyWide(actor(request));
  return session(request).person;
}

export function registerCommitteeRoutes(app: App, services: Services): void {
  app.get(
    BASE,
    {
      schema: {
        tags,
        summary: 'Who is on my agency’s wellbeing committee, and its published minutes (members: all meetings)',
        response: responses({ 200: committeeView }),
      },
      config: access('read:committee:agency'),
    },
    async (request) => services.committee.view(session(request).person),
  );

  app.get(
    `${BASE}/meetings/:id`,
    {
      schema: {
        tags,
        summary: 'A meeting: all of it for members and the admin; its published minutes for other staff',
        params: idParams,
        response: responses({ 200: meetingView }),
      },
      config: access('read:committee:agency'),
    },
    async (request) => services.committee.meeting(session(request).person, actor(request), request.params.id),
  );

  // --- The wellbeing admin --------------------------------------------------------------------------
  app.get(
    ADMIN,
    {
      schema: { tags, summary: 'Members of every term and all meetings', response: responses({ 200: manageView }) },
      config: access(MANAGE),
    },
    async (request) => services.committee.manage(adminOf(request)),
  );

  app.get(
    `${ADMIN}/people`,
    {
      schema: {
        tags,
        summary: 'Search the agency’s directory by name, NIP or email (at most 20 active people)',
        querystring: peopleQuery,
        response: responses({ 200: personOptions }),
      },
      config: access(MANAGE),
    },
    async (request) => services.committee.people(adminOf(request), request.query.q),
  );

  app.get(
    `${ADMIN}/survey-themes`,
    {
      schema: {
        tags,
        summary: 'Surveys of the agency and their themes, to link an agenda item or a focus group',
        response: responses({ 200: surveyThemeOptions }),
      },
      config: access(MANAGE),
    },
    async (request) => services.committee.surveyThemes(adminOf(request), ctx(request).locale),
  );

  app.post(
    `${ADMIN}/members`,
    {
      schema: {
        tags,
        summary: 'Add a member with a role and a term',
        body: newMemberBody,
        response: responses({ 201: memberView }),
      },
      config: access(MANAGE),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await services.committee.addMember(adminOf(request), request.body, auditOrigin(request, MANAGE))),
  );

  app.put(
    `${ADMIN}/members/:id`,
    {
      schema: {
        tags,
        summary: 'Change a member’s role or term',
        params: idParams,
        body: memberBody,
        response: responses({ 200: memberView }),
      },
      config: access(MANAGE),
    },
    async (request) =>
      services.committee.updateMember(adminOf(request), request.params.id, request.body, auditOrigin(request, MANAGE)),
  );

  app.delete(
    `${ADMIN}/members/:id`,
    {
      schema: {
        tags,
        summary: 'Remove a membership (entered by mistake; a past term is ended by its date)',
        params: idParams,
        response: responses({ 200: okResponse }),
      },
      config: access(MANAGE),
    },
    async (request) =>
      services.committee.removeMember(adminOf(request), request.params.id, auditOrigin(request, MANAGE)),
  );

  app.post(
    `${ADMIN}/meetings`,
    {
      schema: {
        tags,
        summary:
          'Schedule a meeting with its agenda; members are invited in-app and by email (send an Idempotency-Key)',
        body: meetingBody,
        response: responses({ 201: meetingView }),
      },
      config: access(MANAGE),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await services.committee.schedule(adminOf(request), request.body, auditOrigin(request, MANAGE))),
  );

  app.put(
    `${ADMIN}/meetings/:id`,
    {
      schema: {
        tags,
        summary: 'Change or cancel a scheduled meeting; members hear when it moves or is cancelled',
        params: idParams,
        body: meetingUpdateBody,
        response: responses({ 200: meetingView }),
      },
      config: access(MANAGE),
    },
    async (request) =>
      services.committee.update(adminOf(request), request.params.id, request.body, auditOrigin(request, MANAGE)),
  );

  app.put(
    `${ADMIN}/meetings/:id/minutes`,
    {
      schema: {
        tags,
        summary: 'Save the draft minutes: decisions and follow-ups per agenda item, members present',
        params: idParams,
        body: minutesBody,
        response: responses({ 200: meetingView }),
      },
      config: access(MANAGE),
    },
    async (request) =>
      services.committee.saveMinutes(adminOf(request), request.params.id, request.body, auditOrigin(request, MANAGE)),
  );

  app.post(
    `${ADMIN}/meetings/:id/minutes/publish`,
    {
      schema: {
        tags,
        summary: 'Publish the minutes to all staff of the agency, after confirming they hold no health data (audited)',
        params: idParams,
        body: publishBody,
        response: responses({ 200: meetingView }),
      },
      config: access(MANAGE),
    },
    async (request) =>
      services.committee.publishMinutes(adminOf(request), request.params.id, auditOrigin(request, MANAGE)),
  );
}
