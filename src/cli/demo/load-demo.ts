import type { Kysely } from 'kysely';
import { insertDefaultHelpContacts } from '../../db/help-contact-defaults.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../server/clock.js';
import { createHash } from 'node:crypto';
import { newId, type KeyRing } from '../../server/crypto.js';
import type { AuditService } from '../../server/modules/audit/index.js';
import { hashPassword } from '../../server/modules/auth/index.js';
import { searchTextOf } from '../../server/modules/org/index.js';
import { countAgencies, hasInstanceKey, insertDemoRows, markInstance } from './demo-seed.repository.js';
import { DEMO_PASSWORD } from './demo-secrets.js';
import { CLINICAL_ROLES, ROLE_REQUEST_TTL_DAYS, type Role } from '../../domain/access/roles.js';
import { generateDemo, type DemoAgency, type DemoData } from './generate.js';
import { insertWellbeing, type LoadedRefs } from './load-wellbeing.js';
import { generateWellbeing } from './wellbeing.js';
import { insertSelfCare } from './self-care.js';
import { insertBookings } from './booking.js';
import { insertSessionNotes } from './notes.js';
import type { NotesService } from '../../server/modules/notes/index.js';
import type { SurveyService } from '../../server/modules/surveys/index.js';
import { insertDemoSurveys } from './surveys.js';
import type { SuggestionService } from '../../server/modules/suggestions/index.js';
import { insertDemoSuggestions } from './suggestions.js';
import { insertDemoPublications } from './survey-publications.js';
import type { SurveyActionsModule } from '../../server/modules/survey-actions/index.js';
import { insertConsentDemo } from './consent.js';
import { insertReferrals } from './referrals.js';
import { insertPeerGroups } from './peer-groups.js';
import { insertReturnPlans } from './return-to-work.js';
import { insertDemoCommittee, type DemoGatheringDeps } from './committee.js';

/** instance_state keys: the first is SetupService's (a loaded demo counts as set up), the second ours. */
const SETUP_KEY = 'setup_completed';
const DEMO_KEY = 'demo_loaded';

export type DemoDatabaseState = 'empty' | 'demo_loaded' | 'has_agencies';

export interface DemoLoadDeps {
  db: Kysely<Database>;
  keys: KeyRing;
  clock: Clock;
  audit: AuditService;
  /** Writes the demo's session notes through the notes module (sealed, audited); without it, no notes. */
  notes?: NotesService;
  /** Runs the demo's climate surveys through the surveys module; without it, no surveys. */
  surveys?: SurveyService;
  /** Fills the suggestion box through its module; without it, no suggestions. */
  suggestions?: SuggestionService;
  /**
   * Publishes the November wave's results with actions (docs/decisions/051-survey-publication-and-actions.md),
   * after running the closing's jobs that compute them; without both, no publications.
   */
  surveyActions?: { module: SurveyActionsModule; runJobs: () => Promise<void> };
  /** Sleman's wellbeing committee and focus groups, through their modules; without it, none. */
  gatherings?: DemoGatheringDeps;
}

export class DatabaseNotEmptyError extends Error {
  constructor(readonly state: Exclude<DemoDatabaseState, 'empty'>) {
    super(state === 'demo_loaded' ? 'the demo is already loaded' : 'the database already has agencies');
  }
}

/** Whether the demo can be loaded: only into a database without any agency. */
export async function demoDatabaseState(db: Kysely<Database>): Promise<DemoDatabaseState> {
  if (await hasInstanceKey(db, DEMO_KEY)) return 'demo_loaded';
  return (await countAgencies(db)) > 0 ? 'has_agencies' : 'empty';
}

export interface DemoLoadResult {
  agencies: number;
  units: number;
  people: number;
}

/**
 * Writes the demo into an empty database: one transaction per agency, rows inserted in batches.
 * Marks the install as set up (so the first-run page does not appear) and as holding the demo.
 */
export async function loadDemo(deps: DemoLoadDeps, data: DemoData = generateDemo()): Promise<DemoLoadResult> {
  const state = await demoDatabaseState(deps.db);
  if (state !== 'empty') throw new DatabaseNotEmptyError(state);
  // Every demo account has the same documented password, so one argon2 hash serves them all:
  // hashing 340 passwords one by one would cost ~10 s of CPU for no gain in a public demo.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const result: DemoLoadResult = { agencies: 0, units: 0, people: 0 };
  const refs: LoadedRefs = {
    agencyId: new Map(),
    personId: new Map(),
    unitOfPerson: new Map(),
    agencyOfPerson: new Map(),
  };
  for (const [index, agency] of data.agencies.entries()) {
    await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now().toISOString();
      if (index === 0) await markInstance(trx, SETUP_KEY, now);
      await insertAgency(trx, deps, agency, passwordHash, now, refs);
    });
    result.agencies++;
    result.units += agency.units.length;
    result.people += agency.people.length;
  }
  await deps.db.transaction().execute(async (trx) => {
    const wellbeing = generateWellbeing(data.agencies, deps.clock.now());
    await insertWellbeing(trx, deps, wellbeing, refs);
    // Self-care and time management (docs/decisions/035-self-care-and-plan.md).
    await insertSelfCare(trx, deps, data.agencies, refs);
    // Counsellors' profiles, opening hours and a week of bookings (docs/decisions/040-booking.md).
    await insertBookings(trx, deps, data.agencies, refs);
    // Each counsellor's client who consented to measurement-based care (docs/decisions/042-counselling-consent.md).
    await insertConsentDemo(trx, deps, data.agencies, refs, new Set(wellbeing.results.map((r) => r.personKey)));
    // A few referral letters in each status, one near expiry (docs/decisions/044-referrals.md).
    await insertReferrals(trx, deps, data.agencies, refs);
    // Peer groups with members by display name, and a return-to-work plan per counsellor, one shared
    // with the documented employee's manager (docs/decisions/045-peer-groups-and-return-to-work.md).
    await insertPeerGroups(trx, deps, data.agencies, refs);
    await insertReturnPlans(trx, deps, data.agencies, refs);
    await markInstance(trx, DEMO_KEY, deps.clock.now().toISOString());
  });
  // Session notes of the past week's held sessions (docs/decisions/041-session-notes.md).
  if (deps.notes) await insertSessionNotes(deps, deps.notes);
  // Two closed pulse waves and an open survey per agency (docs/surveys.md).
  if (deps.surveys) await insertDemoSurveys(deps, deps.surveys, deps.surveyActions?.module);
  // Two released batches of the suggestion box per agency, some answered, one hidden (decision 052).
  if (deps.suggestions) await insertDemoSuggestions(deps, deps.suggestions);
  if (deps.surveys && deps.surveyActions) {
    await deps.surveyActions.runJobs();
    await insertDemoPublications(deps, deps.surveyActions.module);
  }
  // Sleman's wellbeing committee and focus groups, after the surveys they follow up (docs/committee-and-focus-groups.md).
  if (deps.gatherings && data.agencies[0]) await insertDemoCommittee(deps, deps.gatherings, data.agencies[0], refs);
  return result;
}

async function insertAgency(
  db: Kysely<Database>,
  deps: DemoLoadDeps,
  agency: DemoAgency,
  passwordHash: string,
  now: string,
  refs: LoadedRefs,
): Promise<void> {
  const agencyId = newId();
  refs.agencyId.set(agency.key, agencyId);
  await insertDemoRows(db, 'agencies', {
    id: agencyId,
    name: agency.name,
    short_name: agency.shortName,
    kind: agency.kind,
    time_zone: agency.timeZone,
    anonymity_threshold: 5,
    dpo_name: null,
    dpo_email: null,
    disclosed_safety_outreach: 0,
    created_at: now,
    updated_at: now,
  });
  await insertDefaultHelpContacts(db, agencyId, now);

  // Units come parents first and people managers first (the generator's order), so every
  // foreign key points at a row inserted earlier or in the same statement.
  // Unit ids derived from the agency and the unit's code: the results engine breaks ties between
  // equal cells by unit id, so random ids made the demo's survey results differ from one load to
  // the next (and its test flaky); the same ids every load make them the same.
  const unitId = new Map(agency.units.map((u) => [u.code, demoUnitId(agency.key, u.code)]));
  const idOfUnit = (code: string) => unitId.get(code) as string;
  await insertDemoRows(
    db,
    'org_units',
    agency.units.map((u) => ({
      id: idOfUnit(u.code),
      agency_id: agencyId,
      parent_id: u.parentCode ? idOfUnit(u.parentCode) : null,
      name: u.name,
      code: u.code,
      time_zone: u.timeZone,
      is_active: 1,
      created_at: now,
      updated_at: now,
    })),
  );

  const personId = new Map(agency.people.map((p) => [p.key, newId()]));
  const idOfPerson = (key: string) => personId.get(key) as string;
  for (const p of agency.people) {
    refs.personId.set(p.key, idOfPerson(p.key));
    refs.unitOfPerson.set(p.key, idOfUnit(p.unitCode));
    refs.agencyOfPerson.set(p.key, agencyId);
  }
  await insertDemoRows(
    db,
    'people',
    agency.people.map((p) => ({
      id: idOfPerson(p.key),
      agency_id: agencyId,
      unit_id: idOfUnit(p.unitCode),
      full_name: p.fullName,
      nip: p.nip,
      email: p.email,
      email_normalized: p.email.toLowerCase(),
      phone: p.phone,
      position: p.position,
      employment_type: p.employmentType,
      manager_id: p.managerKey ? idOfPerson(p.managerKey) : null,
      is_active: 1,
      locale: 'id',
      search_text: searchTextOf({ full_name: p.fullName, nip: p.nip, email: p.email }),
      deactivated_at: null,
      created_at: now,
      updated_at: now,
    })),
  );

  await insertDemoRows(
    db,
    'credentials',
    agency.people.map((p) => ({
      person_id: idOfPerson(p.key),
      password_hash: passwordHash,
      password_changed_at: now,
      // Pre-enrolled with the documented secret, encrypted like a real enrolment, so that
      // two-step roles can sign in at once instead of being sent to the enrolment page.
      totp_secret_enc: p.totpSecret ? deps.keys.encrypt(p.totpSecret) : null,
      totp_pending_enc: null,
      totp_enabled_at: p.totpSecret ? now : null,
      totp_last_step: null,
    })),
  );

  const grants = agency.people.flatMap((p) =>
    p.roles.map((r) => ({
      id: newId(),
      agency_id: agencyId,
      person_id: idOfPerson(p.key),
      role: r.role,
      unit_id: r.unitCode ? idOfUnit(r.unitCode) : null,
      granted_by: null,
      granted_at: now,
    })),
  );
  await insertDemoRows(db, 'role_assignments', grants);

  // Separation of duties (docs/decisions/012-separation-of-duties.md): clinical grants take effect only with a second person's approval. The demo's are
  // already approved — requested by the agency admin, approved by the agency's DPO — so the open
  // list shows who approved each.
  const holder = (role: string) => grants.find((g) => g.role === role)?.person_id;
  const [admin, dpo] = [holder('agency_admin'), holder('dpo')];
  if (admin && dpo) {
    const approvals = grants
      .filter((g) => CLINICAL_ROLES.includes(g.role as Role) && g.person_id !== admin && g.person_id !== dpo)
      .map((g) => ({
        id: newId(),
        agency_id: agencyId,
        person_id: g.person_id,
        role: g.role,
        unit_id: g.unit_id,
        requested_by: admin,
        requested_at: now,
        expires_at: now,
        status: 'approved',
        decided_by: dpo,
        decided_at: now,
        assignment_id: g.id,
      }));
    await insertDemoRows(db, 'role_requests', approvals);

    // One counsellor grant still waits for its second person, so the DPO console and the open
    // list have something to show: the admin asked, the DPO (or another admin) approves or rejects.
    const candidate = [...agency.people].reverse().find((p) => p.roles.length === 0 && p.email);
    if (candidate) {
      const requestId = newId();
      const personId = idOfPerson(candidate.key);
      const expiresAt = new Date(deps.clock.now().getTime() + ROLE_REQUEST_TTL_DAYS * 86_400_000).toISOString();
      await insertDemoRows(db, 'role_requests', {
        id: requestId,
        agency_id: agencyId,
        person_id: personId,
        role: 'counsellor',
        unit_id: null,
        requested_by: admin,
        requested_at: now,
        expires_at: expiresAt,
        status: 'pending',
        decided_by: null,
        decided_at: null,
        assignment_id: null,
      });
      await insertDemoRows(db, 'dpo_alerts', {
        id: newId(),
        agency_id: agencyId,
        kind: 'role_requested',
        person_id: personId,
        details: JSON.stringify({ role: 'counsellor', requestId }),
        dedupe_key: null,
        created_at: now,
        acknowledged_by: null,
        acknowledged_at: null,
      });
    }
  }

  await deps.audit.record(
    {
      agencyId,
      action: 'org.import_committed',
      details: { source: 'teduh demo', units: agency.units.length, people: agency.people.length, roles: grants.length },
    },
    db,
  );
}

/** A UUID (version 8: made here, not random) named by the agency and the unit's code. */
function demoUnitId(agencyKey: string, code: string): string {
  const hex = createHash('sha256').update(`teduh-demo-unit:${agencyKey}:${code}`).digest('hex');
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
