/**
 * Lighthouse, mobile preset, on the three pages a person meets first: the sign-in page (signed
 * out), and, signed in as the demo employee, the home and the help page. Prints performance,
 * accessibility, best practices and SEO with FCP, LCP, TBT and CLS per page; figures are recorded
 * in docs/benchmarks.md (first load).
 *
 * Lighthouse is not a project dependency (it is large and only this benchmark uses it). Install it
 * outside the project and point this script at it:
 *
 *   mkdir -p /tmp/lh && (cd /tmp/lh && npm install lighthouse@13.5.0)
 *   npm run build && DATA_DIR=/tmp/teduh-lh PORT=3102 npm run demo      # another terminal
 *   LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse CHROME_PATH=/usr/bin/chromium \
 *     npx tsx bench/lighthouse.ts --base http://localhost:3102
 *
 * Options: --base URL (default http://localhost:3102), --runs N (median of N runs per page,
 * default 1), --out DIR (keeps each report's JSON, default a temporary folder), --identifier and
 * --password (default the demo employee, docs/demo.md). The signed-in pages get the session cookie
 * through Lighthouse's `--extra-headers`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
};

const base = option('base', 'http://localhost:3102').replace(/\/$/, '');
const runs = Math.max(1, Number(option('runs', '1')));
const outDir = option('out', fs.mkdtempSync(path.join(os.tmpdir(), 'teduh-lighthouse-')));
const identifier = option('identifier', '200204132024102002');
const password = option('password', 'teduh demo sejuk 2026');

/** The Lighthouse command: $LIGHTHOUSE, the install the header describes, or one on the PATH. */
function findLighthouse(): string | null {
  const candidates = [process.env.LIGHTHOUSE, '/tmp/lh/node_modules/.bin/lighthouse'].filter(Boolean) as string[];
  for (const candidate of candidates) if (fs.existsSync(candidate)) return candidate;
  const onPath = spawnSync('sh', ['-c', 'command -v lighthouse'], { encoding: 'utf8' });
  return onPath.status === 0 ? onPath.stdout.trim() : null;
}

/** Signs in like the web app and returns the cookies to send, or fails with what to do. */
async function signIn(): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ identifier, password }),
  });
  if (!response.ok) {
    throw new Error(`sign-in as ${identifier} answered ${response.status}: is the demo loaded at ${base}?`);
  }
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] as string)
    .filter((pair) => !pair.endsWith('='))
    .join('; ');
}

interface Figures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  failing: string[];
}

interface LighthouseReport {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { numericValue?: number; score: number | null; scoreDisplayMode: string; title: string }>;
}

function run(lighthouse: string, url: string, name: string, cookie: string | null, attempt: number): Figures {
  const output = path.join(outDir, `${name}-${attempt}.json`);
  const chromeFlags = process.env.LIGHTHOUSE_CHROME_FLAGS ?? '--headless=new --no-sandbox --disable-gpu';
  const command = [
    url,
    '--output=json',
    `--output-path=${output}`,
    '--quiet',
    `--chrome-flags=${chromeFlags}`,
    '--only-categories=performance,accessibility,best-practices,seo',
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  // Chromium sometimes loses the trace of a load on a busy machine (Lighthouse's NO_NAVSTART):
  // such a run measured nothing, so it is run again, at most three times.
  let status: number | null = null;
  for (let tries = 0; tries < 3 && status !== 0; tries++) {
    status = spawnSync(lighthouse, command, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    }).status;
  }
  if (status !== 0) throw new Error(`Lighthouse failed on ${url} (exit ${status})`);
  const report = JSON.parse(fs.readFileSync(output, 'utf8')) as LighthouseReport;
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const value = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
  const failing = Object.values(report.categories).flatMap((category) =>
    category.auditRefs
      .filter((ref) => ref.weight > 0)
      .map((ref) => report.audits[ref.id])
      .filter((audit) => audit && audit.scoreDisplayMode !== 'notApplicable' && (audit.score ?? 1) < 0.9)
      .map((audit) => audit!.title),
  );
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    failing: [...new Set(failing)],
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

async function main(): Promise<void> {
  const lighthouse = findLighthouse();
  if (!lighthouse) {
    console.log(
      [
        'Lighthouse is not installed (it is not a project dependency). Install it outside the project:',
        '  mkdir -p /tmp/lh && (cd /tmp/lh && npm install lighthouse@13.5.0)',
        'then run again (or set LIGHTHOUSE=/path/to/node_modules/.bin/lighthouse).',
        'It drives the Chromium at CHROME_PATH (default /usr/bin/chromium); it downloads no browser.',
      ].join('\n'),
    );
    process.exitCode = 2;
    return;
  }
  const cookie = await signIn();
  const pages: { name: string; path: string; signedIn: boolean }[] = [
    { name: 'sign-in', path: '/sign-in', signedIn: false },
    { name: 'home', path: '/', signedIn: true },
    { name: 'help', path: '/help', signedIn: true },
  ];
  console.log(`Lighthouse ${lighthouse}, mobile preset, ${runs} run(s) per page, reports in ${outDir}\n`);
  const rows: string[] = [];
  for (const page of pages) {
    const results: Figures[] = [];
    for (let attempt = 1; attempt <= runs; attempt++) {
      results.push(run(lighthouse, `${base}${page.path}`, page.name, page.signedIn ? cookie : null, attempt));
    }
    const pick = (key: keyof Omit<Figures, 'failing'>) => median(results.map((r) => r[key]));
    rows.push(
      [
        page.path,
        pick('performance'),
        pick('accessibility'),
        pick('bestPractices'),
        pick('seo'),
        `${(pick('fcp') / 1000).toFixed(1)} s`,
        `${(pick('lcp') / 1000).toFixed(1)} s`,
        `${Math.round(pick('tbt'))} ms`,
        pick('cls').toFixed(3),
      ].join(' | '),
    );
    const failing = [...new Set(results.flatMap((r) => r.failing))];
    if (failing.length > 0) console.log(`${page.path}: below 90 — ${failing.join('; ')}`);
  }
  console.log('\n| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(`| ${row} |`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
