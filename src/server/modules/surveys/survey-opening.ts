import type { Kysely, Transaction } from 'kysely';
import { campaignUnitsAtLaunch } from '../../../domain/anonymity/campaign-table.js';
import type { Database } from '../../../db/schema.js';
import { freezeThreshold } from '../../../domain/anonymity/threshold.js';
import { subtreeIds } from '../../../domain/org/unit-tree.js';
import { memberBands } from '../../../domain/surveys/member-bands.js';
import { assignProfiles, profileKey, type MemberAttributes } from '../../../domain/surveys/profiles.js';
import {
  activePeopleIn,
  agencyUnitTree,
  freezeMembership,
  markOpened,
  surveyToOpen,
  type FrozenProfile,
} from './membership.repository.js';

/** The fewest respondents a group of comments is shown for (A2), frozen with the survey. */
export const COMMENT_THRESHOLD = 10;

export type OpeningOutcome =
  | { ok: true; memberCount: number; profileCount: number }
  | { ok: false; reason: 'not_found' | 'not_draft' | 'fewer_than_k' };

/**
 * Opens a draft survey (docs/decisions/048-climate-surveys.md): freezes k (the agency's, never
 * below 5) and the comment threshold (A9), and who is asked — the active people of the target
 * units and their subtrees, of the chosen employment types — with the unit they are in now and
 * the profile their answers will carry (A8). A survey fewer than k people could answer does not open:
 * it could never show a figure.
 */
export async function openSurvey(
  db: Kysely<Database>,
  input: { surveyId: string; agencyId: string; now: Date },
  /** Runs in the opening's transaction once the survey is open (the audit entry, invitations). */
  afterOpen: (trx: Transaction<Database>, memberIds: readonly string[]) => Promise<void> = async () => {},
): Promise<OpeningOutcome> {
  const survey = await surveyToOpen(db, input.agencyId, input.surveyId);
  if (!survey) return { ok: false, reason: 'not_found' };
  if (survey.status !== 'draft') return { ok: false, reason: 'not_draft' };
  const k = freezeThreshold(survey.anonymity_threshold);

  // Inactive units hold no active people, so the tree they are kept in changes nothing.
  const units = (await agencyUnitTree(db, input.agencyId)).map((u) => ({ id: u.id, parentId: u.parent_id }));
  const targets = JSON.parse(survey.target_unit_ids) as string[];
  const inScope = new Set(targets.flatMap((id) => [...subtreeIds(units, id)]));
  const employmentTypes = survey.employment_types ? (JSON.parse(survey.employment_types) as string[]) : null;
  const people = await activePeopleIn(db, input.agencyId, [...inScope], employmentTypes);
  const members: MemberAttributes[] = people.map((p) => ({
    personId: p.id,
    unitId: p.unit_id,
    employmentType: p.employment_type,
    ...memberBands(p.nip, p.employment_type, input.now),
  }));
  const assigned = assignProfiles(members, new Map(units.map((u) => [u.id, u.parentId])), k);
  if (!assigned.ok) return { ok: false, reason: 'fewer_than_k' };

  const profiles = new Map<string, FrozenProfile>();
  for (const profile of assigned.profiles.values()) {
    const key = profileKey(profile);
    const known = profiles.get(key);
    if (known) known.memberCount += 1;
    else profiles.set(key, { ...profile, key, memberCount: 1 });
  }
  const opened = await db.transaction().execute(async (trx) => {
    const marked = await markOpened(trx, input.surveyId, {
      threshold: k,
      commentThreshold: COMMENT_THRESHOLD,
      memberCount: members.length,
      units: JSON.stringify(campaignUnitsAtLaunch(units, targets)),
      now: input.now.toISOString(),
    });
    if (!marked) return false;
    await freezeMembership(
      trx,
      input.surveyId,
      [...profiles.values()],
      members.map((m) => ({
        personId: m.personId,
        unitId: m.unitId,
        profileKey: profileKey(assigned.profiles.get(m.personId)!),
      })),
    );
    await afterOpen(
      trx,
      members.map((m) => m.personId),
    );
    return true;
  });
  if (!opened) return { ok: false, reason: 'not_draft' };
  return { ok: true, memberCount: members.length, profileCount: profiles.size };
}
