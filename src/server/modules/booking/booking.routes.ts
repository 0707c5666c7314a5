import { z } from 'zod';
import {
  appointmentList,
  appointmentStatusBody,
  appointmentView,
  availabilityBody,
  bookingBody,
  cancelBody,
  counsellorAppointmentList,
  counsellorAppointmentsQuery,
  counsellorList,
  counsellorQuery,
  exceptionBody,
  ownProfileView,
  profileBody,
  reminderEmailView,
  remindersBody,
  rescheduleBody,
  slotList,
  slotsQuery,
} from '../../../contracts/booking.js';
import { idParams, okResponse } from '../../../contracts/common.js';
import type { App } from '../../app-types.js';
import { access } from '../../http/access.js';
import { ctx, session } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { responses } from '../../http/responses.js';
import type { Services } from '../../services.js';
import { auditOrigin } from '../audit/index.js';

const tags = ['booking'];
const OWN = '/api/v1/booking';
const COUNSELLOR = '/api/v1/counsellor';
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
const ASSIGNED = 'read:appointment:assigned';

/**
 * Counsellors, availability and booking (docs/decisions/040-booking.md). The employee's routes are
 * keyed by the signed-in person; the counsellor's by the counsellor. No route lets anyone else read a
 * booking. Writes that carry the client's words (`carriesSecrets`) never sit in the generic replay
 * store: the booking is idempotent on its own Idempotency-Key, kept in the row.
 */
export function registerBookingRoutes(app: App, services: Services): void {
  // --- The employee ---------------------------------------------------------------------------------
  app.get(
    `${OWN}/counsellors`,
    {
      schema: {
        tags,
        summary: 'Counsellors of my agency who take bookings, with their first free slot this month',
        querystring: counsellorQuery,
        response: responses({ 200: counsellorList }),
      },
      config: access('read:booking:own'),
    },
    async (request) => services.booking.counsellors(session(request).person, request.query),
  );

  app.get(
    `${OWN}/counsellors/:id/slots`,
    {
      schema: {
        tags,
        summary: "A counsellor's free slots for a month (UTC instants; shown in my own time zone)",
        params: idParams,
        querystring: slotsQuery,
        response: responses({ 200: slotList }),
      },
      config: access('read:booking:own'),
    },
    async (request) => services.booking.slots(session(request).person, request.params.id, request.query.from),
  );

  app.post(
    `${OWN}/appointments`,
    {
      schema: {
        tags,
        summary:
          'Book a free slot (Idempotency-Key required: sent again it is stored once, 201 first, 200 after). A slot taken meanwhile is 409 slot_taken.',
        body: bookingBody,
        response: responses({ 200: appointmentView, 201: appointmentView }),
      },
      config: access('update:booking:own', { carriesSecrets: true }),
    },
    async (request, reply) => {
      const header = request.headers['idempotency-key'];
      if (typeof header !== 'string' || !KEY_PATTERN.test(header)) throw new AppError(400, 'idempotency_key_required');
      const { created, view } = await services.booking.book(session(request).person, request.body, header);
      if (!created) reply.header('idempotent-replayed', 'true');
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.get(
    `${OWN}/appointments`,
    {
      schema: { tags, summary: 'My appointments (from a week back)', response: responses({ 200: appointmentList }) },
      config: access('read:booking:own'),
    },
    async (request) => services.booking.mine(session(request).person),
  );

  app.get(
    `${OWN}/appointments/:id`,
    {
      schema: {
        tags,
        summary: 'One of my appointments',
        params: idParams,
        response: responses({ 200: appointmentView }),
      },
      config: access('read:booking:own'),
    },
    async (request) => services.booking.ownView(session(request).person, request.params.id),
  );

  app.post(
    `${OWN}/appointments/:id/reschedule`,
    {
      schema: {
        tags,
        summary: 'Move my appointment to another free slot (up to two hours before it starts)',
        params: idParams,
        body: rescheduleBody,
        response: responses({ 200: appointmentView }),
      },
      config: access('update:booking:own', { carriesSecrets: true }),
    },
    async (request) => services.booking.reschedule(session(request).person, request.params.id, request.body),
  );

  app.post(
    `${OWN}/appointments/:id/cancel`,
    {
      schema: {
        tags,
        summary: 'Cancel my appointment (up to two hours before it starts; later, contact the counsellor)',
        params: idParams,
        body: cancelBody,
        response: responses({ 200: appointmentView }),
      },
      config: access('update:booking:own', { carriesSecrets: true }),
    },
    async (request) => services.booking.cancel(session(request).person, request.params.id, request.body),
  );

  app.put(
    `${OWN}/appointments/:id/reminders`,
    {
      schema: {
        tags,
        summary:
          'Change the reminders of my booking (a day and/or an hour before) and whether they also come by email; the same choice again changes nothing',
        params: idParams,
        body: remindersBody,
        response: responses({ 200: appointmentView }),
      },
      config: access('update:booking:own'),
    },
    async (request) => services.booking.setReminders(session(request).person, request.params.id, request.body),
  );

  app.get(
    `${OWN}/reminder-email`,
    {
      schema: {
        tags,
        summary:
          'Whether my reminders can come by email: available, or no_address, consent_withdrawn (My data) or not_configured (no SMTP)',
        response: responses({ 200: reminderEmailView }),
      },
      config: access('read:booking:own'),
    },
    async (request) => services.booking.reminderEmailStatus(session(request).person),
  );

  app.get(
    `${OWN}/appointments/:id/ics`,
    {
      schema: {
        tags,
        summary: 'My appointment as an iCalendar (.ics) file',
        params: idParams,
        response: responses({ 200: z.unknown().describe('text/calendar, as an attachment') }),
      },
      config: access('read:booking:own'),
    },
    async (request, reply) => {
      const file = await services.booking.ics(session(request).person, request.params.id, ctx(request).t);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  // --- The counsellor ---------------------------------------------------------------------------------
  app.get(
    `${COUNSELLOR}/profile`,
    {
      schema: {
        tags,
        summary: 'My counsellor profile, weekly availability and leave',
        response: responses({ 200: ownProfileView }),
      },
      config: access('manage:counsellor-profile:own'),
    },
    async (request) => services.booking.ownProfile(session(request).person),
  );

  app.put(
    `${COUNSELLOR}/profile`,
    {
      schema: {
        tags,
        summary: 'Save my counsellor profile',
        body: profileBody,
        response: responses({ 200: ownProfileView }),
      },
      config: access('manage:counsellor-profile:own'),
    },
    async (request) => services.booking.saveProfile(session(request).person, request.body),
  );

  app.put(
    `${COUNSELLOR}/availability`,
    {
      schema: {
        tags,
        summary: 'Replace my weekly availability (local times of my unit time zone)',
        body: availabilityBody,
        response: responses({ 200: ownProfileView }),
      },
      config: access('manage:counsellor-profile:own'),
    },
    async (request) => services.booking.saveAvailability(session(request).person, request.body),
  );

  app.post(
    `${COUNSELLOR}/exceptions`,
    {
      schema: {
        tags,
        summary: 'Add leave or days away under an id I made (sent again, it is stored once)',
        body: exceptionBody,
        response: responses({ 200: ownProfileView }),
      },
      config: access('manage:counsellor-profile:own'),
    },
    async (request) => services.booking.addException(session(request).person, request.body),
  );

  app.delete(
    `${COUNSELLOR}/exceptions/:id`,
    {
      schema: {
        tags,
        summary: 'Remove leave or days away',
        params: idParams,
        response: responses({ 200: ownProfileView }),
      },
      config: access('manage:counsellor-profile:own'),
    },
    async (request) => services.booking.removeException(session(request).person, request.params.id),
  );

  app.get(
    `${COUNSELLOR}/slots`,
    {
      schema: {
        tags,
        summary: 'My own free slots for the next two weeks (to offer a first session to someone who asked for help)',
        response: responses({ 200: slotList }),
      },
      config: access(ASSIGNED),
    },
    async (request) => services.booking.ownSlots(session(request).person),
  );

  app.get(
    `${COUNSELLOR}/appointments`,
    {
      schema: {
        tags,
        summary: 'Appointments booked with me, for a day or a week (audited per client)',
        querystring: counsellorAppointmentsQuery,
        response: responses({ 200: counsellorAppointmentList }),
      },
      config: access(ASSIGNED),
    },
    async (request) =>
      services.booking.counsellorList(session(request).person, request.query, auditOrigin(request, ASSIGNED)),
  );

  app.post(
    `${COUNSELLOR}/appointments/:id/confirm`,
    {
      schema: {
        tags,
        summary: 'Confirm an appointment booked with me',
        params: idParams,
        response: responses({ 200: okResponse }),
      },
      config: access(ASSIGNED),
    },
    async (request) =>
      services.booking.confirm(session(request).person, request.params.id, auditOrigin(request, ASSIGNED)),
  );

  app.post(
    `${COUNSELLOR}/appointments/:id/status`,
    {
      schema: {
        tags,
        summary:
          'Record how a session with me went: completed or no_show (from its start; a no-show may become completed the same day)',
        params: idParams,
        body: appointmentStatusBody,
        response: responses({ 200: okResponse }),
      },
      config: access(ASSIGNED),
    },
    async (request) =>
      services.booking.setStatus(
        session(request).person,
        request.params.id,
        request.body,
        auditOrigin(request, ASSIGNED),
      ),
  );

  app.post(
    `${COUNSELLOR}/appointments/:id/cancel`,
    {
      schema: {
        tags,
        summary: 'Cancel an appointment booked with me (the client is told)',
        params: idParams,
        body: cancelBody,
        response: responses({ 200: okResponse }),
      },
      config: access(ASSIGNED, { carriesSecrets: true }),
    },
    async (request) =>
      services.booking.counsellorCancel(
        session(request).person,
        request.params.id,
        request.body,
        auditOrigin(request, ASSIGNED),
      ),
  );
}
