import { type z } from 'zod';
import {
  changePasswordBody,
  invitationSent,
  newPasswordBody,
  resetRequestBody,
  signInResult,
  tokenInfo,
  tokenParams,
} from '../../../contracts/auth.js';
import { idParams, okResponse } from '../../../contracts/common.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor, ctx, session } from '../../http/context.js';
import { errorResponse } from '../../../contracts/common.js';
import { responses } from '../../http/responses.js';
import { setSessionCookie } from '../../plugins/request-context.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['passwords'];
const withGone = <T extends Record<number, z.ZodType>>(ok: T) => ({ ...responses(ok), 410: errorResponse });

/** Invitations, password resets by email, and password changes. */
export function registerCredentialsRoutes(app: App, services: Services): void {
  app.post(
    '/api/v1/people/:id/invitation',
    {
      schema: {
        tags,
        summary: 'Send (or re-send) an invitation email',
        params: idParams,
        response: responses({ 200: invitationSent }),
      },
      config: access('manage:person:agency'),
    },
    async (request) =>
      services.credentials.invite(
        actor(request).agencyId,
        request.params.id,
        auditOrigin(request, 'manage:person:agency'),
      ),
  );

  app.get(
    '/api/v1/auth/invitations/:token',
    {
      schema: {
        tags,
        summary: 'Who an invitation is for, before accepting it',
        params: tokenParams,
        response: withGone({ 200: tokenInfo }),
      },
      config: access('public'),
    },
    async (request) => services.credentials.describeToken('invite', request.params.token),
  );

  app.post(
    '/api/v1/auth/invitations/:token/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation by choosing a password; signs in',
        params: tokenParams,
        body: newPasswordBody,
        response: withGone({ 200: signInResult }),
      },
      config: access('public', { carriesSecrets: true }),
    },
    async (request, reply) => {
      const c = ctx(request);
      const result = await services.credentials.acceptInvitation(request.params.token, request.body.password, {
        ip: c.ip,
        userAgent: c.userAgent,
        requestId: c.requestId,
      });
      if (c.session) await services.sessions.end(c.session.sessionId);
      setSessionCookie(request, reply, result.token);
      return { stage: result.stage };
    },
  );

  app.post(
    '/api/v1/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Ask for a reset link by email (same answer whether or not the account exists)',
        body: resetRequestBody,
        response: responses({ 202: okResponse }),
      },
      config: access('public'),
    },
    async (request, reply) => {
      const c = ctx(request);
      await services.credentials.requestReset(request.body.identifier, { ip: c.ip, requestId: c.requestId });
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.get(
    '/api/v1/auth/password-reset/:token',
    {
      schema: {
        tags,
        summary: 'Whether a reset link is still valid',
        params: tokenParams,
        response: withGone({ 200: tokenInfo }),
      },
      config: access('public'),
    },
    async (request) => services.credentials.describeToken('reset', request.params.token),
  );

  app.post(
    '/api/v1/auth/password-reset/:token',
    {
      schema: {
        tags,
        summary: 'Choose a new password with a reset link; ends every session',
        params: tokenParams,
        body: newPasswordBody,
        response: withGone({ 200: okResponse }),
      },
      config: access('public', { carriesSecrets: true }),
    },
    async (request) => {
      await services.credentials.completeReset(request.params.token, request.body.password, ctx(request).requestId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/email-change/:token/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm, from the old address, an email change made by an admin; password resets work again at once',
        params: tokenParams,
        response: withGone({ 200: okResponse }),
      },
      config: access('public', { carriesSecrets: true }),
    },
    async (request) => {
      await services.credentials.confirmEmailChange(request.params.token, ctx(request).requestId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/profile/password',
    {
      schema: {
        tags: ['profile'],
        summary: 'Change my password; my other sessions end',
        body: changePasswordBody,
        response: responses({ 200: okResponse }),
      },
      config: access('update:profile:own', { carriesSecrets: true }),
    },
    async (request) => {
      await services.credentials.changePassword(
        session(request),
        request.body.currentPassword,
        request.body.newPassword,
        auditOrigin(request),
      );
      return { ok: true as const };
    },
  );
}
