import fs from 'node:fs';
import path from 'node:path';
import { RUN_DIR } from './base-url.js';

export { RUN_DIR };
const STATE_FILE = path.join(RUN_DIR, 'state.json');

export interface RunState {
  adminEmail?: string;
  adminPassword?: string;
  /** The admin's TOTP secret, read from the enrolment page. */
  totpSecret?: string;
  /** The last TOTP time step the server accepted: a code of that step would be a replay. */
  lastTotpStep?: number;
  employeeEmail?: string;
  employeePassword?: string;
  managerEmail?: string;
  managerPassword?: string;
  /** The duty counsellor made in 07 (role and two-factor through the admin UI). */
  counsellorName?: string;
  counsellorTotpSecret?: string;
  counsellorLastTotpStep?: number;
  /** The data-protection officer named in 07, who approves the counsellor's role. */
  dpoName?: string;
  dpoTotpSecret?: string;
  dpoLastTotpStep?: number;
  /** The PHQ-9 result the employee submitted with a crisis answer in 07. */
  crisisResultId?: string;
  /** The pulse climate survey of Dinas Kesehatan, opened, answered and closed in 25. */
  climateSurveyId?: string;
}

export function readState(): RunState {
  return fs.existsSync(STATE_FILE) ? (JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as RunState) : {};
}

export function saveState(patch: Partial<RunState>): RunState {
  fs.mkdirSync(RUN_DIR, { recursive: true });
  const next = { ...readState(), ...patch };
  fs.writeFileSync(STATE_FILE, JSON.stringify(next, null, 2));
  return next;
}

/** A browser storage state file (cookies) for a signed-in person. */
export function storagePath(who: 'admin' | 'employee' | 'manager' | 'counsellor' | 'dpo'): string {
  return path.join(RUN_DIR, `${who}.storage.json`);
}

/** Writes a file the test then uploads. */
export function writeRunFile(name: string, content: string): string {
  fs.mkdirSync(RUN_DIR, { recursive: true });
  const file = path.join(RUN_DIR, name);
  fs.writeFileSync(file, content, 'utf8');
  return file;
}

/** Stops a later spec early, with a clear message, when an earlier one did not leave what it needs. */
export function requireState<K extends keyof RunState>(key: K): NonNullable<RunState[K]> {
  const value = readState()[key];
  if (value === undefined || value === null)
    throw new Error(`The run state has no ${key}: the earlier spec that sets it failed or was skipped.`);
  return value as NonNullable<RunState[K]>;
}
