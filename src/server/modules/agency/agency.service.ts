import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AgencyView, agencySettingsBody } from '../../../contracts/agency.js';
import type { AGENCY_KINDS } from '../../../contracts/setup.js';
import type { AgencyRow, Database } from '../../../db/schema.js';
import type { Clock } from '../../clock.js';
import { notFound } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/audit.service.js';

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
  constructor(private readonly deps: { db: Kysely<Database>; clock: Clock; audit: AuditService }) {}

  async get(agencyId: string): Promise<AgencyView> {
    const row = await this.deps.db.selectFrom('agencies').selectAll().where('id', '=', agencyId).executeTakeFirst();
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
      const before = await trx.selectFrom('agencies').selectAll().where('id', '=', agencyId).executeTakeFirstOrThrow();
      const patch = {
        name: input.name,
        short_name: input.shortName,
        time_zone: input.timeZone,
        anonymity_threshold: input.anonymityThreshold,
        dpo_name: input.dpoName ?? null,
        dpo_email: input.dpoEmail ?? null,
      };
      const changed = (Object.keys(patch) as Array<keyof typeof patch>).filter((k) => before[k] !== patch[k]);
      await trx
        .updateTable('agencies')
        .set({ ...patch, updated_at: clock.now().toISOString() })
        .where('id', '=', agencyId)
        .execute();
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
      const after = await trx.selectFrom('agencies').selectAll().where('id', '=', agencyId).executeTakeFirstOrThrow();
      return presentAgency(after);
    });
  }

  /** Real counts for the admin's home page (no health data involved). */
  async stats(agencyId: string) {
    const { db, clock } = this.deps;
    const now = clock.now().toISOString();
    const [units, people, signedUp, invitations] = await Promise.all([
      db
        .selectFrom('org_units')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('agency_id', '=', agencyId)
        .where('is_active', '=', 1)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('people')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('is_active').as('active')])
        .where('agency_id', '=', agencyId)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('credentials')
        .innerJoin('people', 'people.id', 'credentials.person_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('people.agency_id', '=', agencyId)
        .where('credentials.password_hash', 'is not', null)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('auth_tokens')
        .select((eb) => eb.fn.count<number>('person_id').distinct().as('n'))
        .where('agency_id', '=', agencyId)
        .where('purpose', '=', 'invite')
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirstOrThrow(),
    ]);
    return {
      units: Number(units.n),
      people: Number(people.n),
      activePeople: Number(people.active ?? 0),
      signedUp: Number(signedUp.n),
      pendingInvitations: Number(invitations.n),
    };
  }

  async outbox(agencyId: string, page: number, pageSize: number, origin: AuditOrigin) {
    const { db, audit } = this.deps;
    const [rows, total] = await Promise.all([
      db
        .selectFrom('email_outbox')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      db
        .selectFrom('email_outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('agency_id', '=', agencyId)
        .executeTakeFirstOrThrow(),
    ]);
    // Addresses and subjects are personal data: every look is on the record.
    await audit.record({ ...origin, action: 'agency.outbox_viewed', details: { page, count: rows.length } });
    return {
      items: rows.map((r) => ({
        id: r.id,
        to: r.to_address,
        template: r.template,
        subject: r.subject,
        // Issue 7 (decision 011): no link is the admin's to use, held, pending or sent. Secret links
        // never reach body_text; any other link is cut too, so the page cannot become a channel.
        body: r.body_text.replace(/https?:\/\/\S+/g, '[…]'),
        status: r.status,
        createdAt: r.created_at,
        sentAt: r.sent_at,
      })),
      total: Number(total.n),
      page,
      pageSize,
    };
  }
}
