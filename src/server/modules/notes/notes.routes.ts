import { idParams, okResponse } from '../../../contracts/common.js';
import {
  breakGlassBody,
  breakGlassGrant,
  breakGlassList,
  breakGlassNotes,
  noteBody,
  notePage,
  transferredNotes,
} from '../../../contracts/notes.js';
import { clientParams } from '../../../contracts/consent.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { session } from '../../http/context.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['notes'];
const NOTE = '/api/v1/counsellor/appointments/:id/note';
const BREAK_GLASS = '/api/v1/break-glass';
const AUTHOR = 'manage:note:assigned';
const SUPERVISOR = 'read:note:break-glass';

/**
 * Session notes and break-glass (docs/decisions/041-session-notes.md). The note routes are keyed by
 * the signed-in counsellor and their appointment; break-glass by the signed-in supervisor and their
 * own grant. Everything here carries health words (`carriesSecrets`), so nothing sits in the generic
 * replay store: a note is idempotent on its appointment, a break-glass opening on its open grant.
 */
export function registerNotesRoutes(app: App, services: Services): void {
  app.get(
    NOTE,
    {
      schema: {
        tags,
        summary: "My appointment's session note (the author only; every opening is audited)",
        params: idParams,
        response: responses({ 200: notePage }),
      },
      config: access(AUTHOR),
    },
    async (request) => services.notes.page(session(request).person, request.params.id, auditOrigin(request, AUTHOR)),
  );

  app.put(
    NOTE,
    {
      schema: {
        tags,
        summary:
          'Write the session note of my appointment (201 first, 200 after; the same words again store nothing; over a newer version 409 note_conflict)',
        params: idParams,
        body: noteBody,
        response: responses({ 200: notePage, 201: notePage }),
      },
      config: access(AUTHOR, { carriesSecrets: true }),
    },
    async (request, reply) => {
      const { created, page } = await services.notes.save(
        session(request).person,
        request.params.id,
        request.body,
        auditOrigin(request, AUTHOR),
      );
      return reply.status(created ? 201 : 200).send(page);
    },
  );

  app.get(
    '/api/v1/counselling/clients/:clientId/transferred-notes',
    {
      schema: {
        tags,
        summary:
          "A client's notes handed to me by their notes-transfer consent, read-only (404 without one in force; every note shown is audited)",
        params: clientParams,
        response: responses({ 200: transferredNotes }),
      },
      config: access(AUTHOR),
    },
    async (request) =>
      services.notes.transferredNotes(session(request).person, request.params.clientId, auditOrigin(request, AUTHOR)),
  );

  app.get(
    BREAK_GLASS,
    {
      schema: { tags, summary: 'My break-glass openings still running', response: responses({ 200: breakGlassList }) },
      config: access(SUPERVISOR),
    },
    async (request) => services.notes.openGrants(session(request).person),
  );

  app.post(
    BREAK_GLASS,
    {
      schema: {
        tags,
        summary:
          "Open one client's notes for 60 minutes (a reason of at least 20 characters; the agency's DPOs are alerted). Asked again while open: the same opening, 200.",
        body: breakGlassBody,
        response: responses({ 200: breakGlassGrant, 201: breakGlassGrant }),
      },
      config: access(SUPERVISOR, { carriesSecrets: true }),
    },
    async (request, reply) => {
      const { created, grant } = await services.notes.openBreakGlass(
        session(request).person,
        request.body,
        auditOrigin(request, SUPERVISOR),
      );
      return reply.status(created ? 201 : 200).send(grant);
    },
  );

  app.get(
    `${BREAK_GLASS}/:id/notes`,
    {
      schema: {
        tags,
        summary: "The client's notes through my open break-glass (read-only; every note shown is audited)",
        params: idParams,
        response: responses({ 200: breakGlassNotes }),
      },
      config: access(SUPERVISOR),
    },
    async (request) =>
      services.notes.breakGlassNotes(session(request).person, request.params.id, auditOrigin(request, SUPERVISOR)),
  );

  app.post(
    `${BREAK_GLASS}/:id/close`,
    {
      schema: {
        tags,
        summary: 'End my break-glass opening now',
        params: idParams,
        response: responses({ 200: okResponse }),
      },
      config: access(SUPERVISOR),
    },
    async (request) => services.notes.closeBreakGlass(session(request).person, request.params.id),
  );
}
