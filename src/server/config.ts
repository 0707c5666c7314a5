import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Runtime configuration from environment variables (README "Configuration"). Parsed once at
 * start; a bad value stops the process with a message naming the variable.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('data'),
  TEDUH_SECRET: z.string().min(32, 'TEDUH_SECRET must be at least 32 characters').optional(),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Teduh <no-reply@teduh.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  IMPORT_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
  JOBS_ENABLED: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  CRISIS_ALERT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(5),
  // Resilience (docs/decisions/015-database-faults.md): a request (headers and body) not received in full within this many seconds is cut.
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  // Account recovery: a developer's switch, refused in production (docs/decisions/011-account-recovery.md).
  TEDUH_DEV_LOG_EMAIL_LINKS: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** 32 bytes of key material; encryption and signing keys are derived from it. */
  secret: Buffer;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  trustProxy: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  bodyLimit: number;
  importLimit: number;
  jobsEnabled: boolean;
  /** Minutes an undelivered request for help may wait before the crisis outbox alarm goes off. */
  crisisAlertMinutes: number;
  /** Where the static web build lives; absent in API-only tests. */
  webRoot: string | undefined;
  /** A request whose headers and body have not all arrived after this long is answered 408 and closed (slow clients). */
  requestTimeoutMs: number;
  /** Print held emails' secret links to the log (development only; decision 011). */
  devLogEmailLinks: boolean;
  /** Cookies are always Secure and `__Host-` named: PUBLIC_URL is https (decision 011). */
  secureCookies: boolean;
}

export class ConfigError extends Error {}

/** Reads configuration; generates and keeps a local secret on first run when none is given. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = overrides.dataDir ?? e.DATA_DIR;
  const secret = overrides.secret ?? (e.TEDUH_SECRET ? deriveSecret(e.TEDUH_SECRET) : localSecret(dataDir, e.NODE_ENV));
  const port = overrides.port ?? e.PORT;
  if (e.TEDUH_DEV_LOG_EMAIL_LINKS && e.NODE_ENV === 'production') {
    // A log is read by operators and log pipelines: a live sign-in link there is someone else's account.
    throw new ConfigError('TEDUH_DEV_LOG_EMAIL_LINKS is for development only and is refused when NODE_ENV=production.');
  }
  const publicUrl = overrides.publicUrl ?? (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    port,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    secret,
    publicUrl,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    bodyLimit: e.BODY_LIMIT_BYTES,
    importLimit: e.IMPORT_LIMIT_BYTES,
    jobsEnabled: e.JOBS_ENABLED,
    crisisAlertMinutes: e.CRISIS_ALERT_MINUTES,
    webRoot: path.resolve('dist', 'web'),
    requestTimeoutMs: e.REQUEST_TIMEOUT_SECONDS * 1_000,
    devLogEmailLinks: e.TEDUH_DEV_LOG_EMAIL_LINKS && e.NODE_ENV === 'development',
    secureCookies: publicUrl.startsWith('https:'),
    ...overrides,
  };
}

/** The instance secret from TEDUH_SECRET's text (also for `teduh rotate-note-keys --previous-secret-env`). */
export function deriveSecret(text: string): Buffer {
  return crypto.createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Without TEDUH_SECRET a random secret is kept in data/secret.key (mode 0600) so that a single
 * machine install works with no set-up. Production installs should set TEDUH_SECRET and back it
 * up: losing it makes two-factor secrets unreadable.
 */
function localSecret(dataDir: string, env: string): Buffer {
  if (env === 'production') {
    throw new ConfigError('TEDUH_SECRET is required when NODE_ENV=production (at least 32 random characters).');
  }
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}
