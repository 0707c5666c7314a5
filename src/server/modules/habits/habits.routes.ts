import { idParams, okResponse } from '../../../contracts/common.js';
import {
  habitCreateBody,
  habitList,
  habitTickParams,
  habitUpdateBody,
  habitView,
  tickView,
} from '../../../contracts/habits.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';

const tags = ['habits'];
const PATH = '/api/v1/me/habits';

/**
 * The person's own self-care plan. Every route is `own` and keyed by the signed-in person: there is
 * no route by which a manager, HR, an admin or a counsellor reads anyone's habits (docs/privacy.md §1.1).
 * Writes are idempotent on their own keys (the client's id, the habit and day of a tick), and they
 * carry the person's own words, so they never sit in the generic replay store.
 */
export function registerHabitRoutes(app: App, services: Services): void {
  app.get(
    PATH,
    {
      schema: {
        tags,
        summary: 'My habits with their ticks of the last four weeks',
        response: responses({ 200: habitList }),
      },
      config: access('read:habits:own'),
    },
    async (request) => services.habits.list(session(request).person),
  );

  app.post(
    PATH,
    {
      schema: {
        tags,
        summary: 'Add a habit under an id I made (sent again, it is stored once: 201 first, 200 after)',
        body: habitCreateBody,
        response: responses({ 200: habitView, 201: habitView }),
      },
      config: access('update:habits:own', { carriesSecrets: true }),
    },
    async (request, reply) => {
      const { created, view } = await services.habits.create(session(request).person, request.body);
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.put(
    `${PATH}/:id`,
    {
      schema: {
        tags,
        summary: 'Change a habit',
        params: idParams,
        body: habitUpdateBody,
        response: responses({ 200: habitView }),
      },
      config: access('update:habits:own', { carriesSecrets: true }),
    },
    async (request) => services.habits.update(session(request).person, request.params.id, request.body),
  );

  app.delete(
    `${PATH}/:id`,
    {
      schema: {
        tags,
        summary: 'Remove a habit and its ticks for good',
        params: idParams,
        response: responses({ 200: okResponse }),
      },
      config: access('update:habits:own'),
    },
    async (request) => {
      await services.habits.remove(session(request).person, request.params.id);
      return { ok: true as const };
    },
  );

  app.put(
    `${PATH}/:id/ticks/:day`,
    {
      schema: {
        tags,
        summary: 'Tick a habit for a day (today or the six before); a retried tick is stored once',
        params: habitTickParams,
        response: responses({ 200: tickView }),
      },
      config: access('update:habits:own'),
    },
    async (request) => services.habits.tick(session(request).person, request.params.id, request.params.day, true),
  );

  app.delete(
    `${PATH}/:id/ticks/:day`,
    {
      schema: { tags, summary: 'Take a tick back', params: habitTickParams, response: responses({ 200: tickView }) },
      config: access('update:habits:own'),
    },
    async (request) => services.habits.tick(session(request).person, request.params.id, request.params.day, false),
  );
}
