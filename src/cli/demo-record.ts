import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the last `npm run demo` keeps its data, so that `teduh demo-code` finds the demo's
 * accounts without the person repeating DATA_DIR (docs/demo.md). A small file at the project's
 * root, ignored by git; scripts/start.mjs writes it, only for the demo.
 */
export const DEMO_RECORD_FILE = '.teduh-demo.json';

/** The project's root, from src/cli (tsx) or dist/cli (built) alike. */
export function projectRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

/**
 * When neither DATA_DIR nor DATABASE_URL is set and a demo has recorded its data folder, points
 * DATA_DIR there and returns the folder; otherwise changes nothing and returns null.
 */
export function useRecordedDemoData(env: NodeJS.ProcessEnv = process.env, root = projectRoot()): string | null {
  if (env.DATA_DIR || env.DATABASE_URL) return null;
  const file = path.join(root, DEMO_RECORD_FILE);
  try {
    const { dataDir } = JSON.parse(fs.readFileSync(file, 'utf8')) as { dataDir?: unknown };
    if (typeof dataDir !== 'string' || !fs.existsSync(dataDir)) return null;
    env.DATA_DIR = dataDir;
    return dataDir;
  } catch {
    return null;
  }
}
