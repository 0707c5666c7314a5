/**
 * First-load benchmark: what the browser downloads to show the sign-in page. Builds the web app
 * (unless `--no-build`), then follows dist/web/index.html — its entry script, the chunks it
 * preloads (the entry's static imports) and its style sheets — and measures their size raw, with
 * gzip (level 9) and with brotli (quality 11), as the server sends them precompressed
 * (docs/decisions/025-static-assets.md). Fails (exit 1) when the sign-in page needs more than
 * 150 KB of compressed JavaScript (brotli; gzip is shown beside it).
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

export const BUDGET_JS_COMPRESSED = 150 * 1024;

export interface AssetSize {
  file: string;
  kind: 'js' | 'css';
  raw: number;
  gzip: number;
  brotli: number;
}

/** The assets index.html makes the browser fetch before the sign-in page can render. */
export function signInAssets(webRoot: string): AssetSize[] {
  const html = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)) {
    refs.add(match[1] as string);
  }
  return [...refs].map((ref) => {
    const body = fs.readFileSync(path.join(webRoot, ref));
    return {
      file: ref.replace('/assets/', ''),
      kind: ref.endsWith('.css') ? 'css' : 'js',
      raw: body.length,
      gzip: zlib.gzipSync(body, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(body, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }).length,
    };
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

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
  const assets = signInAssets(webRoot);
  const sum = (kind: 'js' | 'css', key: 'raw' | 'gzip' | 'brotli') =>
    assets.filter((a) => a.kind === kind).reduce((total, a) => total + a[key], 0);
  console.log(`\nSign-in page, ${webRoot}`);
  console.log('file'.padEnd(40), 'raw'.padStart(10), 'gzip'.padStart(10), 'brotli'.padStart(10));
  for (const a of assets.sort((x, y) => y.raw - x.raw)) {
    console.log(a.file.padEnd(40), kb(a.raw).padStart(10), kb(a.gzip).padStart(10), kb(a.brotli).padStart(10));
  }
  for (const kind of ['js', 'css'] as const) {
    console.log(
      `total ${kind}`.padEnd(40),
      kb(sum(kind, 'raw')).padStart(10),
      kb(sum(kind, 'gzip')).padStart(10),
      kb(sum(kind, 'brotli')).padStart(10),
    );
  }
  const js = sum('js', 'brotli');
  const verdict = js <= BUDGET_JS_COMPRESSED ? 'within' : 'OVER';
  console.log(`\nJavaScript (brotli) ${kb(js)}: ${verdict} the ${kb(BUDGET_JS_COMPRESSED)} budget.`);
  if (js > BUDGET_JS_COMPRESSED) process.exitCode = 1;
}

main();
