import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Profile } from '../../../domain/surveys/profiles.js';
import { eachBatch } from '../../../db/batches.js';

/**
 * Who a survey asks, frozen when it opens (A8, A9; docs/decisions/048-climate-surveys.md). Reads
 * the org directory (people, units) and writes the survey's own membership and profiles.
 */

export async function agencyUnitTree(db: Kysely<Database>, agencyId: string) {
  return db.selectFrom('org_units').select(['id', 'parent_id']).where('agency_id', '=', agencyId).execute();
}

/** Active people of the agency in the given units, with what their profile is made of. */
export async function activePeopleIn(
  db: Kysely<Database>,
  agencyId: string,
  unitIds: readonly string[],
  employmentTypes: readonly string[] | null,
) {
  if (unitIds.length === 0) return [];
  let query = db
    .selectFrom('people')
    .select(['id', 'unit_id', 'nip', 'employment_type'])
    .where('agency_id', '=', agencyId)
    .where('is_active', '=', 1)
    .where('unit_id', 'in', unitIds);
  if (employmentTypes) query = query.where('employment_type', 'in', employmentTypes);
  return query.orderBy('id').execute();
}

export interface FrozenProfile extends Profile {
  key: string;
  memberCount: number;
}

/** Writes the profiles and the members of an opening survey; the caller's transaction opens it. */
export async function freezeMembership(
  trx: Transaction<Database>,
  surveyId: string,
  profiles: readonly FrozenProfile[],
  members: ReadonlyArray<{ personId: string; unitId: string; profileKey: string }>,
): Promise<void> {
  const profileRows = profiles.map((p) => ({
    survey_id: surveyId,
    profile_key: p.key,
    unit_id: p.unitId,
    employment_type: p.employmentType,
    age_band: p.ageBand,
    service_band: p.serviceBand,
    member_count: p.memberCount,
  }));
  await eachBatch(profileRows, (batch) => trx.insertInto('survey_profiles').values(batch).execute());
  const memberRows = members.map((m) => ({
    survey_id: surveyId,
    person_id: m.personId,
    unit_id: m.unitId,
    profile_key: m.profileKey,
  }));
  await eachBatch(memberRows, (batch) => trx.insertInto('survey_members').values(batch).execute());
}

/** A survey of the agency with what opening it needs: its state, its targets and the agency's k. */
export async function surveyToOpen(db: Kysely<Database>, agencyId: string, surveyId: string) {
  return db
    .selectFrom('surveys')
    .innerJoin('agencies', 'agencies.id', 'surveys.agency_id')
    .select(['surveys.status', 'surveys.target_unit_ids', 'surveys.employment_types', 'agencies.anonymity_threshold'])
    .where('surveys.id', '=', surveyId)
    .where('surveys.agency_id', '=', agencyId)
    .executeTakeFirst();
}

/** Draft to open with the thresholds frozen; false if it was no longer a draft (opened twice at once). */
export async function markOpened(
  trx: Transaction<Database>,
  surveyId: string,
  frozen: { threshold: number; commentThreshold: number; memberCount: number; units: string; now: string },
): Promise<boolean> {
  const updated = await trx
    .updateTable('surveys')
    .set({
      status: 'open',
      threshold: frozen.threshold,
      comment_threshold: frozen.commentThreshold,
      member_count: frozen.memberCount,
      units: frozen.units,
      opened_at: frozen.now,
      updated_at: frozen.now,
    })
    .where('id', '=', surveyId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}
