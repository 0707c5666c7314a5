import {
  actionCreateBody,
  actionDetail,
  actionList,
  actionListQuery,
  actionNoteBody,
  actionParams,
  actionUpdateBody,
  followUpSectionView,
  myPublication,
  myPublicationList,
  publicationAdminView,
  publicationBody,
  unpublishBody,
} from '../../../contracts/survey-actions.js';
import { surveyParams } from '../../../contracts/surveys.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';
import { MANAGE } from './survey-access.js';

const tags = ['survey-actions'];

/**
 * Publication of survey results to staff and action plans (docs/decisions/051-survey-publication-and-actions.md).
 * Admin routes need manage:survey:unit over the whole survey; staff routes answer only members
 * of the survey (404 for anyone else). Writes honour Idempotency-Key.
 */
export function registerSurveyActionRoutes(app: App, services: Services): void {
  const { publications, actions, followUp } = services.surveyActions;

  app.get(
    '/api/v1/surveys/:id/follow-up-section',
    {
      schema: {
        tags,
        summary:
          'For a draft\'s builder: one optional "did it help?" question per action shared after its previous wave (docs/surveys.md#the-loop)',
        params: surveyParams,
        response: responses({ 200: followUpSectionView }),
      },
      config: access(MANAGE),
    },
    async (request) => followUp.section(actor(request), request.params.id),
  );

  app.get(
    '/api/v1/surveys/:id/publication',
    {
      schema: {
        tags,
        summary: 'The publication of a closed survey: its draft or published state and the cells on offer',
        params: surveyParams,
        response: responses({ 200: publicationAdminView }),
      },
      config: access(MANAGE),
    },
    async (request) => publications.adminView(actor(request), request.params.id),
  );

  app.put(
    '/api/v1/surveys/:id/publication',
    {
      schema: {
        tags,
        summary:
          'Save the summary and chosen cells (a withheld cell is refused); while published, staff see it at once',
        params: surveyParams,
        body: publicationBody,
        response: responses({ 200: publicationAdminView }),
      },
      config: access(MANAGE),
    },
    async (request) => publications.save(actor(request), request.params.id, request.body, auditOrigin(request, MANAGE)),
  );

  app.post(
    '/api/v1/surveys/:id/publication/publish',
    {
      schema: {
        tags,
        summary: 'Publish to the survey members: figures copied from the stored results, each member told once',
        params: surveyParams,
        response: responses({ 200: publicationAdminView }),
      },
      config: access(MANAGE),
    },
    async (request) => publications.publish(actor(request), request.params.id, auditOrigin(request, MANAGE)),
  );

  app.post(
    '/api/v1/surveys/:id/publication/unpublish',
    {
      schema: {
        tags,
        summary: 'Take the publication down, with a reason kept in the audit log',
        params: surveyParams,
        body: unpublishBody,
        response: responses({ 200: publicationAdminView }),
      },
      config: access(MANAGE),
    },
    async (request) =>
      publications.unpublish(actor(request), request.params.id, request.body, auditOrigin(request, MANAGE)),
  );

  app.post(
    '/api/v1/surveys/:id/actions',
    {
      schema: {
        tags,
        summary: 'Create an action on a result cell (a theme in a unit, or in the whole survey)',
        params: surveyParams,
        body: actionCreateBody,
        response: responses({ 201: actionDetail }),
      },
      config: access(MANAGE),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await actions.create(actor(request), request.params.id, request.body, auditOrigin(request, MANAGE))),
  );

  app.get(
    '/api/v1/survey-actions',
    {
      schema: {
        tags,
        summary: "The agency's survey actions in my scope, soonest due first",
        querystring: actionListQuery,
        response: responses({ 200: actionList }),
      },
      config: access(MANAGE),
    },
    async (request) => ({ items: await actions.list(actor(request), request.query) }),
  );

  app.get(
    '/api/v1/survey-actions/:id',
    {
      schema: {
        tags,
        summary: 'One action with its progress notes',
        params: actionParams,
        response: responses({ 200: actionDetail }),
      },
      config: access(MANAGE),
    },
    async (request) => actions.get(actor(request), request.params.id),
  );

  app.put(
    '/api/v1/survey-actions/:id',
    {
      schema: {
        tags,
        summary: "Change an action's fields, status or whether staff see it",
        params: actionParams,
        body: actionUpdateBody,
        response: responses({ 200: actionDetail }),
      },
      config: access(MANAGE),
    },
    async (request) => actions.update(actor(request), request.params.id, request.body, auditOrigin(request, MANAGE)),
  );

  app.post(
    '/api/v1/survey-actions/:id/notes',
    {
      schema: {
        tags,
        summary: 'Append a progress note (notes are never changed or removed)',
        params: actionParams,
        body: actionNoteBody,
        response: responses({ 201: actionDetail }),
      },
      config: access(MANAGE),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await actions.addNote(actor(request), request.params.id, request.body, auditOrigin(request, MANAGE))),
  );

  app.get(
    '/api/v1/me/survey-publications',
    {
      schema: {
        tags,
        summary: 'Published results of the surveys I was asked',
        response: responses({ 200: myPublicationList }),
      },
      config: access('answer:survey:own'),
    },
    async (request) => publications.mine(actor(request)),
  );

  app.get(
    '/api/v1/me/survey-publications/:id',
    {
      schema: {
        tags,
        summary: 'One published result of a survey I was asked, with the actions of my units',
        params: surveyParams,
        response: responses({ 200: myPublication }),
      },
      config: access('answer:survey:own'),
    },
    async (request) => publications.mineOne(actor(request), request.params.id),
  );
}
