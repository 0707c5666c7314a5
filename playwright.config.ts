import { defineConfig } from '@playwright/test';
import { CHROMIUM_PATH } from './test/e2e/support/browser.js';
import { BASE_URL, E2E_PORT as PORT, E2E_WIDTH, IS_PHONE, SERVER_DIR } from './test/e2e/support/base-url.js';

/**
 * End-to-end tests in the system Chromium, one fresh install per run.
 * Build the web app first (`npx vite build`): the server serves dist/web.
 *
 * One run plays every journey at one width: a 1280 × 800 desktop, or with `E2E_WIDTH=phone` a
 * 360 × 780 touch screen. The specs are sequential and stateful (01 sets the agency up), so the
 * two widths are two runs, each with its own server, port and data directory; `npm test` starts
 * both side by side over one build of the web app (scripts/test.mjs, docs/decisions/004-test-strategy.md).
 *
 * Playwright starts the webServer before globalSetup runs, so the server's data directory is
 * emptied by the webServer command itself, right before the server starts; globalSetup empties the
 * tests' own scratch directory and refuses to run against anything but a fresh install.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: `.test-output/playwright-results-${E2E_WIDTH}`,
  globalSetup: './test/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: `.test-output/playwright-${E2E_WIDTH}.json` }]],
  projects: [
    {
      name: E2E_WIDTH,
      use: IS_PHONE
        ? { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true }
        : { viewport: { width: 1280, height: 800 } },
    },
  ],
  use: {
    baseURL: BASE_URL,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    // Recording a trace costs a fifth of a journey's time even when it is thrown away
    // (docs/benchmarks.md, end-to-end suite): E2E_TRACE=1 keeps one for each failed test.
    trace: process.env.E2E_TRACE === '1' ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // stdout goes to a file: with TEDUH_DEV_LOG_EMAIL_LINKS the invitation links are read from it,
    // the only place a developer's install shows them (test/e2e/support/dev-mail.ts).
    command: `node -e "const fs = require('node:fs'); fs.rmSync('${SERVER_DIR}', { recursive: true, force: true }); fs.mkdirSync('${SERVER_DIR}', { recursive: true })" && npx tsx src/server/main.ts > ${SERVER_DIR}/server.log`,
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: SERVER_DIR,
      DATABASE_URL: `sqlite:${SERVER_DIR}/teduh.sqlite`,
      NODE_ENV: 'development',
      TEDUH_SECRET: 'e2e-test-secret-not-for-production-0123456',
      PUBLIC_URL: BASE_URL,
      LOG_LEVEL: 'warn',
      TEDUH_DEV_LOG_EMAIL_LINKS: '1',
    },
  },
});
