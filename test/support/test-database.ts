import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/** Which database this test project runs on (set per Vitest project in vitest.config.ts). */
export const TEST_DB_KIND: DatabaseKind = process.env.TEDUH_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

/** Why the PostgreSQL project cannot run here ('' when it can). */
export function postgresSkipReason(): string {
  return TEST_DB_KIND === 'postgres' ? inject('postgresSkipReason') : '';
}

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Closes the connection and opens a fresh one to the same database, as a restarted process would. */
  reopen(): Promise<void>;
  /** Drops the database (PostgreSQL) or deletes the file (SQLite). */
  destroy(): Promise<void>;
  /** A second, independent connection (pool) to the same database, as another app instance has. */
  connectAgain(): DatabaseHandle;
}

/** A fresh, migrated database of the project's kind, private to the caller. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DB_KIND === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teduh-sqlite-'));
    const sqliteUrl = `sqlite:${path.join(dir, 'test.sqlite')}`;
    const database: TestDatabase = {
      handle: openDatabase({ url: sqliteUrl }),
      reopen: async () => {
        await database.handle.close();
        database.handle = openDatabase({ url: sqliteUrl });
      },
      destroy: async () => {
        await database.handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
      connectAgain: () => openDatabase({ url: sqliteUrl }),
    };
    await migrateToLatest(database.handle);
    return database;
  }
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) throw new Error(`PostgreSQL unavailable: ${inject('postgresSkipReason')}`);
  const name = `teduh_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE teduh_template`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database: TestDatabase = {
    handle: openDatabase({ url: url.toString(), poolSize: 5 }),
    reopen: async () => {
      await database.handle.close();
      database.handle = openDatabase({ url: url.toString(), poolSize: 5 });
    },
    destroy: async () => {
      await database.handle.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
    connectAgain: () => openDatabase({ url: url.toString(), poolSize: 5 }),
  };
  return database;
}
