import type { FastifyBaseLogger } from 'fastify';
import type { i18n } from 'i18next';
import type { DatabaseHandle } from '../db/connection.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { KeyRing, WrappingKey } from './crypto.js';
import { AgencyService } from './modules/agency/index.js';
import { AuditService } from './modules/audit/index.js';
import {
  CredentialsService,
  SessionService,
  SignInService,
  ThrottleService,
  TwoFactorService,
} from './modules/auth/index.js';
import { ImportService } from './modules/imports/index.js';
import { JobRunner } from './modules/jobs/index.js';
import { MailService } from './modules/mail/index.js';
import { OrgDirectory, PeopleService, RoleRequestService, RoleService, UnitService } from './modules/org/index.js';
import { PlatformService } from './modules/platform/index.js';
import { ProfileService } from './modules/profile/index.js';
import { SetupService } from './modules/setup/index.js';
import { CampaignService } from './modules/campaigns/index.js';
import { SurveyService } from './modules/surveys/index.js';
import { SuggestionService } from './modules/suggestions/index.js';
// Survey results published to staff, and action plans (docs/decisions/051-survey-publication-and-actions.md).
import { SurveyActionsModule } from './modules/survey-actions/index.js';
import { AssessmentService, DraftService, SharingService } from './modules/assessments/index.js';
import { NotificationService } from './modules/notifications/index.js';
import { BoundaryService } from './modules/boundaries/index.js';
import { CaseloadService, CounsellorCoverage, UrgentQueueService } from './modules/counselling/index.js';
import {
  crisisOutboxState,
  CrisisService,
  HelpContactsService,
  watchCrisisOutbox,
  type CrisisOutboxState,
} from './modules/help/index.js';
import { SafetyPlanService } from './modules/safety-plan/index.js';
// The psycho-education library (docs/decisions/034-psycho-education-library.md).
import { ArticleService } from './modules/articles/index.js';
// Daily check-ins (docs/decisions/032-check-ins.md).
import { CheckInService, InsightsService } from './modules/check-ins/index.js';
import { purgeIdempotencyKeys } from './plugins/idempotency.js';
// Data rights (docs/decisions/013-data-rights.md).
import { MyDataService } from './modules/my-data/index.js';
// Separation of duties and the DPO (docs/decisions/012-separation-of-duties.md).
import { DpoAlerts, DpoService } from './modules/dpo/index.js';
// Self-care plan and time management (docs/decisions/035-self-care-and-plan.md).
import { HabitService } from './modules/habits/index.js';
import { PlannerService } from './modules/planner/index.js';
import { BookingService } from './modules/booking/index.js';
import { NoteKeys, NotesService } from './modules/notes/index.js';
// Counselling consent and the client's record (docs/decisions/042-counselling-consent.md).
import { ConsentService, TimelineService } from './modules/consent/index.js';
import { ReferralService } from './modules/referrals/index.js';
import { PeerGroupService } from './modules/peer-groups/index.js';
import { CommitteeService, GatheringMessenger } from './modules/committee/index.js';
import { FocusGroupService } from './modules/focus-groups/index.js';
import { ReturnToWorkService } from './modules/return-to-work/index.js';

/** Everything the modules need, built once per app. Modules reach each other only through here. */
export interface Services {
  version: string;
  config: Config;
  db: DatabaseHandle;
  clock: Clock;
  i18n: i18n;
  keys: KeyRing;
  /** The org directory read model: stand-alone lookups of agencies, units, people and roles. */
  directory: OrgDirectory;
  audit: AuditService;
  sessions: SessionService;
  throttle: ThrottleService;
  signIn: SignInService;
  twoFactor: TwoFactorService;
  credentials: CredentialsService;
  mail: MailService;
  jobs: JobRunner;
  setup: SetupService;
  agency: AgencyService;
  platform: PlatformService;
  units: UnitService;
  people: PeopleService;
  /** The signed-in person's own profile. */
  profile: ProfileService;
  roles: RoleService;
  imports: ImportService;
  campaigns: CampaignService;
  surveys: SurveyService;
  suggestions: SuggestionService;
  surveyActions: SurveyActionsModule;
  // Self-assessment (docs/self-assessment.md), help and the crisis pathway, counselling.
  drafts: DraftService;
  assessments: AssessmentService;
  sharing: SharingService;
  help: HelpContactsService;
  crisis: CrisisService;
  urgentQueue: UrgentQueueService;
  notifications: NotificationService;
  boundaries: BoundaryService;
  /** Whether crisis requests reach their counsellors in time (the health module's outbox probe). */
  crisisOutbox: () => Promise<CrisisOutboxState>;
  /** The person's own safety plan. */
  safetyPlans: SafetyPlanService;
  /** The psycho-education library: built-in and agency articles. */
  articles: ArticleService;
  /** The person's own daily check-ins (group-committed, decision 033). */
  checkIns: CheckInService;
  /** Insights from the person's own check-ins and their copy of them (decision 036). */
  insights: InsightsService;
  /** The person's own data rights (docs/decisions/013-data-rights.md). */
  myData: MyDataService;
  // Separation of duties and the DPO.
  roleRequests: RoleRequestService;
  dpo: DpoService;
  /** The person's own self-care habits and time management. */
  habits: HabitService;
  planner: PlannerService;
  /** Counsellors, availability and booking (docs/decisions/040-booking.md). */
  booking: BookingService;
  /** Session notes, encrypted and separate, and break-glass (docs/decisions/041-session-notes.md). */
  notes: NotesService;
  /** A client's consents to counsellors, and their access log (decision 042). */
  consents: ConsentService;
  /** A client's record for their counsellor (decision 042). */
  timeline: TimelineService;
  /** Referrals on the BPJS path (docs/decisions/044-referrals.md). */
  referrals: ReferralService;
  /** Peer support groups (docs/decisions/045-peer-groups-and-return-to-work.md). */
  peerGroups: PeerGroupService;
  /** The wellbeing committee and focus groups (docs/decisions/053-committee-and-focus-groups.md). */
  committee: CommitteeService;
  focusGroups: FocusGroupService;
  /** Their invitations and notices; the demo schedules past gatherings through it (src/cli/demo/committee.ts). */
  gatherings: GatheringMessenger;
  /** Return-to-work plans (docs/decisions/045-peer-groups-and-return-to-work.md). */
  returnToWork: ReturnToWorkService;
  /** The counsellor's caseload (docs/decisions/047-caseload.md). */
  caseload: CaseloadService;
}

export function createServices(deps: {
  version: string;
  config: Config;
  db: DatabaseHandle;
  clock: Clock;
  i18n: i18n;
  log: FastifyBaseLogger;
}): Services {
  const { config, clock } = deps;
  const db = deps.db.db;
  const keys = new KeyRing(config.secret);
  const directory = new OrgDirectory({ db });
  const audit = new AuditService(db, clock, (agencyId, ids) => directory.namesOf(agencyId, ids));
  // Work-hour boundaries (docs/boundaries.md): routine notifications and emails pass its gate.
  const boundaries = new BoundaryService({ db, clock, audit });
  const notifications = new NotificationService({ db, clock, boundaries });
  const sessions = new SessionService(db, clock, {
    idleMs: config.sessionIdleMs,
    absoluteMs: config.sessionAbsoluteMs,
    kind: deps.db.kind,
  });
  const throttle = new ThrottleService(db, clock);
  const jobs = new JobRunner(db, deps.db.kind, clock, deps.log);
  const mail = new MailService({
    db,
    clock,
    i18n: deps.i18n,
    log: deps.log,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    // Account recovery (decision 011): secret links sealed until sent; logged only on a developer's explicit flag.
    keys,
    devLogLinks: config.devLogEmailLinks,
    boundaries,
  });
  mail.registerJobs(jobs);
  jobs.every({ name: 'purge-sessions', everyMs: 10 * 60_000, run: async () => void (await sessions.purgeExpired()) });
  jobs.every({ name: 'purge-throttle', everyMs: 10 * 60_000, run: () => throttle.purgeStale() });
  jobs.every({ name: 'purge-idempotency', everyMs: 60 * 60_000, run: () => purgeIdempotencyKeys(db, clock.now()) });

  const credentials = new CredentialsService({
    db,
    clock,
    sessions,
    throttle,
    mail,
    audit,
    keys,
    publicUrl: config.publicUrl,
    directory,
    notifications,
  });
  // Account recovery (decision 011): reset requests are answered at once and handled by a job.
  credentials.registerJobs(jobs);
  jobs.every({ name: 'wipe-email-secrets', everyMs: 60 * 60_000, run: () => mail.wipeStaleSecrets() });
  // Screening campaigns: invitations, reminders and closing run on the durable job runner.
  const campaigns = new CampaignService({
    db,
    kind: deps.db.kind,
    clock,
    audit,
    mail,
    notifications,
    directory,
    publicUrl: config.publicUrl,
    i18n: deps.i18n,
  });
  campaigns.registerJobs(jobs);
  // Climate surveys (decision 048): answers sealed with a key derived from the instance secret.
  const surveys = new SurveyService({
    db,
    kind: deps.db.kind,
    clock,
    audit,
    directory,
    secret: config.secret,
    mail,
    notifications,
    publicUrl: config.publicUrl,
    i18n: deps.i18n,
  });
  surveys.registerJobs(jobs);
  // The suggestion box (decision 052): texts wait sealed with a key derived from the instance secret.
  const suggestions = new SuggestionService({ db, clock, audit, directory, secret: config.secret });
  suggestions.registerJobs(jobs);
  const surveyActions = new SurveyActionsModule({
    db,
    clock,
    audit,
    directory,
    mail,
    notifications,
    publicUrl: config.publicUrl,
  });
  surveyActions.registerJobs(jobs);
  // The crisis outbox relay runs on the same durable job runner as email.
  const coverage = new CounsellorCoverage({ db, directory });
  const crisis = new CrisisService({
    db,
    clock,
    keys,
    mail,
    notifications,
    coverage,
    log: deps.log,
    publicUrl: config.publicUrl,
  });
  crisis.registerJobs(jobs);
  watchCrisisOutbox(jobs, { db, clock, log: deps.log, alertAfterMinutes: config.crisisAlertMinutes });
  // Separation of duties and the DPO (decision 012): grants wait for a second person and lapse after a
  // week; the DPO's nightly retention job and its alert checks run on the same job runner.
  const roleRequests = new RoleRequestService({
    db,
    clock,
    audit,
    mail,
    notifications,
    dpoAlerts: new DpoAlerts({ clock }),
    i18n: deps.i18n,
    publicUrl: config.publicUrl,
  });
  jobs.every({
    name: 'expire-role-requests',
    everyMs: 60 * 60_000,
    run: async () => void (await roleRequests.expireDue()),
  });
  const agency = new AgencyService({ db, clock, audit, directory, mail });
  const assessments = new AssessmentService({ db, clock, keys, crisis, campaigns, audit, directory });
  const safetyPlans = new SafetyPlanService({ db, clock, keys });
  const habits = new HabitService({ db, clock, keys, directory, notifications });
  habits.registerJobs(jobs);
  const planner = new PlannerService({ db, clock, keys, boundaries });
  const checkIns = new CheckInService({ db, kind: deps.db.kind, clock, keys, directory });
  const booking = new BookingService({
    db,
    clock,
    keys,
    audit,
    directory,
    boundaries,
    notifications,
    mail,
    publicUrl: config.publicUrl,
  });
  booking.registerJobs(jobs);
  // Before notes: a notes-transfer consent decides who else reads a note (docs/decisions/050-notes-transfer.md).
  const consents = new ConsentService({ db, clock, audit, directory, booking, assessments });
  const notes = new NotesService({
    db,
    clock,
    keys,
    noteKeys: new NoteKeys({ db, clock, wrapping: new WrappingKey(config.secret) }),
    audit,
    directory,
    notifications,
    mail,
    consents,
    publicUrl: config.publicUrl,
  });
  const referrals = new ReferralService({
    db,
    clock,
    keys,
    i18n: deps.i18n,
    audit,
    directory,
    booking,
    assessments,
  });
  const peerGroups = new PeerGroupService({ db, clock, audit, directory, notifications });
  const gatherings = new GatheringMessenger({ db, mail, notifications, publicUrl: config.publicUrl, clock });
  gatherings.registerJobs(jobs);
  const committee = new CommitteeService({ db, clock, audit, directory, messenger: gatherings });
  const focusGroups = new FocusGroupService({ db, clock, audit, directory, messenger: gatherings });
  focusGroups.registerJobs(jobs);
  const returnToWork = new ReturnToWorkService({ db, clock, keys, audit, directory, booking, notifications });
  returnToWork.registerJobs(jobs);
  const dpo = new DpoService({
    db,
    clock,
    audit,
    i18n: deps.i18n,
    directory,
    // The retention schedule erases each class through its owner.
    erasers: {
      assessment_results: (trx, agencyId, cutoff, at) => assessments.eraseResultsBefore(trx, agencyId, cutoff, at),
      assessment_drafts: (trx, agencyId, cutoff) => assessments.eraseDraftsBefore(trx, agencyId, cutoff),
      crisis_requests_closed: (trx, agencyId, cutoff) => crisis.eraseClosedBefore(trx, agencyId, cutoff),
      notifications: (trx, agencyId, cutoff) => notifications.eraseOlderThan(trx, agencyId, cutoff),
      sessions: (trx, agencyId, cutoff) => sessions.eraseOlderThan(trx, agencyId, cutoff),
      email_outbox: (trx, agencyId, cutoff) => mail.eraseOlderThan(trx, agencyId, cutoff),
      check_ins: (trx, agencyId, cutoff) => checkIns.eraseBefore(trx, agencyId, cutoff),
      habit_ticks: (trx, agencyId, cutoff) => habits.eraseTicksBefore(trx, agencyId, cutoff),
      time_management: (trx, agencyId, cutoff) => planner.eraseBefore(trx, agencyId, cutoff),
      appointments: (trx, agencyId, cutoff) => booking.eraseBefore(trx, agencyId, cutoff),
      session_notes: (trx, agencyId, cutoff) => notes.eraseBefore(trx, agencyId, cutoff),
      referrals: (trx, agencyId, cutoff) => referrals.eraseBefore(trx, agencyId, cutoff),
      peer_groups: (trx, agencyId, cutoff) => peerGroups.eraseBefore(trx, agencyId, cutoff),
      return_plans: (trx, agencyId, cutoff) => returnToWork.eraseBefore(trx, agencyId, cutoff),
    },
  });
  dpo.registerJobs(jobs);
  const people = new PeopleService({ db, clock, audit, sessions, credentials });
  return {
    version: deps.version,
    config,
    db: deps.db,
    clock,
    i18n: deps.i18n,
    keys,
    directory,
    audit,
    sessions,
    throttle,
    signIn: new SignInService({ db, clock, keys, sessions, throttle, audit, directory }),
    twoFactor: new TwoFactorService({ db, clock, keys, sessions, throttle, audit, directory }),
    credentials,
    mail,
    jobs,
    setup: new SetupService({ db, clock, audit }),
    agency,
    platform: new PlatformService({ db, clock, audit, credentials, directory }),
    units: new UnitService({ db, clock, audit }),
    people,
    profile: new ProfileService({ people }),
    roles: new RoleService({ db, clock, audit, requests: roleRequests }),
    imports: new ImportService({ db, clock, audit, i18n: deps.i18n, log: deps.log, credentials, directory }),
    campaigns,
    surveys,
    suggestions,
    surveyActions,
    drafts: new DraftService({ db, clock, keys }),
    assessments,
    sharing: new SharingService({ db, clock, keys, audit, coverage, crisis }),
    help: new HelpContactsService({
      db,
      clock,
      i18n: deps.i18n,
      audit,
      coverage,
      outreach: {
        get: async (trx, agencyId) => {
          const row = await directory.agency(agencyId, trx);
          return row ? row.disclosed_safety_outreach === 1 : undefined;
        },
        set: (trx, agencyId, on, at) => agency.setOutreach(trx, agencyId, on, at),
      },
    }),
    crisis,
    urgentQueue: new UrgentQueueService({ db, clock, keys, audit, crisis, coverage, booking }),
    notifications,
    boundaries,
    crisisOutbox: () => crisisOutboxState(db, clock.now(), config.crisisAlertMinutes),
    safetyPlans,
    articles: new ArticleService({ db, clock, audit }),
    checkIns,
    insights: new InsightsService({ db, clock, keys, checkIns }),
    // Data rights (decision 013): the person's copy and erasure go through the owners of their data.
    myData: new MyDataService({
      db,
      kind: deps.db.kind,
      clock,
      keys,
      audit,
      i18n: deps.i18n,
      assessments,
      campaigns,
      safetyPlans,
      crisis,
      habits,
      planner,
      checkIns,
      boundaries,
      booking,
      notes,
      counsellingConsents: consents,
      referrals,
      peerGroups,
      returnToWork,
      surveys,
      suggestions,
    }),
    roleRequests,
    dpo,
    habits,
    planner,
    booking,
    notes,
    consents,
    timeline: new TimelineService({ db, clock, audit, directory, booking, assessments, checkIns, consents }),
    referrals,
    peerGroups,
    committee,
    focusGroups,
    gatherings,
    returnToWork,
    caseload: new CaseloadService({
      db,
      clock,
      audit,
      directory,
      booking,
      assessments,
      consents,
      referrals,
      returnToWork,
    }),
  };
}
