import { z } from 'zod';
import { idParams } from '../../../contracts/common.js';
import {
  approvalBody,
  counsellorReferralBody,
  counsellorReferralList,
  counsellorReferralView,
  letterQuery,
  referralClients,
  referralList,
  referralView,
  scoreChoices,
  selfReferralBody,
  statusBody,
} from '../../../contracts/referrals.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { session } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['referrals'];
const OWN = '/api/v1/referrals';
const COUNSELLOR = '/api/v1/counsellor/referrals';
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
const READ_ASSIGNED = 'read:referral:assigned';
const UPDATE_ASSIGNED = 'update:referral:assigned';

function idempotencyKey(header: unknown): string {
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) throw new AppError(400, 'idempotency_key_required');
  return header;
}

/**
 * Referrals on the BPJS path (docs/decisions/044-referrals.md). The client's routes are keyed by the
 * signed-in person as client; the counsellor's by the counsellor as author. Any other id is a 404.
 * Writes carry health words (`carriesSecrets`), so they never sit in the generic replay store: a
 * create is idempotent on its own Idempotency-Key, kept in the row.
 */
export function registerReferralRoutes(app: App, services: Services): void {
  // --- The client -------------------------------------------------------------------------------------
  app.get(
    OWN,
    {
      schema: { tags, summary: 'My referral letters, newest first', response: responses({ 200: referralList }) },
      config: access('read:referral:own'),
    },
    async (request) => services.referrals.mine(session(request).person),
  );

  app.get(
    `${OWN}/scores`,
    {
      schema: {
        tags,
        summary: 'My latest self-check score per instrument, to choose from for a letter',
        response: responses({ 200: scoreChoices }),
      },
      config: access('read:referral:own'),
    },
    async (request) => services.referrals.scoreChoices(session(request).person),
  );

  app.post(
    OWN,
    {
      schema: {
        tags,
        summary:
          'Write my own referral letter to my FKTP (Idempotency-Key required: sent again it is stored once, 201 first, 200 after)',
        body: selfReferralBody,
        response: responses({ 200: referralView, 201: referralView }),
      },
      config: access('update:referral:own', { carriesSecrets: true }),
    },
    async (request, reply) => {
      const key = idempotencyKey(request.headers['idempotency-key']);
      const { created, view } = await services.referrals.createSelf(session(request).person, request.body, key);
      if (!created) reply.header('idempotent-replayed', 'true');
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.get(
    `${OWN}/:id`,
    {
      schema: {
        tags,
        summary: 'One of my referral letters',
        params: idParams,
        response: responses({ 200: referralView }),
      },
      config: access('read:referral:own'),
    },
    async (request) => services.referrals.ownView(session(request).person, request.params.id),
  );

  app.put(
    `${OWN}/:id/approval`,
    {
      schema: {
        tags,
        summary: 'Choose what my letter may carry (only while it is being prepared)',
        params: idParams,
        body: approvalBody,
        response: responses({ 200: referralView }),
      },
      config: access('update:referral:own', { carriesSecrets: true }),
    },
    async (request) => services.referrals.approve(session(request).person, request.params.id, request.body),
  );

  app.post(
    `${OWN}/:id/status`,
    {
      schema: {
        tags,
        summary: 'Move my referral on: given, visited, closed or cancelled',
        params: idParams,
        body: statusBody,
        response: responses({ 200: referralView }),
      },
      config: access('update:referral:own'),
    },
    async (request) => services.referrals.setStatus(session(request).person, request.params.id, request.body),
  );

  app.get(
    `${OWN}/:id/letter.pdf`,
    {
      schema: {
        tags,
        summary:
          'The letter as a PDF, with the approved fields only: for its client, or the counsellor who prepared it (audited)',
        params: idParams,
        querystring: letterQuery,
        response: responses({ 200: z.unknown().describe('application/pdf, as an attachment') }),
      },
      config: access('read:referral:own'),
    },
    async (request, reply) => {
      const locale = request.query.lang ?? 'id';
      const file = await services.referrals.letter(
        session(request).person,
        request.params.id,
        locale,
        auditOrigin(request, 'read:referral:own'),
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  // --- The counsellor -------------------------------------------------------------------------------
  app.get(
    COUNSELLOR,
    {
      schema: {
        tags,
        summary: 'Referrals I prepared (audited per client)',
        response: responses({ 200: counsellorReferralList }),
      },
      config: access(READ_ASSIGNED),
    },
    async (request) => services.referrals.counsellorList(session(request).person, auditOrigin(request, READ_ASSIGNED)),
  );

  app.get(
    `${COUNSELLOR}/clients`,
    {
      schema: {
        tags,
        summary: 'My clients by appointment, to prepare a referral for (audited per client)',
        response: responses({ 200: referralClients }),
      },
      config: access(READ_ASSIGNED),
    },
    async (request) => services.referrals.clients(session(request).person, auditOrigin(request, READ_ASSIGNED)),
  );

  app.post(
    COUNSELLOR,
    {
      schema: {
        tags,
        summary:
          'Prepare a referral for a client of mine (Idempotency-Key required); it prints nothing until the client approves',
        body: counsellorReferralBody,
        response: responses({ 200: counsellorReferralView, 201: counsellorReferralView }),
      },
      config: access(UPDATE_ASSIGNED, { carriesSecrets: true }),
    },
    async (request, reply) => {
      const key = idempotencyKey(request.headers['idempotency-key']);
      const { created, view } = await services.referrals.createByCounsellor(
        session(request).person,
        request.body,
        key,
        auditOrigin(request, UPDATE_ASSIGNED),
      );
      if (!created) reply.header('idempotent-replayed', 'true');
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.post(
    `${COUNSELLOR}/:id/status`,
    {
      schema: {
        tags,
        summary: 'Move a referral I prepared on (audited)',
        params: idParams,
        body: statusBody,
        response: responses({ 200: counsellorReferralView }),
      },
      config: access(UPDATE_ASSIGNED),
    },
    async (request) =>
      services.referrals.counsellorSetStatus(
        session(request).person,
        request.params.id,
        request.body,
        auditOrigin(request, UPDATE_ASSIGNED),
      ),
  );
}
