import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';
import { databaseFaultOf } from './faults.js';
import type { Database } from './schema.js';
import { preparedNameOf } from './statement-cache.js';

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
  /**
   * Told about a PostgreSQL connection that failed outside a query (the server restarted, the
   * network dropped): for the log. The connection is discarded either way; nothing crashes.
   */
  onConnectionError?: (err: Error) => void;
}

/**
 * PostgreSQL timeouts (docs/decisions/015-database-faults.md): a request waits at most 3 s for a
 * connection (then 503), a statement runs at most 30 s on the server, and the client gives up on
 * a silent connection 5 s after that (a network partition the server cannot report).
 */
export const POSTGRES_TIMEOUTS = {
  connectionTimeoutMillis: 3_000,
  statementTimeoutMillis: 30_000,
  queryTimeoutMillis: 35_000,
  lockTimeoutMillis: 10_000,
  idleInTransactionMillis: 60_000,
} as const;

// PostgreSQL returns bigint (count(*)) and numeric (avg) as strings; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number.parseFloat(v));

export function databaseKindOf(url: string | undefined): DatabaseKind {
  return url && /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/** Opens SQLite (the embedded default) or PostgreSQL, chosen by the URL. */
export function openDatabase(options: OpenDatabaseOptions = {}): DatabaseHandle {
  const url = options.url;
  if (databaseKindOf(url) === 'postgres')
    return openPostgres(url as string, options.poolSize ?? 10, options.onConnectionError);
  const file = url ? url.replace(/^sqlite:(\/\/)?/, '') : path.join(options.dataDir ?? 'data', 'teduh.sqlite');
  return openSqlite(file);
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL for concurrent readers; synchronous=FULL so a commit is on disk before we answer 2xx
  // (docs/privacy.md §5: no acknowledged submission lost, even on power loss).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite rolls a transaction back by itself on SQLITE_FULL, SQLITE_IOERR and the like; a second
  // ROLLBACK then fails with "no transaction is active" and would hide the real cause.
  const dialect = new RollbackSurfacingDialect(new SqliteDialect({ database: sqlite }), () => !sqlite.inTransaction);
  const db = new Kysely<Database>({ dialect });
  return {
    kind: 'sqlite',
    db,
    description: `sqlite:${file}`,
    close: () => db.destroy(),
  };
}

function openPostgres(
  url: string,
  poolSize: number,
  onConnectionError: (err: Error) => void = () => undefined,
): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Fail fast and answer 503 rather than hang when the database is away (docs/privacy.md).
    connectionTimeoutMillis: POSTGRES_TIMEOUTS.connectionTimeoutMillis,
    idleTimeoutMillis: 30_000,
    statement_timeout: POSTGRES_TIMEOUTS.statementTimeoutMillis,
    query_timeout: POSTGRES_TIMEOUTS.queryTimeoutMillis,
    lock_timeout: POSTGRES_TIMEOUTS.lockTimeoutMillis,
    idle_in_transaction_session_timeout: POSTGRES_TIMEOUTS.idleInTransactionMillis,
    keepAlive: true,
    application_name: 'teduh',
  });
  // Every connection gets an error listener. The pool listens only while a client is idle; a
  // client checked out by a request when PostgreSQL restarts emits 'error' ("Connection terminated
  // unexpectedly") with nobody listening, and an unheard 'error' event kills the process. With the
  // listener the request's query fails (503), the client is discarded on release, and the pool
  // opens a fresh connection on next use.
  pool.on('connect', (client) => {
    client.on('error', onConnectionError);
    preparedStatements(client);
  });
  pool.on('error', onConnectionError);
  // A broken connection cannot run ROLLBACK either: that second failure must not replace the
  // first (the error the request should be answered with).
  const dialect = new RollbackSurfacingDialect(
    new PostgresDialect({ pool }),
    (rollbackError) => databaseFaultOf(rollbackError) !== null,
  );
  const db = new Kysely<Database>({ dialect });
  const parsed = new URL(url);
  return {
    kind: 'postgres',
    db,
    description: `postgres://${parsed.host}${parsed.pathname}`,
    close: () => db.destroy(),
  };
}

/**
 * Runs the hot statements of src/db/statement-cache.ts as named prepared statements on this
 * connection (docs/decisions/046-check-in-submit-cpu.md): the first run parses the text under its
 * name, later runs only bind the parameters. Kysely passes a statement as (text, parameters) and
 * has no way to name it, so the connection names the texts the statement cache has registered;
 * every other statement runs unnamed, exactly as before. node-postgres forgets a name whose parse
 * failed, so a failed first run is parsed again next time.
 */
export function preparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    const name = typeof config === 'string' && Array.isArray(values) ? preparedNameOf(config) : undefined;
    if (name === undefined) return query(config, values, callback);
    return callback === undefined
      ? query({ name, text: config, values })
      : query({ name, text: config, values }, callback);
  };
}

/**
 * Wraps a dialect so that when a transaction fails and its ROLLBACK fails too, the ROLLBACK's
 * error is dropped when `rollbackMayFail` says it is expected — Kysely then rethrows the original
 * error, the one that says what went wrong (SQLITE_FULL rather than "cannot rollback - no
 * transaction is active").
 */
class RollbackSurfacingDialect implements Dialect {
  constructor(
    private readonly inner: Dialect,
    private readonly rollbackMayFail: (rollbackError: unknown) => boolean,
  ) {}
  createAdapter() {
    return this.inner.createAdapter();
  }
  createDriver(): Driver {
    return new RollbackSurfacingDriver(this.inner.createDriver(), this.rollbackMayFail);
  }
  createQueryCompiler() {
    return this.inner.createQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return this.inner.createIntrospector(db);
  }
}

class RollbackSurfacingDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly rollbackMayFail: (rollbackError: unknown) => boolean,
  ) {}
  init() {
    return this.inner.init();
  }
  acquireConnection() {
    return this.inner.acquireConnection();
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection);
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.rollbackTransaction(connection);
    } catch (rollbackError) {
      if (!this.rollbackMayFail(rollbackError)) throw rollbackError;
    }
  }
  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    if (!this.inner.savepoint) throw new Error('savepoints are not supported by this driver');
    await this.inner.savepoint(connection, name, compile);
  }
  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    if (!this.inner.rollbackToSavepoint) throw new Error('savepoints are not supported by this driver');
    await this.inner.rollbackToSavepoint(connection, name, compile);
  }
  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    if (!this.inner.releaseSavepoint) throw new Error('savepoints are not supported by this driver');
    await this.inner.releaseSavepoint(connection, name, compile);
  }
  releaseConnection(connection: DatabaseConnection) {
    return this.inner.releaseConnection(connection);
  }
  destroy() {
    return this.inner.destroy();
  }
}
