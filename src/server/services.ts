import type { FastifyBaseLogger } from 'fastify';
import type { i18n } from 'i18next';
import type { DatabaseHandle } from '../db/connection.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { KeyRing } from './crypto.js';
import { AgencyService } from './modules/agency/agency.service.js';
import { AuditService } from './modules/audit/audit.service.js';
import { CredentialsService } from './modules/auth/credentials.service.js';
import { SessionService } from './modules/auth/session.service.js';
import { SignInService } from './modules/auth/sign-in.service.js';
import { ThrottleService } from './modules/auth/throttle.service.js';
import { TwoFactorService } from './modules/auth/two-factor.service.js';
import { ImportService } from './modules/imports/imports.service.js';
import { JobRunner } from './modules/jobs/job-runner.js';
import { MailService } from './modules/mail/mail.service.js';
import { PeopleService } from './modules/org/people.service.js';
import { RoleService } from './modules/org/roles.service.js';
import { UnitService } from './modules/org/units.service.js';
import { PlatformService } from './modules/platform/platform.service.js';
import { SetupService } from './modules/setup/setup.service.js';
import { CampaignService } from './modules/campaigns/index.js';
import { AssessmentService, DraftService, SharingService } from './modules/assessments/index.js';
import { NotificationService } from './modules/notifications/notifications.service.js';
import { CounsellorCoverage, UrgentQueueService } from './modules/counselling/index.js';
import { CrisisService, HelpContactsService, watchCrisisOutbox } from './modules/help/index.js';
import { SafetyPlanService } from './modules/safety-plan/index.js';
import { purgeIdempotencyKeys } from './plugins/idempotency.js';
// My data (docs/decisions/013-data-rights.md).
import { MyDataService } from './modules/my-data/index.js';
// Issue 7, separation of duties and the DPO.
import { RoleRequestService } from './modules/org/role-requests.service.js';
import { DpoService } from './modules/dpo/index.js';
// Owners' functions the care modules reach through ports until their services offer them (see table-owners.s2.ts).
import { findOutreach, updateOutreach } from './modules/agency/outreach.repository.js';
import { eraseSessionsBefore } from './modules/auth/retention.repository.js';
import { eraseEmailsBefore } from './modules/mail/retention.repository.js';
import { eraseNotificationsBefore } from './modules/notifications/retention.repository.js';

/** Everything the modules need, built once per app. Modules reach each other only through here. */
export interface Services {
  version: string;
  config: Config;
  db: DatabaseHandle;
  clock: Clock;
  i18n: i18n;
  keys: KeyRing;
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
  roles: RoleService;
  imports: ImportService;
  campaigns: CampaignService;
  // Self-assessment, help and the crisis pathway, counselling.
  drafts: DraftService;
  assessments: AssessmentService;
  sharing: SharingService;
  help: HelpContactsService;
  crisis: CrisisService;
  urgentQueue: UrgentQueueService;
  notifications: NotificationService;
  /** The person's own safety plan. */
  safetyPlans: SafetyPlanService;
  /** My data: the person's own data rights (docs/decisions/013-data-rights.md). */
  myData: MyDataService;
  // Issue 7, separation of duties and the DPO.
  roleRequests: RoleRequestService;
  dpo: DpoService;
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
  const audit = new AuditService(db, clock);
  const sessions = new SessionService(db, clock, {
    idleMs: config.sessionIdleMs,
    absoluteMs: config.sessionAbsoluteMs,
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
    // Issue 7, account recovery: secret links sealed until sent; logged only on a developer's explicit flag.
    keys,
    devLogLinks: config.devLogEmailLinks,
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
  });
  // Issue 7, account recovery: reset requests are answered at once and handled by a job.
  credentials.registerJobs(jobs);
  jobs.every({ name: 'wipe-email-secrets', everyMs: 60 * 60_000, run: () => mail.wipeStaleSecrets() });
  // Screening campaigns: invitations, reminders and closing run on the durable job runner.
  const notifications = new NotificationService({ db, clock });
  const campaigns = new CampaignService({
    db,
    kind: deps.db.kind,
    clock,
    audit,
    mail,
    notifications,
    publicUrl: config.publicUrl,
  });
  campaigns.registerJobs(jobs);
  // The crisis outbox relay runs on the same durable job runner as email.
  const coverage = new CounsellorCoverage({ db });
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
  // Issue 7, separation of duties and the DPO: grants wait for a second person and lapse after a
  // week; the DPO's nightly retention job and its alert checks run on the same job runner.
  const roleRequests = new RoleRequestService({ db, clock, audit, mail, i18n: deps.i18n, publicUrl: config.publicUrl });
  jobs.every({
    name: 'expire-role-requests',
    everyMs: 60 * 60_000,
    run: async () => void (await roleRequests.expireDue()),
  });
  const assessments = new AssessmentService({ db, clock, keys, crisis, campaigns, audit });
  const safetyPlans = new SafetyPlanService({ db, clock, keys });
  const dpo = new DpoService({
    db,
    clock,
    audit,
    i18n: deps.i18n,
    // The retention schedule erases each class through its owner.
    erasers: {
      assessment_results: (trx, agencyId, cutoff, at) => assessments.eraseResultsBefore(trx, agencyId, cutoff, at),
      assessment_drafts: (trx, agencyId, cutoff) => assessments.eraseDraftsBefore(trx, agencyId, cutoff),
      crisis_requests_closed: (trx, agencyId, cutoff) => crisis.eraseClosedBefore(trx, agencyId, cutoff),
      notifications: (trx, agencyId, cutoff) => eraseNotificationsBefore(trx, agencyId, cutoff),
      sessions: (trx, agencyId, cutoff) => eraseSessionsBefore(trx, agencyId, cutoff),
      email_outbox: (trx, agencyId, cutoff) => eraseEmailsBefore(trx, agencyId, cutoff),
    },
  });
  dpo.registerJobs(jobs);
  return {
    version: deps.version,
    config,
    db: deps.db,
    clock,
    i18n: deps.i18n,
    keys,
    audit,
    sessions,
    throttle,
    signIn: new SignInService({ db, clock, keys, sessions, throttle, audit }),
    twoFactor: new TwoFactorService({ db, clock, keys, sessions, throttle, audit }),
    credentials,
    mail,
    jobs,
    setup: new SetupService({ db, clock, audit }),
    agency: new AgencyService({ db, clock, audit }),
    platform: new PlatformService({ db, clock, audit, credentials }),
    units: new UnitService({ db, clock, audit }),
    people: new PeopleService({ db, clock, audit, sessions, credentials }),
    roles: new RoleService({ db, clock, audit, requests: roleRequests }),
    imports: new ImportService({ db, clock, audit, i18n: deps.i18n, log: deps.log, credentials }),
    campaigns,
    drafts: new DraftService({ db, clock, keys }),
    assessments,
    sharing: new SharingService({ db, clock, keys, audit, coverage, crisis }),
    help: new HelpContactsService({
      db,
      clock,
      i18n: deps.i18n,
      audit,
      coverage,
      outreach: { get: findOutreach, set: updateOutreach },
    }),
    crisis,
    urgentQueue: new UrgentQueueService({ db, keys, audit, crisis, coverage }),
    notifications,
    safetyPlans,
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
    }),
    roleRequests,
    dpo,
  };
}
