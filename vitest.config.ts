import { defineConfig } from 'vitest/config';

/**
 * Three projects (docs/decisions/004-test-strategy.md):
 *  - unit:                 pure code next to its source (src/**\/*.test.ts)
 *  - integration-sqlite:   every HTTP test against the embedded database
 *  - integration-postgres: the same files against a real PostgreSQL (throw-away cluster or DATABASE_URL)
 * The Chromium end-to-end suite runs under Playwright (playwright.config.ts).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // *.test.tsx: the web app's component tests, each in jsdom by its `@vitest-environment` docblock.
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration-sqlite',
          include: ['test/integration/**/*.test.ts'],
          // Database faults (decision 015): PostgreSQL's own faults (read-only, dropped and restarted servers);
          // and its named prepared statements (decision 046), which SQLite does not have.
          exclude: [
            'test/integration/database-faults-postgres.test.ts',
            'test/integration/postgres-restart.test.ts',
            'test/integration/prepared-statements.test.ts',
          ],
          env: { TEDUH_TEST_DB: 'sqlite' },
          // Files share a worker's module cache instead of importing the whole server again each:
          // 283 s → 118 s on SQLite (docs/benchmarks.md, test suite (Vitest)). Each file builds its own app
          // and database, and no integration test mocks a module or stubs a global.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration-postgres',
          include: ['test/integration/**/*.test.ts'],
          // These spawn real processes (the `teduh` CLI, the server) on their own SQLite file; what
          // they drive is covered on PostgreSQL through HTTP by setup, demo and health tests.
          exclude: [
            'test/integration/cli.test.ts',
            'test/integration/server-process.test.ts',
            // Database faults (decision 015): SQLite's own faults (full, read-only, locked file).
            'test/integration/database-faults-sqlite.test.ts',
          ],
          env: { TEDUH_TEST_DB: 'postgres' },
          isolate: false,
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
