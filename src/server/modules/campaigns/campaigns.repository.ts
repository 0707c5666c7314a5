import type { Kysely, Selectable } from 'kysely';
import type { CampaignsTable, Database } from '../../../db/schema.js';

/**
 * Campaign rows and who was invited. `opens_at` and `closes_at` hold the contract's dates
 * (YYYY-MM-DD), which each unit reads in its own time zone; `instrument_ids` and `unit_ids` are
 * JSON arrays. No query here reads a result: statistics live in campaign-stats.repository.ts.
 */
export type CampaignRow = Selectable<CampaignsTable>;

const BATCH = 200;

export async function findCampaign(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
): Promise<CampaignRow | undefined> {
  return db
    .selectFrom('campaigns')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** For jobs, which carry only the campaign id. */
export async function findCampaignById(db: Kysely<Database>, id: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCampaignsOf(db: Kysely<Database>, agencyId: string): Promise<CampaignRow[]> {
  return db
    .selectFrom('campaigns')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function insertCampaign(db: Kysely<Database>, row: CampaignRow): Promise<void> {
  await db.insertInto('campaigns').values(row).execute();
}

export async function updateCampaign(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  patch: Partial<Omit<CampaignRow, 'id' | 'agency_id' | 'created_by' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('campaigns').set(patch).where('agency_id', '=', agencyId).where('id', '=', id).execute();
}

/**
 * Moves a campaign from one status to the next, once: of two concurrent launches (or closes),
 * only one sees `true` — PostgreSQL re-checks the condition after the row lock is released.
 */
export async function changeStatus(
  db: Kysely<Database>,
  id: string,
  from: string,
  patch: Partial<Pick<CampaignRow, 'status' | 'anonymity_threshold' | 'launched_at' | 'closed_at' | 'updated_at'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('campaigns')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Invited people per campaign (membership is organisational data, shown in full). */
export async function countMembers(db: Kysely<Database>, campaignIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < campaignIds.length; i += BATCH) {
    const rows = await db
      .selectFrom('campaign_members')
      .select(['campaign_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('campaign_id', 'in', campaignIds.slice(i, i + BATCH))
      .groupBy('campaign_id')
      .execute();
    for (const r of rows) counts.set(r.campaign_id, Number(r.n));
  }
  return counts;
}

/** Active people whose unit is one of `unitIds`, with that unit (A8: the unit at launch). */
export async function findActivePeopleIn(
  db: Kysely<Database>,
  agencyId: string,
  unitIds: readonly string[],
): Promise<Array<{ personId: string; unitId: string }>> {
  const people: Array<{ personId: string; unitId: string }> = [];
  for (let i = 0; i < unitIds.length; i += BATCH) {
    const rows = await db
      .selectFrom('people')
      .select(['id', 'unit_id'])
      .where('agency_id', '=', agencyId)
      .where('is_active', '=', 1)
      .where('unit_id', 'in', unitIds.slice(i, i + BATCH))
      .orderBy('id')
      .execute();
    for (const r of rows) people.push({ personId: r.id, unitId: r.unit_id });
  }
  return people;
}

export async function insertMembers(
  db: Kysely<Database>,
  campaignId: string,
  members: ReadonlyArray<{ personId: string; unitId: string; invitedAt: string }>,
): Promise<void> {
  for (let i = 0; i < members.length; i += BATCH) {
    await db
      .insertInto('campaign_members')
      .values(
        members.slice(i, i + BATCH).map((m) => ({
          campaign_id: campaignId,
          person_id: m.personId,
          unit_id: m.unitId,
          invited_at: m.invitedAt,
          last_reminded_at: null,
        })),
      )
      .execute();
  }
}

/** Open campaigns the person was invited to, with the time zone of their unit at launch. */
export async function findOpenCampaignsOfMember(db: Kysely<Database>, agencyId: string, personId: string) {
  return db
    .selectFrom('campaigns as c')
    .innerJoin('campaign_members as m', 'm.campaign_id', 'c.id')
    .innerJoin('org_units as u', 'u.id', 'm.unit_id')
    .selectAll('c')
    .select('u.time_zone as member_time_zone')
    .where('c.agency_id', '=', agencyId)
    .where('c.status', '=', 'open')
    .where('m.person_id', '=', personId)
    .orderBy('c.closes_at')
    .orderBy('c.id')
    .execute();
}

/** Which instruments of these campaigns the person has completed (only their own rows). */
export async function findCompletedInstruments(
  db: Kysely<Database>,
  personId: string,
  campaignIds: readonly string[],
): Promise<Set<string>> {
  if (campaignIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('assessment_results')
    .select(['campaign_id', 'instrument_id'])
    .distinct()
    .where('person_id', '=', personId)
    .where('campaign_id', 'in', campaignIds)
    .execute();
  return new Set(rows.map((r) => `${r.campaign_id}:${r.instrument_id}`));
}

/** Every open campaign of every agency, with the agency's time zone (for the periodic tasks). */
export async function findAllOpenCampaigns(db: Kysely<Database>) {
  return db
    .selectFrom('campaigns as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .selectAll('c')
    .select('a.time_zone as agency_time_zone')
    .where('c.status', '=', 'open')
    .orderBy('c.id')
    .execute();
}

/** The campaign a person was invited to, with what decides whether their answer counts. */
export async function findMemberCampaign(db: Kysely<Database>, campaignId: string, personId: string) {
  return db
    .selectFrom('campaign_members')
    .innerJoin('campaigns', 'campaigns.id', 'campaign_members.campaign_id')
    .select(['campaigns.status', 'campaigns.instrument_ids', 'campaigns.agency_id'])
    .where('campaign_members.campaign_id', '=', campaignId)
    .where('campaign_members.person_id', '=', personId)
    .executeTakeFirst();
}

/** Campaigns the person was invited to (membership only). */
export async function findCampaignMemberships(db: Kysely<Database>, personId: string, agencyId: string) {
  return db
    .selectFrom('campaign_members as m')
    .innerJoin('campaigns as c', 'c.id', 'm.campaign_id')
    .select(['c.title', 'c.status', 'm.invited_at', 'm.last_reminded_at'])
    .where('m.person_id', '=', personId)
    .where('c.agency_id', '=', agencyId)
    .orderBy('m.invited_at', 'desc')
    .execute();
}
