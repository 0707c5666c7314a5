import { execFileSync } from 'node:child_process';
import { BASE_URL, SERVER_DIR } from './base-url.js';

/**
 * The install's operator at the server's terminal: `teduh roles approve` is how a fresh
 * install, whose one admin is also the platform admin, gets its first data-protection officer.
 * The environment is the e2e server's own (playwright.config.ts webServer.env).
 */
const SERVER_ENV = {
  DATA_DIR: SERVER_DIR,
  DATABASE_URL: `sqlite:${SERVER_DIR}/teduh.sqlite`,
  NODE_ENV: 'development',
  TEDUH_SECRET: 'e2e-test-secret-not-for-production-0123456',
  PUBLIC_URL: BASE_URL,
  LOG_LEVEL: 'warn',
};

function teduh(...args: string[]): string {
  return execFileSync('npx', ['tsx', 'src/cli/teduh.ts', ...args], {
    env: { ...process.env, ...SERVER_ENV },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** Approves, as the operator, the pending grant of `role` to the person named `name`. */
export function operatorApproves(role: string, name: string): string {
  const line = teduh('roles', 'pending')
    .split('\n')
    .find((l) => l.includes(`  ${role}  `) && l.includes(`  ${name}  `));
  if (!line) throw new Error(`no pending ${role} grant for ${name}`);
  const id = line.split(/\s+/)[0] as string;
  return teduh('roles', 'approve', id);
}
