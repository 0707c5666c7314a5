import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AgencyView, agencySettingsBody } from '../../../contracts/agency.js';
import type { AGENCY_KINDS } from '../../../contracts/setup.js';
import type { AgencyRow, Database } from '../../../db/schema.js';
import type { Clock } from '../../clock.js';
import { notFound } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import type { MailService } from '../mail/index.js';
import type { OrgDirectory } from '../org/index.js';
import { countPendingInvitations, countSignedUp, findAgencyById, updateAgency } from './agency.repository.js';
import { updateOutreach } from './outreach.repository.js';

export function presentAgency(row: AgencyRow): AgencyView {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind as (typeof AGENCY_KINDS)[number],
    timeZone: row.time_zone,
    anonymityThreshold: row.anonymity_threshold,
    dpoName: row.dpo_name,
    dpoEmail: row.dpo_email,
    disclosedSafetyOutreach: row.disclosed_safety_outreach === 1,
  };
}

/** The agency's own settings, its numbers for the admin's home page, and its email outbox. */
export class AgencyService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      audit: AuditService;
      directory: OrgDirectory;
      mail: Pick<MailService, 'outboxPage'>;
    },
  ) {}

  async get(agencyId: string): Promise<AgencyView> {
    const row = await findAgencyById(this.deps.db, agencyId);
    if (!row) throw notFound();
    return presentAgency(row);
  }

  async updateSettings(
    agencyId: string,
    input: z.infer<typeof agencySettingsBody>,
    origin: AuditOrigin,
  ): Promise<AgencyView> {
    const { db, clock, audit } = this.deps;
    return db.transaction().execute(async (trx) => {
      const before = await findAgencyById(trx, agencyId);
      if (!before) throw notFound();
      const patch = {
        name: input.name,
        short_name: input.shortName,
        time_zone: input.timeZone,
        anonymity_threshold: input.anonymityThreshold,
        dpo_name: input.dpoName ?? null,
        dpo_email: input.dpoEmail ?? null,
      };
      const changed = (Object.keys(patch) as Array<keyof typeof patch>).filter((k) => before[k] !== patch[k]);
      await updateAgency(trx, agencyId, { ...patch, updated_at: clock.now().toISOString() });
      await audit.record(
        {
          ...origin,
          action: 'agency.settings_updated',
          resourceType: 'agency',
          resourceId: agencyId,
          // Threshold values are configuration, not personal data: safe to keep for accountability.
          details: { changed, anonymityThreshold: { from: before.anonymity_threshold, to: patch.anonymity_threshold } },
        },
        trx,
      );
      const after = await findAgencyById(trx, agencyId);
      if (!after) throw notFound();
      return presentAgency(after);
    });
  }

  /** Real counts for the admin's home page (no health data involved). */
  async stats(agencyId: string) {
    const { db, clock, directory } = this.deps;
    const now = clock.now().toISOString();
    const [org, signedUp, pendingInvitations] = await Promise.all([
      directory.agencyCounts(agencyId),
      countSignedUp(db, agencyId),
      countPendingInvitations(db, agencyId, now),
    ]);
    return {
      units: org.units,
      people: org.people,
      activePeople: org.activePeople,
      signedUp,
      pendingInvitations,
    };
  }

  async outbox(agencyId: string, page: number, pageSize: number, origin: AuditOrigin) {
    const { audit, mail } = this.deps;
    const { rows, total } = await mail.outboxPage(agencyId, page, pageSize);
    // Addresses and subjects are personal data: every look is on the record.
    await audit.record({ ...origin, action: 'agency.outbox_viewed', details: { page, count: rows.length } });
    return {
      items: rows.map((r) => ({
        id: r.id,
        to: r.to_address,
        template: r.template,
        subject: r.subject,
        // Decision 011 (account recovery): no link is the admin's to use, held, pending or sent. Secret links
        // never reach body_text; any other link is cut too, so the page cannot become a channel.
        body: r.body_text.replace(/https?:\/\/\S+/g, '[…]'),
        status: r.status,
        createdAt: r.created_at,
        sentAt: r.sent_at,
      })),
      total,
      page,
      pageSize,
    };
  }

  /**
   * Switches disclosed safety outreach, in `db` (the caller's transaction): help changes the setting
   * and writes its own audit entry (help-contacts.service.ts).
   */
  setOutreach(db: Kysely<Database>, agencyId: string, on: boolean, at: string): Promise<void> {
    return updateOutreach(db, agencyId, on, at);
  }
}
