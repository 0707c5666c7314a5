import fs from 'node:fs';

/**
 * The Chromium the journeys drive. Debian's `chromium-headless-shell` first: the same engine
 * without the desktop browser's own pages and processes, so the journeys run about a fifth faster
 * (docs/benchmarks.md, end-to-end suite); the full `chromium` when only that is installed. CHROMIUM_PATH chooses another.
 */
export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((p) => fs.existsSync(p)) ??
  '/usr/bin/chromium';
