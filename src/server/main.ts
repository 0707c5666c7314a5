import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

/** In-flight requests get this long to finish after SIGTERM (PRIVACY.md §5: ≤ 25 s). */
const DRAIN_MS = 25_000;

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
  const db = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrateToLatest(db);
  const { app, services, state } = await buildApp({ config, db, version: packageVersion() });
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
      await services.jobs.stop();
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
