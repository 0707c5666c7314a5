import type { Kysely } from 'kysely';
import type {
  BoundariesView,
  CalendarDayBody,
  CalendarView,
  PersonalHoursBody,
  RamadanBody,
} from '../../../contracts/boundaries.js';
import type { Database } from '../../../db/schema.js';
import {
  decideDelivery,
  personalHoursProblem,
  RAMADAN_HOURS,
  type BoundaryPolicy,
} from '../../../domain/boundaries/delivery.js';
import {
  CALENDAR_YEARS,
  isCutiBersama,
  nationalCalendar,
  nationalDayOn,
  observedDaysOff,
  type AgencyCalendarEntry,
} from '../../../domain/boundaries/holidays.js';
import { CIVIL_SERVICE_HOURS, type WorkingHours } from '../../../domain/schedule/working-hours.js';
import type { Locale } from '../../../i18n/locales.js';
import type { Clock } from '../../clock.js';
import { AppError, FieldValidationError } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import {
  deleteCalendarDay,
  deletePersonalBoundary,
  deleteRamadan,
  findCalendarDay,
  findCalendarDays,
  findPersonalBoundary,
  findRamadan,
  insertCalendarDay,
  loadBoundaryFacts,
  upsertPersonalBoundary,
  upsertRamadan,
} from './boundaries.repository.js';

const DAY_MS = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

const weekOf = (hours: WorkingHours) =>
  ([1, 2, 3, 4, 5, 6, 7] as const).map((d) => (hours[d] ? { start: hours[d].start, end: hours[d].end } : null));

/** Decides, for a batch of people, when each may next receive a routine message (null: now). */
export interface HoldGate {
  holdUntil(db: Kysely<Database>, personIds: readonly string[], now: Date): Promise<Map<string, Date | null>>;
}

/**
 * Work-hour boundaries (docs/boundaries.md): the agency's holiday calendar and Ramadan dates, a
 * person's own narrower hours, and the one gate every non-urgent message passes — `holdUntil`,
 * which notifications and mail call when they store a message.
 */
export class BoundaryService implements HoldGate {
  constructor(private readonly deps: { db: Kysely<Database>; clock: Clock; audit: AuditService }) {}

  /**
   * When each person may next receive a non-urgent message: null for "now", a moment otherwise.
   * Three queries for the whole batch (people with their zones and own hours, their agencies'
   * calendars, their Ramadan dates); `db` is the caller's transaction.
   */
  async holdUntil(db: Kysely<Database>, personIds: readonly string[], now: Date): Promise<Map<string, Date | null>> {
    const facts = await loadBoundaryFacts(db, [...new Set(personIds)]);
    const entriesByAgency = new Map<string, AgencyCalendarEntry[]>();
    for (const d of facts.days) {
      const list = entriesByAgency.get(d.agency_id) ?? [];
      list.push({ date: d.date, kind: d.kind });
      entriesByAgency.set(d.agency_id, list);
    }
    const daysOffByAgency = new Map<string, Set<string>>();
    const out = new Map<string, Date | null>();
    for (const p of facts.people) {
      let daysOff = daysOffByAgency.get(p.agencyId);
      if (!daysOff) {
        daysOff = observedDaysOff(entriesByAgency.get(p.agencyId) ?? []);
        daysOffByAgency.set(p.agencyId, daysOff);
      }
      const policy: BoundaryPolicy = {
        timeZone: p.timeZone,
        daysOff,
        ramadan: facts.ramadan
          .filter((r) => r.agency_id === p.agencyId)
          .map((r) => ({ startsOn: r.starts_on, endsOn: r.ends_on })),
        personal: p.startsAt && p.endsAt ? { start: p.startsAt, end: p.endsAt } : null,
      };
      const decision = decideDelivery(now, policy);
      out.set(p.personId, decision.deliverNow ? null : decision.heldUntil);
    }
    return out;
  }

  /**
   * The rules that shape one person's working day: their unit's zone, the agency's days off and
   * Ramadan dates, and their own hours. The day planner reads its working window from it
   * (domain/planner/working-day.ts), so it agrees with the gate above.
   */
  async policyOf(personId: string): Promise<BoundaryPolicy> {
    const facts = await loadBoundaryFacts(this.deps.db, [personId]);
    const p = facts.people[0];
    return {
      timeZone: p?.timeZone ?? 'Asia/Jakarta',
      daysOff: observedDaysOff(facts.days.map((d) => ({ date: d.date, kind: d.kind }))),
      ramadan: facts.ramadan.map((r) => ({ startsOn: r.starts_on, endsOn: r.ends_on })),
      personal: p?.startsAt && p.endsAt ? { start: p.startsAt, end: p.endsAt } : null,
    };
  }

  /**
   * The days off the agency observes (national days, less the cuti bersama it works, plus its
   * regional days): booking offers no slot on them (docs/decisions/040-booking.md).
   */
  async daysOff(agencyId: string, db: Kysely<Database> = this.deps.db): Promise<Set<string>> {
    const entries = await findCalendarDays(db, agencyId);
    return observedDaysOff(entries.map((e) => ({ date: e.date, kind: e.kind })));
  }

  // --- The agency admin's calendar -------------------------------------------------------------

  async calendar(agencyId: string, year: number, locale: Locale): Promise<CalendarView> {
    const { db } = this.deps;
    const national = nationalCalendar(year);
    const entries = (await findCalendarDays(db, agencyId)).filter((e) => e.date.startsWith(`${year}-`));
    const skipped = new Set(entries.filter((e) => e.kind === 'not_observed').map((e) => e.date));
    const days = [
      ...(national?.days ?? []).map((d) => ({
        date: d.date,
        kind: d.kind,
        name: d.name[locale],
        observed: d.kind === 'national' || !skipped.has(d.date),
      })),
      ...entries
        .filter((e) => e.kind === 'regional')
        .map((e) => ({ date: e.date, kind: 'regional' as const, name: e.name, observed: true })),
    ].sort((a, b) => a.date.localeCompare(b.date));
    const ramadan = await findRamadan(db, agencyId, year);
    return {
      year,
      years: [...CALENDAR_YEARS],
      source: national?.source ?? null,
      provisional: national?.provisional ?? true,
      days,
      ramadan: ramadan ? { startsOn: ramadan.starts_on, endsOn: ramadan.ends_on } : null,
    };
  }

  /**
   * Adds a regional day off, or marks a cuti bersama as worked. The same change sent again is
   * stored once (answers `created: false`); a different change on a date that has one is 409.
   */
  async addDay(agencyId: string, body: CalendarDayBody, origin: AuditOrigin): Promise<{ created: boolean }> {
    const { db, clock, audit } = this.deps;
    const national = nationalDayOn(body.date);
    if (body.kind === 'not_observed' && !isCutiBersama(body.date))
      throw new FieldValidationError([{ path: 'date', key: 'boundaries.not_cuti_bersama' }]);
    if (body.kind === 'regional' && national)
      throw new FieldValidationError([{ path: 'date', key: 'boundaries.already_holiday' }]);
    const name = body.kind === 'regional' ? body.name : (national?.name.id ?? '');
    return db.transaction().execute(async (trx) => {
      const existing = await findCalendarDay(trx, agencyId, body.date);
      if (existing) {
        if (existing.kind === body.kind && existing.name === name) return { created: false };
        throw new AppError(409, 'calendar_day_taken');
      }
      const created = await insertCalendarDay(trx, {
        agency_id: agencyId,
        date: body.date,
        kind: body.kind,
        name,
        created_at: clock.now().toISOString(),
      });
      if (created)
        await audit.record(
          {
            ...origin,
            action: 'agency.calendar_updated',
            resourceType: 'agency_calendar',
            resourceId: null,
            details: { change: body.kind === 'regional' ? 'day_added' : 'cuti_bersama_worked', date: body.date },
          },
          trx,
        );
      return { created };
    });
  }

  /** Removes the agency's own change on a date (the national calendar stands again). */
  async removeDay(agencyId: string, date: string, origin: AuditOrigin): Promise<void> {
    const { db, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      if ((await deleteCalendarDay(trx, agencyId, date)) === 0) throw new AppError(404, 'calendar_day_not_found');
      await audit.record(
        {
          ...origin,
          action: 'agency.calendar_updated',
          resourceType: 'agency_calendar',
          resourceId: null,
          details: { change: 'day_removed', date },
        },
        trx,
      );
    });
  }

  /** Sets the agency's Ramadan dates for a year (28 to 31 days within that year); sending them again changes nothing. */
  async setRamadan(agencyId: string, year: number, body: RamadanBody, origin: AuditOrigin) {
    const { db, clock, audit } = this.deps;
    const problems: Array<{ path: string; key: string }> = [];
    if (!body.startsOn.startsWith(`${year}-`)) problems.push({ path: 'startsOn', key: 'boundaries.ramadan_year' });
    if (body.endsOn < body.startsOn) problems.push({ path: 'endsOn', key: 'boundaries.ramadan_order' });
    else {
      const length = daysBetween(body.startsOn, body.endsOn) + 1;
      if (length < 28 || length > 31) problems.push({ path: 'endsOn', key: 'boundaries.ramadan_length' });
    }
    if (problems.length > 0) throw new FieldValidationError(problems);
    return db.transaction().execute(async (trx) => {
      const current = await findRamadan(trx, agencyId, year);
      if (current?.starts_on === body.startsOn && current.ends_on === body.endsOn) return { changed: false };
      await upsertRamadan(trx, {
        agency_id: agencyId,
        year,
        starts_on: body.startsOn,
        ends_on: body.endsOn,
        updated_at: clock.now().toISOString(),
      });
      await audit.record(
        {
          ...origin,
          action: 'agency.calendar_updated',
          resourceType: 'agency_calendar',
          resourceId: null,
          details: { change: 'ramadan_set', year, startsOn: body.startsOn, endsOn: body.endsOn },
        },
        trx,
      );
      return { changed: true };
    });
  }

  async clearRamadan(agencyId: string, year: number, origin: AuditOrigin): Promise<void> {
    const { db, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      if ((await deleteRamadan(trx, agencyId, year)) === 0) throw new AppError(404, 'ramadan_not_found');
      await audit.record(
        {
          ...origin,
          action: 'agency.calendar_updated',
          resourceType: 'agency_calendar',
          resourceId: null,
          details: { change: 'ramadan_cleared', year },
        },
        trx,
      );
    });
  }

  // --- The person's own hours (their own data: not audited, like the safety plan) ---------------

  async mine(me: { id: string; agencyId: string }): Promise<BoundariesView> {
    const { db, clock } = this.deps;
    const [own, facts, when] = [
      await findPersonalBoundary(db, me.id, me.agencyId),
      await loadBoundaryFacts(db, [me.id]),
      await this.holdUntil(db, [me.id], clock.now()),
    ];
    return {
      personal: own ? { start: own.starts_at, end: own.ends_at } : null,
      week: weekOf(CIVIL_SERVICE_HOURS),
      ramadanWeek: weekOf(RAMADAN_HOURS),
      timeZone: facts.people[0]?.timeZone ?? 'Asia/Jakarta',
      nextAllowedAt: when.get(me.id)?.toISOString() ?? null,
    };
  }

  /** Sets my hours; they may only narrow the agency's day. Sending the same hours again stores them once. */
  async setMine(me: { id: string; agencyId: string }, body: PersonalHoursBody): Promise<BoundariesView> {
    const problem = personalHoursProblem(body);
    if (problem) throw new FieldValidationError([{ path: 'end', key: `boundaries.personal_${problem}` }]);
    await upsertPersonalBoundary(this.deps.db, {
      person_id: me.id,
      agency_id: me.agencyId,
      starts_at: body.start,
      ends_at: body.end,
      updated_at: this.deps.clock.now().toISOString(),
    });
    return this.mine(me);
  }

  /** My own hours as they are stored, for the copy under My data (null: the agency's hours). */
  async ownHours(db: Kysely<Database>, me: { id: string; agencyId: string }) {
    const own = await findPersonalBoundary(db, me.id, me.agencyId);
    return own ? { start: own.starts_at, end: own.ends_at } : null;
  }

  /** Back to the agency's hours. */
  async clearMine(me: { id: string; agencyId: string }): Promise<BoundariesView> {
    await deletePersonalBoundary(this.deps.db, me.id, me.agencyId);
    return this.mine(me);
  }
}
