import { z } from 'zod';
import {
  passwordConfirmBody,
  recoveryCodesView,
  twoFactorEnableBody,
  twoFactorEnrolment,
  twoFactorVerifyBody,
} from '../../../contracts/auth.js';
import { okResponse } from '../../../contracts/common.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import { setSessionCookie } from '../../plugins/request-context.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['two-factor'];

/** TOTP enrolment, the sign-in challenge, recovery codes, and turning it off. */
export function registerTwoFactorRoutes(app: App, services: Services): void {
  app.post(
    '/api/v1/auth/two-factor/setup',
    {
      schema: {
        tags,
        summary: 'Start two-factor enrolment: a new secret and its QR code',
        response: responses({ 200: twoFactorEnrolment }),
      },
      config: access('signed-in:partial', { carriesSecrets: true }),
    },
    async (request) => services.twoFactor.beginEnrolment(session(request)),
  );

  app.post(
    '/api/v1/auth/two-factor/enable',
    {
      schema: {
        tags,
        summary: 'Confirm enrolment with a code; returns recovery codes once',
        body: twoFactorEnableBody,
        response: responses({ 200: recoveryCodesView }),
      },
      config: access('signed-in:partial', { carriesSecrets: true }),
    },
    async (request, reply) => {
      const result = await services.twoFactor.confirmEnrolment(
        session(request),
        request.body.code,
        auditOrigin(request),
      );
      if (result.token) setSessionCookie(request, reply, result.token);
      return { recoveryCodes: result.recoveryCodes };
    },
  );

  app.post(
    '/api/v1/auth/two-factor/verify',
    {
      schema: {
        tags,
        summary: 'Second sign-in step: a TOTP code or a recovery code',
        body: twoFactorVerifyBody,
        response: responses({ 200: okResponse }),
      },
      config: access('signed-in:partial', { carriesSecrets: true }),
    },
    async (request, reply) => {
      const result = await services.twoFactor.verify(session(request), request.body, auditOrigin(request));
      if (result.token) setSessionCookie(request, reply, result.token);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/auth/two-factor/recovery-codes',
    {
      schema: {
        tags,
        summary: 'How many unused recovery codes I have left',
        response: responses({ 200: z.object({ remaining: z.number().int() }) }),
      },
      config: access('signed-in'),
    },
    async (request) => ({ remaining: await services.twoFactor.remainingRecoveryCodes(session(request).person.id) }),
  );

  app.post(
    '/api/v1/auth/two-factor/recovery-codes',
    {
      schema: {
        tags,
        summary: 'Replace my recovery codes (password required)',
        body: passwordConfirmBody,
        response: responses({ 200: recoveryCodesView }),
      },
      config: access('signed-in', { carriesSecrets: true }),
    },
    async (request) => ({
      recoveryCodes: await services.twoFactor.regenerateRecoveryCodes(
        session(request),
        request.body.password,
        auditOrigin(request),
      ),
    }),
  );

  app.post(
    '/api/v1/auth/two-factor/disable',
    {
      schema: {
        tags,
        summary: 'Turn two-factor off (not allowed for roles that require it)',
        body: passwordConfirmBody,
        response: responses({ 200: okResponse }),
      },
      config: access('signed-in', { carriesSecrets: true }),
    },
    async (request) => {
      await services.twoFactor.disable(session(request), request.body.password, auditOrigin(request));
      return { ok: true as const };
    },
  );
}
