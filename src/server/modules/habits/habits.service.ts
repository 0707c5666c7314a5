import type { Kysely } from 'kysely';
import type { HabitCreateBody, HabitList, HabitUpdateBody, HabitView, TickView } from '../../../contracts/habits.js';
import { MAX_HABITS } from '../../../contracts/habits.js';
import type { Database } from '../../../db/schema.js';
import { isPlannedOn } from '../../../domain/self-care/habit-week.js';
import { addDays, localDateOf, localParts } from '../../../domain/schedule/zoned-time.js';
import type { Clock } from '../../clock.js';
import type { KeyRing } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { isUniqueViolation } from '../../plugins/error-handler.js';
import type { JobRunner } from '../jobs/index.js';
import type { NotificationService } from '../notifications/index.js';
import type { OrgDirectory } from '../org/index.js';
import {
  deleteHabitsOf,
  countHabitsOf,
  claimReminder,
  countOwnHabits,
  deleteHabitFully,
  deleteTick,
  deleteTicksBefore,
  findHabitAnyOwner,
  findOwnHabit,
  habitsWithReminders,
  hasTick,
  insertHabit,
  insertTick,
  listOwnHabits,
  ticksSince,
  updateOwnHabit,
  type HabitRow,
} from './habits.repository.js';

type Me = SessionState['person'];

/** The list covers four weeks of ticks: this week, and three before it for the summary and a fresh start. */
export const TICK_WINDOW_DAYS = 28;
/** A tick may be set or taken back for today and the six days before (a forgotten evening, not history rewriting). */
export const TICK_BACK_DAYS = 6;

const notFound = () => new AppError(404, 'habit_not_found');

/**
 * The person's self-care plan (contracts/habits.ts; docs/decisions/035-self-care-and-plan.md). Only
 * its owner reads or changes it: every query is keyed by the signed-in person and their agency and no
 * other role has a route to it (docs/privacy.md §1.1). A habit in the person's own words is sealed at
 * rest. Nothing here is audited: the agency's log would otherwise tell who keeps which habits.
 */
export class HabitService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      keys: KeyRing;
      directory: OrgDirectory;
      notifications: NotificationService;
    },
  ) {}

  /** Today in the person's unit time zone. */
  private async today(me: Me): Promise<string> {
    const unit = await this.deps.directory.unit(me.unitId);
    return localDateOf(this.deps.clock.now(), unit?.time_zone ?? 'Asia/Jakarta');
  }

  async list(me: Me): Promise<HabitList> {
    const { db } = this.deps;
    const today = await this.today(me);
    const since = addDays(today, -(TICK_WINDOW_DAYS - 1));
    const [rows, ticks] = await Promise.all([listOwnHabits(db, me.id, me.agencyId), ticksSince(db, me.id, since)]);
    const byHabit = new Map<string, string[]>();
    for (const tick of ticks) byHabit.set(tick.habit_id, [...(byHabit.get(tick.habit_id) ?? []), tick.day]);
    return { today, since, habits: rows.map((r) => this.present(r, byHabit.get(r.id) ?? [])) };
  }

  /**
   * Adds a habit under the id the client made. Sent again (a retry), it finds its own habit and
   * stores nothing; an id that is someone else's is a 404, and nothing of theirs is read out.
   */
  async create(me: Me, body: HabitCreateBody): Promise<{ created: boolean; view: HabitView }> {
    const { db, clock } = this.deps;
    const existing = await findHabitAnyOwner(db, body.id);
    if (existing) return this.retried(me, existing);
    try {
      return await db.transaction().execute(async (trx) => {
        if ((await countOwnHabits(trx, me.id, me.agencyId)) >= MAX_HABITS)
          throw new AppError(422, 'too_many_habits', { max: MAX_HABITS });
        const now = clock.now().toISOString();
        const row: HabitRow = {
          id: body.id,
          person_id: me.id,
          agency_id: me.agencyId,
          ...this.columns(body),
          last_reminded_on: null,
          created_at: now,
          updated_at: now,
          archived_at: null,
        };
        await insertHabit(trx, row);
        return { created: true, view: this.present(row, []) };
      });
    } catch (err) {
      if (!isUniqueViolation(err as { code?: unknown })) throw err;
      const raced = await findHabitAnyOwner(db, body.id);
      if (!raced) throw err;
      return this.retried(me, raced);
    }
  }

  private async retried(me: Me, row: HabitRow): Promise<{ created: boolean; view: HabitView }> {
    if (row.person_id !== me.id || row.agency_id !== me.agencyId || row.archived_at !== null) throw notFound();
    const today = await this.today(me);
    const ticks = await ticksSince(this.deps.db, me.id, addDays(today, -(TICK_WINDOW_DAYS - 1)));
    return {
      created: false,
      view: this.present(
        row,
        ticks.filter((t) => t.habit_id === row.id).map((t) => t.day),
      ),
    };
  }

  async update(me: Me, id: string, body: HabitUpdateBody): Promise<HabitView> {
    const { db, clock } = this.deps;
    const changed = await updateOwnHabit(db, me.id, me.agencyId, id, {
      ...this.columns(body),
      // A new reminder time may still be due today.
      last_reminded_on: null,
      updated_at: clock.now().toISOString(),
    });
    if (changed === 0) throw notFound();
    const row = await findOwnHabit(db, me.id, me.agencyId, id);
    if (!row) throw notFound();
    const ticks = await ticksSince(db, me.id, addDays(await this.today(me), -(TICK_WINDOW_DAYS - 1)));
    return this.present(
      row,
      ticks.filter((t) => t.habit_id === id).map((t) => t.day),
    );
  }

  /** Removes a habit and its ticks for good. Removing one already gone is what the person wanted. */
  async remove(me: Me, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      if ((await deleteHabitFully(trx, me.id, me.agencyId, id)) === 0) throw notFound();
    });
  }

  /** Sets or clears the tick of a day; idempotent both ways, so a retried tap stores it once. */
  async tick(me: Me, id: string, day: string, ticked: boolean): Promise<TickView> {
    const { db, clock } = this.deps;
    const habit = await findOwnHabit(db, me.id, me.agencyId, id);
    if (!habit) throw notFound();
    const today = await this.today(me);
    if (day > today || day < addDays(today, -TICK_BACK_DAYS))
      throw new AppError(422, 'tick_day_out_of_range', { days: TICK_BACK_DAYS });
    if (ticked) await insertTick(db, { habitId: id, personId: me.id, day, now: clock.now().toISOString() });
    else await deleteTick(db, id, me.id, day);
    return { habitId: id, day, ticked };
  }

  /**
   * The reminder sweep (every five minutes): a habit planned for today whose reminder time has
   * passed in its person's unit time zone, and that is not ticked yet, gets one ordinary non-urgent
   * notification that day. It names no habit (docs/privacy.md: notifications carry no health value);
   * the work-hour rules of the notifications module decide when it is shown.
   */
  async sendDueReminders(): Promise<number> {
    const { db, clock, notifications } = this.deps;
    const now = clock.now();
    let sent = 0;
    for (const h of await habitsWithReminders(db)) {
      const local = localParts(now, h.time_zone);
      const reminder = h.reminder_time as string;
      const [hh, mm] = reminder.split(':').map(Number);
      if (local.secondOfDay < ((hh ?? 0) * 60 + (mm ?? 0)) * 60) continue;
      if (h.last_reminded_on !== null && h.last_reminded_on >= local.date) continue;
      const schedule = {
        frequency: h.frequency as 'daily',
        timesPerWeek: h.times_per_week,
        weekdays: h.weekdays ? h.weekdays.split(',').map(Number) : null,
      };
      if (!isPlannedOn(schedule, local.date)) continue;
      if (await hasTick(db, h.id, local.date)) continue;
      await db.transaction().execute(async (trx) => {
        if (!(await claimReminder(trx, h.id, local.date))) return;
        await notifications.add(trx, [
          {
            agencyId: h.agency_id,
            personId: h.person_id,
            kind: 'habit.reminder',
            payload: { day: local.date },
            dedupeKey: `habit-reminder:${h.id}:${local.date}`,
          },
        ]);
        sent++;
      });
    }
    return sent;
  }

  /** Everything of the person's self-care plan, opened, for their own copy (My data, UU PDP art. 7). */
  async ownCopy(db: Kysely<Database>, me: { id: string; agencyId: string }) {
    const [rows, ticks] = await Promise.all([
      listOwnHabits(db, me.id, me.agencyId),
      ticksSince(db, me.id, '0000-01-01'),
    ]);
    const byHabit = new Map<string, string[]>();
    for (const tick of ticks) byHabit.set(tick.habit_id, [...(byHabit.get(tick.habit_id) ?? []), tick.day]);
    return rows.map((r) => this.present(r, byHabit.get(r.id) ?? []));
  }

  registerJobs(jobs: JobRunner): void {
    jobs.every({
      name: 'habits.reminders',
      everyMs: 5 * 60_000,
      run: async () => void (await this.sendDueReminders()),
    });
  }

  private columns(body: HabitUpdateBody) {
    const own = body.suggestion === null;
    return {
      area: body.area,
      suggestion: body.suggestion,
      title_enc: own && body.title ? this.deps.keys.encrypt(body.title) : null,
      frequency: body.frequency,
      times_per_week: body.frequency === 'weekly' ? body.timesPerWeek : null,
      weekdays:
        body.frequency === 'weekdays' ? [...new Set(body.weekdays ?? [])].sort((a, b) => a - b).join(',') : null,
      reminder_time: body.reminderTime,
    };
  }

  /** The retention schedule: erases the agency's ticks of days before the cutoff's day (habits stay). */
  eraseTicksBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
    return deleteTicksBefore(db, agencyId, cutoff.slice(0, 10));
  }

  private present(row: HabitRow, ticks: string[]): HabitView {
    return {
      id: row.id,
      area: row.area as HabitView['area'],
      suggestion: row.suggestion,
      title: row.title_enc ? this.deps.keys.decrypt(row.title_enc) : null,
      frequency: row.frequency as HabitView['frequency'],
      timesPerWeek: row.times_per_week,
      weekdays: row.weekdays ? row.weekdays.split(',').map(Number) : null,
      reminderTime: row.reminder_time,
      createdAt: row.created_at,
      ticks,
    };
  }

  /* The owner's reads and changes for My data (their transaction as `db`). */

  /** How many habits the person keeps. */
  countOwn(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
    return countHabitsOf(db, personId, agencyId);
  }

  /** Erases every habit of the person with its ticks; answers how many habits. */
  eraseOwn(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
    return deleteHabitsOf(db, personId, agencyId);
  }
}
