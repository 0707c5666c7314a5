import { Migrator, type Kysely, type Migration } from 'kysely';
import type { DatabaseHandle, DatabaseKind } from './connection.js';
import * as foundation from './migrations/0001-foundation.js';
import * as selfAssessment from './migrations/0002-self-assessment.js';
import * as safetyPlan from './migrations/0003-safety-plan.js';
import * as selfAssessmentIndexes from './migrations/0004-self-assessment-indexes.js';
// Account recovery, separation of duties and the DPO, data rights, publications and rate limits (decisions 011–014).
import * as accountRecovery from './migrations/0005-account-recovery.js';
import * as separationOfDuties from './migrations/0006-separation-of-duties.js';
import * as dataRights from './migrations/0007-data-rights.js';
import * as publicationsAndRateLimits from './migrations/0008-publications-and-rate-limits.js';
import * as preferredName from './migrations/0009-preferred-name.js';
import * as campaignPublications from './migrations/0010-campaign-publications.js';
import * as workHourBoundaries from './migrations/0011-work-hour-boundaries.js';
// The psycho-education library's agency articles (decision 034).
import * as agencyArticles from './migrations/0012-agency-articles.js';
// Daily check-ins (docs/decisions/032-check-ins.md).
import * as checkIns from './migrations/0013-check-ins.js';
// Self-care plan and time management (docs/decisions/035-self-care-and-plan.md).
import * as selfCareAndPlan from './migrations/0014-self-care-and-plan.js';
// Counsellors, availability and booking (docs/decisions/040-booking.md).
import * as booking from './migrations/0015-booking.js';
// Session notes, encrypted and separate, with break-glass (docs/decisions/041-session-notes.md).
import * as sessionNotes from './migrations/0016-session-notes.js';
// Counselling consent (docs/decisions/042-counselling-consent.md).
import * as counsellingConsent from './migrations/0017-counselling-consent.js';
// The counsellor's workspace (docs/decisions/043-counsellor-workspace.md).
import * as counsellorWorkspace from './migrations/0018-counsellor-workspace.js';
// Referrals on the BPJS path (docs/decisions/044-referrals.md).
import * as referrals from './migrations/0019-referrals.js';
// Peer support groups and return-to-work plans (docs/decisions/045-peer-groups-and-return-to-work.md).
import * as peerGroupsAndReturnToWork from './migrations/0020-peer-groups-and-return-to-work.js';
// Peer groups and return-to-work finished: check-in reminders and retention (decision 045).
import * as groupsRetention from './migrations/0022-groups-retention.js';
// Booking reminders by email (docs/decisions/049-counselling-journey.md).
import * as bookingReminderEmail from './migrations/0023-booking-reminder-email.js';
// Anonymous climate surveys (docs/decisions/048-climate-surveys.md).
import * as climateSurveys from './migrations/0024-climate-surveys.js';
// Survey results published to staff, and action plans (docs/decisions/051-survey-publication-and-actions.md).
import * as surveyPublicationsAndActions from './migrations/0025-survey-publications-and-actions.js';
// The anonymous suggestion box (docs/decisions/052-suggestion-box.md).
import * as suggestionBox from './migrations/0026-suggestion-box.js';
// The wellbeing committee and focus groups (docs/decisions/053-committee-and-focus-groups.md).
import * as committeeAndFocusGroups from './migrations/0027-committee-and-focus-groups.js';
import * as surveyFollowUp from './migrations/0028-survey-follow-up.js';
// An action's follow-up figures, kept once worked out (docs/surveys.md#the-loop).
import * as followUpFigures from './migrations/0029-follow-up-figures.js';

interface MigrationModule {
  up(db: Kysely<unknown>, kind: DatabaseKind): Promise<void>;
}

/**
 * Migrations in order. Listed here rather than read from a folder so the compiled server and the
 * tests run exactly the same set. Names sort in order; never rename or edit a landed migration.
 */
const MIGRATIONS: Record<string, MigrationModule> = {
  '0001-foundation': foundation,
  '0002-self-assessment': selfAssessment,
  '0003-safety-plan': safetyPlan,
  '0004-self-assessment-indexes': selfAssessmentIndexes,
  '0005-account-recovery': accountRecovery,
  '0006-separation-of-duties': separationOfDuties,
  '0007-data-rights': dataRights,
  '0008-publications-and-rate-limits': publicationsAndRateLimits,
  '0009-preferred-name': preferredName,
  '0010-campaign-publications': campaignPublications,
  '0011-work-hour-boundaries': workHourBoundaries,
  '0012-agency-articles': agencyArticles,
  '0013-check-ins': checkIns,
  '0014-self-care-and-plan': selfCareAndPlan,
  '0015-booking': booking,
  '0016-session-notes': sessionNotes,
  '0017-counselling-consent': counsellingConsent,
  '0018-counsellor-workspace': counsellorWorkspace,
  '0019-referrals': referrals,
  '0020-peer-groups-and-return-to-work': peerGroupsAndReturnToWork,
  '0022-groups-retention': groupsRetention,
  '0023-booking-reminder-email': bookingReminderEmail,
  '0024-climate-surveys': climateSurveys,
  '0025-survey-publications-and-actions': surveyPublicationsAndActions,
  '0026-suggestion-box': suggestionBox,
  '0027-committee-and-focus-groups': committeeAndFocusGroups,
  '0028-survey-follow-up': surveyFollowUp,
  '0029-follow-up-figures': followUpFigures,
};

function provider(kind: DatabaseKind): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(MIGRATIONS).map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, kind) }]),
  );
}

/** Brings the schema up to date. Safe to run on every start: applied migrations are skipped. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => provider(handle.kind) },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
