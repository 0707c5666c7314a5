import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throw-away PostgreSQL cluster for the integration tests: the machine's initdb/pg_ctl, a temp
 * directory, a free port, 127.0.0.1 only, trust auth; removed afterwards. PostgreSQL refuses to
 * run as root, so as root the binaries run as the `postgres` user.
 */
export interface Cluster {
  url: string;
  /** `postgres (PostgreSQL) 15.x`, for benchmark reports. */
  version: string;
  /**
   * `pg_ctl restart -m <mode>` without blocking the event loop, so a test can keep load running
   * through it: `fast` ends sessions politely (57P01), `immediate` kills the server as a crash
   * would and recovers from the WAL on start.
   */
  restart(mode: 'fast' | 'immediate'): Promise<void>;
  stop(): void;
}

function findBinary(name: string): string | null {
  const candidates = [
    ...(process.env.PG_BIN ? [path.join(process.env.PG_BIN, name)] : []),
    ...['17', '16', '15', '14'].map((v) => `/usr/lib/postgresql/${v}/bin/${name}`),
  ];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  const which = spawnSync('which', [name], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

/** Why a local cluster cannot start here, or null when it can. */
export function postgresUnavailableReason(): string | null {
  if (!findBinary('initdb') || !findBinary('pg_ctl'))
    return 'PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install postgresql';
  if (process.getuid?.() === 0 && spawnSync('id', ['postgres']).status !== 0)
    return 'running as root without a postgres user';
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function runAsPostgres(bin: string, args: string[]): string {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { stdio: 'pipe', encoding: 'utf8' });
}

function runAsPostgresAsync(bin: string, args: string[]): Promise<void> {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return new Promise((resolve, reject) => {
    execFile(cmd, argv, { encoding: 'utf8' }, (err, _stdout, stderr) =>
      err ? reject(new Error(`${bin} ${args.join(' ')}: ${stderr || err.message}`)) : resolve(),
    );
  });
}

/**
 * Tests trade durability for speed (no fsync: the cluster is thrown away); benchmarks ask for
 * `durable: true`, PostgreSQL's default settings, so their figures compare with production.
 */
export async function startCluster(options: { durable?: boolean } = {}): Promise<Cluster> {
  const durable = options.durable ?? false;
  const initdb = findBinary('initdb') as string;
  const pgCtl = findBinary('pg_ctl') as string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teduh-pg-'));
  const dataDir = path.join(dir, 'data');
  const socketDir = path.join(dir, 'sock');
  fs.mkdirSync(socketDir);
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  runAsPostgres(initdb, [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--no-locale',
    ...(durable ? [] : ['--no-sync']),
  ]);
  const fast = durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200';
  runAsPostgres(pgCtl, [
    '-D',
    dataDir,
    '-l',
    path.join(dir, 'postgres.log'),
    '-o',
    `-p ${port} -h 127.0.0.1 -k ${socketDir}${fast}`,
    '-w',
    'start',
  ]);
  const version = runAsPostgres(path.join(path.dirname(pgCtl), 'postgres'), ['--version']).trim();
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    version,
    // The -o options of the start are kept in postmaster.opts and reused by restart.
    restart: (mode) =>
      runAsPostgresAsync(pgCtl, ['-D', dataDir, '-l', path.join(dir, 'postgres.log'), '-m', mode, '-w', 'restart']),
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        runAsPostgres(pgCtl, ['-D', dataDir, '-m', durable ? 'fast' : 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
