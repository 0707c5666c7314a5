import type { Kysely } from 'kysely';
import type {
  AgreeBody,
  ClientChoiceList,
  NewPlanBody,
  PlanBody,
  PlanList,
  PlanView,
  ShareBody,
  TeamScheduleList,
  TeamScheduleView,
} from '../../../contracts/return-to-work.js';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import { unitScopeOf } from '../../../domain/access/permissions.js';
import { pathToUnit, subtreeIds } from '../../../domain/org/unit-tree.js';
import {
  AGREEMENT_TEXT_VERSION,
  SHARE_TEXT_VERSION,
  schedulePeriods,
  stepsRise,
  type WorkloadStep,
} from '../../../domain/return-to-work/plan.js';
import { addDays, localDateOf } from '../../../domain/schedule/zoned-time.js';
import type { Clock } from '../../clock.js';
import type { JobRunner } from '../jobs/index.js';
import type { KeyRing } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { isUniqueViolation } from '../../plugins/error-handler.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { BookingService } from '../booking/index.js';
import type { NotificationService } from '../notifications/index.js';
import type { OrgDirectory } from '../org/index.js';
import {
  agreeTo,
  checkinsDueBetween,
  checkinsOf,
  countOfClient,
  deleteClosedBefore,
  deleteOfClient,
  findPlan,
  findPlanAnywhere,
  insertPlan,
  plansOfClient,
  plansOfCounsellor,
  replaceCheckins,
  sharedOpenPlans,
  updatePlan,
  type CheckinRow,
  type PlanRow,
} from './return-to-work.repository.js';

type Me = SessionState['person'];

const planNotFound = () => new AppError(404, 'return_plan_not_found');

/**
 * Return-to-work plans (docs/decisions/045-peer-groups-and-return-to-work.md). A counsellor makes a
 * plan with one of their clients (someone who booked them); the client reads it, agrees to a
 * version of it, and may let the manager of their unit see the workload schedule — and only that —
 * revoking it at any moment. Every query is keyed by the agency and by the counsellor or the
 * client; the manager's view is made from consenting, agreed, open plans of their units alone, so a
 * manager without consent finds nothing (404). Reads of someone else's plan are audited.
 */
export class ReturnToWorkService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      keys: KeyRing;
      audit: AuditService;
      directory: OrgDirectory;
      booking: Pick<BookingService, 'clientIdsOf' | 'isClientOf'>;
      notifications: Pick<NotificationService, 'add'>;
    },
  ) {}

  /**
   * Tells the client a counsellor proposed or changed their plan. The words name no reason and no
   * clinical term (docs/privacy.md §1.1); the plan's id leads to it. Stored once per version.
   */
  private async tellClient(
    db: Kysely<Database>,
    row: { id: string; agency_id: string; client_id: string },
    kind: 'return_plan.proposed' | 'return_plan.changed',
    key: string,
  ) {
    await this.deps.notifications.add(db, [
      {
        agencyId: row.agency_id,
        personId: row.client_id,
        kind,
        payload: { planId: row.id },
        dedupeKey: `${kind}:${row.id}:${key}`,
      },
    ]);
  }

  /**
   * Tells the managers whose grants cover the client's unit that a schedule is now shared with them,
   * or no longer: the person's name only — no reason, no counsellor, nothing of the plan.
   */
  private async tellManagers(
    db: Kysely<Database>,
    me: Me,
    planId: string,
    kind: 'return_plan.schedule_shared' | 'return_plan.schedule_withdrawn',
    at: string,
  ) {
    const { directory, notifications } = this.deps;
    const [holders, units] = await Promise.all([
      directory.roleHolders(me.agencyId, ['manager'], undefined, db),
      directory.unitsOf(me.agencyId, db),
    ]);
    // A grant covers the client when it is agency-wide or on the client's unit or one above it.
    const above = new Set(
      pathToUnit(
        units.map((u) => ({ id: u.id, parentId: u.parent_id })),
        me.unitId,
      ),
    );
    const managers = new Set(
      holders.filter((h) => h.id !== me.id && (h.unit_id === null || above.has(h.unit_id))).map((h) => h.id),
    );
    if (managers.size === 0) return;
    await notifications.add(
      db,
      [...managers].map((personId) => ({
        agencyId: me.agencyId,
        personId,
        kind,
        payload: { personName: me.fullName },
        dedupeKey: `${kind}:${planId}:${at}:${personId}`,
      })),
    );
  }

  private async present(agencyId: string, rows: readonly PlanRow[]): Promise<PlanView[]> {
    const { db, keys, directory } = this.deps;
    if (rows.length === 0) return [];
    const [names, checkins] = await Promise.all([
      directory.namesOf(agencyId, [...new Set(rows.flatMap((r) => [r.client_id, r.counsellor_id]))]),
      checkinsOf(
        db,
        rows.map((r) => r.id),
      ),
    ]);
    const byPlan = new Map<string, CheckinRow[]>();
    for (const c of checkins) byPlan.set(c.plan_id, [...(byPlan.get(c.plan_id) ?? []), c]);
    return rows.map((r) => {
      const steps = JSON.parse(r.steps) as WorkloadStep[];
      const { periods, fullFrom } = schedulePeriods(r.start_date, steps);
      return {
        id: r.id,
        clientId: r.client_id,
        clientName: names.get(r.client_id) ?? '',
        counsellorName: names.get(r.counsellor_id) ?? '',
        startDate: r.start_date,
        steps,
        periods,
        fullFrom,
        checkins: (byPlan.get(r.id) ?? []).map((c) => ({
          id: c.id,
          dueOn: c.due_on,
          done: c.done_at !== null,
          note: c.note_enc ? keys.decrypt(c.note_enc) : null,
        })),
        evaluation: r.evaluation_enc ? keys.decrypt(r.evaluation_enc) : null,
        version: r.version,
        agreedVersion: r.agreed_version,
        agreedAt: r.agreed_at,
        sharedWithManager: r.share_with_manager === 1,
        closed: r.closed_at !== null,
        updatedAt: r.updated_at,
      };
    });
  }

  // --- The counsellor ---------------------------------------------------------------------------------

  /** My clients (everyone who booked me), and whether each has a plan with me. */
  async clients(me: Me): Promise<ClientChoiceList> {
    const { db, directory, booking } = this.deps;
    const [ids, plans] = await Promise.all([
      booking.clientIdsOf(me.agencyId, me.id),
      plansOfCounsellor(db, me.agencyId, me.id),
    ]);
    const names = await directory.namesOf(me.agencyId, ids);
    const withPlan = new Set(plans.map((p) => p.client_id));
    return {
      items: ids
        .map((id) => ({ id, name: names.get(id) ?? '', hasPlan: withPlan.has(id) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'id')),
    };
  }

  /**
   * Where each client's plan with this counsellor stands — their open plan, else their latest — in
   * one read for a whole caseload (docs/decisions/047-caseload.md): awaiting the client's agreement
   * (never agreed, or changed since), agreed, or closed. The caller audits the read.
   */
  async planStatesByClient(db: Kysely<Database>, agencyId: string, counsellorId: string) {
    const rows = await plansOfCounsellor(db, agencyId, counsellorId);
    const byClient = new Map<string, { state: 'awaiting_agreement' | 'agreed' | 'closed'; startDate: string }>();
    const stateOf = (r: PlanRow) =>
      r.closed_at !== null ? 'closed' : r.agreed_version === r.version ? 'agreed' : 'awaiting_agreement';
    for (const r of rows) {
      const held = byClient.get(r.client_id);
      // Newest start first: the first row stands unless it is closed and an open one follows.
      if (held && !(held.state === 'closed' && r.closed_at === null)) continue;
      byClient.set(r.client_id, { state: stateOf(r), startDate: r.start_date });
    }
    return byClient;
  }

  /** The plans I made, audited once per client shown. */
  async counsellorList(me: Me, origin: AuditOrigin): Promise<PlanList> {
    const rows = await plansOfCounsellor(this.deps.db, me.agencyId, me.id);
    await this.auditViews(origin, rows);
    return { items: await this.present(me.agencyId, rows) };
  }

  private async auditViews(origin: AuditOrigin, rows: readonly PlanRow[], db: Kysely<Database> = this.deps.db) {
    if (rows.length === 0) return;
    await this.deps.audit.recordMany(
      rows.map((r) => ({
        ...origin,
        action: 'return_plan.viewed' as const,
        subjectId: r.client_id,
        resourceType: 'return_plan',
        resourceId: r.id,
      })),
      db,
    );
  }

  private async mine(me: Me, id: string, db: Kysely<Database> = this.deps.db): Promise<PlanRow> {
    const row = await findPlan(db, me.agencyId, id);
    if (!row || row.counsellor_id !== me.id) throw planNotFound();
    return row;
  }

  async counsellorView(me: Me, id: string, origin: AuditOrigin): Promise<PlanView> {
    const row = await this.mine(me, id);
    await this.auditViews(origin, [row]);
    return (await this.present(me.agencyId, [row]))[0] as PlanView;
  }

  private validate(body: PlanBody): void {
    if (!stepsRise(body.steps)) throw new AppError(422, 'steps_must_rise');
  }

  private sealedCheckins(planId: string, agencyId: string, body: PlanBody, existing: readonly CheckinRow[]) {
    const { keys, clock } = this.deps;
    const before = new Map(existing.map((c) => [c.id, c]));
    const now = clock.now().toISOString();
    return body.checkins.map((c) => ({
      id: c.id,
      plan_id: planId,
      agency_id: agencyId,
      due_on: c.dueOn,
      done_at: c.done ? (before.get(c.id)?.done_at ?? now) : null,
      note_enc: c.note ? keys.encrypt(c.note) : null,
    }));
  }

  /** Creates a plan with one of my clients under the id the editor made; sent again, stored once. */
  async create(me: Me, body: NewPlanBody, origin: AuditOrigin): Promise<{ created: boolean; view: PlanView }> {
    const { db, clock, keys, audit, booking } = this.deps;
    const existing = await findPlanAnywhere(db, body.id);
    if (existing) {
      if (existing.agency_id !== me.agencyId || existing.counsellor_id !== me.id) throw planNotFound();
      return { created: false, view: await this.counsellorView(me, body.id, origin) };
    }
    if (!(await booking.isClientOf(me.agencyId, me.id, body.clientId))) throw new AppError(404, 'not_your_client');
    this.validate(body);
    const now = clock.now().toISOString();
    try {
      await db.transaction().execute(async (trx) => {
        await insertPlan(trx, {
          id: body.id,
          agency_id: me.agencyId,
          client_id: body.clientId,
          counsellor_id: me.id,
          start_date: body.startDate,
          steps: JSON.stringify(body.steps),
          version: 1,
          agreed_version: null,
          agreed_at: null,
          agreement_text_version: null,
          share_with_manager: 0,
          share_changed_at: null,
          share_text_version: null,
          evaluation_enc: body.evaluation ? keys.encrypt(body.evaluation) : null,
          closed_at: null,
          client_key: body.id,
          created_at: now,
          updated_at: now,
        });
        await replaceCheckins(trx, body.id, this.sealedCheckins(body.id, me.agencyId, body, []));
        await this.tellClient(
          trx,
          { id: body.id, agency_id: me.agencyId, client_id: body.clientId },
          'return_plan.proposed',
          'v1',
        );
        await audit.record(
          {
            ...origin,
            action: 'return_plan.created',
            subjectId: body.clientId,
            resourceType: 'return_plan',
            resourceId: body.id,
          },
          trx,
        );
      });
    } catch (err) {
      if (!isUniqueViolation(err as { code?: unknown })) throw err;
      return this.create(me, body, origin);
    }
    return { created: true, view: await this.counsellorView(me, body.id, origin) };
  }

  /**
   * Saves a plan of mine. A change to the schedule (start or steps) raises its version: the client's
   * earlier agreement no longer covers it, so the manager's view drops it until they agree again.
   */
  async update(me: Me, id: string, body: PlanBody, origin: AuditOrigin): Promise<PlanView> {
    const { db, clock, keys, audit } = this.deps;
    this.validate(body);
    await db.transaction().execute(async (trx) => {
      const row = await this.mine(me, id, trx);
      if (row.closed_at) throw new AppError(409, 'return_plan_closed');
      const steps = JSON.stringify(body.steps);
      const changed = steps !== row.steps || body.startDate !== row.start_date;
      const now = clock.now().toISOString();
      await updatePlan(trx, me.agencyId, id, {
        start_date: body.startDate,
        steps,
        version: changed ? row.version + 1 : row.version,
        evaluation_enc: body.evaluation ? keys.encrypt(body.evaluation) : null,
        updated_at: now,
      });
      const before = await checkinsOf(trx, [id]);
      await replaceCheckins(trx, id, this.sealedCheckins(id, me.agencyId, body, before));
      // The client hears of a new schedule (theirs to agree to again) or new check-in dates, not of a note.
      const dates = (list: readonly { due_on?: string; dueOn?: string }[]) =>
        list
          .map((c) => c.due_on ?? c.dueOn)
          .sort()
          .join(',');
      if (changed || dates(before) !== dates(body.checkins))
        await this.tellClient(trx, row, 'return_plan.changed', now);
      await audit.record(
        {
          ...origin,
          action: 'return_plan.updated',
          subjectId: row.client_id,
          resourceType: 'return_plan',
          resourceId: id,
          details: { scheduleChanged: changed },
        },
        trx,
      );
    });
    return this.counsellorView(me, id, origin);
  }

  /** Closes a plan of mine: nothing changes after, and the manager's view drops it. */
  async close(me: Me, id: string, origin: AuditOrigin): Promise<PlanView> {
    const { db, clock, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await this.mine(me, id, trx);
      if (row.closed_at) return;
      const now = clock.now().toISOString();
      await updatePlan(trx, me.agencyId, id, { closed_at: now, updated_at: now });
      await audit.record(
        {
          ...origin,
          action: 'return_plan.updated',
          subjectId: row.client_id,
          resourceType: 'return_plan',
          resourceId: id,
          details: { closed: true },
        },
        trx,
      );
    });
    return this.counsellorView(me, id, origin);
  }

  // --- The client -------------------------------------------------------------------------------------

  async own(me: Me): Promise<PlanList> {
    return { items: await this.present(me.agencyId, await plansOfClient(this.deps.db, me.agencyId, me.id)) };
  }

  private async ownRow(me: Me, id: string, db: Kysely<Database> = this.deps.db): Promise<PlanRow> {
    const row = await findPlan(db, me.agencyId, id);
    if (!row || row.client_id !== me.id) throw planNotFound();
    return row;
  }

  /** "Saya setuju": to the version I read, with the wording's version recorded; a changed plan is 409. */
  async agree(me: Me, id: string, body: AgreeBody, origin: AuditOrigin): Promise<PlanView> {
    const { db, clock, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await this.ownRow(me, id, trx);
      if (row.closed_at) throw new AppError(409, 'return_plan_closed');
      const now = clock.now().toISOString();
      const ok = await agreeTo(trx, me.agencyId, id, me.id, body.version, {
        agreed_version: body.version,
        agreed_at: now,
        agreement_text_version: AGREEMENT_TEXT_VERSION,
        updated_at: now,
      });
      if (!ok) throw new AppError(409, 'return_plan_changed');
      await audit.record(
        {
          ...origin,
          action: 'return_plan.agreed',
          subjectId: me.id,
          resourceType: 'return_plan',
          resourceId: id,
          details: { version: body.version, text: AGREEMENT_TEXT_VERSION },
        },
        trx,
      );
    });
    return (await this.own(me)).items.find((p) => p.id === id) as PlanView;
  }

  /** Gives or takes back my consent to show my manager the schedule; taking it back works at once. */
  async share(me: Me, id: string, body: ShareBody, origin: AuditOrigin): Promise<PlanView> {
    const { db, clock, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      const row = await this.ownRow(me, id, trx);
      if (body.share && (row.agreed_version === null || row.agreed_version !== row.version))
        throw new AppError(409, 'return_plan_not_agreed');
      if (body.share && row.closed_at) throw new AppError(409, 'return_plan_closed');
      const now = clock.now().toISOString();
      const wasShared = row.share_with_manager === 1;
      if (body.share !== wasShared)
        await this.tellManagers(
          trx,
          me,
          id,
          body.share ? 'return_plan.schedule_shared' : 'return_plan.schedule_withdrawn',
          now,
        );
      await updatePlan(trx, me.agencyId, id, {
        share_with_manager: body.share ? 1 : 0,
        share_changed_at: now,
        share_text_version: body.share ? SHARE_TEXT_VERSION : row.share_text_version,
        updated_at: now,
      });
      await audit.record(
        {
          ...origin,
          action: 'return_plan.share_changed',
          subjectId: me.id,
          resourceType: 'return_plan',
          resourceId: id,
          details: { share: body.share, text: SHARE_TEXT_VERSION },
        },
        trx,
      );
    });
    return (await this.own(me)).items.find((p) => p.id === id) as PlanView;
  }

  // --- The manager ------------------------------------------------------------------------------------

  /**
   * The schedules the manager's units' people chose to show them: name, dates and percentages only.
   * Built from shared, agreed, open plans; narrowed to the units the manager's grants cover; audited
   * per person shown. Without any, the list is empty — nothing tells a manager a plan exists.
   */
  async teamSchedules(me: Me, actor: Actor, origin: AuditOrigin): Promise<TeamScheduleList> {
    const items = await this.visibleSchedules(me, actor);
    await this.auditSchedules(origin, items);
    return { items: items.map((i) => i.view) };
  }

  /** One person's shared schedule; 404 when they have none shared with this manager. */
  async teamScheduleOf(me: Me, actor: Actor, personId: string, origin: AuditOrigin): Promise<TeamScheduleList> {
    const items = (await this.visibleSchedules(me, actor)).filter((i) => i.view.personId === personId);
    if (items.length === 0) throw planNotFound();
    await this.auditSchedules(origin, items);
    return { items: items.map((i) => i.view) };
  }

  private async auditSchedules(origin: AuditOrigin, items: readonly { planId: string; view: TeamScheduleView }[]) {
    if (items.length === 0) return;
    await this.deps.audit.recordMany(
      items.map((i) => ({
        ...origin,
        action: 'return_plan.schedule_viewed' as const,
        subjectId: i.view.personId,
        resourceType: 'return_plan',
        resourceId: i.planId,
      })),
    );
  }

  private async visibleSchedules(me: Me, actor: Actor): Promise<{ planId: string; view: TeamScheduleView }[]> {
    const { db, directory } = this.deps;
    const rows = (await sharedOpenPlans(db, me.agencyId)).filter((r) => r.client_id !== me.id);
    if (rows.length === 0) return [];
    const scope = unitScopeOf(actor, 'read:return-schedule:unit');
    const people = await directory.peopleByIds(
      me.agencyId,
      rows.map((r) => r.client_id),
    );
    let covered: Set<string> | null = null;
    if (scope !== null) {
      const units = (await directory.unitsOf(me.agencyId)).map((u) => ({ id: u.id, parentId: u.parent_id }));
      covered = new Set(scope.flatMap((unitId) => [...subtreeIds(units, unitId)]));
    }
    const personById = new Map(people.filter((p) => covered === null || covered.has(p.unit_id)).map((p) => [p.id, p]));
    return rows
      .filter((r) => personById.has(r.client_id))
      .map((r) => {
        const { periods, fullFrom } = schedulePeriods(r.start_date, JSON.parse(r.steps) as WorkloadStep[]);
        return {
          planId: r.id,
          view: {
            personId: r.client_id,
            personName: personById.get(r.client_id)?.full_name ?? '',
            startDate: r.start_date,
            periods,
            fullFrom,
          },
        };
      });
  }

  // --- My data and retention ----------------------------------------------------------------------------

  /** The client's plans for their copy, the evaluation and notes opened for them. */
  async ownCopy(db: Kysely<Database>, me: { id: string; agencyId: string }) {
    const rows = await plansOfClient(db, me.agencyId, me.id);
    const views = await this.present(me.agencyId, rows);
    return views.map((v) => ({
      counsellor: v.counsellorName,
      startDate: v.startDate,
      periods: v.periods,
      fullFrom: v.fullFrom,
      checkins: v.checkins.map((c) => ({ dueOn: c.dueOn, done: c.done, note: c.note })),
      evaluation: v.evaluation,
      agreedAt: v.agreedAt,
      sharedWithManager: v.sharedWithManager,
      closed: v.closed,
    }));
  }

  countOwn(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
    return countOfClient(db, agencyId, personId);
  }

  /** Erase all: the person's plans as a client go, with their check-ins. */
  eraseOwn(db: Kysely<Database>, personId: string, agencyId: string): Promise<number> {
    return deleteOfClient(db, agencyId, personId);
  }

  /** The retention schedule: closed plans older than the cutoff. Open plans are never touched. */
  eraseBefore(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
    return deleteClosedBefore(db, agencyId, cutoff);
  }

  // --- Reminders ----------------------------------------------------------------------------------

  /**
   * The check-in reminder sweep (hourly): each check-in point not yet done of an open plan, due today
   * or tomorrow (in western Indonesia's date, the earliest of the three zones to start a day but one),
   * is announced to its client once. The words name no reason; the plan's page says the rest.
   */
  async remindDueCheckins(): Promise<number> {
    const { db, clock, notifications } = this.deps;
    const today = localDateOf(clock.now(), 'Asia/Jakarta');
    const rows = await checkinsDueBetween(db, today, addDays(today, 1));
    if (rows.length === 0) return 0;
    await notifications.add(
      db,
      rows.map((r) => ({
        agencyId: r.agency_id,
        personId: r.client_id,
        kind: 'return_plan.checkin_due',
        payload: { planId: r.plan_id, date: r.due_on },
        dedupeKey: `return_plan.checkin_due:${r.id}:${r.due_on}`,
      })),
    );
    return rows.length;
  }

  registerJobs(jobs: JobRunner): void {
    jobs.every({
      name: 'return-to-work.checkin-reminders',
      everyMs: 60 * 60_000,
      run: async () => void (await this.remindDueCheckins()),
    });
  }
}
