import {
  boundariesView,
  calendarDateParams,
  calendarDayBody,
  calendarView,
  calendarYearParams,
  calendarYearQuery,
  personalHours,
  ramadanBody,
} from '../../../contracts/boundaries.js';
import { okResponse } from '../../../contracts/common.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { ctx, session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['boundaries'];
const ADMIN = 'manage:settings:agency';
const CALENDAR = '/api/v1/agency/calendar';
const MINE = '/api/v1/me/boundaries';

/**
 * Work-hour boundaries (docs/boundaries.md): the agency admin's holiday calendar and Ramadan dates,
 * and each person's own hours for non-urgent messages (keyed by the session, no id in the path).
 */
export function registerBoundaryRoutes(app: App, services: Services): void {
  app.get(
    CALENDAR,
    {
      schema: {
        tags,
        summary: "The agency's calendar for a year: national days (SKB), its own changes and its Ramadan dates",
        querystring: calendarYearQuery,
        response: responses({ 200: calendarView }),
      },
      config: access(ADMIN),
    },
    async (request) =>
      services.boundaries.calendar(session(request).person.agencyId, request.query.year, ctx(request).locale),
  );

  app.post(
    `${CALENDAR}/days`,
    {
      schema: {
        tags,
        summary:
          'Add a regional day off, or mark a cuti bersama as worked (201; the same change again is 200 and stores nothing; another change on that date is 409)',
        body: calendarDayBody,
        response: responses({ 200: okResponse, 201: okResponse }),
      },
      config: access(ADMIN),
    },
    async (request, reply) => {
      const { created } = await services.boundaries.addDay(
        session(request).person.agencyId,
        request.body,
        auditOrigin(request, ADMIN),
      );
      return reply.status(created ? 201 : 200).send({ ok: true as const });
    },
  );

  app.delete(
    `${CALENDAR}/days/:date`,
    {
      schema: {
        tags,
        summary: "Remove the agency's own change on a date (404 calendar_day_not_found when there is none)",
        params: calendarDateParams,
        response: responses({ 200: okResponse }),
      },
      config: access(ADMIN),
    },
    async (request) => {
      await services.boundaries.removeDay(
        session(request).person.agencyId,
        request.params.date,
        auditOrigin(request, ADMIN),
      );
      return { ok: true as const };
    },
  );

  app.put(
    `${CALENDAR}/ramadan/:year`,
    {
      schema: {
        tags,
        summary: "Set the agency's Ramadan dates for a year (first and last day; 28–31 days)",
        params: calendarYearParams,
        body: ramadanBody,
        response: responses({ 200: okResponse }),
      },
      config: access(ADMIN),
    },
    async (request) => {
      await services.boundaries.setRamadan(
        session(request).person.agencyId,
        request.params.year,
        request.body,
        auditOrigin(request, ADMIN),
      );
      return { ok: true as const };
    },
  );

  app.delete(
    `${CALENDAR}/ramadan/:year`,
    {
      schema: {
        tags,
        summary: "Clear the agency's Ramadan dates for a year",
        params: calendarYearParams,
        response: responses({ 200: okResponse }),
      },
      config: access(ADMIN),
    },
    async (request) => {
      await services.boundaries.clearRamadan(
        session(request).person.agencyId,
        request.params.year,
        auditOrigin(request, ADMIN),
      );
      return { ok: true as const };
    },
  );

  app.get(
    MINE,
    {
      schema: {
        tags,
        summary: 'My hours for non-urgent messages, the agency week they narrow, and when a message may next arrive',
        response: responses({ 200: boundariesView }),
      },
      config: access('signed-in'),
    },
    async (request) => services.boundaries.mine(session(request).person),
  );

  app.put(
    MINE,
    {
      schema: {
        tags,
        summary: 'Narrow my hours for non-urgent messages (within the agency day, at least an hour)',
        body: personalHours,
        response: responses({ 200: boundariesView }),
      },
      config: access('signed-in'),
    },
    async (request) => services.boundaries.setMine(session(request).person, request.body),
  );

  app.delete(
    MINE,
    {
      schema: { tags, summary: "Back to the agency's hours", response: responses({ 200: boundariesView }) },
      config: access('signed-in'),
    },
    async (request) => services.boundaries.clearMine(session(request).person),
  );
}
