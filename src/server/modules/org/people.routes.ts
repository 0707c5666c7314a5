import { idParams } from '../../../contracts/common.js';
import {
  personCreateBody,
  personDetail,
  personListQuery,
  personPage,
  personUpdateBody,
} from '../../../contracts/org.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['org'];

/** People of the agency: the list and record (managers see their units only), and the admin's changes. */
export function registerPeopleRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/people',
    {
      schema: {
        tags,
        summary: 'Search and page through people (a manager sees the units they manage)',
        querystring: personListQuery,
        response: responses({ 200: personPage }),
      },
      config: access('read:person:unit'),
    },
    async (request) => services.people.list(actor(request), request.query),
  );

  app.get(
    '/api/v1/people/:id',
    {
      schema: {
        tags,
        summary: "A person's record (every view of someone else's is audited)",
        params: idParams,
        response: responses({ 200: personDetail }),
      },
      config: access('read:person:unit'),
    },
    async (request) => services.people.get(actor(request), request.params.id, auditOrigin(request, 'read:person:unit')),
  );

  app.post(
    '/api/v1/people',
    {
      schema: { tags, summary: 'Add a person', body: personCreateBody, response: responses({ 201: personDetail }) },
      config: access('manage:person:agency'),
    },
    async (request, reply) => {
      const person = await services.people.create(
        actor(request),
        request.body,
        auditOrigin(request, 'manage:person:agency'),
      );
      return reply.status(201).send(person);
    },
  );

  app.patch(
    '/api/v1/people/:id',
    {
      schema: {
        tags,
        summary: "Change a person's details",
        params: idParams,
        body: personUpdateBody,
        response: responses({ 200: personDetail }),
      },
      config: access('manage:person:agency'),
    },
    async (request) =>
      services.people.update(
        actor(request),
        request.params.id,
        request.body,
        auditOrigin(request, 'manage:person:agency'),
      ),
  );

  app.post(
    '/api/v1/people/:id/deactivate',
    {
      schema: {
        tags,
        summary: 'Deactivate a person (never deleted) and end all their sessions',
        params: idParams,
        response: responses({ 200: personDetail }),
      },
      config: access('manage:person:agency'),
    },
    async (request) =>
      services.people.deactivate(actor(request), request.params.id, auditOrigin(request, 'manage:person:agency')),
  );

  app.post(
    '/api/v1/people/:id/reactivate',
    {
      schema: { tags, summary: 'Reactivate a person', params: idParams, response: responses({ 200: personDetail }) },
      config: access('manage:person:agency'),
    },
    async (request) =>
      services.people.reactivate(actor(request), request.params.id, auditOrigin(request, 'manage:person:agency')),
  );
}
