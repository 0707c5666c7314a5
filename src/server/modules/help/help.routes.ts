import {
  helpContactBody,
  helpContactList,
  helpContactParams,
  helpContactPatchBody,
  helpContactView,
  helpRequestBody,
  helpRequestCreated,
  outreachSettingBody,
  outreachSettingView,
  ownHelpRequestList,
} from '../../../contracts/help.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { actor, ctx, session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['help'];
const ADMIN = 'manage:settings:agency';

/**
 * Help and the crisis pathway: the contacts shown by the help button and the
 * crisis screen, "please contact me", and the agency admin's list and outreach switch.
 */
export function registerHelpRoutes(app: App, services: Services): void {
  app.get(
    '/api/v1/help/contacts',
    {
      schema: {
        tags,
        summary:
          "Crisis and help contacts with their hours: the agency's when signed in, the national defaults (docs/instruments.md §16) otherwise",
        response: responses({ 200: helpContactList }),
      },
      // Public: someone in danger must reach these numbers even when signed out.
      config: access('public'),
    },
    async (request) => {
      const c = ctx(request);
      const reader =
        c.session?.stage === 'full' ? { agencyId: c.session.person.agencyId, personId: c.session.person.id } : null;
      return services.help.publicList(reader, c.locale);
    },
  );

  app.post(
    '/api/v1/help/requests',
    {
      schema: {
        tags,
        summary:
          'Ask the duty counsellors to make contact (idempotent on submissionKey; stored even when the agency has no counsellor yet)',
        body: helpRequestBody,
        response: responses({ 201: helpRequestCreated }),
      },
      // The contact is personal data and the route is idempotent on its own key.
      config: access('signed-in', { carriesSecrets: true }),
    },
    async (request, reply) =>
      reply.status(201).send(await services.crisis.requestHelp(session(request).person, request.body)),
  );

  app.get(
    '/api/v1/help/requests/mine',
    {
      schema: {
        tags,
        summary: 'My own latest requests for help and where each stands (never anyone else’s)',
        response: responses({ 200: ownHelpRequestList }),
      },
      config: access('signed-in'),
    },
    async (request) => services.crisis.mine(session(request).person),
  );

  app.get(
    '/api/v1/agency/help-contacts',
    {
      schema: {
        tags,
        summary: "The agency's help contacts, switched-off ones included",
        response: responses({ 200: helpContactList }),
      },
      config: access(ADMIN),
    },
    async (request) => services.help.adminList(actor(request).agencyId, ctx(request).locale),
  );

  app.post(
    '/api/v1/agency/help-contacts',
    {
      schema: {
        tags,
        summary: 'Add a help contact',
        body: helpContactBody,
        response: responses({ 201: helpContactView }),
      },
      config: access(ADMIN),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await services.help.create(
            actor(request).agencyId,
            request.body,
            ctx(request).locale,
            auditOrigin(request, ADMIN),
          ),
        ),
  );

  app.patch(
    '/api/v1/agency/help-contacts/:id',
    {
      schema: {
        tags,
        summary: 'Change a help contact (changing what a national preset says makes it the agency’s own)',
        params: helpContactParams,
        body: helpContactPatchBody,
        response: responses({ 200: helpContactView }),
      },
      config: access(ADMIN),
    },
    async (request) =>
      services.help.update(
        actor(request).agencyId,
        request.params.id,
        request.body,
        ctx(request).locale,
        auditOrigin(request, ADMIN),
      ),
  );

  app.delete(
    '/api/v1/agency/help-contacts/:id',
    {
      schema: {
        tags,
        summary: 'Switch a help contact off (kept, can be switched on again)',
        params: helpContactParams,
        response: responses({ 200: helpContactView }),
      },
      config: access(ADMIN),
    },
    async (request) =>
      services.help.deactivate(
        actor(request).agencyId,
        request.params.id,
        ctx(request).locale,
        auditOrigin(request, ADMIN),
      ),
  );

  app.get(
    '/api/v1/agency/outreach',
    {
      schema: {
        tags,
        summary: 'Disclosed safety outreach setting and the consent version it implies',
        response: responses({ 200: outreachSettingView }),
      },
      config: access(ADMIN),
    },
    async (request) => services.help.outreach(actor(request).agencyId),
  );

  app.put(
    '/api/v1/agency/outreach',
    {
      schema: {
        tags,
        summary: 'Switch disclosed safety outreach (duty counsellors told of a crisis answer; never a manager or HR)',
        body: outreachSettingBody,
        response: responses({ 200: outreachSettingView }),
      },
      config: access(ADMIN),
    },
    async (request) =>
      services.help.setOutreach(
        actor(request).agencyId,
        request.body.disclosedSafetyOutreach,
        auditOrigin(request, ADMIN),
      ),
  );
}
