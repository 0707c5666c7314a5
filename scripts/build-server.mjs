#!/usr/bin/env node
/**
 * Builds the server and the CLI (src → dist, every file but the web app and the tests) with
 * esbuild: each TypeScript file is transpiled on its own into the same place under dist/, as
 * `tsc` would emit it, in well under a second instead of a minute. Types are not checked here:
 * `npm run typecheck`, lint and the tests do that (docs/decisions/026-server-build.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');

/** The files tsconfig.server.json would compile: src without src/web and without tests. */
function serverSources(dir = SRC) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== path.join(SRC, 'web')) files.push(...serverSources(full));
    } else if (/\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name)) {
      files.push(full);
    }
  }
  return files;
}

export async function buildServer() {
  const entryPoints = serverSources();
  await build({
    entryPoints,
    outdir: path.join(ROOT, 'dist'),
    outbase: SRC,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    sourcemap: true,
    tsconfig: path.join(ROOT, 'tsconfig.server.json'),
    logLevel: 'warning',
  });
  return entryPoints.length;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const count = await buildServer();
  console.log(`built ${count} server files in ${((Date.now() - started) / 1000).toFixed(2)} s`);
}
