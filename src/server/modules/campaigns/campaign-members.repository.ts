import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../../db/connection.js';
import type { Database } from '../../../db/schema.js';
import { isLocale, type Locale } from '../../../i18n/locales.js';

/**
 * One member's invitation state, for the invitation and reminder jobs. Completion is read as a
 * number of instruments done — that a person took part is what a reminder needs to know, never
 * how they scored.
 */
export interface MemberState {
  unitId: string;
  timeZone: string;
  invitedAt: string;
  lastRemindedAt: string | null;
}

/**
 * Reads the member row, locking it on PostgreSQL until the transaction ends, so two workers
 * delivering to the same person take turns and the second sees what the first wrote.
 */
export async function lockMember(
  db: Kysely<Database>,
  kind: DatabaseKind,
  campaignId: string,
  personId: string,
): Promise<MemberState | undefined> {
  let query = db
    .selectFrom('campaign_members as m')
    .innerJoin('org_units as u', 'u.id', 'm.unit_id')
    .select(['m.unit_id', 'u.time_zone', 'm.invited_at', 'm.last_reminded_at'])
    .where('m.campaign_id', '=', campaignId)
    .where('m.person_id', '=', personId);
  if (kind === 'postgres') query = query.forUpdate('m');
  const row = await query.executeTakeFirst();
  return (
    row && {
      unitId: row.unit_id,
      timeZone: row.time_zone,
      invitedAt: row.invited_at,
      lastRemindedAt: row.last_reminded_at,
    }
  );
}

export interface Recipient {
  agencyId: string;
  agencyName: string;
  fullName: string;
  email: string | null;
  locale: Locale;
  isActive: boolean;
}

export async function findRecipient(db: Kysely<Database>, personId: string): Promise<Recipient | undefined> {
  const row = await db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.agency_id', 'a.name as agency_name', 'p.full_name', 'p.email', 'p.locale', 'p.is_active'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  return (
    row && {
      agencyId: row.agency_id,
      agencyName: row.agency_name,
      fullName: row.full_name,
      email: row.email,
      locale: isLocale(row.locale) ? row.locale : 'id',
      isActive: row.is_active === 1,
    }
  );
}

export async function notificationExists(db: Kysely<Database>, dedupeKey: string): Promise<boolean> {
  return (
    (await db.selectFrom('notifications').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst()) !==
    undefined
  );
}

/** How many of the campaign's instruments the person has completed. */
export async function countCompleted(
  db: Kysely<Database>,
  campaignId: string,
  personId: string,
  instrumentIds: readonly string[],
): Promise<number> {
  if (instrumentIds.length === 0) return 0;
  const row = await db
    .selectFrom('assessment_results')
    .select((eb) => eb.fn.count<number>('instrument_id').distinct().as('n'))
    .where('campaign_id', '=', campaignId)
    .where('person_id', '=', personId)
    .where('instrument_id', 'in', instrumentIds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markContacted(
  db: Kysely<Database>,
  campaignId: string,
  personId: string,
  patch: { invited_at: string } | { last_reminded_at: string },
): Promise<void> {
  await db
    .updateTable('campaign_members')
    .set(patch)
    .where('campaign_id', '=', campaignId)
    .where('person_id', '=', personId)
    .execute();
}

/**
 * Active members who have not completed every instrument and were last invited or reminded at
 * or before `cutoff`, with their unit's time zone. Ids stay inside the reminder task.
 */
export async function findMembersDueForReminder(
  db: Kysely<Database>,
  campaignId: string,
  instrumentIds: readonly string[],
  cutoff: string,
) {
  const rows = await db
    .selectFrom('campaign_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('org_units as u', 'u.id', 'm.unit_id')
    .select(['m.person_id', 'm.invited_at', 'u.time_zone'])
    .where('m.campaign_id', '=', campaignId)
    .where('p.is_active', '=', 1)
    .where((eb) => eb(eb.fn.coalesce('m.last_reminded_at', 'm.invited_at'), '<=', cutoff))
    .where((eb) =>
      eb(
        eb
          .selectFrom('assessment_results as r')
          .select((inner) => inner.fn.count<number>('r.instrument_id').distinct().as('n'))
          .whereRef('r.person_id', '=', 'm.person_id')
          .where('r.campaign_id', '=', campaignId)
          .where('r.instrument_id', 'in', instrumentIds),
        '<',
        instrumentIds.length,
      ),
    )
    .orderBy('m.person_id')
    .execute();
  return rows.map((r) => ({ personId: r.person_id, invitedAt: r.invited_at, timeZone: r.time_zone }));
}

/** Which of these job dedupe keys already exist (queued, done or given up). */
export async function findExistingJobKeys(db: Kysely<Database>, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 200) {
    const rows = await db
      .selectFrom('jobs')
      .select('dedupe_key')
      .where('dedupe_key', 'in', keys.slice(i, i + 200))
      .execute();
    for (const r of rows) if (r.dedupe_key) found.add(r.dedupe_key);
  }
  return found;
}
