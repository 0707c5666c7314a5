import { idParams, okResponse } from '../../../contracts/common.js';
import {
  alertList,
  alertQuery,
  breachCreateBody,
  breachDetail,
  breachList,
  breachParams,
  breachUpdateBody,
  processingFields,
  processingList,
  processingParams,
  processingView,
  retentionBody,
  retentionList,
  retentionParams,
} from '../../../contracts/dpo.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['dpo'];
const P = 'manage:privacy-office:agency' as const;

/** The DPO console (docs/decisions/012-separation-of-duties.md; UU PDP art. 53): only the agency's DPO, and never a health value. */
export function registerDpoRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/dpo/alerts',
    {
      schema: {
        tags,
        summary: 'Alerts: clinical grants, denied-read bursts, unusual exports',
        querystring: alertQuery,
        response: responses({ 200: alertList }),
      },
      config: access(P),
    },
    async (request) => ({ items: await services.dpo.alerts(actor(request), request.query.status) }),
  );
  app.post(
    '/api/v1/dpo/alerts/:id/acknowledge',
    {
      schema: { tags, summary: 'Acknowledge an alert', params: idParams, response: responses({ 200: okResponse }) },
      config: access(P),
    },
    async (request) => {
      await services.dpo.acknowledge(actor(request), request.params.id, auditOrigin(request, P));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/dpo/processing',
    {
      schema: {
        tags,
        summary: 'The record of processing activities, per data class',
        response: responses({ 200: processingList }),
      },
      config: access(P),
    },
    async (request) => ({ items: await services.dpo.processing(actor(request)) }),
  );
  app.put(
    '/api/v1/dpo/processing/:dataClass',
    {
      schema: {
        tags,
        summary: 'Update one entry of the record of processing activities',
        params: processingParams,
        body: processingFields,
        response: responses({ 200: processingView }),
      },
      config: access(P),
    },
    async (request) =>
      services.dpo.updateProcessing(actor(request), request.params.dataClass, request.body, auditOrigin(request, P)),
  );

  app.get(
    '/api/v1/dpo/breaches',
    {
      schema: {
        tags,
        summary: 'The breach register, each with its 3×24-hour clock',
        response: responses({ 200: breachList }),
      },
      config: access(P),
    },
    async (request) => ({ items: await services.dpo.breaches(actor(request)) }),
  );
  app.post(
    '/api/v1/dpo/breaches',
    {
      schema: { tags, summary: 'Record a breach', body: breachCreateBody, response: responses({ 201: breachDetail }) },
      config: access(P),
    },
    async (request, reply) =>
      reply.status(201).send(await services.dpo.recordBreach(actor(request), request.body, auditOrigin(request, P))),
  );
  app.get(
    '/api/v1/dpo/breaches/:id',
    {
      schema: {
        tags,
        summary: 'One breach with its clock and notice templates',
        params: breachParams,
        response: responses({ 200: breachDetail }),
      },
      config: access(P),
    },
    async (request) => services.dpo.breach(actor(request), request.params.id),
  );
  app.patch(
    '/api/v1/dpo/breaches/:id',
    {
      schema: {
        tags,
        summary: 'Update a breach: handling, notices sent, closed',
        params: breachParams,
        body: breachUpdateBody,
        response: responses({ 200: breachDetail }),
      },
      config: access(P),
    },
    async (request) =>
      services.dpo.updateBreach(actor(request), request.params.id, request.body, auditOrigin(request, P)),
  );

  app.get(
    '/api/v1/dpo/retention',
    {
      schema: {
        tags,
        summary: 'The retention schedule per data class and the last runs',
        response: responses({ 200: retentionList }),
      },
      config: access(P),
    },
    async (request) => services.dpo.retention(actor(request)),
  );
  app.put(
    '/api/v1/dpo/retention/:dataClass',
    {
      schema: {
        tags,
        summary: 'Set the days one data class is kept, within its safe bounds',
        params: retentionParams,
        body: retentionBody,
        response: responses({ 200: retentionList }),
      },
      config: access(P),
    },
    async (request) =>
      services.dpo.setRetention(actor(request), request.params.dataClass, request.body.days, auditOrigin(request, P)),
  );
}
