import { z } from 'zod';
import { idParams, okResponse } from '../../../contracts/common.js';
import {
  correctionBody,
  correctionList,
  dataRequestView,
  erasureBody,
  erasureView,
  grantBody,
  myDataView,
  purposeParams,
  resolveCorrectionBody,
} from '../../../contracts/my-data.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor, session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['my-data'];
const file = z.unknown().describe('The file, as an attachment');

/**
 * "My data" (docs/decisions/013-data-rights.md): the person's own data rights. Every `/me` route is keyed by the signed-in
 * person — there is no route with another person's id — and the exports carry health data, so
 * neither their answers nor the erasure's are kept for idempotent replay.
 */
export function registerMyDataRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/me/data',
    {
      schema: {
        tags,
        summary: 'What Teduh keeps about me (counts), my consent per purpose, my requests',
        response: responses({ 200: myDataView }),
      },
      config: access('read:my-data:own'),
    },
    async (request) => services.myData.overview(session(request).person),
  );

  for (const format of ['json', 'html'] as const) {
    app.get(
      `/api/v1/me/export.${format}`,
      {
        schema: {
          tags,
          summary:
            format === 'json'
              ? 'Everything Teduh keeps about me, machine-readable (UU PDP art. 13)'
              : 'Everything Teduh keeps about me as a printable HTML document in my language',
          produces: [format === 'json' ? 'application/json' : 'text/html'],
          response: responses({ 200: file }),
        },
        config: access('read:my-data:own', { carriesSecrets: true }),
      },
      async (request, reply) => {
        const me = session(request).person;
        const out = await services.myData.export(me, format, auditOrigin(request, 'read:my-data:own'));
        return reply
          .header('content-type', format === 'json' ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8')
          .header('content-disposition', `attachment; filename="${out.fileName}"`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(out.body, 'utf8'));
      },
    );
  }

  app.post(
    '/api/v1/me/consents/:purpose/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw my consent for a purpose; takes effect at once, recorded',
        params: purposeParams,
        response: responses({ 200: myDataView }),
      },
      config: access('manage:my-data:own'),
    },
    async (request) =>
      services.myData.withdraw(
        session(request).person,
        request.params.purpose,
        auditOrigin(request, 'manage:my-data:own'),
      ),
  );

  app.post(
    '/api/v1/me/consents/:purpose/grant',
    {
      schema: {
        tags,
        summary: 'Give my consent for a purpose again, with the text version I read',
        params: purposeParams,
        body: grantBody,
        response: responses({ 200: myDataView }),
      },
      config: access('manage:my-data:own'),
    },
    async (request) =>
      services.myData.grant(
        session(request).person,
        request.params.purpose,
        request.body.textVersion,
        auditOrigin(request, 'manage:my-data:own'),
      ),
  );

  app.post(
    '/api/v1/me/erasure',
    {
      schema: {
        tags,
        summary:
          'Erase my health data: one result, or all (results, drafts, safety plan, closed help requests, shares)',
        body: erasureBody,
        response: responses({ 200: erasureView }),
      },
      config: access('manage:my-data:own', { carriesSecrets: true }),
    },
    async (request) =>
      services.myData.erase(session(request).person, request.body, auditOrigin(request, 'manage:my-data:own')),
  );

  app.post(
    '/api/v1/me/correction-requests',
    {
      schema: {
        tags,
        summary: 'Ask the agency admin to correct a profile field the HR import owns',
        body: correctionBody,
        response: responses({ 201: dataRequestView }),
      },
      config: access('manage:my-data:own'),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await services.myData.requestCorrection(
            session(request).person,
            request.body,
            auditOrigin(request, 'manage:my-data:own'),
          ),
        ),
  );

  app.get(
    '/api/v1/agency/correction-requests',
    {
      schema: {
        tags,
        summary: 'Correction requests of my agency, open ones first',
        response: responses({ 200: correctionList }),
      },
      config: access('manage:correction-request:agency'),
    },
    async (request) => services.myData.corrections(actor(request).agencyId),
  );

  app.post(
    '/api/v1/agency/correction-requests/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Mark a correction request done or refused, with a note for the person',
        params: idParams,
        body: resolveCorrectionBody,
        response: responses({ 200: okResponse }),
      },
      config: access('manage:correction-request:agency'),
    },
    async (request) => {
      await services.myData.resolveCorrection(
        actor(request).agencyId,
        request.params.id,
        request.body,
        auditOrigin(request, 'manage:correction-request:agency'),
      );
      return { ok: true as const };
    },
  );
}
