import { idParams, okResponse } from '../../../contracts/common.js';
import {
  blockCreateBody,
  blockView,
  dayPlan,
  dayQuery,
  reviewBody,
  reviewList,
  reviewView,
  taskCreateBody,
  taskList,
  taskPatchBody,
  taskView,
  weekParams,
} from '../../../contracts/planner.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';

const tags = ['planner'];
const TASKS = '/api/v1/me/tasks';
const BLOCKS = '/api/v1/me/plan/blocks';
const REVIEWS = '/api/v1/me/plan/reviews';

/**
 * The person's own time management. Every route is `own` and keyed by the signed-in person: no
 * manager, HR, admin or counsellor route reads anyone's tasks, plans or reviews (docs/privacy.md
 * §1.1). Writes are idempotent on their own keys and carry the person's words, so they never sit in
 * the generic replay store.
 */
export function registerPlannerRoutes(app: App, services: Services): void {
  const own = access('read:planner:own');
  const write = access('update:planner:own', { carriesSecrets: true });

  app.get(
    TASKS,
    {
      schema: {
        tags,
        summary: 'My tasks (open, and done in the last two weeks)',
        response: responses({ 200: taskList }),
      },
      config: own,
    },
    async (request) => services.planner.tasks(session(request).person),
  );

  app.post(
    TASKS,
    {
      schema: {
        tags,
        summary: 'Add a task under an id I made (a retry is stored once)',
        body: taskCreateBody,
        response: responses({ 200: taskView, 201: taskView }),
      },
      config: write,
    },
    async (request, reply) => {
      const { created, view } = await services.planner.createTask(session(request).person, request.body);
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.patch(
    `${TASKS}/:id`,
    {
      schema: {
        tags,
        summary: 'Move a task to another quadrant, mark it done, rename or re-date it',
        params: idParams,
        body: taskPatchBody,
        response: responses({ 200: taskView }),
      },
      config: write,
    },
    async (request) => services.planner.patchTask(session(request).person, request.params.id, request.body),
  );

  app.delete(
    `${TASKS}/:id`,
    {
      schema: { tags, summary: 'Delete a task', params: idParams, response: responses({ 200: okResponse }) },
      config: access('update:planner:own'),
    },
    async (request) => {
      await services.planner.deleteTask(session(request).person, request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    BLOCKS,
    {
      schema: {
        tags,
        summary: 'My time blocks of one day',
        querystring: dayQuery,
        response: responses({ 200: dayPlan }),
      },
      config: own,
    },
    async (request) => services.planner.day(session(request).person, request.query.day),
  );

  app.post(
    BLOCKS,
    {
      schema: {
        tags,
        summary: 'Add a time block (a retry is stored once)',
        body: blockCreateBody,
        response: responses({ 200: blockView, 201: blockView }),
      },
      config: write,
    },
    async (request, reply) => {
      const { created, view } = await services.planner.addBlock(session(request).person, request.body);
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.delete(
    `${BLOCKS}/:id`,
    {
      schema: { tags, summary: 'Remove a time block', params: idParams, response: responses({ 200: okResponse }) },
      config: access('update:planner:own'),
    },
    async (request) => {
      await services.planner.deleteBlock(session(request).person, request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    REVIEWS,
    {
      schema: { tags, summary: 'My weekly reviews, newest first (a year)', response: responses({ 200: reviewList }) },
      config: own,
    },
    async (request) => services.planner.reviews(session(request).person),
  );

  app.put(
    `${REVIEWS}/:week`,
    {
      schema: {
        tags,
        summary: 'Save the review of the week starting on a Monday (saving again replaces it)',
        params: weekParams,
        body: reviewBody,
        response: responses({ 200: reviewView }),
      },
      config: write,
    },
    async (request) => services.planner.saveReview(session(request).person, request.params.week, request.body),
  );
}
