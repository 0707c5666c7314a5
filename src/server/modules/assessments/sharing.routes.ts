import {
  accessLog,
  accessLogQuery,
  consentList,
  counsellorList,
  resultParams,
  shareBody,
  shareParams,
  shareView,
} from '../../../contracts/assessments.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';

const tags = ['assessments'];

/** Sharing a result with a counsellor, my consents, and who looked at my data. */
export function registerSharingRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/me/counsellors',
    {
      schema: {
        tags,
        summary: 'Counsellors of my agency I may share a result with',
        response: responses({ 200: counsellorList }),
      },
      config: access('read:assessment:own'),
    },
    async (request) => services.sharing.counsellors(session(request).person),
  );

  app.post(
    '/api/v1/me/assessments/:id/shares',
    {
      schema: {
        tags,
        summary: 'Share one of my results with a counsellor (consent recorded)',
        params: resultParams,
        body: shareBody,
        response: responses({ 201: shareView }),
      },
      config: access('take:assessment:own'),
    },
    async (request, reply) =>
      reply.status(201).send(await services.sharing.share(session(request).person, request.params.id, request.body)),
  );

  app.delete(
    '/api/v1/me/assessments/:id/shares/:shareId',
    {
      schema: {
        tags,
        summary: 'Stop sharing (consent marked withdrawn)',
        params: shareParams,
        response: responses({ 200: shareView }),
      },
      config: access('take:assessment:own'),
    },
    async (request) => services.sharing.revoke(session(request).person, request.params.id, request.params.shareId),
  );

  app.get(
    '/api/v1/me/consents',
    {
      schema: { tags, summary: 'My consent history', response: responses({ 200: consentList }) },
      config: access('read:assessment:own'),
    },
    async (request) => services.sharing.consents(session(request).person),
  );

  app.get(
    '/api/v1/me/access-log',
    {
      schema: {
        tags,
        summary: 'Who else read or changed my records, newest first (UU PDP Art. 32)',
        querystring: accessLogQuery,
        response: responses({ 200: accessLog }),
      },
      config: access('read:assessment:own'),
    },
    async (request) => services.sharing.accessLog(session(request).person, request.query),
  );
}
