#!/usr/bin/env node
/**
 * The `teduh` command. Runs the compiled CLI in dist/cli, building the server first when its
 * sources are newer than the last build (the first run on a fresh clone takes a few seconds).
 * Build messages go to stderr so that the command's own output can be piped.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, buildIfStale } from '../scripts/build-if-stale.mjs';

try {
  buildIfStale({ server: true, web: false });
} catch (err) {
  console.error(`teduh: ${err.message}`);
  process.exit(1);
}
const { runCli } = await import(pathToFileURL(path.join(ROOT, 'dist/cli/teduh.js')).href);
process.exitCode = await runCli(process.argv);
