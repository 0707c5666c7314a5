import type { i18n } from 'i18next';
import type { Kysely } from 'kysely';
import type { CampaignBody, CampaignView } from '../../../contracts/campaigns.js';
import type { DatabaseKind } from '../../../db/connection.js';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import { campaignUnitsAtLaunch } from '../../../domain/anonymity/campaign-table.js';
import { freezeThreshold } from '../../../domain/anonymity/threshold.js';
import type { UnitNode } from '../../../domain/org/unit-tree.js';
import { localDateOf, startOfLocalDay } from '../../../domain/schedule/zoned-time.js';
import { nextWorkingMoment } from '../../../domain/schedule/working-hours.js';
import type { Clock } from '../../clock.js';
import { newId } from '../../crypto.js';
import { AppError, conflict, FieldValidationError, notFound, unprocessable } from '../../http/errors.js';
import type { InstrumentId } from '../../../domain/instruments/types.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { JobRunner } from '../jobs/index.js';
import type { MailService } from '../mail/index.js';
import type { NotificationService } from '../notifications/index.js';
import type { OrgDirectory } from '../org/index.js';
import { agencyFacts, agencyUnits, type AgencyUnit } from './agency-facts.js';
import { CampaignMessenger } from './campaign-messages.js';
import { CampaignScope } from './campaign-scope.js';
import { countByUnit, saveSnapshot } from './campaign-stats.repository.js';
import { CampaignStatsService } from './campaign-stats.service.js';
import {
  changeStatus,
  countMembers,
  findActivePeopleIn,
  findCampaign,
  findCampaignsOf,
  findCampaignMemberships,
  findCompletedInstruments,
  findMemberCampaign,
  findOpenCampaignsOfMember,
  insertCampaign,
  insertMembers,
  updateCampaign,
  type CampaignRow,
} from './campaigns.repository.js';
import { instrumentIdsOf, presentCampaign, unitIdsOf } from './campaigns.presenter.js';

export interface CampaignDeps {
  /** The report files are written in the reader's language (decision 024). */
  i18n: i18n;
  db: Kysely<Database>;
  kind: DatabaseKind;
  clock: Clock;
  audit: AuditService;
  mail: MailService;
  notifications: NotificationService;
  /** Stand-alone lookups of the agency and its units. */
  directory: OrgDirectory;
  publicUrl: string;
}

const MANAGE = 'manage:campaign:unit' as const;

/**
 * Screening campaigns: a wellbeing admin drafts, launches and closes them;
 * members see the open ones they were invited to. Launch snapshots membership with each
 * person's unit (A8) and freezes the anonymity threshold (A9); statistics are in
 * CampaignStatsService, invitations and reminders in CampaignMessenger.
 */
export class CampaignService {
  readonly stats: CampaignStatsService;
  readonly messages: CampaignMessenger;

  constructor(private readonly deps: CampaignDeps) {
    this.stats = new CampaignStatsService(deps);
    this.messages = new CampaignMessenger({ ...deps, close: (db, c, origin) => this.closeOnce(db, c, origin) });
  }

  /** Invitation and reminder jobs, and the periodic reminder and closing tasks. */
  registerJobs(runner: JobRunner): void {
    this.messages.registerJobs(runner);
  }

  async list(actor: Actor): Promise<CampaignView[]> {
    const { db } = this.deps;
    const units = await agencyUnits(this.deps.directory, actor.agencyId, db);
    const scope = CampaignScope.of(actor, MANAGE, units);
    const rows = (await findCampaignsOf(db, actor.agencyId)).filter((c) => scope.overlaps(unitIdsOf(c), units));
    const invited = await countMembers(
      db,
      rows.map((c) => c.id),
    );
    const names = new Map(units.map((u) => [u.id, u.name]));
    return rows.map((c) => presentCampaign(c, names, invited.get(c.id) ?? 0));
  }

  async get(actor: Actor, id: string): Promise<CampaignView> {
    const { db } = this.deps;
    const units = await agencyUnits(this.deps.directory, actor.agencyId, db);
    const campaign = await this.visible(db, actor, id, units);
    return this.present(db, campaign, units);
  }

  async create(actor: Actor, body: CampaignBody): Promise<CampaignView> {
    const { db, clock } = this.deps;
    return db.transaction().execute(async (trx) => {
      const units = await agencyUnits(this.deps.directory, actor.agencyId, trx);
      const fields = await this.checkBody(trx, actor, body, units);
      const now = clock.now().toISOString();
      const row: CampaignRow = {
        id: newId(),
        agency_id: actor.agencyId,
        ...fields,
        status: 'draft',
        anonymity_threshold: null,
        created_by: actor.personId,
        created_at: now,
        updated_at: now,
        launched_at: null,
        closed_at: null,
      };
      await insertCampaign(trx, row);
      return this.present(trx, row, units);
    });
  }

  /** Replaces a draft's fields (the web form sends the whole campaign). */
  async update(actor: Actor, id: string, body: CampaignBody): Promise<CampaignView> {
    const { db, clock } = this.deps;
    return db.transaction().execute(async (trx) => {
      const units = await agencyUnits(this.deps.directory, actor.agencyId, trx);
      const campaign = await this.managed(trx, actor, id, units);
      if (campaign.status !== 'draft') throw conflict('campaign_not_draft');
      const fields = await this.checkBody(trx, actor, body, units);
      const patch = { ...fields, updated_at: clock.now().toISOString() };
      await updateCampaign(trx, actor.agencyId, id, patch);
      return this.present(trx, { ...campaign, ...patch }, units);
    });
  }

  /**
   * Opens the campaign: invites the active people of the chosen subtrees with their unit of
   * today, kept for the campaign's life (A8); freezes the agency's threshold (A9); queues one
   * invitation per person for the next working moment in their unit's time zone.
   */
  async launch(actor: Actor, id: string, origin: AuditOrigin): Promise<CampaignView> {
    const { db, clock, audit } = this.deps;
    return db.transaction().execute(async (trx) => {
      const units = await agencyUnits(this.deps.directory, actor.agencyId, trx);
      const campaign = await this.managed(trx, actor, id, units);
      if (campaign.status !== 'draft') throw conflict('campaign_not_draft');
      const agency = await agencyFacts(this.deps.directory, actor.agencyId, trx);
      if (!agency) throw notFound();
      const chosen = unitIdsOf(campaign);
      const byId = new Map(units.map((u) => [u.id, u]));
      for (const unitId of chosen) if (!byId.get(unitId)?.isActive) throw unprocessable('unit_inactive');
      this.assertClosesNotPast(campaign.closes_at, agency.timeZone);

      const activeTree: UnitNode[] = units.filter((u) => u.isActive).map((u) => ({ id: u.id, parentId: u.parentId }));
      const campaignUnits = campaignUnitsAtLaunch(activeTree, chosen);
      const people = await findActivePeopleIn(
        trx,
        actor.agencyId,
        campaignUnits.filter((u) => u.row).map((u) => u.id),
      );
      if (people.length === 0) throw unprocessable('campaign_no_members');

      const now = clock.now();
      const threshold = freezeThreshold(agency.anonymityThreshold);
      const opened = await changeStatus(trx, id, 'draft', {
        status: 'open',
        anonymity_threshold: threshold,
        launched_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      if (!opened) throw conflict('campaign_not_draft');

      const inviteAt = new Map<string, Date>();
      const plannedFor = (unitId: string) => {
        const tz = byId.get(unitId)?.timeZone ?? agency.timeZone;
        let at = inviteAt.get(tz);
        if (!at) {
          const opens = startOfLocalDay(campaign.opens_at, tz);
          at = nextWorkingMoment(opens > now ? opens : now, tz);
          inviteAt.set(tz, at);
        }
        return at;
      };
      // invited_at is when the invitation is due; the job moves it to when it was delivered.
      const members = people.map((p) => ({ ...p, invitedAt: plannedFor(p.unitId).toISOString() }));
      await insertMembers(trx, id, members);
      await this.messages.queueInvitations(trx, id, members, now);
      await saveSnapshot(trx, id, {
        responseCount: 0,
        publishedAt: now.toISOString(),
        payload: {
          version: 1,
          units: campaignUnits,
          counts: Object.fromEntries(
            await countByUnit(trx, { id, agency_id: actor.agencyId, instrumentIds: instrumentIdsOf(campaign) }),
          ),
        },
      });
      await audit.record(
        {
          ...origin,
          action: 'campaign.launched',
          resourceType: 'campaign',
          resourceId: id,
          details: { invited: members.length, units: chosen.length, anonymityThreshold: threshold },
        },
        trx,
      );
      const launched = {
        ...campaign,
        status: 'open',
        anonymity_threshold: threshold,
        launched_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      return presentCampaign(launched, new Map(units.map((u) => [u.id, u.name])), members.length);
    });
  }

  async close(actor: Actor, id: string, origin: AuditOrigin): Promise<CampaignView> {
    const { db } = this.deps;
    return db.transaction().execute(async (trx) => {
      const units = await agencyUnits(this.deps.directory, actor.agencyId, trx);
      const campaign = await this.managed(trx, actor, id, units);
      if (campaign.status !== 'open') throw conflict('campaign_not_open');
      const closed = await this.closeOnce(trx, campaign, origin);
      if (!closed) throw conflict('campaign_not_open');
      return this.present(trx, closed, units);
    });
  }

  /** The open campaigns I was invited to, with which of their instruments I have completed. */
  async mine(actor: Actor) {
    const { db, clock } = this.deps;
    const now = clock.now();
    const rows = (await findOpenCampaignsOfMember(db, actor.agencyId, actor.personId)).filter((c) => {
      const today = localDateOf(now, c.member_time_zone);
      return c.opens_at <= today && today <= c.closes_at;
    });
    const completed = await findCompletedInstruments(
      db,
      actor.personId,
      rows.map((c) => c.id),
    );
    return {
      items: rows.map((c) => ({
        id: c.id,
        title: c.title,
        message: c.message,
        closesOn: c.closes_at,
        instruments: instrumentIdsOf(c).map((instrumentId) => ({
          instrumentId,
          completed: completed.has(`${c.id}:${instrumentId}`),
        })),
      })),
    };
  }

  /**
   * Closes an open campaign once. Its figures are republished only when at least k new responses
   * arrived since the last publication (docs/privacy.md A7): closing is no exception, else one
   * colleague's last answer would show as a band count moving by one. Returns the closed row, or
   * null when someone else closed it first.
   */
  private async closeOnce(
    db: Kysely<Database>,
    campaign: CampaignRow,
    origin: AuditOrigin,
  ): Promise<CampaignRow | null> {
    const now = this.deps.clock.now().toISOString();
    if (!(await changeStatus(db, campaign.id, 'open', { status: 'closed', closed_at: now, updated_at: now })))
      return null;
    const closed = { ...campaign, status: 'closed', closed_at: now, updated_at: now };
    const republished = await this.stats.publishIfDue(db, closed, now);
    await this.deps.audit.record(
      {
        ...origin,
        agencyId: campaign.agency_id,
        action: 'campaign.closed',
        resourceType: 'campaign',
        resourceId: campaign.id,
        details: { republished },
      },
      db,
    );
    return closed;
  }

  private async present(db: Kysely<Database>, row: CampaignRow, units: readonly AgencyUnit[]): Promise<CampaignView> {
    const invited = row.status === 'draft' ? 0 : ((await countMembers(db, [row.id])).get(row.id) ?? 0);
    return presentCampaign(row, new Map(units.map((u) => [u.id, u.name])), invited);
  }

  /** A campaign of my agency that reaches into my scope; anything else does not exist for me. */
  private async visible(
    db: Kysely<Database>,
    actor: Actor,
    id: string,
    units: readonly AgencyUnit[],
  ): Promise<CampaignRow> {
    const campaign = await findCampaign(db, actor.agencyId, id);
    if (!campaign || !CampaignScope.of(actor, MANAGE, units).overlaps(unitIdsOf(campaign), units)) throw notFound();
    return campaign;
  }

  /** A campaign I may change: every chosen unit lies inside my scope. */
  private async managed(
    db: Kysely<Database>,
    actor: Actor,
    id: string,
    units: readonly AgencyUnit[],
  ): Promise<CampaignRow> {
    const campaign = await this.visible(db, actor, id, units);
    if (!CampaignScope.of(actor, MANAGE, units).coversAll(unitIdsOf(campaign)))
      throw new AppError(403, 'campaign_units_out_of_scope');
    return campaign;
  }

  /** Units of my agency (else 404), active, inside my scope (else 403); a window not yet over. */
  private async checkBody(db: Kysely<Database>, actor: Actor, body: CampaignBody, units: readonly AgencyUnit[]) {
    const byId = new Map(units.map((u) => [u.id, u]));
    const unitIds = [...new Set(body.unitIds)];
    for (const id of unitIds) if (!byId.has(id)) throw notFound();
    for (const id of unitIds) if (!byId.get(id)?.isActive) throw unprocessable('unit_inactive');
    if (!CampaignScope.of(actor, MANAGE, units).coversAll(unitIds))
      throw new AppError(403, 'campaign_units_out_of_scope');
    const agency = await agencyFacts(this.deps.directory, actor.agencyId, db);
    if (!agency) throw notFound();
    this.assertClosesNotPast(body.closesOn, agency.timeZone);
    return {
      title: body.title,
      message: body.message ?? null,
      instrument_ids: JSON.stringify([...new Set(body.instrumentIds)]),
      unit_ids: JSON.stringify(unitIds),
      opens_at: body.opensOn,
      closes_at: body.closesOn,
      reminder_every_days: body.reminderEveryDays,
    };
  }

  private assertClosesNotPast(closesOn: string, agencyTimeZone: string): void {
    if (closesOn < localDateOf(this.deps.clock.now(), agencyTimeZone)) {
      throw new FieldValidationError([{ path: 'closesOn', key: 'campaign.closes_in_past' }]);
    }
  }

  /**
   * A campaign answer counts only from an invited person while the campaign is open for that
   * instrument; assessments asks here, inside the submission's transaction.
   */
  async assertAnswerable(
    db: Kysely<Database>,
    me: { id: string; agencyId: string },
    campaignId: string,
    instrumentId: InstrumentId,
  ): Promise<void> {
    const campaign = await findMemberCampaign(db, campaignId, me.id);
    if (!campaign || campaign.agency_id !== me.agencyId) throw new AppError(403, 'not_invited');
    const instruments = JSON.parse(campaign.instrument_ids) as string[];
    if (campaign.status !== 'open' || !instruments.includes(instrumentId)) throw unprocessable('campaign_not_open');
  }

  /** Campaigns the person was invited to (membership only), for their copy of their data. */
  membershipsOf(db: Kysely<Database>, personId: string, agencyId: string) {
    return findCampaignMemberships(db, personId, agencyId);
  }
}
