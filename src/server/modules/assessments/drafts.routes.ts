import { draftBody, draftList, draftParams, draftView } from '../../../contracts/assessments.js';
import { okResponse } from '../../../contracts/common.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';

const tags = ['assessments'];

/** Save and resume: the person's unfinished forms, one per instrument. */
export function registerDraftRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/me/assessment-drafts',
    {
      schema: { tags, summary: 'My unfinished forms', response: responses({ 200: draftList }) },
      config: access('read:assessment:own'),
    },
    async (request) => services.drafts.list(session(request).person),
  );

  app.get(
    '/api/v1/me/assessment-drafts/:instrumentId',
    {
      schema: {
        tags,
        summary: 'My unfinished form of one instrument',
        params: draftParams,
        response: responses({ 200: draftView }),
      },
      config: access('read:assessment:own'),
    },
    async (request) => services.drafts.get(session(request).person, request.params.instrumentId),
  );

  app.put(
    '/api/v1/me/assessment-drafts/:instrumentId',
    {
      schema: {
        tags,
        summary: 'Save where I am (replaces the earlier save; answers encrypted at rest)',
        params: draftParams,
        body: draftBody,
        response: responses({ 200: draftView }),
      },
      // Answers are health data: the generic idempotency store must never keep them.
      config: access('take:assessment:own', { carriesSecrets: true }),
    },
    async (request) => services.drafts.save(session(request).person, request.params.instrumentId, request.body),
  );

  app.delete(
    '/api/v1/me/assessment-drafts/:instrumentId',
    {
      schema: {
        tags,
        summary: 'Discard my unfinished form',
        params: draftParams,
        response: responses({ 200: okResponse }),
      },
      config: access('take:assessment:own'),
    },
    async (request) => {
      await services.drafts.remove(session(request).person, request.params.instrumentId);
      return { ok: true as const };
    },
  );
}
