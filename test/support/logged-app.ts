import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app.js';
import { ManualClock } from '../../src/server/clock.js';
import { loadConfig } from '../../src/server/config.js';
import { Agent, type TestApp } from './test-app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface LoggedTestApp extends TestApp {
  /** Every log line the app wrote, parsed. */
  logLines(): Array<Record<string, unknown>>;
  /** The raw log, for "names the cause" assertions. */
  logText(): string;
}

/**
 * Like createTestApp, but the app logs at info level into memory, so a test can read what an
 * operator would see (e.g. that a full disk is logged as SQLITE_FULL). On `given`, a migrated
 * database the test made itself, when there is one; closing the app destroys it.
 */
export async function createLoggedTestApp(given?: TestDatabase): Promise<LoggedTestApp> {
  const database = given ?? (await createTestDatabase());
  const clock = new ManualClock(new Date('2026-11-23T02:00:00.000Z'));
  const config = loadConfig(
    { NODE_ENV: 'test', LOG_LEVEL: 'info' },
    {
      secret: crypto.randomBytes(32),
      dataDir: path.join(os.tmpdir(), 'teduh-test-data'),
      publicUrl: 'http://teduh.test',
      webRoot: undefined,
      jobsEnabled: false,
    },
  );
  const lines: string[] = [];
  const built = await buildApp({
    config,
    db: database.handle,
    clock,
    version: 'test',
    logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } },
  });
  await built.app.ready();
  return {
    ...built,
    clock,
    database,
    anonymous: () => new Agent(built),
    close: async () => {
      await built.app.close();
      await database.destroy();
    },
    logText: () => lines.join(''),
    logLines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
