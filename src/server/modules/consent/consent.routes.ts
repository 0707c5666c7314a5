import {
  accessLogQuery,
  clientParams,
  clientTimeline,
  consentList,
  consentParams,
  consentView,
  counsellingAccessLog,
  counsellorConsentList,
  grantBody,
  grantOptions,
} from '../../../contracts/consent.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor, session } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['consent'];
const OWN = '/api/v1/me/counselling';
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
const CLIENT = 'manage:counselling-consent:own';
const COUNSELLOR = 'read:client-record:assigned';

/**
 * Counselling consent, the client's access log and the client's record
 * (docs/decisions/042-counselling-consent.md). The client's routes are keyed by the signed-in
 * person; the counsellor's by the counsellor and a client who relates to them. A grant is idempotent
 * on its own Idempotency-Key, kept in the row (never the generic replay store: `carriesSecrets`).
 */
export function registerConsentRoutes(app: App, services: Services): void {
  // --- The client ---------------------------------------------------------------------------------
  app.get(
    `${OWN}/consents`,
    {
      schema: {
        tags,
        summary: 'My consents to counsellors, newest first, each with its state now',
        response: responses({ 200: consentList }),
      },
      config: access(CLIENT),
    },
    async (request) => services.consents.mine(session(request).person),
  );

  app.get(
    `${OWN}/consent-options`,
    {
      schema: {
        tags,
        summary: 'Counsellors I may give a consent to, and the current text versions',
        response: responses({ 200: grantOptions }),
      },
      config: access(CLIENT),
    },
    async (request) => services.consents.options(session(request).person),
  );

  app.post(
    `${OWN}/consents`,
    {
      schema: {
        tags,
        summary:
          'Give a counsellor a consent (Idempotency-Key required: sent again it is stored once, 201 first, 200 after)',
        body: grantBody,
        response: responses({ 200: consentView, 201: consentView }),
      },
      config: access(CLIENT, { carriesSecrets: true }),
    },
    async (request, reply) => {
      const header = request.headers['idempotency-key'];
      if (typeof header !== 'string' || !KEY_PATTERN.test(header)) throw new AppError(400, 'idempotency_key_required');
      const { created, view } = await services.consents.grant(
        session(request).person,
        request.body,
        header,
        auditOrigin(request, CLIENT),
      );
      if (!created) reply.header('idempotent-replayed', 'true');
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.post(
    `${OWN}/consents/:id/revoke`,
    {
      schema: {
        tags,
        summary: 'Withdraw one of my consents at once (kept in my history)',
        params: consentParams,
        response: responses({ 200: consentView }),
      },
      config: access(CLIENT),
    },
    async (request) =>
      services.consents.revoke(session(request).person, request.params.id, auditOrigin(request, CLIENT)),
  );

  app.get(
    `${OWN}/access-log`,
    {
      schema: {
        tags,
        summary: 'Who opened my counselling data (records, results, notes), newest first',
        querystring: accessLogQuery,
        response: responses({ 200: counsellingAccessLog }),
      },
      config: access(CLIENT),
    },
    async (request) => services.consents.accessLog(session(request).person, request.query),
  );

  // --- The counsellor -----------------------------------------------------------------------------
  app.get(
    '/api/v1/counselling/consents',
    {
      schema: {
        tags,
        summary: 'Which of my clients consented to what, in force now',
        response: responses({ 200: counsellorConsentList }),
      },
      config: access(COUNSELLOR),
    },
    async (request) => services.consents.ofCounsellor(actor(request)),
  );

  app.get(
    '/api/v1/counselling/clients/:clientId/timeline',
    {
      schema: {
        tags,
        summary:
          "A client's record: appointments with me, results shared with me, and with their consent PHQ-9/GAD-7 over time and weekly check-ins (audited)",
        params: clientParams,
        response: responses({ 200: clientTimeline }),
      },
      config: access(COUNSELLOR),
    },
    async (request) =>
      services.timeline.timeline(actor(request), request.params.clientId, auditOrigin(request, COUNSELLOR)),
  );
}
