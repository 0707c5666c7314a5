import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

/** In-flight requests get this long to finish after SIGTERM (docs/operations.md: ≤ 25 s). */
const DRAIN_MS = 25_000;
/**
 * After SIGTERM the listener stays open this long before it closes. A connection the kernel has
 * accepted but Node has not yet taken from the backlog is reset when the listener closes, and a
 * request whose bytes have arrived but are not yet parsed counts as an idle connection, which
 * closing idle connections resets too: both are requests the client has already sent. Meanwhile
 * /readyz answers 503, so a load balancer sends nothing new.
 */
const SETTLE_MS = 500;

export function packageVersion(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [path.join(here, '..', '..'), path.join(here, '..')]) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return '0.0.0';
}

/**
 * Starts Teduh: configuration, database (migrated on every start), HTTP server, job runner, and
 * a graceful shutdown on SIGTERM/SIGINT — readiness off, stop accepting, drain, close the pool.
 */
export async function start(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  // The app's logger exists only once the app is built; until then connection errors go to stderr.
  let logConnectionError = (err: Error) => console.error('database connection error:', err.message);
  const db = openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    onConnectionError: (err) => logConnectionError(err),
  });
  const applied = await migrateToLatest(db);
  const { app, services, state } = await buildApp({ config, db, version: packageVersion() });
  // A dropped connection is answered 503 by the request that used it; this line says why.
  logConnectionError = (err) =>
    app.log.warn({ db: { code: (err as { code?: unknown }).code, message: err.message } }, 'database connection lost');
  if (applied.length > 0) app.log.info({ migrations: applied }, 'database migrated');
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ database: db.description, url: config.publicUrl }, 'Teduh is ready');
  if (config.jobsEnabled) services.jobs.start();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    state.shuttingDown = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, DRAIN_MS + 5_000);
    force.unref();
    try {
      await Promise.all([services.jobs.stop(), new Promise((resolve) => setTimeout(resolve, SETTLE_MS))]);
      // Stops accepting (a client gets "connection refused" and tries another instance), closes
      // idle connections, and waits for the requests in flight.
      await app.close();
      await db.close();
      app.log.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      app.log.error({ err: { message: (err as Error).message } }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

const isEntry = process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (isEntry) {
  start().catch((err: unknown) => {
    console.error('Teduh could not start:', (err as Error).message);
    process.exit(1);
  });
}
