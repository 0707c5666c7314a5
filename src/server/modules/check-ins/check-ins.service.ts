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
import { presentCheckIn } from './check-ins.presenter.js';
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
import { GroupCommit } from './group-commit.js';

type Me = SessionState['person'];

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
  private readonly group: GroupCommit<Submission, Submitted>;

  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      kind: DatabaseKind;
      clock: Clock;
      keys: KeyRing;
      directory: OrgDirectory;
    },
  ) {
    this.group = new GroupCommit<Submission, Submitted>({
      commitBatch: (items) => deps.db.transaction().execute((trx) => this.commitBatch(trx, items)),
      commitOne: async (item) => {
        const [result] = await deps.db.transaction().execute((trx) => this.commitBatch(trx, [item]));
        if (result instanceof Error) throw result;
        return result as Submitted;
      },
      // SQLite has one writer: a second batch would only wait for the first. PostgreSQL commits
      // batches of different people side by side on its pool.
      concurrency: deps.kind === 'sqlite' ? 1 : 4,
      maxBatch: 256,
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

  /** Today and the first still-changeable day in the person's zone. */
  private window(zone: string): { today: string; editableFrom: string } {
    const today = localDateOf(this.deps.clock.now(), zone);
    return { today, editableFrom: addDays(today, -(EDITABLE_DAYS - 1)) };
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
    return this.group.submit({ me, input, clientKey: idempotencyKey ?? newId() });
  }

  /** One transaction for every waiting submission; one answer (or error) per submission, in order. */
  private async commitBatch(trx: Kysely<Database>, items: readonly Submission[]): Promise<(Submitted | Error)[]> {
    const { clock, keys } = this.deps;
    const now = clock.now().toISOString();
    const results: (Submitted | Error | undefined)[] = new Array(items.length);
    // Rounds of at most one write per (person, day), in arrival order: the later write wins.
    const rounds: { index: number; row: NewCheckIn; editableFrom: string }[][] = [];
    const seen = new Map<string, number>();
    for (const [index, item] of items.entries()) {
      const zone = this.zones.get(item.me.unitId)?.zone ?? DEFAULT_ZONE;
      const { today, editableFrom } = this.window(zone);
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
      (rounds[round] ??= []).push({ index, row: this.rowOf(item, now), editableFrom });
    }
    for (const round of rounds) {
      const changed = await upsertCheckIns(
        trx,
        round.map((r) => r.row),
      );
      const changedKeys = new Set(changed.map((c) => `${c.person_id} ${c.local_date}`));
      const replays = round.filter((r) => !changedKeys.has(`${r.row.person_id} ${r.row.local_date}`));
      const stored = await findCheckInsOfDays(
        trx,
        round.map((r) => ({ personId: r.row.person_id, localDate: r.row.local_date })),
      );
      const byDay = new Map(stored.map((s) => [`${s.person_id} ${s.local_date}`, s]));
      for (const r of round) {
        const row = byDay.get(`${r.row.person_id} ${r.row.local_date}`) as CheckInRow;
        const replayed = replays.includes(r);
        results[r.index] = {
          created: !replayed && row.version === 1,
          replayed,
          view: presentCheckIn(row, keys, r.editableFrom),
        };
      }
    }
    return results as (Submitted | Error)[];
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
