import type { Kysely } from 'kysely';
import type {
  CommitteeView,
  ManageView,
  MeetingBody,
  MeetingUpdateBody,
  MeetingView,
  MemberBody,
  MemberView,
  MinutesBody,
  NewMemberBody,
  PersonOption,
  SurveyThemeOptions,
} from '../../../contracts/committee.js';
import type { Database } from '../../../db/schema.js';
import { unitScopeOf, type Actor } from '../../../domain/access/permissions.js';
import { startInstant, termsOverlap } from '../../../domain/committee/committee.js';
import { localDateOf } from '../../../domain/schedule/zoned-time.js';
import type { Locale } from '../../../i18n/locales.js';
import type { Clock } from '../../clock.js';
import { newId } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { AppError, FieldValidationError, forbidden } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { OrgDirectory } from '../org/index.js';
import {
  byRole,
  presentMeeting,
  presentMember,
  presentSummary,
  type AgendaItem,
  type Minutes,
} from './committee.presenter.js';
import {
  allMembers,
  deleteMember,
  findMeeting,
  findMember,
  insertMeeting,
  insertMember,
  isMemberOn,
  listMeetings,
  listPublished,
  membersOn,
  searchPeople,
  termsOf,
  updateMeeting,
  updateMember,
  type MeetingRow,
} from './committee.repository.js';
import type { GatheringKind, GatheringMessenger } from './gathering-messages.js';
import { isValidLink, loadSurveyThemes } from './survey-themes.js';

type Me = SessionState['person'];

const meetingNotFound = () => new AppError(404, 'committee_meeting_not_found');
const memberNotFound = () => new AppError(404, 'committee_member_not_found');

/** Whether a meeting moved in time or place: its members hear of it. */
function meetsDifferently(before: MeetingRow, after: Partial<MeetingRow>): boolean {
  return (['starts_at', 'duration_minutes', 'place', 'link'] as const).some(
    (k) => (before[k] ?? null) !== (after[k] ?? null),
  );
}

/**
 * The agency's wellbeing committee (docs/decisions/053-committee-and-focus-groups.md). The
 * agency-wide wellbeing admin keeps the members and the meetings; every employee sees who is on the
 * committee and the published minutes; members (by a current term) also see upcoming meetings,
 * their links and draft minutes. Other agencies' ids are 404, like ids that do not exist.
 */
export class CommitteeService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      audit: AuditService;
      directory: OrgDirectory;
      messenger: GatheringMessenger;
    },
  ) {}

  /** The admin role limited to a unit does not run the agency's committee: only agency-wide. */
  static assertAgencyWide(actor: Actor): void {
    if (unitScopeOf(actor, 'manage:committee:agency') !== null) throw forbidden();
  }

  private async zoneOf(agencyId: string): Promise<string> {
    return (await this.deps.directory.rootUnit(agencyId))?.time_zone ?? 'Asia/Jakarta';
  }

  private async today(agencyId: string): Promise<string> {
    return localDateOf(this.deps.clock.now(), await this.zoneOf(agencyId));
  }

  // --- Everyone in the agency ------------------------------------------------------------------------

  async view(me: Me): Promise<CommitteeView> {
    const { db } = this.deps;
    const today = await this.today(me.agencyId);
    const [members, amMember] = await Promise.all([
      membersOn(db, me.agencyId, today),
      isMemberOn(db, me.agencyId, me.id, today),
    ]);
    const meetings = amMember ? await listMeetings(db, me.agencyId) : await listPublished(db, me.agencyId);
    return {
      members: members.map((m) => presentMember(m, today)).sort(byRole),
      meetings: meetings.filter((m) => amMember || m.status !== 'cancelled').map(presentSummary),
      amMember,
    };
  }

  /** A meeting: members and the admin see it all; other staff only its published minutes (else 404). */
  async meeting(me: Me, actor: Actor, id: string): Promise<MeetingView> {
    const { db } = this.deps;
    const row = await findMeeting(db, me.agencyId, id);
    if (!row) throw meetingNotFound();
    const admin = this.isAdmin(actor);
    const insider = admin || (await isMemberOn(db, me.agencyId, me.id, await this.today(me.agencyId)));
    if (!insider && row.minutes_status !== 'published') throw meetingNotFound();
    return this.present(me, row, { insider, canEdit: admin });
  }

  private isAdmin(actor: Actor): boolean {
    return (
      unitScopeOf(actor, 'manage:committee:agency') === null && actor.grants.some((g) => g.role === 'wellbeing_admin')
    );
  }

  private async present(me: Me, row: MeetingRow, o: { insider: boolean; canEdit: boolean }): Promise<MeetingView> {
    const minutes = row.minutes ? (JSON.parse(row.minutes) as Minutes) : null;
    const [themes, names] = await Promise.all([
      loadSurveyThemes(this.deps.db, me.agencyId, me.locale),
      this.deps.directory.namesOf(me.agencyId, minutes?.attendeeIds ?? []),
    ]);
    return presentMeeting(row, { ...o, themes, names });
  }

  // --- The wellbeing admin ---------------------------------------------------------------------------

  async manage(me: Me): Promise<ManageView> {
    const { db } = this.deps;
    const today = await this.today(me.agencyId);
    const [members, meetings] = await Promise.all([allMembers(db, me.agencyId), listMeetings(db, me.agencyId)]);
    return {
      members: members.map((m) => presentMember(m, today)).sort(byRole),
      meetings: meetings.map(presentSummary),
    };
  }

  async people(me: Me, q: string): Promise<{ items: PersonOption[] }> {
    const rows = await searchPeople(this.deps.db, me.agencyId, q);
    return { items: rows.map((r) => ({ id: r.id, name: r.full_name, unitName: r.unit_name })) };
  }

  async surveyThemes(me: Me, locale: Locale): Promise<SurveyThemeOptions> {
    return { items: await loadSurveyThemes(this.deps.db, me.agencyId, locale) };
  }

  /** One person holds one seat at a time: a term overlapping another of theirs is refused (422). */
  private async assertNoOverlap(
    db: Kysely<Database>,
    agencyId: string,
    personId: string,
    body: MemberBody,
    self?: string,
  ) {
    const terms = await termsOf(db, agencyId, personId);
    const clash = terms.some((t) => t.id !== self && termsOverlap({ termFrom: t.term_from, termTo: t.term_to }, body));
    if (clash) throw new FieldValidationError([{ path: 'termFrom', key: 'committee.term_overlap' }]);
  }

  async addMember(me: Me, body: NewMemberBody, origin: AuditOrigin): Promise<MemberView> {
    const { db, clock, audit, directory } = this.deps;
    const person = await directory.person(me.agencyId, body.personId);
    if (!person || person.is_active !== 1)
      throw new FieldValidationError([{ path: 'personId', key: 'committee.person_unknown' }]);
    const id = newId();
    const now = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await this.assertNoOverlap(trx, me.agencyId, body.personId, body);
      await insertMember(trx, {
        id,
        agency_id: me.agencyId,
        person_id: body.personId,
        role: body.role,
        term_from: body.termFrom,
        term_to: body.termTo,
        created_at: now,
        updated_at: now,
      });
      await audit.record(
        {
          ...origin,
          action: 'committee.member_added',
          subjectId: body.personId,
          resourceType: 'committee_member',
          resourceId: id,
          details: { role: body.role },
        },
        trx,
      );
    });
    return this.memberView(me, id);
  }

  private async memberView(me: Me, id: string): Promise<MemberView> {
    const today = await this.today(me.agencyId);
    const row = (await allMembers(this.deps.db, me.agencyId)).find((m) => m.id === id);
    if (!row) throw memberNotFound();
    return presentMember(row, today);
  }

  async updateMember(me: Me, id: string, body: MemberBody, origin: AuditOrigin): Promise<MemberView> {
    const { db, clock, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await findMember(trx, me.agencyId, id);
      if (!row) throw memberNotFound();
      await this.assertNoOverlap(trx, me.agencyId, row.person_id, body, id);
      await updateMember(trx, me.agencyId, id, {
        role: body.role,
        term_from: body.termFrom,
        term_to: body.termTo,
        updated_at: clock.now().toISOString(),
      });
      await audit.record(
        {
          ...origin,
          action: 'committee.member_updated',
          subjectId: row.person_id,
          resourceType: 'committee_member',
          resourceId: id,
          details: { role: body.role },
        },
        trx,
      );
    });
    return this.memberView(me, id);
  }

  async removeMember(me: Me, id: string, origin: AuditOrigin): Promise<{ ok: true }> {
    const { db, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await findMember(trx, me.agencyId, id);
      if (!row) throw memberNotFound();
      await deleteMember(trx, me.agencyId, id);
      await audit.record(
        {
          ...origin,
          action: 'committee.member_removed',
          subjectId: row.person_id,
          resourceType: 'committee_member',
          resourceId: id,
        },
        trx,
      );
    });
    return { ok: true };
  }

  /** Agenda items keep their ids across saves, so minutes written against them stay attached. */
  private async agendaOf(
    db: Kysely<Database>,
    me: Me,
    body: MeetingBody,
    before: AgendaItem[] = [],
  ): Promise<AgendaItem[]> {
    const themes = await loadSurveyThemes(db, me.agencyId, me.locale);
    const problems = body.agenda.flatMap((a, i) =>
      isValidLink(themes, a.surveyId, a.themeId)
        ? []
        : [{ path: `agenda.${i}.surveyId`, key: 'committee.theme_unknown' }],
    );
    if (problems.length > 0) throw new FieldValidationError(problems);
    return body.agenda.map((a, i) => ({
      id: before[i]?.id ?? `a${newId().slice(0, 8)}`,
      title: a.title,
      notes: a.notes ?? null,
      surveyId: a.surveyId,
      themeId: a.themeId,
    }));
  }

  private async tellMembers(
    trx: Kysely<Database>,
    row: Pick<MeetingRow, 'id' | 'agency_id' | 'title' | 'starts_at' | 'time_zone' | 'place'>,
    kind: GatheringKind,
    version: string,
  ): Promise<void> {
    const now = this.deps.clock.now();
    const members = await membersOn(trx, row.agency_id, localDateOf(now, row.time_zone));
    const people = [...new Set(members.map((m) => m.person_id))];
    await this.deps.messenger.queue(
      trx,
      people.map((personId) => ({
        kind,
        agencyId: row.agency_id,
        personId,
        subjectId: row.id,
        title: row.title,
        startsAt: row.starts_at,
        timeZone: row.time_zone,
        place: row.place,
        path: `/committee/meetings/${row.id}`,
        dedupeKey: `${kind}:${row.id}:${version}:${personId}`,
      })),
      now,
    );
  }

  /** Schedules a meeting; every current member is invited (in-app and email), once. */
  async schedule(me: Me, body: MeetingBody, origin: AuditOrigin): Promise<MeetingView> {
    const { db, clock, audit } = this.deps;
    const timeZone = await this.zoneOf(me.agencyId);
    const agenda = await this.agendaOf(db, me, body);
    const id = newId();
    const now = clock.now().toISOString();
    const row = {
      id,
      agency_id: me.agencyId,
      title: body.title,
      starts_at: startInstant(body.date, body.startTime, timeZone).toISOString(),
      duration_minutes: body.durationMinutes,
      time_zone: timeZone,
      place: body.place ?? null,
      link: body.link,
      agenda: JSON.stringify(agenda),
      status: 'scheduled',
      minutes: null,
      minutes_status: 'none',
      minutes_published_at: null,
      created_by: me.id,
      created_at: now,
      updated_at: now,
    };
    await db.transaction().execute(async (trx) => {
      await insertMeeting(trx, row);
      await audit.record(
        { ...origin, action: 'committee.meeting_scheduled', resourceType: 'committee_meeting', resourceId: id },
        trx,
      );
      await this.tellMembers(trx, row, 'committee.meeting_scheduled', 'new');
    });
    return this.present(me, row, { insider: true, canEdit: true });
  }

  /** Changes a meeting; members hear when it moves or is called off, not of an agenda edit. */
  async update(me: Me, id: string, body: MeetingUpdateBody, origin: AuditOrigin): Promise<MeetingView> {
    const { db, clock, audit } = this.deps;
    const now = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      const row = await findMeeting(trx, me.agencyId, id);
      if (!row) throw meetingNotFound();
      if (row.status !== 'scheduled') throw new AppError(409, 'committee_meeting_closed');
      const agenda = await this.agendaOf(trx, me, body, JSON.parse(row.agenda) as AgendaItem[]);
      const next = {
        title: body.title,
        starts_at: startInstant(body.date, body.startTime, row.time_zone).toISOString(),
        duration_minutes: body.durationMinutes,
        place: body.place ?? null,
        link: body.link,
        agenda: JSON.stringify(agenda),
        status: body.status,
        updated_at: now,
      };
      await updateMeeting(trx, me.agencyId, id, next);
      await audit.record(
        {
          ...origin,
          action: 'committee.meeting_updated',
          resourceType: 'committee_meeting',
          resourceId: id,
          details: { status: body.status },
        },
        trx,
      );
      const updated = { ...row, ...next };
      if (body.status === 'cancelled') await this.tellMembers(trx, updated, 'committee.meeting_cancelled', 'cancelled');
      else if (meetsDifferently(row, next)) await this.tellMembers(trx, updated, 'committee.meeting_changed', now);
    });
    return this.meetingForAdmin(me, id);
  }

  private async meetingForAdmin(me: Me, id: string): Promise<MeetingView> {
    const row = await findMeeting(this.deps.db, me.agencyId, id);
    if (!row) throw meetingNotFound();
    return this.present(me, row, { insider: true, canEdit: true });
  }

  /**
   * Saves the minutes as a draft: decisions and follow-ups per agenda item, and who attended (members
   * of the committee only). Saving after publishing is refused: published minutes are a record.
   */
  async saveMinutes(me: Me, id: string, body: MinutesBody, origin: AuditOrigin): Promise<MeetingView> {
    const { db, clock, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await findMeeting(trx, me.agencyId, id);
      if (!row) throw meetingNotFound();
      if (row.status === 'cancelled' || row.minutes_status === 'published')
        throw new AppError(409, 'committee_minutes_locked');
      if (new Date(row.starts_at) > clock.now()) throw new AppError(409, 'committee_meeting_not_started');
      const agendaIds = new Set((JSON.parse(row.agenda) as AgendaItem[]).map((a) => a.id));
      const members = new Set(
        (await membersOn(trx, me.agencyId, localDateOf(new Date(row.starts_at), row.time_zone))).map(
          (m) => m.person_id,
        ),
      );
      const problems = [
        ...body.items.flatMap((item, i) =>
          agendaIds.has(item.agendaItemId)
            ? []
            : [{ path: `items.${i}.agendaItemId`, key: 'committee.agenda_unknown' }],
        ),
        ...body.attendeeIds.flatMap((pid, i) =>
          members.has(pid) ? [] : [{ path: `attendeeIds.${i}`, key: 'committee.attendee_not_member' }],
        ),
      ];
      if (problems.length > 0) throw new FieldValidationError(problems);
      const minutes: Minutes = {
        items: body.items.map((item) => ({
          agendaItemId: item.agendaItemId,
          decisions: item.decisions ?? null,
          followUps: item.followUps ?? null,
        })),
        attendeeIds: [...new Set(body.attendeeIds)],
      };
      await updateMeeting(trx, me.agencyId, id, {
        minutes: JSON.stringify(minutes),
        minutes_status: 'draft',
        status: 'held',
        updated_at: clock.now().toISOString(),
      });
      await audit.record(
        { ...origin, action: 'committee.minutes_saved', resourceType: 'committee_meeting', resourceId: id },
        trx,
      );
    });
    return this.meetingForAdmin(me, id);
  }

  /** Publishes the draft minutes to every employee of the agency (audited); the writer confirmed the review. */
  async publishMinutes(me: Me, id: string, origin: AuditOrigin): Promise<MeetingView> {
    const { db, clock, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await findMeeting(trx, me.agencyId, id);
      if (!row) throw meetingNotFound();
      if (row.minutes_status === 'published') return;
      if (row.minutes_status !== 'draft') throw new AppError(409, 'committee_minutes_missing');
      const now = clock.now().toISOString();
      await updateMeeting(trx, me.agencyId, id, {
        minutes_status: 'published',
        minutes_published_at: now,
        updated_at: now,
      });
      await audit.record(
        {
          ...origin,
          action: 'committee.minutes_published',
          resourceType: 'committee_meeting',
          resourceId: id,
          details: { reviewed: true },
        },
        trx,
      );
    });
    return this.meetingForAdmin(me, id);
  }
}
