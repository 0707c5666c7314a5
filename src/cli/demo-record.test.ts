import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_RECORD_FILE, useRecordedDemoData } from './demo-record.js';

describe('teduh demo-code finds the running demo', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'teduh-root-'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teduh-demo-data-'));
  afterEach(() => fs.rmSync(path.join(root, DEMO_RECORD_FILE), { force: true }));

  it('uses the data folder `npm run demo` recorded when nothing else is configured', () => {
    fs.writeFileSync(path.join(root, DEMO_RECORD_FILE), JSON.stringify({ dataDir }));
    const env: NodeJS.ProcessEnv = {};
    expect(useRecordedDemoData(env, root)).toBe(dataDir);
    expect(env.DATA_DIR).toBe(dataDir);
  });

  it('leaves an explicit DATA_DIR or DATABASE_URL alone', () => {
    fs.writeFileSync(path.join(root, DEMO_RECORD_FILE), JSON.stringify({ dataDir }));
    for (const env of [{ DATA_DIR: '/elsewhere' }, { DATABASE_URL: 'postgres://x/y' }] as NodeJS.ProcessEnv[]) {
      const before = { ...env };
      expect(useRecordedDemoData(env, root)).toBeNull();
      expect(env).toEqual(before);
    }
  });

  it('ignores a missing record, a broken one, or a folder that is gone', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(useRecordedDemoData(env, root)).toBeNull();
    fs.writeFileSync(path.join(root, DEMO_RECORD_FILE), '{not json');
    expect(useRecordedDemoData(env, root)).toBeNull();
    fs.writeFileSync(path.join(root, DEMO_RECORD_FILE), JSON.stringify({ dataDir: path.join(root, 'gone') }));
    expect(useRecordedDemoData(env, root)).toBeNull();
    expect(env.DATA_DIR).toBeUndefined();
  });
});
