/**
 * What a database error means for the service (docs/decisions/015-database-faults.md): a fault
 * of the database or its disk, to answer "try again shortly" — or null for everything else
 * (bugs, constraint violations), which the error handler treats on its own terms.
 */
export type DatabaseFault =
  /** The connection dropped, the server is restarting, a lock or pool is busy: retry soon. */
  | 'unavailable'
  /** The disk (or the configured size cap) is full: no write fits until space is freed. */
  | 'storage_full'
  /** The database accepts reads only: a read-only file or mount, a hot standby, read-only mode. */
  | 'read_only'
  /** The disk failed a read or write. */
  | 'io_error';

/** PostgreSQL SQLSTATEs (Appendix A of its manual) that are faults rather than bugs. */
const PG_CODES: Record<string, DatabaseFault> = {
  '57P01': 'unavailable', // admin_shutdown: pg_ctl stop/restart -m fast
  '57P02': 'unavailable', // crash_shutdown: another backend crashed, or -m immediate
  '57P03': 'unavailable', // cannot_connect_now: starting up or shutting down
  '57014': 'unavailable', // query_canceled: statement_timeout fired
  '53300': 'unavailable', // too_many_connections
  '53400': 'unavailable', // configuration_limit_exceeded
  '53200': 'unavailable', // out_of_memory
  '40001': 'unavailable', // serialization_failure: the same transaction may succeed when retried
  '40P01': 'unavailable', // deadlock_detected: likewise
  '55P03': 'unavailable', // lock_not_available
  '53100': 'storage_full', // disk_full
  '25006': 'read_only', // read_only_sql_transaction: hot standby or default_transaction_read_only
  '58030': 'io_error', // io_error
};

/** Socket errors of the connection to PostgreSQL. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * Messages without a code: node-postgres reports a dropped or unusable connection and a pool
 * wait that timed out in words only; Kysely and better-sqlite3 do so for a closed handle.
 */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable|Client was closed|Cannot use a pool after calling end|driver has already been destroyed|database connection is not open/i;

/** Classifies an error thrown by a query, a transaction or a connection; null when it is not a fault. */
export function databaseFaultOf(err: unknown): DatabaseFault | null {
  if (err === null || typeof err !== 'object') return null;
  const { code: rawCode, message } = err as { code?: unknown; message?: unknown };
  const code = typeof rawCode === 'string' ? rawCode : '';
  if (code.startsWith('SQLITE_')) return sqliteFault(code);
  if (code in PG_CODES) return PG_CODES[code] ?? null;
  // Class 08: connection exceptions (08000, 08003, 08006, 08001, 08004, 08P01).
  if (/^08[0-9A-Z]{3}$/.test(code)) return 'unavailable';
  if (NETWORK_CODES.has(code)) return 'unavailable';
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return 'unavailable';
  return null;
}

/** better-sqlite3 gives extended result codes, e.g. SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED. */
function sqliteFault(code: string): DatabaseFault | null {
  if (code === 'SQLITE_FULL') return 'storage_full';
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) return 'read_only';
  if (
    code === 'SQLITE_IOERR' ||
    code.startsWith('SQLITE_IOERR_') ||
    code === 'SQLITE_CANTOPEN' ||
    code.startsWith('SQLITE_CANTOPEN_')
  )
    return 'io_error';
  if (
    code === 'SQLITE_BUSY' ||
    code.startsWith('SQLITE_BUSY_') ||
    code === 'SQLITE_LOCKED' ||
    code.startsWith('SQLITE_LOCKED_')
  )
    return 'unavailable';
  if (code === 'SQLITE_NOMEM' || code === 'SQLITE_PROTOCOL') return 'unavailable';
  return null;
}

/** True for faults an operator must act on (free space, fix a mount); the others pass by themselves. */
export function needsOperator(fault: DatabaseFault): boolean {
  return fault !== 'unavailable';
}
