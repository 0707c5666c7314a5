import type { Kysely } from 'kysely';
import {
  EDITABLE_DAYS,
  MAX_RANGE_DAYS,
  type CheckInInput,
  type CheckInList,
  type CheckInListQuery,
  type CheckInView,
} from '../../../contracts/check-ins.js';
import type { DatabaseKind } from '../../../db/connection.js';
import type { Database } from '../../../db/schema.js';
import { addDays, localDateOf } from '../../../domain/schedule/zoned-time.js';
import type { Clock } from '../../clock.js';
import { newId, type KeyRing } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { AppError, FieldValidationError } from '../../http/errors.js';
import type { OrgDirectory } from '../org/index.js';
import { presentCheckIn, type CheckInDetails } from './check-ins.presenter.js';
import {
  countCheckInsOf,
  deleteCheckInsBefore,
  deleteCheckInsOf,
  findAllCheckIns,
  findCheckInsBetween,
  findCheckInsOfDays,
  upsertCheckIns,
  type CheckInRow,
  type NewCheckIn,
} from './check-ins.repository.js';
import { submitGroupCommit, type GroupCommit } from '../../group-commit.js';

type Me = SessionState['person'];

/** The writes of one batch that touch different (person, day)s, with where each answer goes. */
type Round = { index: number; row: NewCheckIn; details: CheckInDetails; editableFrom: string }[];

/** One submission waiting for its group commit. */
interface Submission {
  me: Me;
  input: CheckInInput;
  clientKey: string;
}

export interface Submitted {
  created: boolean;
  replayed: boolean;
  view: CheckInView;
}

/** How long a unit's time zone is kept in memory: an admin's change of zone reaches check-ins within it. */
const ZONE_TTL_MS = 5 * 60_000;
const DEFAULT_ZONE = 'Asia/Jakarta';
const QUARTER_HOUR_MS = 15 * 60_000;
/**
 * The person's own daily check-ins (docs/decisions/032-check-ins.md). Only its owner reads or
 * writes a check-in: every query is keyed by the signed-in person, no other role has a route to it
 * (docs/privacy.md §1.1), and the note and tags are encrypted at rest like assessment answers.
 * Saving is not audited: the agency's log would otherwise tell who checks in and when.
 *
 * One check-in per person and local day in the unit's time zone, changeable that day and the
 * next. Submissions are group-committed (docs/decisions/033-group-commit.md).
 */
export class CheckInService {
  private readonly zones = new Map<string, { zone: string; until: number }>();
  private readonly windows = new Map<string, { today: string; editableFrom: string; from: number; until: number }>();
  private readonly submits: GroupCommit<Submission, Submitted>;

  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      kind: DatabaseKind;
      clock: Clock;
      keys: KeyRing;
      directory: OrgDirectory;
    },
  ) {
    // Batches spaced under steady load, a second one only while the first is overdue and never
    // with a day the first is writing (src/server/group-commit.ts; decisions 033, 054 and 055).
    this.submits = submitGroupCommit<Submission, Submitted>({
      kind: deps.kind,
      commitBatch: (items) => this.commitBatch(items),
      maxBatch: 256,
      keyOf: (item) => `${item.me.id} ${item.input.localDate}`,
    });
  }

  /** The person's unit time zone (the org directory, remembered for a few minutes). */
  async timeZoneOf(me: Me): Promise<string> {
    const now = Date.now();
    const cached = this.zones.get(me.unitId);
    if (cached && cached.until > now) return cached.zone;
    const unit = await this.deps.directory.unit(me.unitId);
    const zone = unit?.time_zone ?? DEFAULT_ZONE;
    this.zones.set(me.unitId, { zone, until: now + ZONE_TTL_MS });
    return zone;
  }

  /**
   * Today and the first still-changeable day in the person's zone. Worked out once per zone and
   * quarter hour: every zone's offset from UTC is a whole number of quarter hours, so a local date
   * only turns on a UTC quarter hour (the time-zone arithmetic was 2–3 % of the server's CPU per
   * batch, docs/decisions/046-check-in-submit-cpu.md).
   */
  private window(zone: string): { today: string; editableFrom: string } {
    const now = this.deps.clock.now();
    const at = now.getTime();
    const cached = this.windows.get(zone);
    if (cached && at >= cached.from && at < cached.until) return cached;
    const today = localDateOf(now, zone);
    const from = at - (((at % QUARTER_HOUR_MS) + QUARTER_HOUR_MS) % QUARTER_HOUR_MS);
    const window = { today, editableFrom: addDays(today, -(EDITABLE_DAYS - 1)), from, until: from + QUARTER_HOUR_MS };
    this.windows.set(zone, window);
    return window;
  }

  /** The person's days in a range (by default the last two weeks), oldest first. */
  async list(me: Me, query: CheckInListQuery): Promise<CheckInList> {
    const timeZone = await this.timeZoneOf(me);
    const { today, editableFrom } = this.window(timeZone);
    const to = query.to ?? today;
    const from = query.from ?? addDays(to, -13);
    if (from > to) throw new FieldValidationError([{ path: 'from', key: 'check_in.range_order' }]);
    if (addDays(from, MAX_RANGE_DAYS) < to) {
      throw new FieldValidationError([
        { path: 'from', key: 'check_in.range_too_long', params: { days: MAX_RANGE_DAYS } },
      ]);
    }
    const rows = await findCheckInsBetween(this.deps.db, me.id, me.agencyId, from, to);
    return {
      today,
      timeZone,
      editableFrom,
      from,
      to,
      items: rows.map((row) => presentCheckIn(row, this.deps.keys, editableFrom)),
    };
  }

  /**
   * Stores the person's check-in of a day (today or yesterday in their zone): a new day is created
   * (201), an open day replaced (200). A retry with the same Idempotency-Key stores nothing and
   * answers the stored day. Answers only after the commit that holds it.
   */
  async submit(me: Me, input: CheckInInput, idempotencyKey: string | undefined): Promise<Submitted> {
    // The zone is looked up before joining the batch, so a batch runs only its writes.
    await this.timeZoneOf(me);
    return this.submits.submit({ me, input, clientKey: idempotencyKey ?? newId() });
  }

  /**
   * Commits every waiting submission at once; one answer (or error) per submission, in order. A
   * batch of one round is one statement (atomic and durable on its own: one round trip, one disk
   * sync); several rounds share one transaction. Either way, nothing of a failed batch is stored.
   */
  private async commitBatch(items: readonly Submission[]): Promise<(Submitted | Error)[]> {
    const { clock, db } = this.deps;
    const now = clock.now().toISOString();
    const results: (Submitted | Error | undefined)[] = new Array(items.length);
    const windows = new Map<string, { today: string; editableFrom: string }>();
    // Rounds of at most one write per (person, day), in arrival order: the later write wins.
    const rounds: Round[] = [];
    const seen = new Map<string, number>();
    for (const [index, item] of items.entries()) {
      const zone = this.zones.get(item.me.unitId)?.zone ?? DEFAULT_ZONE;
      let window = windows.get(zone);
      if (!window) windows.set(zone, (window = this.window(zone)));
      const { today, editableFrom } = window;
      const day = item.input.localDate;
      if (day > today) {
        results[index] = new FieldValidationError(
          [{ path: 'localDate', key: 'check_in.future_day' }],
          'check_in_future',
        );
        continue;
      }
      if (day < editableFrom) {
        results[index] = new AppError(409, 'check_in_closed');
        continue;
      }
      const key = `${item.me.id} ${day}`;
      const round = seen.get(key) ?? 0;
      seen.set(key, round + 1);
      (rounds[round] ??= []).push({
        index,
        row: this.rowOf(item, now),
        details: { note: item.input.note, tags: item.input.tags },
        editableFrom,
      });
    }
    if (rounds.length === 1) await this.commitRound(db, rounds[0] as Round, results);
    else if (rounds.length > 1) {
      await db.transaction().execute(async (trx) => {
        for (const round of rounds) await this.commitRound(trx, round, results);
      });
    }
    return results as (Submitted | Error)[];
  }

  /**
   * One round: one upsert that answers the rows it wrote; the writes it left alone (retries of a
   * stored key) are read back to answer the stored day.
   */
  private async commitRound(db: Kysely<Database>, round: Round, results: (Submitted | Error | undefined)[]) {
    const { keys } = this.deps;
    const changed = await upsertCheckIns(
      db,
      round.map((r) => r.row),
    );
    const byDay = new Map(changed.map((c) => [`${c.person_id} ${c.local_date}`, c]));
    const replays = round.filter((r) => !byDay.has(`${r.row.person_id} ${r.row.local_date}`));
    const stored =
      replays.length === 0
        ? []
        : await findCheckInsOfDays(
            db,
            replays.map((r) => ({ personId: r.row.person_id, localDate: r.row.local_date })),
          );
    const storedByDay = new Map(stored.map((s) => [`${s.person_id} ${s.local_date}`, s]));
    for (const r of round) {
      const day = `${r.row.person_id} ${r.row.local_date}`;
      const written = byDay.get(day);
      const row = (written ?? storedByDay.get(day)) as CheckInRow;
      results[r.index] = {
        created: written !== undefined && Number(written.version) === 1,
        replayed: written === undefined,
        // A written row holds this submission's words; a replay's are the stored ones.
        view: written
          ? presentCheckIn(row, keys, r.editableFrom, r.details)
          : presentCheckIn(row, keys, r.editableFrom),
      };
    }
  }

  private rowOf(item: Submission, now: string): NewCheckIn {
    const { input, me } = item;
    const details =
      input.note !== null || input.tags.length > 0
        ? this.deps.keys.encrypt(JSON.stringify({ note: input.note, tags: input.tags }))
        : null;
    return {
      id: newId(),
      person_id: me.id,
      agency_id: me.agencyId,
      local_date: input.localDate,
      mood: input.mood,
      stress: input.stress,
      energy: input.energy,
      sleep_minutes: input.sleepMinutes,
      sleep_quality: input.sleepQuality,
      activity_minutes: input.activityMinutes,
      workload: input.workload,
      details_enc: details,
      client_key: item.clientKey,
      version: 1,
      created_at: now,
      updated_at: now,
    };
  }

  /* The owner's reads and changes for My data (their transaction as `db`). */

  /** The person's check-ins as stored (still encrypted), for their copy. */
  ownCheckIns(db: Kysely<Database>, personId: string, agencyId: string): Promise<CheckInRow[]> {
    return findAllCheckIns(db, personId, agencyId);
  }

  /** The person's check-ins opened for their own copy (My data), oldest first. */
  async ownCopy(db: Kysely<Database>, me: { id: string; agencyId: string }) {
    const rows = await findAllCheckIns(db, me.id, me.agencyId);
    return rows.map((row) => {
      const { editable: _editable, version: _version, ...day } = presentCheckIn(row, this.deps.keys, row.local_date);
      return day;
    });
  }

  /** How many check-ins the person has. */
  countOwn(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
    return countCheckInsOf(db, personId, agencyId);
  }

  /** The retention schedule: erases the agency's check-ins of local days before the cutoff's day. */
  eraseBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
    return deleteCheckInsBefore(db, agencyId, cutoff.slice(0, 10));
  }

  /** Erases the person's check-ins; answers how many. */
  eraseOwn(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
    return deleteCheckInsOf(db, personId, agencyId);
  }
}
