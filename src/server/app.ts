// First: zod's configuration must precede every schema (src/contracts/zod-setup.ts).
import '../contracts/zod-setup.js';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../db/connection.js';
import { createI18n } from '../i18n/translator.js';
import type { App } from './app-types.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { zodValidatorCompiler } from './http/zod-validation.js';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { registerAgencyRoutes } from './modules/agency/agency.routes.js';
import { registerAuthRoutes } from './modules/auth/auth.routes.js';
import { registerCredentialsRoutes } from './modules/auth/credentials.routes.js';
import { registerTwoFactorRoutes } from './modules/auth/two-factor.routes.js';
import { registerHealthRoutes } from './modules/health/health.routes.js';
import { registerImportRoutes } from './modules/imports/imports.routes.js';
import { registerPeopleRoutes } from './modules/org/people.routes.js';
import { registerRoleRoutes } from './modules/org/roles.routes.js';
import { registerUnitRoutes } from './modules/org/units.routes.js';
import { registerPlatformRoutes } from './modules/platform/platform.routes.js';
import { registerProfileRoutes } from './modules/profile/profile.routes.js';
import { registerInstrumentRoutes } from './modules/instruments/instruments.routes.js';
import { registerAssessmentRoutes } from './modules/assessments/assessments.routes.js';
import { registerHelpRoutes } from './modules/help/help.routes.js';
import { registerCounsellingRoutes } from './modules/counselling/counselling.routes.js';
import { registerSafetyPlanRoutes } from './modules/safety-plan/safety-plan.routes.js';
import { registerArticleRoutes } from './modules/articles/articles.routes.js';
// Daily check-ins (docs/decisions/032-check-ins.md).
import { registerCheckInRoutes } from './modules/check-ins/check-ins.routes.js';
import { registerInsightRoutes } from './modules/check-ins/insights.routes.js';
import { registerHabitRoutes } from './modules/habits/habits.routes.js';
import { registerPlannerRoutes } from './modules/planner/planner.routes.js';
import { registerBookingRoutes } from './modules/booking/booking.routes.js';
import { registerNotesRoutes } from './modules/notes/notes.routes.js';
import { registerConsentRoutes } from './modules/consent/consent.routes.js';
import { registerReferralRoutes } from './modules/referrals/referrals.routes.js';
import { registerPeerGroupRoutes } from './modules/peer-groups/peer-groups.routes.js';
import { registerCommitteeRoutes } from './modules/committee/committee.routes.js';
import { registerFocusGroupRoutes } from './modules/focus-groups/focus-groups.routes.js';
import { registerReturnToWorkRoutes } from './modules/return-to-work/return-to-work.routes.js';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes.js';
import { registerCampaignRoutes } from './modules/campaigns/campaigns.routes.js';
import { registerSurveyRoutes } from './modules/surveys/surveys.routes.js';
import { registerSuggestionRoutes } from './modules/suggestions/suggestions.routes.js';
import { registerSurveyActionRoutes } from './modules/survey-actions/index.js';
import { registerSetupRoutes } from './modules/setup/setup.routes.js';
// Data rights (docs/decisions/013-data-rights.md).
import { registerMyDataRoutes } from './modules/my-data/my-data.routes.js';
// Separation of duties and the DPO (docs/decisions/012-separation-of-duties.md).
import { registerRoleRequestRoutes } from './modules/org/role-requests.routes.js';
import { registerDpoRoutes } from './modules/dpo/dpo.routes.js';
import { registerBoundaryRoutes } from './modules/boundaries/boundaries.routes.js';
import { installDeniedReadLog } from './plugins/denied-reads.js';
import { installAccessControl } from './plugins/access-control.js';
import { installCsrfProtection } from './plugins/csrf.js';
import { installErrorHandler } from './plugins/error-handler.js';
import { installIdempotency } from './plugins/idempotency.js';
import { installMethodNotAllowed } from './plugins/method-not-allowed.js';
import { installOpenApi, registerOpenApiRoute } from './plugins/openapi.js';
import { installRequestContext, requestIdOf, serializeRequest } from './plugins/request-context.js';
import { installSecurityHeaders } from './plugins/security-headers.js';
// Rate limits (docs/decisions/014-rate-limits.md).
import { installRateLimits } from './plugins/rate-limits.js';
import { installWebApp } from './plugins/web-static.js';
import { createServices, type Services } from './services.js';

export interface BuildAppOptions {
  config: Config;
  db: DatabaseHandle;
  clock?: Clock;
  version?: string;
  /** Pino options; tests pass `false` for silence. */
  logger?: boolean | object;
}

export interface BuiltApp {
  app: App;
  services: Services;
  state: { shuttingDown: boolean };
}

/** Personal data must never reach the logs (docs/privacy.md): these fields are blanked. */
const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/**
 * Builds the HTTP app: plugins first (order matters: context → security → access → CSRF →
 * idempotency), then one line per module, then the OpenAPI document and the web app.
 */
export async function buildApp(options: BuildAppOptions): Promise<BuiltApp> {
  const { config, db } = options;
  const clock = options.clock ?? systemClock;
  const fastify = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: REDACT,
            serializers: { req: serializeRequest },
            ...(typeof options.logger === 'object' ? options.logger : {}),
          },
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimit,
    // Slow clients (slowloris) must not hold connections open (docs/operations.md, "Timeouts"): a
    // request whose headers and body are not all in after REQUEST_TIMEOUT_SECONDS (30 s) is
    // answered 408 and closed. Node checks the clock every `connectionsCheckingInterval` (30 s by
    // default, which would let a trickle live up to twice the limit), so it checks every second.
    requestTimeout: config.requestTimeoutMs,
    http: {
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: config.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, Math.max(100, Math.floor(config.requestTimeoutMs / 4))),
    },
    connectionTimeout: 120_000,
    keepAliveTimeout: 5_000,
    // During a graceful shutdown, requests already on an open connection are served rather than
    // turned away with 503: the listener is closed, so nothing new arrives, and the drain ends
    // when those requests are answered (docs/privacy.md §5).
    return503OnClosing: false,
    requestIdHeader: false,
    genReqId: requestIdOf,
  }).withTypeProvider<ZodTypeProvider>();
  const app = fastify as unknown as App;
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const i18n = createI18n();
  const services = createServices({ version: options.version ?? '0.0.0', config, db, clock, i18n, log: app.log });
  const state = { shuttingDown: false };

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.importLimit, files: 1, fields: 10 } });
  installRequestContext(app, { i18n, sessions: services.sessions, secureCookies: config.secureCookies });
  installErrorHandler(app);
  await installSecurityHeaders(app);
  installAccessControl(app);
  installCsrfProtection(app, config.publicUrl);
  installIdempotency(app, { db: db.db, clock, key: services.keys.signingKey });
  // A wrong method on a known path answers 405 with Allow, not 404.
  installMethodNotAllowed(app);
  // Rate limits: after access control (its hooks run after the access check), before the routes.
  await installRateLimits(app, { db: db.db, clock, log: app.log });
  await installOpenApi(app, services.version, config.publicUrl);
  // Denied reads of records by id are recorded for the DPO's alerts.
  installDeniedReadLog(app, services.dpo);

  // While draining after SIGTERM every answer closes its connection, so
  // keep-alive clients reconnect to another instance and the drain ends with the last answer.
  app.addHook('onSend', async (_request, reply) => {
    if (state.shuttingDown) reply.header('connection', 'close');
  });

  registerHealthRoutes(app, services, state);
  registerSetupRoutes(app, services);
  registerAuthRoutes(app, services);
  registerProfileRoutes(app, services);
  registerTwoFactorRoutes(app, services);
  registerCredentialsRoutes(app, services);
  registerUnitRoutes(app, services);
  registerPeopleRoutes(app, services);
  registerRoleRoutes(app, services);
  registerImportRoutes(app, services);
  registerAuditRoutes(app, services);
  registerAgencyRoutes(app, services);
  registerPlatformRoutes(app, services);
  registerInstrumentRoutes(app, services);
  registerAssessmentRoutes(app, services);
  registerHelpRoutes(app, services);
  registerCounsellingRoutes(app, services);
  registerSafetyPlanRoutes(app, services);
  registerArticleRoutes(app, services);
  registerCheckInRoutes(app, services);
  registerInsightRoutes(app, services);
  registerNotificationRoutes(app, services);
  registerCampaignRoutes(app, services);
  registerSurveyRoutes(app, services);
  registerSuggestionRoutes(app, services);
  registerSurveyActionRoutes(app, services);
  // Data rights (docs/decisions/013-data-rights.md).
  registerMyDataRoutes(app, services);
  // Separation of duties and the DPO.
  registerRoleRequestRoutes(app, services);
  registerDpoRoutes(app, services);
  registerBoundaryRoutes(app, services);
  // Self-care plan and time management (docs/decisions/035-self-care-and-plan.md).
  registerHabitRoutes(app, services);
  registerPlannerRoutes(app, services);
  registerBookingRoutes(app, services);
  registerNotesRoutes(app, services);
  registerConsentRoutes(app, services);
  registerReferralRoutes(app, services);
  registerPeerGroupRoutes(app, services);
  registerCommitteeRoutes(app, services);
  registerFocusGroupRoutes(app, services);
  registerReturnToWorkRoutes(app, services);
  registerOpenApiRoute(app);

  await installWebApp(app, config.webRoot);
  return { app, services, state };
}
