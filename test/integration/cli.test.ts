import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo/demo-secrets.js';
import { openDatabase } from '../../src/db/connection.js';
import { buildApp, type BuiltApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { Agent } from '../support/test-app.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN_PASSWORD = 'pala dan cengkih dari banda';
/** tsx's loader by path: the command runs in a temp directory, where `--import tsx` would not resolve. */
const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `teduh …` from the sources (through tsx) as a separate process, like a person would. */
function teduh(
  dir: string,
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, path.join(ROOT, 'src/cli/teduh.ts'), ...args], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'development',
        LANG: 'en_US.UTF-8',
        DATA_DIR: path.join(dir, 'data'),
        DATABASE_URL: `sqlite:${path.join(dir, 'data', 'teduh.sqlite')}`,
        ...options.env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** The server on the same data directory and database file the command used. */
async function serverOn(dir: string): Promise<BuiltApp & { close(): Promise<void> }> {
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: path.join(dir, 'data'),
      DATABASE_URL: `sqlite:${path.join(dir, 'data', 'teduh.sqlite')}`,
    },
    { webRoot: undefined, jobsEnabled: false, publicUrl: 'http://teduh.test' },
  );
  const db = openDatabase({ url: config.databaseUrl });
  const built = await buildApp({ config, db, logger: false, version: 'test' });
  await built.app.ready();
  return { ...built, close: async () => void (await built.app.close(), await db.close()) };
}

const SETUP_ARGS = [
  'setup',
  '--agency-name',
  'Pemerintah Kota Ambon',
  '--agency-short-name',
  'Pemkot Ambon',
  '--agency-kind',
  'pemerintah_kota',
  '--time-zone',
  'WIT',
  '--unit-name',
  'Sekretariat Daerah',
  '--unit-code',
  'SETDA',
  '--admin-name',
  'Grace Latuheru',
  '--admin-email',
  'grace.latuheru@ambon.example.go.id',
];

// The spawned command works on a database file of its own, so these tests run on SQLite only;
// the same set-up and demo code runs on PostgreSQL in setup.test.ts and demo.test.ts.
describe('teduh command (spawned process, SQLite file only)', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teduh-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a password that is not given on stdin or in TEDUH_ADMIN_PASSWORD', async () => {
    const run = await teduh(dir, SETUP_ARGS);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('--password-stdin');
  });

  it('reports invalid fields with the messages of the i18n catalogue, in the terminal language', async () => {
    const en = await teduh(dir, [...SETUP_ARGS, '--admin-nip', '1985', '--password-stdin'], {
      input: `${ADMIN_PASSWORD}\n`,
    });
    expect(en.code).toBe(65);
    expect(en.stderr).toContain('--admin-nip: A NIP has exactly 18 digits.');
    const id = await teduh(dir, [...SETUP_ARGS, '--password-stdin'], {
      input: 'pendek\n',
      env: { LANG: 'id_ID.UTF-8' },
    });
    expect(id.code).toBe(65);
    expect(id.stderr).toContain('password: Kata sandi minimal 12 karakter.');
  });

  it('sets up the first agency headless; its admin then signs in and is asked to enrol two-step', async () => {
    const run = await teduh(dir, [...SETUP_ARGS, '--admin-nip', '198503142010012003', '--password-stdin'], {
      input: `${ADMIN_PASSWORD}\n`,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Teduh is set up: Pemerintah Kota Ambon (Pemkot Ambon), Asia/Jayapura.');

    const server = await serverOn(dir);
    try {
      expect((await new Agent(server).get('/api/v1/setup')).json()).toEqual({ needsSetup: false });
      const byEmail = new Agent(server);
      expect(await byEmail.signIn('grace.latuheru@ambon.example.go.id', ADMIN_PASSWORD)).toBe('two_factor_setup');
      expect(await new Agent(server).signIn('19850314 201001 2 003', ADMIN_PASSWORD)).toBe('two_factor_setup');
      const session = (await byEmail.refreshSession()).json();
      expect(session.roles).toEqual(expect.arrayContaining(['agency_admin', 'platform_admin']));
      expect(session.unit.timeZone).toBe('Asia/Jayapura');
    } finally {
      await server.close();
    }
  });

  it('says so when the install is already set up, and the demo refuses a database with agencies', async () => {
    const again = await teduh(dir, SETUP_ARGS, { env: { TEDUH_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Teduh is already set up.');
    const demo = await teduh(dir, ['demo']);
    expect(demo.code).toBe(1);
    expect(demo.stderr).toContain('already holds agencies');
    const ifEmpty = await teduh(dir, ['demo', '--if-empty']);
    expect(ifEmpty.code).toBe(0);
  });

  it('rotates the session-note keys of an agency by its short name, and says which agency it does not know', async () => {
    const run = await teduh(dir, ['rotate-note-keys', '--agency', 'pemkot ambon']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Pemkot Ambon: 0 note(s) re-encrypted under a new key, 0 key(s) retired.');
    // A second rotation retires the key the first one made.
    expect((await teduh(dir, ['rotate-note-keys'])).stdout).toContain('1 key(s) retired');
    const unknown = await teduh(dir, ['rotate-note-keys', '--agency', 'nowhere']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('No agency is called nowhere.');
    const noSecret = await teduh(dir, ['rotate-note-keys', '--previous-secret-env', 'TEDUH_OLD']);
    expect(noSecret.code).toBe(64);
  });

  it('loads the demo, prints the sign-ins, and demo-code prints a code the server accepts', async () => {
    const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teduh-cli-demo-'));
    try {
      const demo = await teduh(demoDir, ['demo']);
      expect(demo.code).toBe(0);
      expect(demo.stdout).toMatch(/Loaded the demo into .*: 2 agencies, 36 units, 348 people/);
      expect(demo.stdout).toContain(`Password for every demo account: ${DEMO_PASSWORD}`);
      expect((await teduh(demoDir, ['demo'])).stdout).toContain('The demo is already loaded');

      const email = 'dewi.kusumaningrum@demo.slemankab.go.id';
      const code = await teduh(demoDir, ['demo-code', email]);
      expect(code.code).toBe(0);
      expect(code.stdout.trim()).toMatch(/^\d{6}$/);
      const noTwoStep = await teduh(demoDir, ['demo-code', 'bambang.wicaksono@demo.slemankab.go.id']);
      expect(noTwoStep.code).toBe(1);
      expect((await teduh(demoDir, ['demo-code', 'nobody@example.id'])).code).toBe(1);

      const server = await serverOn(demoDir);
      try {
        const agent = new Agent(server);
        expect(await agent.signIn(email, DEMO_PASSWORD)).toBe('two_factor');
        // The printed code may belong to the previous 30-second step; the server allows one step of drift.
        const verify = await agent.post('/api/v1/auth/two-factor/verify', { code: code.stdout.trim() });
        expect(verify.statusCode).toBe(200);
      } finally {
        await server.close();
      }
    } finally {
      fs.rmSync(demoDir, { recursive: true, force: true });
    }
  });
});
