import { okResponse } from '../../../contracts/common.js';
import { safetyPlanBody, safetyPlanView } from '../../../contracts/safety-plan.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';

const tags = ['safety-plan'];
const PATH = '/api/v1/me/safety-plan';

/**
 * The person's own safety plan (Stanley & Brown 2012). Every route is `own`: there is no route
 * by which a manager, HR, an admin or a counsellor reads anyone's plan (docs/privacy.md §1.1).
 */
export function registerSafetyPlanRoutes(app: App, services: Services): void {
  app.get(
    PATH,
    {
      schema: {
        tags,
        summary: 'My safety plan (404 safety_plan_not_found when I have none)',
        response: responses({ 200: safetyPlanView }),
      },
      config: access('read:safety-plan:own'),
    },
    async (request) => services.safetyPlans.get(session(request).person),
  );

  app.put(
    PATH,
    {
      schema: {
        tags,
        summary:
          'Create or replace my safety plan (encrypted at rest). `version` is the version the edit started from, null for a new plan: an older one is 409. Sending the stored plan again stores nothing (201 first, 200 after).',
        body: safetyPlanBody,
        response: responses({ 200: safetyPlanView, 201: safetyPlanView }),
      },
      // The plan is health data: the generic idempotency store must never keep it. The save is
      // idempotent by itself (the same plan is stored once).
      config: access('update:safety-plan:own', { carriesSecrets: true }),
    },
    async (request, reply) => {
      const { created, view } = await services.safetyPlans.save(session(request).person, request.body);
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.delete(
    PATH,
    {
      schema: { tags, summary: 'Delete my safety plan for good', response: responses({ 200: okResponse }) },
      config: access('update:safety-plan:own'),
    },
    async (request) => {
      await services.safetyPlans.remove(session(request).person);
      return { ok: true as const };
    },
  );
}
