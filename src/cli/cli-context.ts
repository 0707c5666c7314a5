import { pino } from 'pino';
import { openDatabase, type DatabaseHandle } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { createI18n, translatorFor, type Translate } from '../i18n/translator.js';
import type { Locale } from '../i18n/locales.js';
import { systemClock } from '../server/clock.js';
import { ConfigError, loadConfig, type Config } from '../server/config.js';
import { packageVersion } from '../server/main.js';
import { createServices, type Services } from '../server/services.js';

/** A failure to report to the person at the terminal: a message, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The services of the configured install, built the way the server builds them. */
export interface CliContext {
  config: Config;
  database: DatabaseHandle;
  services: Services;
  /** Messages from the i18n catalogue, in the terminal's language. */
  t: Translate;
  /** Migrations applied while opening (usually none). */
  migrated: string[];
  close(): Promise<void>;
}

/** Indonesian when the terminal speaks it (LANG=id_ID…), English otherwise. */
export function terminalLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^id([_.-]|$)/i.test(lang) ? 'id' : 'en';
}

/**
 * Opens the database named by DATABASE_URL (default data/teduh.sqlite), brings its schema up to
 * date and wires the services. Logs go to stderr at warn level so that stdout carries only what
 * the command prints.
 */
export async function openCliContext(): Promise<CliContext> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message, 78);
    throw err;
  }
  const database = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    const migrated = await migrateToLatest(database);
    const i18n = createI18n();
    const log = pino({ level: 'warn' }, pino.destination(2));
    const services = createServices({ version: packageVersion(), config, db: database, clock: systemClock, i18n, log });
    return {
      config,
      database,
      services,
      t: translatorFor(i18n, terminalLocale()),
      migrated,
      close: () => database.close(),
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** Runs `body` with an open context and always closes the database afterwards. */
export async function withCliContext<T>(body: (context: CliContext) => Promise<T>): Promise<T> {
  const context = await openCliContext();
  try {
    return await body(context);
  } finally {
    await context.close();
  }
}
