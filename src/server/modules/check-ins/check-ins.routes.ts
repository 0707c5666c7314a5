import { serializerCompiler } from 'fastify-type-provider-zod';
import {
  checkInBody,
  checkInList,
  checkInListQuery,
  checkInView,
  type CheckInView,
} from '../../../contracts/check-ins.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { checkInViewJson } from './check-ins.presenter.js';

const tags = ['check-ins'];
const PATH = '/api/v1/me/check-ins';
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * The person's own daily check-ins. Every route is `own` and keyed by the session: there is no
 * route by which a manager, HR, an admin or a counsellor reads anyone's check-ins (docs/privacy.md
 * §1.1). No path parameter: the day travels in the body, so nothing in a path can name another
 * person's row.
 */
export function registerCheckInRoutes(app: App, services: Services): void {
  app.get(
    PATH,
    {
      schema: {
        tags,
        summary: 'My check-ins from `from` to `to` (local dates, inclusive; by default the last 14 days)',
        querystring: checkInListQuery,
        response: responses({ 200: checkInList }),
      },
      config: access('read:check-in:own'),
    },
    async (request) => services.checkIns.list(session(request).person, request.query),
  );

  app.post(
    PATH,
    {
      schema: {
        tags,
        summary:
          "Store my check-in of a day (today or yesterday in my unit's time zone): 201 for a new day, 200 when the day is replaced. The same Idempotency-Key again stores nothing and answers the stored day (header idempotent-replayed). A day before yesterday is 409 check_in_closed.",
        body: checkInBody,
        response: responses({ 200: checkInView, 201: checkInView }),
      },
      // A check-in is health data: the generic idempotency store must never keep it. The route is
      // idempotent on its own key, kept in the row (docs/decisions/032-check-ins.md).
      config: access('update:check-in:own', { carriesSecrets: true }),
      // The stored day is written straight from its presenter; errors keep the zod serializer.
      serializerCompiler: (route) =>
        route.httpStatus === '200' || route.httpStatus === '201'
          ? (data) => checkInViewJson(data as CheckInView)
          : serializerCompiler(route as unknown as Parameters<typeof serializerCompiler>[0]),
    },
    async (request, reply) => {
      const header = request.headers['idempotency-key'];
      const key = typeof header === 'string' && KEY_PATTERN.test(header) ? header : undefined;
      const { created, replayed, view } = await services.checkIns.submit(session(request).person, request.body, key);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(created ? 201 : 200).send(view);
    },
  );
}
