/**
 * Builds the server (esbuild → dist/) and the web app (vite → dist/web) only when their sources are
 * newer than the last build, so that `npm start` and the `teduh` command are quick the second
 * time. A build records its start time in a stamp file under dist/; a source file (or a folder,
 * whose time changes when a file is added or removed) newer than the stamp means rebuild.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const SHARED_FILES = ['package.json', 'package-lock.json', 'tsconfig.json'];

const TARGETS = {
  server: {
    label: 'server',
    progress: 'Membangun server… / Building the server…',
    stamp: 'dist/.server-build-stamp',
    output: 'dist/server/main.js',
    dirs: ['src'],
    skipDirs: ['src/web'],
    // esbuild, file by file, under a second; types are checked by typecheck, lint and tests
    // (docs/decisions/026-server-build.md).
    command: ['scripts/build-server.mjs'],
    files: [...SHARED_FILES, 'tsconfig.server.json', 'scripts/build-server.mjs'],
  },
  web: {
    label: 'web app',
    progress: 'Membangun antarmuka… / Building the web app…',
    stamp: 'dist/.web-build-stamp',
    output: 'dist/web/index.html',
    dirs: ['src/web', 'src/i18n', 'src/contracts', 'src/domain'],
    skipDirs: [],
    files: [...SHARED_FILES, 'vite.config.ts'],
    command: ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
    source: 'src/web/index.html',
  },
};

const isTestFile = (name) => /\.test\.tsx?$/.test(name);

/** The newest modification time (ms) among the target's sources. */
function newestSourceTime(target) {
  let newest = 0;
  const visit = (dir) => {
    if (target.skipDirs.includes(path.relative(ROOT, dir))) return;
    newest = Math.max(newest, fs.statSync(dir).mtimeMs);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (!isTestFile(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of target.dirs) if (fs.existsSync(path.join(ROOT, dir))) visit(path.join(ROOT, dir));
  for (const file of target.files) {
    const full = path.join(ROOT, file);
    if (fs.existsSync(full)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function isStale(target) {
  const stamp = path.join(ROOT, target.stamp);
  if (!fs.existsSync(stamp) || !fs.existsSync(path.join(ROOT, target.output))) return true;
  return newestSourceTime(target) > fs.statSync(stamp).mtimeMs;
}

/**
 * Builds what is out of date. `log` receives progress lines (the CLI sends them to stderr so its
 * stdout stays clean). Throws when a build fails; its compiler output has been shown already.
 */
export function buildIfStale({ server = true, web = true, log = (line) => console.error(line) } = {}) {
  const wanted = [...(server ? [TARGETS.server] : []), ...(web ? [TARGETS.web] : [])];
  for (const target of wanted) {
    if (target.source && !fs.existsSync(path.join(ROOT, target.source))) {
      log(`Teduh: no ${target.source} yet, so the ${target.label} is not built; the API still runs.`);
      continue;
    }
    if (!isStale(target)) continue;
    log(`Teduh · ${target.progress}`);
    const started = Date.now();
    const [script, ...args] = target.command;
    const result = spawnSync(process.execPath, [path.join(ROOT, script), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 2, 2],
    });
    if (result.status !== 0) {
      throw new Error(
        `building the ${target.label} failed (${[script, ...args].join(' ')} exited with ${result.status ?? result.signal})`,
      );
    }
    fs.mkdirSync(path.dirname(path.join(ROOT, target.stamp)), { recursive: true });
    fs.writeFileSync(path.join(ROOT, target.stamp), `${new Date(started).toISOString()}\n`);
    // The stamp carries the build's start time: a file saved during the build is still newer.
    fs.utimesSync(path.join(ROOT, target.stamp), started / 1000, started / 1000);
    log(`Teduh · ✓ ${target.label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}
