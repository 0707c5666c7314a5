import type { Kysely } from 'kysely';
import type {
  CancelSessionBody,
  FacilitatedGroupList,
  FacilitatedGroupView,
  GroupBody,
  GroupList,
  GroupView,
  JoinBody,
  NewGroupBody,
} from '../../../contracts/peer-groups.js';
import type { Database } from '../../../db/schema.js';
import { displayKey, isSessionDate, revealsRealName, upcomingSessions } from '../../../domain/peer-groups/groups.js';
import { addDays, localDateOf } from '../../../domain/schedule/zoned-time.js';
import type { Clock } from '../../clock.js';
import { newId } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { isUniqueViolation } from '../../plugins/error-handler.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { NotificationService } from '../notifications/index.js';
import type { OrgDirectory } from '../org/index.js';
import { presentGroup, presentMember, scheduleOf } from './peer-groups.presenter.js';
import {
  cancelledDates,
  countOwn,
  deleteAllOf,
  deleteClosedBefore,
  deleteMembership,
  findGroup,
  findGroupAnywhere,
  findMembership,
  insertCancellation,
  insertGroup,
  insertMember,
  listForEmployee,
  listOfFacilitator,
  memberPersonIds,
  membersOf,
  membershipsOf,
  ownMemberships,
  releaseSeats,
  takeSeat,
  updateGroup,
  type GroupRow,
} from './peer-groups.repository.js';

type Me = SessionState['person'];

/** Whether a saved group meets at another time, length, place, link or way than before. */
function meetsDifferently(before: GroupRow, after: Partial<GroupRow>): boolean {
  const keys = [
    'schedule_kind',
    'weekday',
    'dates',
    'start_time',
    'duration_minutes',
    'mode',
    'place',
    'link',
  ] as const;
  return keys.some((k) => (before[k] ?? null) !== (after[k] ?? null));
}

const groupNotFound = () => new AppError(404, 'peer_group_not_found');

/**
 * Peer support groups (docs/decisions/045-peer-groups-and-return-to-work.md). Employees of the
 * agency browse open groups and join under a display name; the facilitator (a counsellor or a
 * wellbeing admin who made the group) alone sees who joined, by display name; nobody — managers and
 * admins included — has a route to members or to counts per unit. Capacity is held by a conditional
 * update in the join's transaction; a retried join is stored once (one membership per person).
 */
export class PeerGroupService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      audit: AuditService;
      directory: OrgDirectory;
      notifications: Pick<NotificationService, 'add'>;
    },
  ) {}

  /**
   * Tells every member of a group of a change to when or where it meets: the group's topic and the
   * date, never who else is in it. Sent in the change's transaction; the key stores it once.
   */
  private async tellMembers(
    db: Kysely<Database>,
    row: GroupRow,
    kind: 'peer_group.session_cancelled' | 'peer_group.moved' | 'peer_group.closed',
    key: string,
    date: string | null = null,
  ): Promise<void> {
    const people = await memberPersonIds(db, row.id);
    if (people.length === 0) return;
    await this.deps.notifications.add(
      db,
      people.map((personId) => ({
        agencyId: row.agency_id,
        personId,
        kind,
        payload: { groupId: row.id, title: row.topic, date },
        dedupeKey: `${kind}:${row.id}:${key}:${personId}`,
      })),
    );
  }

  private async zoneOf(unitId: string): Promise<string> {
    return (await this.deps.directory.unit(unitId))?.time_zone ?? 'Asia/Jakarta';
  }

  /** Views of several groups with a fixed number of queries (names, memberships, called-off dates). */
  private async present(me: Me, rows: readonly GroupRow[]): Promise<GroupView[]> {
    const { db, clock, directory } = this.deps;
    if (rows.length === 0) return [];
    const now = clock.now();
    const ids = rows.map((r) => r.id);
    const [names, mine, off] = await Promise.all([
      directory.namesOf(me.agencyId, [...new Set(rows.map((r) => r.facilitator_id))]),
      membershipsOf(db, me.id, ids),
      cancelledDates(db, ids, addDays(localDateOf(now, 'UTC'), -1)),
    ]);
    const myName = new Map(mine.map((m) => [m.group_id, m.display_name]));
    const offBy = new Map<string, Set<string>>();
    for (const c of off)
      (offBy.get(c.group_id) ?? offBy.set(c.group_id, new Set()).get(c.group_id))?.add(c.session_date);
    return rows.map((row) => {
      const myDisplayName = myName.get(row.id) ?? null;
      return presentGroup(row, {
        facilitatorName: names.get(row.facilitator_id) ?? '',
        myDisplayName,
        insider: myDisplayName !== null || row.facilitator_id === me.id,
        sessions: upcomingSessions(
          scheduleOf(row),
          row.time_zone,
          localDateOf(now, row.time_zone),
          now,
          offBy.get(row.id) ?? new Set(),
        ),
      });
    });
  }

  // --- Employees --------------------------------------------------------------------------------------

  /** Open groups of my agency, and the ones I am in. */
  async list(me: Me): Promise<GroupList> {
    return { items: await this.present(me, await listForEmployee(this.deps.db, me.agencyId, me.id)) };
  }

  /** One group: open, or one I am in or run; anything else is 404. */
  async view(me: Me, id: string): Promise<GroupView> {
    const row = await this.visible(me, id);
    return (await this.present(me, [row]))[0] as GroupView;
  }

  private async visible(me: Me, id: string, db: Kysely<Database> = this.deps.db): Promise<GroupRow> {
    const row = await findGroup(db, me.agencyId, id);
    if (!row) throw groupNotFound();
    if (row.status !== 'open' && row.facilitator_id !== me.id && !(await findMembership(db, id, me.id)))
      throw groupNotFound();
    return row;
  }

  /**
   * Joins under a display name. Sent again, it answers the membership already stored (`created`
   * false). A name someone else in the group uses is 409 `display_name_taken`; the last seat goes to
   * exactly one of simultaneous joins (`takeSeat`), the others get 409 `peer_group_full`.
   */
  async join(me: Me, id: string, body: JoinBody): Promise<{ created: boolean; view: GroupView }> {
    const { db, clock } = this.deps;
    const row = await findGroup(db, me.agencyId, id);
    if (!row) throw groupNotFound();
    if (await findMembership(db, id, me.id)) return { created: false, view: await this.view(me, id) };
    if (row.status !== 'open') throw groupNotFound();
    if (row.facilitator_id === me.id) throw new AppError(422, 'peer_group_own');
    if (revealsRealName(body.displayName, me.fullName)) throw new AppError(422, 'display_name_is_real_name');
    try {
      await db.transaction().execute(async (trx) => {
        await insertMember(trx, {
          id: newId(),
          group_id: id,
          agency_id: me.agencyId,
          person_id: me.id,
          display_name: body.displayName,
          display_key: displayKey(body.displayName),
          joined_at: clock.now().toISOString(),
        });
        if (!(await takeSeat(trx, me.agencyId, id))) throw new AppError(409, 'peer_group_full');
      });
    } catch (err) {
      if (err instanceof AppError || !isUniqueViolation(err as { code?: unknown })) throw err;
      // Two copies of one join met at the per-person index: the first one's membership is the answer.
      if (await findMembership(db, id, me.id)) return { created: false, view: await this.view(me, id) };
      throw new AppError(409, 'display_name_taken');
    }
    return { created: true, view: await this.view(me, id) };
  }

  /** Leaves a group at any time; leaving one I am not in is 404. */
  async leave(me: Me, id: string): Promise<{ ok: true }> {
    const { db } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await findGroup(trx, me.agencyId, id);
      if (!row || (await deleteMembership(trx, id, me.id)) === 0) throw groupNotFound();
      await releaseSeats(trx, [id]);
    });
    return { ok: true };
  }

  // --- Facilitators -----------------------------------------------------------------------------------

  async facilitated(me: Me): Promise<FacilitatedGroupList> {
    return { items: await this.present(me, await listOfFacilitator(this.deps.db, me.agencyId, me.id)) };
  }

  private async own(me: Me, id: string, db: Kysely<Database> = this.deps.db): Promise<GroupRow> {
    const row = await findGroup(db, me.agencyId, id);
    if (!row || row.facilitator_id !== me.id) throw groupNotFound();
    return row;
  }

  /** A group I run, with its members by display name (audited: who looked at whose group list). */
  async facilitatedView(me: Me, id: string, origin: AuditOrigin): Promise<FacilitatedGroupView> {
    const { db, audit } = this.deps;
    const row = await this.own(me, id);
    const [view, members] = await Promise.all([this.present(me, [row]), membersOf(db, id)]);
    await audit.record({
      ...origin,
      action: 'peer_group.members_viewed',
      resourceType: 'peer_group',
      resourceId: id,
      details: { members: members.length },
    });
    return { ...(view[0] as GroupView), members: members.map(presentMember) };
  }

  private columns(body: GroupBody, now: string) {
    const s = body.schedule;
    return {
      topic: body.topic,
      description: body.description,
      schedule_kind: s.kind,
      weekday: s.kind === 'weekly' ? s.weekday : null,
      dates: JSON.stringify(s.kind === 'dates' ? [...new Set(s.dates)].sort() : []),
      start_time: s.startTime,
      duration_minutes: s.durationMinutes,
      mode: body.mode,
      place: body.mode === 'in_person' ? (body.place ?? null) : null,
      link: body.mode === 'online' ? body.link : null,
      capacity: body.capacity,
      ground_rules: body.groundRules,
      status: body.status,
      updated_at: now,
    };
  }

  /** Creates a group under the id the page made; sent again, it is stored once (201 first, 200 after). */
  async create(me: Me, body: NewGroupBody, origin: AuditOrigin): Promise<{ created: boolean; view: GroupView }> {
    const { db, clock, audit } = this.deps;
    const existing = await findGroupAnywhere(db, body.id);
    if (existing) {
      if (existing.agency_id !== me.agencyId || existing.facilitator_id !== me.id) throw groupNotFound();
      return { created: false, view: await this.view(me, body.id) };
    }
    const now = clock.now().toISOString();
    const timeZone = await this.zoneOf(me.unitId);
    try {
      await db.transaction().execute(async (trx) => {
        await insertGroup(trx, {
          id: body.id,
          agency_id: me.agencyId,
          facilitator_id: me.id,
          time_zone: timeZone,
          member_count: 0,
          created_at: now,
          ...this.columns(body, now),
        });
        await audit.record(
          { ...origin, action: 'peer_group.created', resourceType: 'peer_group', resourceId: body.id },
          trx,
        );
      });
    } catch (err) {
      if (!isUniqueViolation(err as { code?: unknown })) throw err;
      return this.create(me, body, origin);
    }
    return { created: true, view: await this.view(me, body.id) };
  }

  /** Saves a group I run. The capacity cannot go below the members it has (409). */
  async update(me: Me, id: string, body: GroupBody, origin: AuditOrigin): Promise<GroupView> {
    const { db, clock, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await this.own(me, id, trx);
      if (body.capacity < row.member_count) throw new AppError(409, 'capacity_below_members');
      const next = this.columns(body, clock.now().toISOString());
      await updateGroup(trx, me.agencyId, id, next);
      await audit.record({ ...origin, action: 'peer_group.updated', resourceType: 'peer_group', resourceId: id }, trx);
      // Members hear when their group closes, or meets at another time or place; not of a new topic or capacity.
      const updated = { ...row, ...next };
      if (row.status === 'open' && next.status === 'closed')
        await this.tellMembers(trx, updated, 'peer_group.closed', next.updated_at);
      else if (next.status === 'open' && meetsDifferently(row, next))
        await this.tellMembers(trx, updated, 'peer_group.moved', next.updated_at);
    });
    return this.view(me, id);
  }

  /** Calls off one session (a date of the schedule, today or later); sent again, stored once. */
  async cancelSession(me: Me, id: string, body: CancelSessionBody): Promise<GroupView> {
    const { db, clock } = this.deps;
    const row = await this.own(me, id);
    if (!isSessionDate(scheduleOf(row), body.date) || body.date < localDateOf(clock.now(), row.time_zone))
      throw new AppError(422, 'not_a_session_date');
    await db.transaction().execute(async (trx) => {
      await insertCancellation(trx, {
        id: newId(),
        group_id: id,
        agency_id: me.agencyId,
        session_date: body.date,
        created_at: clock.now().toISOString(),
      });
      await this.tellMembers(trx, row, 'peer_group.session_cancelled', body.date, body.date);
    });
    return this.view(me, id);
  }

  // --- My data ------------------------------------------------------------------------------------------

  /** The person's memberships for their copy: the group's topic, their display name, when they joined. */
  async ownCopy(db: Kysely<Database>, me: { id: string; agencyId: string }) {
    const rows = await ownMemberships(db, me.agencyId, me.id);
    return rows.map((r) => ({ group: r.topic, displayName: r.display_name, joinedAt: r.joined_at }));
  }

  countOwn(db: Kysely<Database>, personId: string): Promise<number> {
    return countOwn(db, personId);
  }

  /** Erase all: the person leaves every group; their seats open at once. */
  eraseOwn(db: Kysely<Database>, personId: string): Promise<number> {
    return deleteAllOf(db, personId);
  }

  /** The retention schedule: groups closed before the cutoff, with their members; past called-off dates. */
  eraseBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
    return deleteClosedBefore(db, agencyId, cutoff);
  }
}
