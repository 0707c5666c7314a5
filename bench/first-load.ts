/**
 * First-load benchmark: what the browser downloads before it can show
 *
 * 1. **the sign-in page**: dist/web/index.html's entry script, the chunks it preloads (the entry's
 *    static imports) and its style sheets, then the sign-in page's chunk and its messages, which
 *    the entry fetches at once (src/web/main.tsx). Budget: 150 KB of JavaScript compressed with
 *    brotli, as the server sends it (docs/decisions/025-static-assets.md).
 * 2. **the employee's home** (`/`, signed in): the same, plus what the router fetches for it
 *    (src/web/app/router.tsx) — the signed-in shell and its notification bell, the home page's
 *    chunk, and the message areas the page and the bell wait for (src/web/lib/page-areas.ts) —
 *    each with the chunks it imports statically (which Vite preloads with it), read from the
 *    build's manifest (dist/web/.vite/manifest.json). Budget: 150 KB of JavaScript compressed
 *    with gzip (docs/decisions/038-first-load-within-budget.md). What follows once the page is up
 *    (the help page, the rest of the language, the service worker's copy of the app) is not part of
 *    it.
 *
 * Every file is sized raw, with gzip (level 9) and with brotli (quality 11). Exits 1 when either
 * page is over its budget.
 *
 *   npx tsx bench/first-load.ts                 # build, then measure dist/web
 *   npx tsx bench/first-load.ts --no-build      # measure the current dist/web
 *   npx tsx bench/first-load.ts --dir /tmp/web  # measure another build
 *
 * Figures are recorded in docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { BELL_AREAS, PAGE_AREAS } from '../src/web/lib/page-areas.js';

export const BUDGET_JS_COMPRESSED = 150 * 1024;
/** The employee's first page, gzip (what the target counts). */
export const BUDGET_HOME_JS_GZIP = 150 * 1024;

export interface AssetSize {
  file: string;
  kind: 'js' | 'css';
  raw: number;
  gzip: number;
  brotli: number;
}

function sizeOf(webRoot: string, ref: string): AssetSize {
  const body = fs.readFileSync(path.join(webRoot, ref));
  return {
    file: ref.replace(/^\/?assets\//, ''),
    kind: ref.endsWith('.css') ? 'css' : 'js',
    raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length,
  };
}

/** The assets index.html makes the browser fetch before the app starts. */
function entryRefs(webRoot: string): string[] {
  const html = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)) {
    refs.add(match[1] as string);
  }
  return [...refs];
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/**
 * A page's first load: what index.html fetches, then each chunk the router loads for the page
 * (`sources`, named as in the manifest: relative to src/web) with everything it imports
 * statically, and their style sheets.
 */
function pageAssets(webRoot: string, sources: readonly string[]): AssetSize[] {
  const manifestFile = path.join(webRoot, '.vite', 'manifest.json');
  if (!fs.existsSync(manifestFile))
    throw new Error(`${manifestFile} is missing: build with build.manifest (vite.config.ts)`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  const refs = new Set(entryRefs(webRoot));
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build's manifest`);
    if (refs.has(chunk.file) && key !== 'index.html') return;
    refs.add(chunk.file);
    for (const css of chunk.css ?? []) refs.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of ['index.html', ...sources]) visit(key);
  return [...refs].map((ref) => sizeOf(webRoot, ref));
}

/** The Indonesian message areas, as the manifest names their files. */
const areaFiles = (areas: readonly string[]) => areas.map((area) => `../i18n/id/${area.replace(/_/g, '-')}.ts`);

/** The sign-in page: the entry, the page's chunk and its messages (fetched together by main.tsx). */
export function signInAssets(webRoot: string): AssetSize[] {
  return pageAssets(webRoot, ['features/auth/SignInPage.tsx', ...areaFiles(PAGE_AREAS.sign_in)]);
}

/** The employee's home: the entry, the signed-in shell and its bell, the page, and their messages. */
export function homeAssets(webRoot: string): AssetSize[] {
  return pageAssets(webRoot, [
    'components/layout/Shell.tsx',
    'components/layout/NotificationBell.tsx',
    'features/home/HomePage.tsx',
    ...areaFiles([...PAGE_AREAS.home, ...BELL_AREAS]),
  ]);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function report(title: string, assets: AssetSize[]): (kind: 'js' | 'css', key: 'raw' | 'gzip' | 'brotli') => number {
  const sum = (kind: 'js' | 'css', key: 'raw' | 'gzip' | 'brotli') =>
    assets.filter((a) => a.kind === kind).reduce((total, a) => total + a[key], 0);
  console.log(`\n${title}`);
  console.log('file'.padEnd(40), 'raw'.padStart(10), 'gzip'.padStart(10), 'brotli'.padStart(10));
  for (const a of [...assets].sort((x, y) => y.raw - x.raw)) {
    console.log(a.file.padEnd(40), kb(a.raw).padStart(10), kb(a.gzip).padStart(10), kb(a.brotli).padStart(10));
  }
  for (const kind of ['js', 'css'] as const) {
    console.log(
      `total ${kind} (${assets.filter((a) => a.kind === kind).length} files)`.padEnd(40),
      kb(sum(kind, 'raw')).padStart(10),
      kb(sum(kind, 'gzip')).padStart(10),
      kb(sum(kind, 'brotli')).padStart(10),
    );
  }
  return sum;
}

function main(): void {
  const args = process.argv.slice(2);
  const dirIndex = args.indexOf('--dir');
  const webRoot = path.resolve(dirIndex >= 0 ? (args[dirIndex + 1] ?? '') : 'dist/web');
  if (!args.includes('--no-build') && dirIndex < 0) {
    const started = Date.now();
    const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
      stdio: 'inherit',
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
    console.log(`web build: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  const signIn = report(`Sign-in page, ${webRoot}`, signInAssets(webRoot));
  const signInJs = signIn('js', 'brotli');
  const signInOk = signInJs <= BUDGET_JS_COMPRESSED;
  const home = report(`The employee's home (/, signed in, Indonesian), ${webRoot}`, homeAssets(webRoot));
  const homeJs = home('js', 'gzip');
  const homeOk = homeJs <= BUDGET_HOME_JS_GZIP;

  console.log(
    `\nSign-in page: JavaScript (brotli) ${kb(signInJs)}: ${signInOk ? 'within' : 'OVER'} the ${kb(BUDGET_JS_COMPRESSED)} budget.`,
  );
  console.log(
    `Employee's home: JavaScript (gzip) ${kb(homeJs)}: ${homeOk ? 'within' : 'OVER'} the ${kb(BUDGET_HOME_JS_GZIP)} budget.`,
  );
  if (!signInOk || !homeOk) process.exitCode = 1;
}

main();
