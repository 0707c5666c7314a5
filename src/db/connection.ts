import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  kind: DatabaseKind;
  db: Kysely<Database>;
  /** Where the data lives, without credentials, for logs. */
  description: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://…` or `sqlite:path` / a file path; default `<dataDir>/teduh.sqlite`. */
  url?: string | undefined;
  /** Where the default SQLite file lives (DATA_DIR); `data` when not given. */
  dataDir?: string;
  /** Max pool size on PostgreSQL. */
  poolSize?: number;
}

// PostgreSQL returns bigint (count(*)) and numeric (avg) as strings; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number.parseFloat(v));

export function databaseKindOf(url: string | undefined): DatabaseKind {
  return url && /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/** Opens SQLite (the embedded default) or PostgreSQL, chosen by the URL. */
export function openDatabase(options: OpenDatabaseOptions = {}): DatabaseHandle {
  const url = options.url;
  if (databaseKindOf(url) === 'postgres') return openPostgres(url as string, options.poolSize ?? 10);
  const file = url ? url.replace(/^sqlite:(\/\/)?/, '') : path.join(options.dataDir ?? 'data', 'teduh.sqlite');
  return openSqlite(file);
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL for concurrent readers; synchronous=FULL so a commit is on disk before we answer 2xx
  // (PRIVACY.md §5: no acknowledged submission lost, even on power loss).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    kind: 'sqlite',
    db,
    description: `sqlite:${file}`,
    close: () => db.destroy(),
  };
}

function openPostgres(url: string, poolSize: number): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Fail fast and answer 503 rather than hang when the database is away (PRIVACY.md §5).
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 30_000,
  });
  // A dropped idle connection must not crash the process; the pool reconnects on next use.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const parsed = new URL(url);
  return {
    kind: 'postgres',
    db,
    description: `postgres://${parsed.host}${parsed.pathname}`,
    close: () => db.destroy(),
  };
}

/** Cheap round trip for /readyz. */
export async function pingDatabase(handle: DatabaseHandle): Promise<void> {
  await sql`select 1`.execute(handle.db);
}
