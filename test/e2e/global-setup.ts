import fs from 'node:fs';
import { BASE_URL } from './support/base-url.js';
import { RUN_DIR } from './support/state.js';

/**
 * Each run starts empty: the tests' scratch directory is removed here, and the server's data
 * directory (.test-output/e2e-<width>) by the webServer command just before the server starts (Playwright
 * starts the webServer before globalSetup). This refuses to run against an install that is not
 * fresh, or without a built web app.
 */
export default async function globalSetup(): Promise<void> {
  fs.rmSync(RUN_DIR, { recursive: true, force: true });
  fs.mkdirSync(RUN_DIR, { recursive: true });

  const setup = (await (await fetch(`${BASE_URL}/api/v1/setup`)).json()) as { needsSetup?: boolean };
  if (setup.needsSetup !== true) {
    throw new Error(
      `The e2e server is not a fresh install (GET /api/v1/setup says needsSetup is false). Is another server on ${BASE_URL}?`,
    );
  }
  const page = await (await fetch(`${BASE_URL}/sign-in`)).text();
  if (!/<script type="module"[^>]+src="\/assets\//.test(page)) {
    throw new Error('The server has no built web app: run `npx vite build` before `npx playwright test`.');
  }
}
