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
import { purgeIdempotencyKeys } from './plugins/idempotency.js';

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
  const sessions = new SessionService(db, clock, { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs });
  const throttle = new ThrottleService(db, clock);
  const jobs = new JobRunner(db, deps.db.kind, clock, deps.log);
  const mail = new MailService({
    db,
    clock,
    i18n: deps.i18n,
    log: deps.log,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    logBodies: config.env === 'development',
  });
  mail.registerJobs(jobs);
  jobs.every({ name: 'purge-sessions', everyMs: 10 * 60_000, run: async () => void (await sessions.purgeExpired()) });
  jobs.every({ name: 'purge-throttle', everyMs: 10 * 60_000, run: () => throttle.purgeStale() });
  jobs.every({ name: 'purge-idempotency', everyMs: 60 * 60_000, run: () => purgeIdempotencyKeys(db, clock.now()) });

  const credentials = new CredentialsService({ db, clock, sessions, throttle, mail, audit, publicUrl: config.publicUrl });
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
    people: new PeopleService({ db, clock, audit, sessions }),
    roles: new RoleService({ db, clock, audit }),
    imports: new ImportService({ db, clock, audit, i18n: deps.i18n, log: deps.log }),
  };
}
