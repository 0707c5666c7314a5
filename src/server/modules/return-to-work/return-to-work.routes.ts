import { idParams } from '../../../contracts/common.js';
import {
  agreeBody,
  clientChoiceList,
  newPlanBody,
  planBody,
  planList,
  planView,
  shareBody,
  teamScheduleList,
} from '../../../contracts/return-to-work.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['return-to-work'];
const COUNSELLOR = '/api/v1/counsellor/return-to-work';
const OWN = '/api/v1/return-to-work';
const ASSIGNED = 'manage:return-plan:assigned';
const OWN_PERMISSION = 'read:return-plan:own';
const TEAM = 'read:return-schedule:unit';

/**
 * Return-to-work plans (docs/decisions/045-peer-groups-and-return-to-work.md). The counsellor's
 * routes are keyed by the counsellor, the client's by the client; the manager's one route answers
 * only schedules their people chose to show them. The plan's evaluation and check-in notes are
 * sealed (`carriesSecrets`: never kept in the replay store).
 */
export function registerReturnToWorkRoutes(app: App, services: Services): void {
  // --- The counsellor -------------------------------------------------------------------------------
  app.get(
    `${COUNSELLOR}/clients`,
    {
      schema: {
        tags,
        summary: 'My clients, and whether each has a plan',
        response: responses({ 200: clientChoiceList }),
      },
      config: access(ASSIGNED),
    },
    async (request) => services.returnToWork.clients(session(request).person),
  );

  app.get(
    `${COUNSELLOR}/plans`,
    {
      schema: { tags, summary: 'The plans I made (audited per client)', response: responses({ 200: planList }) },
      config: access(ASSIGNED),
    },
    async (request) => services.returnToWork.counsellorList(session(request).person, auditOrigin(request, ASSIGNED)),
  );

  app.post(
    `${COUNSELLOR}/plans`,
    {
      schema: {
        tags,
        summary: 'Make a plan with one of my clients under an id I made (sent again, stored once)',
        body: newPlanBody,
        response: responses({ 200: planView, 201: planView }),
      },
      config: access(ASSIGNED, { carriesSecrets: true }),
    },
    async (request, reply) => {
      const { created, view } = await services.returnToWork.create(
        session(request).person,
        request.body,
        auditOrigin(request, ASSIGNED),
      );
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.get(
    `${COUNSELLOR}/plans/:id`,
    {
      schema: { tags, summary: 'A plan I made (audited)', params: idParams, response: responses({ 200: planView }) },
      config: access(ASSIGNED),
    },
    async (request) =>
      services.returnToWork.counsellorView(session(request).person, request.params.id, auditOrigin(request, ASSIGNED)),
  );

  app.put(
    `${COUNSELLOR}/plans/:id`,
    {
      schema: {
        tags,
        summary: 'Save a plan I made (a changed schedule needs the client to agree again)',
        params: idParams,
        body: planBody,
        response: responses({ 200: planView }),
      },
      config: access(ASSIGNED, { carriesSecrets: true }),
    },
    async (request) =>
      services.returnToWork.update(
        session(request).person,
        request.params.id,
        request.body,
        auditOrigin(request, ASSIGNED),
      ),
  );

  app.post(
    `${COUNSELLOR}/plans/:id/close`,
    {
      schema: { tags, summary: 'Close a plan I made', params: idParams, response: responses({ 200: planView }) },
      config: access(ASSIGNED, { carriesSecrets: true }),
    },
    async (request) =>
      services.returnToWork.close(session(request).person, request.params.id, auditOrigin(request, ASSIGNED)),
  );

  // --- The client -----------------------------------------------------------------------------------
  app.get(
    `${OWN}/plans`,
    {
      schema: { tags, summary: 'My return-to-work plans', response: responses({ 200: planList }) },
      config: access(OWN_PERMISSION),
    },
    async (request) => services.returnToWork.own(session(request).person),
  );

  app.post(
    `${OWN}/plans/:id/agree`,
    {
      schema: {
        tags,
        summary: '"Saya setuju": agree to the version of the plan I read (409 when it changed meanwhile)',
        params: idParams,
        body: agreeBody,
        response: responses({ 200: planView }),
      },
      config: access(OWN_PERMISSION, { carriesSecrets: true }),
    },
    async (request) =>
      services.returnToWork.agree(
        session(request).person,
        request.params.id,
        request.body,
        auditOrigin(request, OWN_PERMISSION),
      ),
  );

  app.post(
    `${OWN}/plans/:id/share`,
    {
      schema: {
        tags,
        summary: "Give or take back my consent to show my unit's manager the workload schedule (at once)",
        params: idParams,
        body: shareBody,
        response: responses({ 200: planView }),
      },
      config: access(OWN_PERMISSION, { carriesSecrets: true }),
    },
    async (request) =>
      services.returnToWork.share(
        session(request).person,
        request.params.id,
        request.body,
        auditOrigin(request, OWN_PERMISSION),
      ),
  );

  // --- The manager ----------------------------------------------------------------------------------
  app.get(
    '/api/v1/team/return-to-work',
    {
      schema: {
        tags,
        summary: 'Phased return schedules my people chose to show me: name, dates and workload only (audited)',
        response: responses({ 200: teamScheduleList }),
      },
      config: access(TEAM),
    },
    async (request) => {
      const s = session(request);
      return services.returnToWork.teamSchedules(s.person, s.actor, auditOrigin(request, TEAM));
    },
  );

  app.get(
    '/api/v1/team/return-to-work/:id',
    {
      schema: {
        tags,
        summary: "One of my people's phased return schedule, when they chose to show it to me (404 otherwise)",
        params: idParams,
        response: responses({ 200: teamScheduleList }),
      },
      config: access(TEAM),
    },
    async (request) => {
      const s = session(request);
      return services.returnToWork.teamScheduleOf(s.person, s.actor, request.params.id, auditOrigin(request, TEAM));
    },
  );
}
