import ical, { ICalEventStatus } from 'ical-generator';
import type { Kysely } from 'kysely';
import type {
  AppointmentList,
  AppointmentStatusBody,
  AppointmentView,
  AvailabilityBody,
  BookingBody,
  CancelBody,
  CounsellorAppointmentList,
  CounsellorAppointmentsQuery,
  CounsellorList,
  CounsellorQuery,
  ExceptionBody,
  OwnProfileView,
  ProfileBody,
  ReminderEmailView,
  RemindersBody,
  RescheduleBody,
  SlotList,
} from '../../../contracts/booking.js';
import type { Database } from '../../../db/schema.js';
import {
  BOOKING_HORIZON_DAYS,
  changeVerdict,
  freeSlots,
  reminderTimes,
  rulesOverlap,
  type AvailabilityRule,
  type Mode,
  type Reminder,
  type Slot,
} from '../../../domain/booking/slots.js';
import { addDays, localDateOf, startOfLocalDay } from '../../../domain/schedule/zoned-time.js';
import type { Clock } from '../../clock.js';
import { newId, type KeyRing } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { isUniqueViolation } from '../../plugins/error-handler.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { BoundaryService } from '../boundaries/index.js';
import type { JobRunner } from '../jobs/index.js';
import type { MailService } from '../mail/index.js';
import { consentAllows } from '../my-data/index.js';
import type { NotificationService } from '../notifications/index.js';
import type { OrgDirectory } from '../org/index.js';
import {
  allOfClient,
  bookedAheadOfClient,
  bookedAheadOfCounsellor,
  bookedBetween,
  bookedStartingBy,
  caseloadTotalsOf,
  clientsOfCounsellor,
  clientIdsOf,
  claimReminder,
  countOfClient,
  deleteEndedBefore,
  deleteException,
  deleteOfClient,
  exceptionsOf,
  findAppointment,
  findByClientKey,
  firstAppointmentsOf,
  findException,
  findProfile,
  hasAppointmentWith,
  insertAppointment,
  insertException,
  listBookable,
  listOfClient,
  listOfCounsellor,
  replaceRules,
  rulesOf,
  updateAppointment,
  upsertProfile,
  type AppointmentRow,
  type ClientAppointmentRow,
  type DueReminderRow,
  type ListedCounsellor,
} from './booking.repository.js';
import { reminderWhen } from './reminder-email.js';
import { isLocale } from '../../../i18n/locales.js';
import { presentClientAppointment, presentCounsellor, presentCounsellorAppointment } from './booking.presenter.js';

type Me = SessionState['person'];
type Translate = (key: string, params?: Record<string, unknown>) => string;

const counsellorNotFound = () => new AppError(404, 'counsellor_not_found');
const appointmentNotFound = () => new AppError(404, 'appointment_not_found');
/** How far the counsellor list looks for each one's first opening before it looks at the whole month. */
const FIRST_LOOK_DAYS = 8;
/** How far ahead a counsellor looks for a first session to offer someone who asked for help. */
const FIRST_OFFER_DAYS = 14;
const split = (v: string): string[] => (v === '' ? [] : v.split(','));
/** Reminders are stored in this order whatever order the client sent them in. */
const REMINDER_ORDER: readonly Reminder[] = ['day_before', 'hour_before'];

/**
 * Counsellors, availability and booking (docs/decisions/040-booking.md). A booking belongs to its
 * client and its counsellor: every read is keyed by the agency and one of those two people, and any
 * other id is a 404 that reads nothing out. Double booking is refused by the database (a partial
 * unique index), not by the check made here first; a retried booking (same Idempotency-Key) is
 * stored once. A counsellor's read of their clients' bookings is audited per client.
 */
export class BookingService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      keys: KeyRing;
      audit: AuditService;
      directory: OrgDirectory;
      boundaries: BoundaryService;
      notifications: NotificationService;
      /** Reminders by email, for a client who asked for them (decision 049). */
      mail: Pick<MailService, 'queue' | 'usesSmtp'>;
      publicUrl: string;
    },
  ) {}

  private async zoneOf(unitId: string): Promise<string> {
    return (await this.deps.directory.unit(unitId))?.time_zone ?? 'Asia/Jakarta';
  }

  // --- The counsellor's own profile and availability ---------------------------------------------

  async ownProfile(me: Me): Promise<OwnProfileView> {
    const { db, clock } = this.deps;
    const timeZone = await this.zoneOf(me.unitId);
    const [profile, rules, exceptions] = await Promise.all([
      findProfile(db, me.agencyId, me.id),
      rulesOf(db, me.agencyId, [me.id]),
      exceptionsOf(db, me.agencyId, [me.id], localDateOf(clock.now(), timeZone)),
    ]);
    return {
      timeZone,
      profile: profile
        ? {
            kind: profile.kind as ProfileBody['kind'],
            languages: split(profile.languages),
            modes: split(profile.modes) as Mode[],
            locations: JSON.parse(profile.locations) as string[],
            introduction: profile.introduction,
            provider: profile.provider,
            slotMinutes: profile.slot_minutes,
            active: profile.active === 1,
          }
        : null,
      rules: rules.map((r) => ({
        weekday: r.weekday,
        start: r.start_time,
        end: r.end_time,
        modes: split(r.modes) as Mode[],
      })),
      exceptions: exceptions.map((e) => ({
        id: e.id,
        startsOn: e.starts_on,
        endsOn: e.ends_on,
        kind: e.kind as 'leave' | 'away',
      })),
    };
  }

  async saveProfile(me: Me, body: ProfileBody): Promise<OwnProfileView> {
    const now = this.deps.clock.now().toISOString();
    await upsertProfile(this.deps.db, {
      person_id: me.id,
      agency_id: me.agencyId,
      kind: body.kind,
      languages: [...new Set(body.languages)].join(','),
      modes: [...new Set(body.modes)].join(','),
      locations: JSON.stringify(body.locations),
      introduction: body.introduction,
      provider: body.provider ?? null,
      slot_minutes: body.slotMinutes,
      active: body.active ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    return this.ownProfile(me);
  }

  /** Replaces the weekly rules as a whole (the editor sends the week it shows). */
  async saveAvailability(me: Me, body: AvailabilityBody): Promise<OwnProfileView> {
    const { db } = this.deps;
    if (rulesOverlap(body.rules)) throw new AppError(422, 'availability_overlap');
    await db.transaction().execute(async (trx) => {
      if (!(await findProfile(trx, me.agencyId, me.id))) throw new AppError(409, 'counsellor_profile_missing');
      await replaceRules(
        trx,
        me.agencyId,
        me.id,
        body.rules.map((r) => ({
          id: newId(),
          counsellor_id: me.id,
          agency_id: me.agencyId,
          weekday: r.weekday,
          start_time: r.start,
          end_time: r.end,
          modes: [...new Set(r.modes)].join(','),
        })),
      );
    });
    return this.ownProfile(me);
  }

  /** Adds leave or a day away under the client's id; sent again, it is stored once. */
  async addException(me: Me, body: ExceptionBody): Promise<OwnProfileView> {
    const { db, clock } = this.deps;
    const existing = await findException(db, body.id);
    if (existing) {
      if (existing.counsellor_id !== me.id || existing.agency_id !== me.agencyId) throw appointmentNotFound();
      return this.ownProfile(me);
    }
    if (!(await findProfile(db, me.agencyId, me.id))) throw new AppError(409, 'counsellor_profile_missing');
    try {
      await insertException(db, {
        id: body.id,
        counsellor_id: me.id,
        agency_id: me.agencyId,
        starts_on: body.startsOn,
        ends_on: body.endsOn,
        kind: body.kind,
        created_at: clock.now().toISOString(),
      });
    } catch (err) {
      if (!isUniqueViolation(err as { code?: unknown })) throw err;
    }
    return this.ownProfile(me);
  }

  async removeException(me: Me, id: string): Promise<OwnProfileView> {
    if ((await deleteException(this.deps.db, me.agencyId, me.id, id)) === 0) throw new AppError(404, 'not_found');
    return this.ownProfile(me);
  }

  // --- Free slots -----------------------------------------------------------------------------------

  /**
   * Free slots of several counsellors over `days` local days from `from`, with a fixed number of
   * queries whatever their number (rules, exceptions, bookings, the agency's days off): the list
   * page and the benchmark (bench/free-slots.ts) ask for many at once.
   */
  async freeSlotsOf(
    agencyId: string,
    counsellors: readonly ListedCounsellor[],
    from: string,
    days: number,
    db: Kysely<Database> = this.deps.db,
  ): Promise<Map<string, Slot[]>> {
    const now = this.deps.clock.now();
    const ids = counsellors.map((c) => c.person_id);
    // A day either side covers the three zones' offsets from UTC.
    const fromUtc = startOfLocalDay(addDays(from, -1), 'UTC').toISOString();
    const toUtc = startOfLocalDay(addDays(from, days + 1), 'UTC').toISOString();
    const [rules, exceptions, booked, daysOff] = await Promise.all([
      rulesOf(db, agencyId, ids),
      exceptionsOf(db, agencyId, ids, from),
      bookedBetween(db, agencyId, ids, fromUtc, toUtc),
      this.deps.boundaries.daysOff(agencyId, db),
    ]);
    const group = <T extends { counsellor_id: string }>(rows: readonly T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rows) {
        const list = m.get(r.counsellor_id);
        if (list) list.push(r);
        else m.set(r.counsellor_id, [r]);
      }
      return m;
    };
    const rulesBy = group(rules);
    const exceptionsBy = group(exceptions);
    const bookedBy = group(booked);
    const out = new Map<string, Slot[]>();
    for (const c of counsellors) {
      const offered = new Set(split(c.modes));
      out.set(
        c.person_id,
        freeSlots({
          rules: (rulesBy.get(c.person_id) ?? []).map((r): AvailabilityRule => ({
            weekday: r.weekday,
            start: r.start_time,
            end: r.end_time,
            modes: split(r.modes).filter((m) => offered.has(m)) as Mode[],
          })),
          exceptions: (exceptionsBy.get(c.person_id) ?? []).map((e) => ({ startsOn: e.starts_on, endsOn: e.ends_on })),
          booked: (bookedBy.get(c.person_id) ?? []).map((b) => ({
            start: new Date(b.start_utc),
            end: new Date(b.end_utc),
          })),
          timeZone: c.time_zone,
          slotMinutes: c.slot_minutes,
          from,
          days,
          now,
          daysOff,
        }).filter((s) => s.modes.length > 0),
      );
    }
    return out;
  }

  async counsellors(me: Me, query: CounsellorQuery): Promise<CounsellorList> {
    const listed = (await listBookable(this.deps.db, me.agencyId, { kind: query.kind })).filter(
      (c) => c.person_id !== me.id && (!query.mode || split(c.modes).includes(query.mode)),
    );
    const today = localDateOf(this.deps.clock.now(), await this.zoneOf(me.unitId));
    // The list needs each one's first opening only: look a week ahead first, and over the rest of
    // the month only for those with none in it (docs/benchmarks.md, "Free slots").
    const from = addDays(today, -1);
    const first = new Map<string, string>();
    const week = await this.freeSlotsOf(me.agencyId, listed, from, FIRST_LOOK_DAYS);
    for (const [id, slots] of week) if (slots[0]) first.set(id, slots[0].start.toISOString());
    const rest = listed.filter((c) => !first.has(c.person_id));
    if (rest.length > 0) {
      const later = await this.freeSlotsOf(
        me.agencyId,
        rest,
        addDays(from, FIRST_LOOK_DAYS),
        BOOKING_HORIZON_DAYS + 1 - FIRST_LOOK_DAYS,
      );
      for (const [id, slots] of later) if (slots[0]) first.set(id, slots[0].start.toISOString());
    }
    return { items: listed.map((c) => presentCounsellor(c, first.get(c.person_id) ?? null)) };
  }

  private async bookable(me: Me, counsellorId: string, db: Kysely<Database> = this.deps.db) {
    if (counsellorId === me.id) throw new AppError(422, 'cannot_book_self');
    const [c] = await listBookable(db, me.agencyId, { personId: counsellorId });
    if (!c) throw counsellorNotFound();
    return c;
  }

  async slots(me: Me, counsellorId: string, from?: string): Promise<SlotList> {
    const c = await this.bookable(me, counsellorId);
    const clientTimeZone = await this.zoneOf(me.unitId);
    const today = localDateOf(this.deps.clock.now(), c.time_zone);
    const start = from && from > today && from <= addDays(today, BOOKING_HORIZON_DAYS) ? from : today;
    const days = BOOKING_HORIZON_DAYS - (Date.parse(start) - Date.parse(today)) / 86_400_000;
    const slots = (await this.freeSlotsOf(me.agencyId, [c], start, days)).get(c.person_id) ?? [];
    return {
      counsellorId,
      timeZone: c.time_zone,
      clientTimeZone,
      from: start,
      to: addDays(start, days - 1),
      slots: slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString(), modes: s.modes })),
    };
  }

  /**
   * Whether `start` is a slot of the counsellor's rules (422 otherwise) that no booking holds
   * (409). The database constraint still decides between two requests that both pass this.
   */
  private async checkSlot(me: Me, c: ListedCounsellor, start: Date, mode: Mode, ignoreId?: string): Promise<Slot> {
    // Slots of the rules alone, bookings set aside, tell "never offered" (422) from "taken" (409).
    const open = (await this.slotsIgnoringBookings(c, localDateOf(start, c.time_zone))).find(
      (s) => s.start.getTime() === start.getTime(),
    );
    if (!open) throw new AppError(422, 'slot_not_free');
    if (!open.modes.includes(mode)) throw new AppError(422, 'mode_not_offered');
    const end = new Date(start.getTime() + c.slot_minutes * 60_000);
    const clash = await bookedBetween(this.deps.db, me.agencyId, [c.person_id], start.toISOString(), end.toISOString());
    if (clash.some((b) => b.id !== ignoreId)) throw new AppError(409, 'slot_taken');
    return { ...open, end };
  }

  private async slotsIgnoringBookings(c: ListedCounsellor, from: string): Promise<Slot[]> {
    const { db, clock, boundaries } = this.deps;
    const [rules, exceptions, daysOff] = await Promise.all([
      rulesOf(db, c.agency_id, [c.person_id]),
      exceptionsOf(db, c.agency_id, [c.person_id], from),
      boundaries.daysOff(c.agency_id),
    ]);
    const offered = new Set(split(c.modes));
    return freeSlots({
      rules: rules.map((r) => ({
        weekday: r.weekday,
        start: r.start_time,
        end: r.end_time,
        modes: split(r.modes).filter((m) => offered.has(m)) as Mode[],
      })),
      exceptions: exceptions.map((e) => ({ startsOn: e.starts_on, endsOn: e.ends_on })),
      booked: [],
      timeZone: c.time_zone,
      slotMinutes: c.slot_minutes,
      from,
      days: 1,
      now: clock.now(),
      daysOff,
    });
  }

  // --- The client's bookings --------------------------------------------------------------------------

  /**
   * Books a slot. The Idempotency-Key is kept in the row (unique per client), so a retry answers the
   * stored booking (`replayed`) and stores nothing; a slot another booking holds is 409 `slot_taken`
   * whether this check or the unique index finds it.
   */
  async book(me: Me, body: BookingBody, key: string): Promise<{ created: boolean; view: AppointmentView }> {
    const { db, clock, keys } = this.deps;
    const retried = await findByClientKey(db, me.id, key);
    if (retried) return { created: false, view: await this.ownView(me, retried.id) };
    const c = await this.bookable(me, body.counsellorId);
    if (body.reminderEmail) await this.assertReminderEmail(me);
    const start = new Date(body.start);
    const slot = await this.checkSlot(me, c, start, body.mode);
    const now = clock.now().toISOString();
    const id = newId();
    try {
      await insertAppointment(db, {
        id,
        agency_id: me.agencyId,
        counsellor_id: c.person_id,
        client_id: me.id,
        start_utc: slot.start.toISOString(),
        end_utc: slot.end.toISOString(),
        mode: body.mode,
        status: 'booked',
        reason_enc: body.reason ? keys.encrypt(body.reason) : null,
        reminders: [...new Set(body.reminders)].join(','),
        reminder_email: body.reminderEmail ? 1 : 0,
        reminded_day_before_at: null,
        reminded_hour_before_at: null,
        confirmed_at: null,
        cancelled_at: null,
        cancelled_by: null,
        cancel_reason_enc: null,
        client_key: key,
        created_at: now,
        updated_at: now,
      });
    } catch (err) {
      if (!isUniqueViolation(err as { code?: unknown })) throw err;
      const raced = await findByClientKey(db, me.id, key);
      if (raced) return { created: false, view: await this.ownView(me, raced.id) };
      throw new AppError(409, 'slot_taken');
    }
    return { created: true, view: await this.ownView(me, id) };
  }

  async mine(me: Me): Promise<AppointmentList> {
    const now = this.deps.clock.now();
    // From a week back, so a session just held is still on the list.
    const since = new Date(now.getTime() - 7 * 86_400_000).toISOString();
    const rows = await listOfClient(this.deps.db, me.agencyId, me.id, since);
    return { items: rows.map((r) => this.presentOwn(r, now)) };
  }

  private async ownRow(me: Me, id: string): Promise<ClientAppointmentRow> {
    const [row] = await listOfClient(this.deps.db, me.agencyId, me.id, '', id);
    if (!row) throw appointmentNotFound();
    return row;
  }

  async ownView(me: Me, id: string): Promise<AppointmentView> {
    return this.presentOwn(await this.ownRow(me, id), this.deps.clock.now());
  }

  private presentOwn(row: ClientAppointmentRow, now: Date): AppointmentView {
    return presentClientAppointment(
      row,
      row.reason_enc ? this.deps.keys.decrypt(row.reason_enc) : null,
      row.status === 'booked' ? changeVerdict(now, new Date(row.start_utc)) : 'past',
    );
  }

  /**
   * Whether this person's reminders can go by email now (decision 049): the install sends email
   * (without SMTP an email would only wait in the admin's outbox), they have an address, and they
   * have not said no to email on My data.
   */
  async reminderEmailStatus(me: Me, db: Kysely<Database> = this.deps.db): Promise<ReminderEmailView> {
    if (!this.deps.mail.usesSmtp) return { status: 'not_configured' };
    const person = await this.deps.directory.person(me.agencyId, me.id, db);
    if (!person?.email) return { status: 'no_address' };
    if (!(await consentAllows(db, me.id, 'email_notifications'))) return { status: 'consent_withdrawn' };
    return { status: 'available' };
  }

  private async assertReminderEmail(me: Me): Promise<void> {
    const { status } = await this.reminderEmailStatus(me);
    if (status !== 'available') throw new AppError(422, 'reminder_email_unavailable', { status });
  }

  /**
   * The client changes which reminders they get, and whether by email too, while the booking is
   * ahead — also within the two hours in which it can no longer be moved: it changes nothing for
   * the counsellor. A reminder already sent stays sent; the same choice again changes nothing.
   */
  async setReminders(me: Me, id: string, body: RemindersBody): Promise<AppointmentView> {
    const { db, clock } = this.deps;
    const row = await this.ownRow(me, id);
    const now = clock.now();
    if (row.status !== 'booked' || Date.parse(row.start_utc) <= now.getTime())
      throw new AppError(409, 'booking_not_active');
    const reminders = REMINDER_ORDER.filter((r) => body.reminders.includes(r)).join(',');
    const email = body.email ? 1 : 0;
    if (row.reminders === reminders && row.reminder_email === email) return this.ownView(me, id);
    if (email === 1 && row.reminder_email !== 1) await this.assertReminderEmail(me);
    await updateAppointment(db, me.agencyId, id, {
      reminders,
      reminder_email: email,
      updated_at: now.toISOString(),
    });
    return this.ownView(me, id);
  }

  /** The client may change only a booked appointment, and only with notice (decision 040). */
  private changeable(row: AppointmentRow, now: Date): void {
    if (row.status !== 'booked') throw new AppError(409, 'booking_not_active');
    if (changeVerdict(now, new Date(row.start_utc)) !== 'allowed') throw new AppError(409, 'booking_too_late');
  }

  async reschedule(me: Me, id: string, body: RescheduleBody): Promise<AppointmentView> {
    const { db, clock } = this.deps;
    const row = await this.ownRow(me, id);
    const start = new Date(body.start);
    // Sent again after it went through: nothing to do.
    if (row.status === 'booked' && row.start_utc === start.toISOString() && (!body.mode || body.mode === row.mode))
      return this.ownView(me, id);
    this.changeable(row, clock.now());
    const c = await this.bookable(me, row.counsellor_id);
    const mode = body.mode ?? (row.mode as Mode);
    const slot = await this.checkSlot(me, c, start, mode, id);
    try {
      await db.transaction().execute(async (trx) => {
        await updateAppointment(trx, me.agencyId, id, {
          start_utc: slot.start.toISOString(),
          end_utc: slot.end.toISOString(),
          mode,
          confirmed_at: null,
          reminded_day_before_at: null,
          reminded_hour_before_at: null,
          updated_at: clock.now().toISOString(),
        });
        await this.tellCounsellor(trx, row, 'booking.client_moved', slot.start.toISOString());
      });
    } catch (err) {
      if (isUniqueViolation(err as { code?: unknown })) throw new AppError(409, 'slot_taken');
      throw err;
    }
    return this.ownView(me, id);
  }

  /** Cancels the client's own booking; cancelling one already cancelled is what they wanted. */
  async cancel(me: Me, id: string, body: CancelBody): Promise<AppointmentView> {
    const { clock, keys } = this.deps;
    const row = await this.ownRow(me, id);
    if (row.status === 'cancelled') return this.ownView(me, id);
    this.changeable(row, clock.now());
    const now = clock.now().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      await updateAppointment(trx, me.agencyId, id, {
        status: 'cancelled',
        cancelled_at: now,
        cancelled_by: 'client',
        cancel_reason_enc: body.reason ? keys.encrypt(body.reason) : null,
        updated_at: now,
      });
      await this.tellCounsellor(trx, row, 'booking.client_cancelled', row.start_utc);
    });
    return this.ownView(me, id);
  }

  /**
   * The counsellor hears that a client cancelled or moved a booking (docs/decisions/043-counsellor-workspace.md):
   * the time only, never the client's name or reason — the calendar shows the rest to them alone.
   */
  private async tellCounsellor(
    trx: Kysely<Database>,
    row: Pick<AppointmentRow, 'id' | 'agency_id' | 'counsellor_id' | 'updated_at'>,
    kind: 'booking.client_cancelled' | 'booking.client_moved',
    start: string,
  ): Promise<void> {
    await this.deps.notifications.add(trx, [
      {
        agencyId: row.agency_id,
        personId: row.counsellor_id,
        kind,
        payload: { start },
        // One per change: a move sent again after it went through changes nothing and is not told twice.
        dedupeKey: `${kind}:${row.id}:${start}`,
      },
    ]);
  }

  /** The booking as an iCalendar file (RFC 5545) for the client's own calendar. */
  async ics(me: Me, id: string, t: Translate): Promise<{ filename: string; body: string }> {
    const row = await this.ownRow(me, id);
    const calendar = ical({ name: 'Teduh', prodId: { company: 'Teduh', product: 'booking' } });
    const locations = JSON.parse(row.counsellor_locations) as string[];
    calendar.createEvent({
      id: `${row.id}@teduh`,
      start: new Date(row.start_utc),
      end: new Date(row.end_utc),
      summary: t('booking.ics.summary', { name: row.counsellor_name }),
      description: t(`booking.ics.mode_${row.mode}`),
      location: row.mode === 'in_person' ? (locations[0] ?? null) : null,
      // A cancelled booking downloaded again removes the event from the calendar.
      status: row.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    return { filename: `teduh-${row.start_utc.slice(0, 10)}.ics`, body: calendar.toString() };
  }

  // --- The counsellor's appointments ---------------------------------------------------------------

  /** The counsellor's own appointments of one to seven local days; audited once per client shown. */
  async counsellorList(
    me: Me,
    query: CounsellorAppointmentsQuery,
    origin: AuditOrigin,
  ): Promise<CounsellorAppointmentList> {
    const { db, clock, keys, audit } = this.deps;
    const timeZone = await this.zoneOf(me.unitId);
    const from = query.from ?? localDateOf(clock.now(), timeZone);
    const days = query.days ?? 1;
    const rows = await listOfCounsellor(
      db,
      me.agencyId,
      me.id,
      startOfLocalDay(from, timeZone).toISOString(),
      startOfLocalDay(addDays(from, days), timeZone).toISOString(),
    );
    const clients = [...new Set(rows.map((r) => r.client_id))];
    if (clients.length > 0)
      await audit.recordMany(
        clients.map((client) => ({
          ...origin,
          action: 'booking.appointments_viewed' as const,
          subjectId: client,
          resourceType: 'appointment',
          details: { from, days },
        })),
      );
    return {
      from,
      to: addDays(from, days - 1),
      timeZone,
      items: rows.map((r) => presentCounsellorAppointment(r, r.reason_enc ? keys.decrypt(r.reason_enc) : null)),
    };
  }

  private async assignedRow(me: Me, id: string, db: Kysely<Database>): Promise<AppointmentRow> {
    const row = await findAppointment(db, me.agencyId, id);
    if (!row || row.counsellor_id !== me.id) throw appointmentNotFound();
    return row;
  }

  /** "I will be there": the counsellor confirms a booking (again: nothing changes). */
  async confirm(me: Me, id: string, origin: AuditOrigin): Promise<{ ok: true }> {
    const { db, clock, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await this.assignedRow(me, id, trx);
      if (row.status !== 'booked') throw new AppError(409, 'booking_not_active');
      if (row.confirmed_at) return;
      const now = clock.now().toISOString();
      await updateAppointment(trx, me.agencyId, id, { confirmed_at: now, updated_at: now });
      await audit.record(
        {
          ...origin,
          action: 'booking.appointment_confirmed',
          subjectId: row.client_id,
          resourceType: 'appointment',
          resourceId: id,
        },
        trx,
      );
    });
    return { ok: true };
  }

  /**
   * The counsellor records how a session went: completed, or the client did not come
   * (docs/decisions/043-counsellor-workspace.md). Not before its start; a no-show may be corrected to
   * completed on the same local day, nothing else once set. The same status again changes nothing
   * and writes no second audit entry, so a retried request is stored once.
   */
  async setStatus(me: Me, id: string, body: AppointmentStatusBody, origin: AuditOrigin): Promise<{ ok: true }> {
    const { db, clock, audit } = this.deps;
    const timeZone = await this.zoneOf(me.unitId);
    await db.transaction().execute(async (trx) => {
      const row = await this.assignedRow(me, id, trx);
      if (row.status === body.status) return;
      const now = clock.now();
      if (row.status === 'cancelled') throw new AppError(409, 'booking_not_active');
      if (now.getTime() < Date.parse(row.start_utc)) throw new AppError(409, 'appointment_not_started');
      const sameDay = localDateOf(now, timeZone) === localDateOf(new Date(row.start_utc), timeZone);
      const allowed = row.status === 'booked' || (row.status === 'no_show' && body.status === 'completed' && sameDay);
      if (!allowed) throw new AppError(409, 'appointment_status_locked');
      await updateAppointment(trx, me.agencyId, id, { status: body.status, updated_at: now.toISOString() });
      await audit.record(
        {
          ...origin,
          action: body.status === 'completed' ? 'booking.appointment_completed' : 'booking.appointment_no_show',
          subjectId: row.client_id,
          resourceType: 'appointment',
          resourceId: id,
        },
        trx,
      );
    });
    return { ok: true };
  }

  /** The counsellor cancels (at any time: they tell the client); the client is notified. */
  async counsellorCancel(me: Me, id: string, body: CancelBody, origin: AuditOrigin): Promise<{ ok: true }> {
    const { db, clock, keys, audit, notifications } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await this.assignedRow(me, id, trx);
      if (row.status === 'cancelled') return;
      if (row.status !== 'booked') throw new AppError(409, 'booking_not_active');
      const now = clock.now().toISOString();
      await updateAppointment(trx, me.agencyId, id, {
        status: 'cancelled',
        cancelled_at: now,
        cancelled_by: 'counsellor',
        cancel_reason_enc: body.reason ? keys.encrypt(body.reason) : null,
        updated_at: now,
      });
      await audit.record(
        {
          ...origin,
          action: 'booking.appointment_cancelled',
          subjectId: row.client_id,
          resourceType: 'appointment',
          resourceId: id,
        },
        trx,
      );
      await notifications.add(trx, [
        {
          agencyId: me.agencyId,
          personId: row.client_id,
          kind: 'booking.cancelled',
          payload: { start: row.start_utc },
          dedupeKey: `booking-cancelled:${id}`,
        },
      ]);
    });
    return { ok: true };
  }

  // --- A first appointment from a request for help (decision 043) -----------------------------------

  /** The counsellor's own bookable self (their profile and unit zone), or 409 without a profile. */
  private async self(me: Me): Promise<ListedCounsellor> {
    const [c] = await listBookable(this.deps.db, me.agencyId, { personId: me.id });
    if (!c) throw new AppError(409, 'counsellor_profile_missing');
    return c;
  }

  /** The counsellor's own free slots (two weeks ahead), to offer one to a person who asked for help. */
  async ownSlots(me: Me): Promise<SlotList> {
    const c = await this.self(me);
    const today = localDateOf(this.deps.clock.now(), c.time_zone);
    const days = FIRST_OFFER_DAYS;
    const slots = (await this.freeSlotsOf(me.agencyId, [c], today, days)).get(c.person_id) ?? [];
    return {
      counsellorId: me.id,
      timeZone: c.time_zone,
      clientTimeZone: c.time_zone,
      from: today,
      to: addDays(today, days - 1),
      slots: slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString(), modes: s.modes })),
    };
  }

  /** Whether `start` is one of the counsellor's own free slots in `mode` (422 / 409 as for a booking). */
  async checkOwnSlot(me: Me, start: Date, mode: Mode): Promise<Slot> {
    return this.checkSlot(me, await this.self(me), start, mode);
  }

  /** The live first appointments of these requests, by request id. */
  async firstAppointments(db: Kysely<Database>, agencyId: string, requestIds: readonly string[]) {
    const rows = await firstAppointmentsOf(db, agencyId, requestIds);
    return new Map(rows.map((r) => [r.crisis_request_id as string, r]));
  }

  /**
   * Books the first session for the person behind a request for help, in the caller's transaction:
   * confirmed at once (the counsellor chose it), audited, and the person told only that a counsellor
   * scheduled a session and when — no name, no kind, nothing of the request. A second live
   * appointment for the same request, or the slot taken meanwhile, is refused by a unique index.
   */
  async bookFirst(
    trx: Kysely<Database>,
    me: Me,
    input: { clientId: string; requestId: string; slot: Slot; mode: Mode },
    origin: AuditOrigin,
  ): Promise<string> {
    const { clock, audit, notifications } = this.deps;
    const now = clock.now().toISOString();
    const id = newId();
    await insertAppointment(trx, {
      id,
      agency_id: me.agencyId,
      counsellor_id: me.id,
      client_id: input.clientId,
      start_utc: input.slot.start.toISOString(),
      end_utc: input.slot.end.toISOString(),
      mode: input.mode,
      status: 'booked',
      reason_enc: null,
      // The person did not choose reminders themselves: the day before, as most do.
      reminders: 'day_before',
      reminded_day_before_at: null,
      reminded_hour_before_at: null,
      confirmed_at: now,
      cancelled_at: null,
      cancelled_by: null,
      cancel_reason_enc: null,
      client_key: `crisis-${input.requestId}-${id}`,
      created_at: now,
      updated_at: now,
      crisis_request_id: input.requestId,
    });
    await audit.record(
      {
        ...origin,
        action: 'booking.first_appointment_scheduled',
        subjectId: input.clientId,
        resourceType: 'appointment',
        resourceId: id,
      },
      trx,
    );
    await notifications.add(trx, [
      {
        agencyId: me.agencyId,
        personId: input.clientId,
        kind: 'booking.scheduled',
        payload: { start: input.slot.start.toISOString() },
        dedupeKey: `booking-scheduled:${id}`,
      },
    ]);
    return id;
  }

  // --- The client's data rights (My data) and the retention schedule ----------------------------

  /*
   * My data reaches these through this module (docs/decisions/040-booking.md, "Data rights and
   * retention"); `db` is the caller's transaction. Only the person's appointments as a client: the
   * ones they hold as a counsellor are their clients' records.
   */

  /** The client's appointments for their copy: the counsellor by name and kind, their own words opened. */
  async ownCopy(db: Kysely<Database>, me: { id: string; agencyId: string }) {
    const { keys } = this.deps;
    const rows = await allOfClient(db, me.agencyId, me.id);
    return rows.map((r) => ({
      counsellor: r.counsellor_name,
      counsellorKind: r.counsellor_kind,
      start: r.start_utc,
      end: r.end_utc,
      mode: r.mode,
      status: r.status,
      reason: r.reason_enc ? keys.decrypt(r.reason_enc) : null,
      reminders: split(r.reminders),
      confirmedAt: r.confirmed_at,
      cancelledAt: r.cancelled_at,
      cancelledBy: r.cancelled_by,
      // The client's own words only: a counsellor's reason for cancelling is theirs (as on the screen).
      cancelReason: r.cancelled_by === 'client' && r.cancel_reason_enc ? keys.decrypt(r.cancel_reason_enc) : null,
      bookedAt: r.created_at,
    }));
  }

  /** How many appointments the person has as a client, whatever their status. */
  countOwn(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
    return countOfClient(db, agencyId, personId);
  }

  /**
   * Erases the person's appointments as a client: past and cancelled ones, and a booked one still
   * ahead, which is thereby cancelled and its slot opened to others (decision 040). Answers how many.
   */
  async eraseOwn(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
    // A booking still ahead is cancelled by the erasure: its counsellor is told the time, nothing more.
    const ahead = await bookedAheadOfClient(db, agencyId, personId, this.deps.clock.now().toISOString());
    for (const row of ahead) await this.tellCounsellor(db, row, 'booking.client_cancelled', row.start_utc);
    return deleteOfClient(db, agencyId, personId);
  }

  // --- Counselling consent and the client's record (docs/decisions/042-counselling-consent.md) ------

  /** The counsellors the client has or had an appointment with (any status), by name. */
  async counsellorsOfClient(
    db: Kysely<Database>,
    agencyId: string,
    clientId: string,
  ): Promise<Array<{ id: string; fullName: string }>> {
    const rows = await allOfClient(db, agencyId, clientId);
    const byId = new Map(rows.map((r) => [r.counsellor_id, r.counsellor_name]));
    return [...byId].map(([id, fullName]) => ({ id, fullName }));
  }

  /** The client's appointments with one counsellor, oldest first (what the client's record lists). */
  async betweenClientAndCounsellor(db: Kysely<Database>, agencyId: string, clientId: string, counsellorId: string) {
    const rows = await allOfClient(db, agencyId, clientId);
    return rows
      .filter((r) => r.counsellor_id === counsellorId)
      .map((r) => ({ id: r.id, start: r.start_utc, end: r.end_utc, mode: r.mode, status: r.status }));
  }

  /** The retention schedule: erases the agency's appointments that ended before the cutoff. */
  eraseBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
    return deleteEndedBefore(db, agencyId, cutoff);
  }

  /**
   * The counsellor's clients: everyone who has booked them, whatever became of the booking. Other
   * modules (return-to-work plans, docs/decisions/045-peer-groups-and-return-to-work.md) ask this
   * before a counsellor may act for a client.
   */
  clientIdsOf(agencyId: string, counsellorId: string, db: Kysely<Database> = this.deps.db): Promise<string[]> {
    return clientIdsOf(db, agencyId, counsellorId);
  }

  // --- Reminders ----------------------------------------------------------------------------------

  /**
   * The reminder sweep (every five minutes): each booked appointment gets the reminders its client
   * chose, once each, when due. A cancelled booking is never picked up, so it leaves no stray
   * reminder. They are not held by work-hour boundaries: the person asked for them about their own
   * appointment, and a held hour-before reminder would be useless (decision 040).
   */
  async sendDueReminders(): Promise<number> {
    const { db, clock, notifications } = this.deps;
    const now = clock.now();
    const rows = await bookedStartingBy(db, now.toISOString(), new Date(now.getTime() + 24 * 3_600_000).toISOString());
    let sent = 0;
    for (const row of rows) {
      const chosen = split(row.reminders) as Reminder[];
      for (const due of reminderTimes(new Date(row.start_utc), chosen)) {
        if (due.at.getTime() > now.getTime()) continue;
        // The day-before reminder is pointless once the hour-before one is due.
        if (due.kind === 'day_before' && new Date(row.start_utc).getTime() - now.getTime() <= 3_600_000) continue;
        await db.transaction().execute(async (trx) => {
          if (!(await claimReminder(trx, row.id, due.kind, now.toISOString()))) return;
          // The key names the start, so a booking moved after a reminder is reminded again of its new time;
          // the email goes only with a notification written now, so a retried sweep sends neither twice.
          const added = await notifications.addOnce(trx, {
            agencyId: row.agency_id,
            personId: row.client_id,
            kind: 'booking.reminder',
            payload: { start: row.start_utc, when: due.kind },
            dedupeKey: `booking-reminder:${row.id}:${due.kind}:${row.start_utc}`,
          });
          if (!added) return;
          await this.emailReminder(trx, row, now);
          sent++;
        });
      }
    }
    return sent;
  }

  /**
   * The reminder by email too, in the sweep's transaction, when the client asked for it and may
   * still get it: the install sends email, the person is active with an address, and they have not
   * withdrawn email on My data — checked now, so a withdrawal holds from the next reminder on.
   * It says only when (reminder-email.ts). Not held by work-hour boundaries, like the bell's.
   */
  private async emailReminder(trx: Kysely<Database>, row: DueReminderRow, now: Date): Promise<void> {
    const { mail, publicUrl } = this.deps;
    if (row.reminder_email !== 1 || !mail.usesSmtp || !row.client_email || row.client_active !== 1) return;
    if (!(await consentAllows(trx, row.client_id, 'email_notifications'))) return;
    const locale = isLocale(row.client_locale) ? row.client_locale : 'id';
    const { day, time } = reminderWhen(new Date(row.start_utc), now, row.client_time_zone, locale);
    await mail.queue(trx, {
      agencyId: row.agency_id,
      agencyName: row.agency_name,
      to: row.client_email,
      locale,
      template: 'booking_reminder',
      personId: row.client_id,
      // A neutral page: a link to "/counselling/…" would say what the appointment is.
      params: { name: row.client_name, day, time, link: `${publicUrl}/notifications` },
    });
  }

  // --- Read by the referrals module (docs/decisions/044-referrals.md) --------------------------

  /** Whether the person is a client of the counsellor: they have had an appointment with them. */
  isClientOf(agencyId: string, counsellorId: string, clientId: string, db: Kysely<Database> = this.deps.db) {
    return hasAppointmentWith(db, agencyId, counsellorId, clientId);
  }

  /** The counsellor's clients of the past year and ahead, by name (the caller audits the read). */
  clientsOf(agencyId: string, counsellorId: string, db: Kysely<Database> = this.deps.db) {
    const since = new Date(this.deps.clock.now().getTime() - 366 * 86_400_000).toISOString();
    return clientsOfCounsellor(db, agencyId, counsellorId, since);
  }

  // --- Read by the caseload (docs/decisions/047-caseload.md) ----------------------------------

  /**
   * Everyone who ever booked the counsellor, with their sessions held, no-shows and last sessions,
   * and the counsellor's booked appointments ahead: two reads whatever the caseload's size. The
   * caller audits the read, in the transaction it passes.
   */
  async caseloadOf(db: Kysely<Database>, agencyId: string, counsellorId: string, now: Date) {
    const at = now.toISOString();
    const totals = await caseloadTotalsOf(db, agencyId, counsellorId, at);
    const ahead = await bookedAheadOfCounsellor(db, agencyId, counsellorId, at);
    return { totals, ahead };
  }

  /** The counsellor's kind (psikolog klinis, psikiater…) for a signature line; null without a profile. */
  async kindOf(agencyId: string, counsellorId: string, db: Kysely<Database> = this.deps.db) {
    return (await findProfile(db, agencyId, counsellorId))?.kind ?? null;
  }

  registerJobs(jobs: JobRunner): void {
    jobs.every({
      name: 'booking.reminders',
      everyMs: 5 * 60_000,
      run: async () => void (await this.sendDueReminders()),
    });
  }
}
