import type { Kysely } from 'kysely';
import type {
  AnswerBody,
  FocusGroupBody,
  FocusGroupList,
  FocusGroupRunView,
  FocusGroupView,
  InviteBody,
  InviteResult,
} from '../../../contracts/focus-groups.js';
import type { Database } from '../../../db/schema.js';
import { unitScopeOf, type Actor } from '../../../domain/access/permissions.js';
import { sampleOf, startInstant, type InvitationAnswer } from '../../../domain/committee/committee.js';
import { subtreeIds } from '../../../domain/org/unit-tree.js';
import { addDays, localDateOf } from '../../../domain/schedule/zoned-time.js';
import { maskComment, nameWordsOf } from '../../../domain/surveys/comment-mask.js';
import type { Clock } from '../../clock.js';
import { newId } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { AppError, FieldValidationError } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import { isValidLink, loadSurveyThemes, type GatheringKind, type GatheringMessenger } from '../committee/index.js';
import type { JobRunner } from '../jobs/index.js';
import type { OrgDirectory } from '../org/index.js';
import { presentGroup } from './focus-groups.presenter.js';
import {
  acceptedPeople,
  acceptedPersonIds,
  activePeopleIn,
  answerCounts,
  answersOf,
  findGroup,
  findInvitation,
  insertGroup,
  insertInvitations,
  invitedNames,
  invitedPersonIds,
  listForPerson,
  listOfAgency,
  releaseSeat,
  setAnswer,
  startingBetween,
  takeSeat,
  updateGroup,
  type FocusGroupRow,
} from './focus-groups.repository.js';

type Me = SessionState['person'];

const groupNotFound = () => new AppError(404, 'focus_group_not_found');
const SWEEP_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/** The agency-wide wellbeing admin (a unit-limited one does not run the agency's focus groups). */
export function isAgencyAdmin(actor: Actor): boolean {
  return (
    actor.grants.some((g) => g.role === 'wellbeing_admin') && unitScopeOf(actor, 'manage:focus-group:agency') === null
  );
}

/**
 * Focus groups (docs/decisions/053-committee-and-focus-groups.md). The agency-wide wellbeing admin
 * schedules one and invites a random sample of a unit subtree or named people; each invitee accepts
 * or declines (no reason is asked or kept); the facilitator and the admin alone see who accepted —
 * managers and other staff have no route to it; the facilitator's summary is masked for names when
 * published to staff. Other agencies' ids are 404.
 */
export class FocusGroupService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      audit: AuditService;
      directory: OrgDirectory;
      messenger: GatheringMessenger;
      /** Where samples draw from; tests may seed it. */
      random?: () => number;
    },
  ) {}

  registerJobs(runner: JobRunner): void {
    runner.every({
      name: 'focus-groups.queue-reminders',
      everyMs: SWEEP_MS,
      run: async () => void (await this.queueReminders()),
    });
  }

  private async zoneOf(agencyId: string): Promise<string> {
    return (await this.deps.directory.rootUnit(agencyId))?.time_zone ?? 'Asia/Jakarta';
  }

  private async tell(
    trx: Kysely<Database>,
    row: FocusGroupRow,
    kind: GatheringKind,
    people: readonly string[],
    version = '',
  ): Promise<void> {
    await this.deps.messenger.queue(
      trx,
      people.map((personId) => ({
        kind,
        agencyId: row.agency_id,
        personId,
        subjectId: row.id,
        title: row.topic,
        startsAt: row.starts_at,
        timeZone: row.time_zone,
        place: row.place,
        path: `/focus-groups/${row.id}`,
        dedupeKey: `${kind}:${row.id}:${version}${personId}`,
      })),
      this.deps.clock.now(),
    );
  }

  /** Views of several groups with a fixed number of queries (facilitators' names, my answers, themes). */
  private async present(me: Me, actor: Actor, rows: readonly FocusGroupRow[]): Promise<FocusGroupView[]> {
    if (rows.length === 0) return [];
    const { db, directory } = this.deps;
    const [names, mine, themes] = await Promise.all([
      directory.namesOf(me.agencyId, [...new Set(rows.map((r) => r.facilitator_id))]),
      answersOf(
        db,
        me.id,
        rows.map((r) => r.id),
      ),
      loadSurveyThemes(db, me.agencyId, me.locale),
    ]);
    const answers = new Map(mine.map((a) => [a.focus_group_id, a.answer as InvitationAnswer]));
    const admin = isAgencyAdmin(actor);
    return rows.map((row) =>
      presentGroup(row, {
        facilitatorName: names.get(row.facilitator_id) ?? '',
        myAnswer: answers.get(row.id) ?? null,
        insider: admin || row.facilitator_id === me.id,
        amFacilitator: row.facilitator_id === me.id,
        themes,
      }),
    );
  }

  // --- Every employee ---------------------------------------------------------------------------------

  async list(me: Me, actor: Actor): Promise<FocusGroupList> {
    return { items: await this.present(me, actor, await listForPerson(this.deps.db, me.agencyId, me.id)) };
  }

  /** A group I am invited to or facilitate, or whose summary is published; else 404 (as if it did not exist). */
  async view(me: Me, actor: Actor, id: string): Promise<FocusGroupView> {
    const { db } = this.deps;
    const row = await findGroup(db, me.agencyId, id);
    if (!row) throw groupNotFound();
    const visible =
      isAgencyAdmin(actor) ||
      row.facilitator_id === me.id ||
      row.summary_published_at !== null ||
      (await findInvitation(db, id, me.id)) !== undefined;
    if (!visible) throw groupNotFound();
    return (await this.present(me, actor, [row]))[0] as FocusGroupView;
  }

  /** Accept or decline my invitation; an accept takes a seat (409 when full). No reason is asked. */
  async answer(me: Me, actor: Actor, id: string, body: AnswerBody): Promise<FocusGroupView> {
    const { db, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await findGroup(trx, me.agencyId, id);
      const invitation = row && (await findInvitation(trx, id, me.id));
      if (!row || !invitation) throw groupNotFound();
      if (row.status !== 'scheduled' || Date.parse(row.starts_at) <= clock.now().getTime())
        throw new AppError(409, 'focus_group_closed');
      if (invitation.answer === body.answer) return;
      if (body.answer === 'accepted' && !(await takeSeat(trx, id))) throw new AppError(409, 'focus_group_full');
      if (invitation.answer === 'accepted') await releaseSeat(trx, id);
      await setAnswer(trx, invitation.id, body.answer, clock.now().toISOString());
    });
    return this.view(me, actor, id);
  }

  /** The facilitator's or the admin's view: who accepted (audited), and only counts of the rest. */
  async runView(me: Me, actor: Actor, id: string, origin: AuditOrigin): Promise<FocusGroupRunView> {
    const { db, audit } = this.deps;
    const row = await this.runnable(me, actor, id);
    const [view, accepted, counts] = await Promise.all([
      this.present(me, actor, [row]),
      acceptedPeople(db, id),
      answerCounts(db, id),
    ]);
    await audit.record({
      ...origin,
      action: 'focus_group.participants_viewed',
      resourceType: 'focus_group',
      resourceId: id,
      details: { accepted: accepted.length },
    });
    return {
      ...(view[0] as FocusGroupView),
      accepted: accepted.map((p) => ({ id: p.id, name: p.full_name })),
      invited: counts.pending + counts.accepted + counts.declined,
      pending: counts.pending,
      declined: counts.declined,
    };
  }

  /** The group when I facilitate it or am the agency-wide admin; 404 otherwise. */
  private async runnable(me: Me, actor: Actor, id: string, db: Kysely<Database> = this.deps.db) {
    const row = await findGroup(db, me.agencyId, id);
    if (!row || !(row.facilitator_id === me.id || isAgencyAdmin(actor))) throw groupNotFound();
    return row;
  }

  /** The facilitator (or the admin) writes the summary of themes heard, after the session starts. */
  async saveSummary(
    me: Me,
    actor: Actor,
    id: string,
    summary: string,
    origin: AuditOrigin,
  ): Promise<FocusGroupRunView> {
    const { db, clock } = this.deps;
    const row = await this.runnable(me, actor, id);
    if (row.status === 'cancelled' || row.summary_published_at) throw new AppError(409, 'focus_group_summary_locked');
    if (Date.parse(row.starts_at) > clock.now().getTime()) throw new AppError(409, 'focus_group_not_started');
    await updateGroup(db, me.agencyId, id, { summary, status: 'held', updated_at: clock.now().toISOString() });
    return this.runView(me, actor, id, origin);
  }

  /**
   * Publishes the summary to the agency's staff: the names of everyone invited and of the facilitator,
   * long numbers and email addresses are masked first (src/domain/surveys/comment-mask.ts), as a
   * second line behind the editor's reminder. Audited.
   */
  async publishSummary(me: Me, actor: Actor, id: string, origin: AuditOrigin): Promise<FocusGroupRunView> {
    const { db, clock, audit, directory } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await this.runnable(me, actor, id, trx);
      if (row.summary_published_at) return;
      if (!row.summary) throw new AppError(409, 'focus_group_summary_missing');
      const facilitator = (await directory.namesOf(me.agencyId, [row.facilitator_id], trx)).get(row.facilitator_id);
      const words = nameWordsOf([...(await invitedNames(trx, id)), ...(facilitator ? [facilitator] : [])]);
      const now = clock.now().toISOString();
      await updateGroup(trx, me.agencyId, id, {
        summary: maskComment(row.summary, words),
        summary_published_at: now,
        updated_at: now,
      });
      await audit.record(
        { ...origin, action: 'focus_group.summary_published', resourceType: 'focus_group', resourceId: id },
        trx,
      );
    });
    return this.runView(me, actor, id, origin);
  }

  // --- The wellbeing admin ----------------------------------------------------------------------------

  async listForAdmin(me: Me, actor: Actor): Promise<FocusGroupList> {
    return { items: await this.present(me, actor, await listOfAgency(this.deps.db, me.agencyId)) };
  }

  async create(me: Me, actor: Actor, body: FocusGroupBody, origin: AuditOrigin): Promise<FocusGroupRunView> {
    const { db, clock, audit, directory } = this.deps;
    const [facilitator, themes, timeZone] = await Promise.all([
      directory.person(me.agencyId, body.facilitatorId),
      loadSurveyThemes(db, me.agencyId, me.locale),
      this.zoneOf(me.agencyId),
    ]);
    const problems = [
      ...(facilitator?.is_active === 1 ? [] : [{ path: 'facilitatorId', key: 'committee.person_unknown' }]),
      ...(isValidLink(themes, body.surveyId, body.themeId)
        ? []
        : [{ path: 'surveyId', key: 'committee.theme_unknown' }]),
    ];
    const startsAt = startInstant(body.date, body.startTime, timeZone);
    if (startsAt.getTime() <= clock.now().getTime()) problems.push({ path: 'date', key: 'focus_groups.in_past' });
    if (problems.length > 0) throw new FieldValidationError(problems);
    const id = newId();
    const now = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await insertGroup(trx, {
        id,
        agency_id: me.agencyId,
        topic: body.topic,
        survey_id: body.surveyId,
        theme_id: body.themeId,
        starts_at: startsAt.toISOString(),
        duration_minutes: body.durationMinutes,
        time_zone: timeZone,
        place: body.place ?? null,
        link: body.link,
        capacity: body.capacity,
        facilitator_id: body.facilitatorId,
        status: 'scheduled',
        accepted_count: 0,
        summary: null,
        summary_published_at: null,
        created_by: me.id,
        created_at: now,
        updated_at: now,
      });
      await audit.record(
        { ...origin, action: 'focus_group.created', resourceType: 'focus_group', resourceId: id },
        trx,
      );
    });
    return this.runView(me, actor, id, origin);
  }

  /**
   * Invites a random sample of a unit subtree (refused when the subtree has fewer people not yet
   * invited than asked: 422), or named people of the agency. The facilitator is never invited.
   * Invitations are stored once per person; each new invitee gets one message.
   */
  async invite(me: Me, id: string, body: InviteBody, origin: AuditOrigin): Promise<InviteResult> {
    const { db, clock, audit, directory } = this.deps;
    return db.transaction().execute(async (trx) => {
      const row = await findGroup(trx, me.agencyId, id);
      if (!row) throw groupNotFound();
      if (row.status !== 'scheduled' || Date.parse(row.starts_at) <= clock.now().getTime())
        throw new AppError(409, 'focus_group_closed');
      const already = await invitedPersonIds(trx, id);
      let chosen: string[];
      if (body.kind === 'sample') {
        const units = await directory.unitsOf(me.agencyId, trx);
        if (!units.some((u) => u.id === body.unitId))
          throw new FieldValidationError([{ path: 'unitId', key: 'focus_groups.unit_unknown' }]);
        const subtree = subtreeIds(
          units.map((u) => ({ id: u.id, parentId: u.parent_id })),
          body.unitId,
        );
        const pool = (await activePeopleIn(trx, me.agencyId, [...subtree]))
          .map((p) => p.id)
          .filter((pid) => !already.has(pid) && pid !== row.facilitator_id);
        if (pool.length < body.size)
          throw new FieldValidationError([
            { path: 'size', key: 'focus_groups.sample_too_small', params: { available: pool.length } },
          ]);
        chosen = sampleOf(pool, body.size, this.deps.random);
      } else {
        const wanted = [...new Set(body.personIds)];
        const people = await directory.peopleByIds(me.agencyId, wanted, trx);
        const known = new Set(people.filter((p) => p.is_active === 1).map((p) => p.id));
        const problems = wanted.flatMap((pid, i) =>
          known.has(pid) && pid !== row.facilitator_id
            ? []
            : [{ path: `personIds.${i}`, key: 'committee.person_unknown' }],
        );
        if (problems.length > 0) throw new FieldValidationError(problems);
        chosen = wanted.filter((pid) => !already.has(pid));
      }
      const now = clock.now().toISOString();
      await insertInvitations(
        trx,
        chosen.map((personId) => ({
          id: newId(),
          focus_group_id: id,
          agency_id: me.agencyId,
          person_id: personId,
          invited_at: now,
        })),
      );
      await this.tell(trx, row, 'focus_group.invited', chosen);
      await audit.record(
        {
          ...origin,
          action: 'focus_group.invited',
          resourceType: 'focus_group',
          resourceId: id,
          details: { kind: body.kind, invited: chosen.length },
        },
        trx,
      );
      return {
        invited: chosen.length,
        alreadyInvited: body.kind === 'named' ? body.personIds.length - chosen.length : 0,
      };
    });
  }

  /** Cancels a scheduled group; those who accepted hear of it. */
  async cancel(me: Me, actor: Actor, id: string, origin: AuditOrigin): Promise<FocusGroupRunView> {
    const { db, clock, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await findGroup(trx, me.agencyId, id);
      if (!row) throw groupNotFound();
      if (row.status === 'cancelled') return;
      if (row.status !== 'scheduled') throw new AppError(409, 'focus_group_closed');
      await updateGroup(trx, me.agencyId, id, { status: 'cancelled', updated_at: clock.now().toISOString() });
      await this.tell(trx, row, 'focus_group.cancelled', await acceptedPersonIds(trx, id));
      await audit.record(
        { ...origin, action: 'focus_group.cancelled', resourceType: 'focus_group', resourceId: id },
        trx,
      );
    });
    return this.runView(me, actor, id, origin);
  }

  /**
   * Periodic: on the local day before a group, a reminder to each person who accepted, once (the
   * messenger delivers it at their next working moment).
   */
  async queueReminders(): Promise<number> {
    const { db, clock } = this.deps;
    const now = clock.now();
    let queued = 0;
    for (const row of await startingBetween(
      db,
      now.toISOString(),
      new Date(now.getTime() + 2 * DAY_MS).toISOString(),
    )) {
      const startDay = localDateOf(new Date(row.starts_at), row.time_zone);
      if (addDays(startDay, -1) !== localDateOf(now, row.time_zone)) continue;
      const people = await acceptedPersonIds(db, row.id);
      await db.transaction().execute((trx) => this.tell(trx, row, 'focus_group.reminder', people));
      queued += people.length;
    }
    return queued;
  }
}
