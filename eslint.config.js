import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Imports flow one way (DESIGN.md §6.2; docs/decisions/001-architecture.md):
 *   domain    ← imports nothing of ours but itself (pure rules, no I/O, no framework)
 *   i18n      ← domain only
 *   contracts ← domain, i18n (zod schemas shared by web forms and routes)
 *   db        ← domain
 *   server    ← domain, i18n, contracts, db — never web
 *   web       ← domain, i18n, contracts, and *types* from server — never db or server code
 *   cli       ← anything but web
 */
const layer = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'playwright-report/**',
      'test-results/**',
      '.test-output/**',
      'data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: layer(
      [
        '**/server/**',
        '**/db/**',
        '**/web/**',
        '**/cli/**',
        '**/contracts/**',
        '**/i18n/**',
        'node:*',
        'fastify*',
        'kysely',
        'react*',
      ],
      'domain/ is pure: it imports nothing of server, db, web, cli or I/O.',
    ),
  },
  {
    files: ['src/i18n/**/*.ts'],
    rules: layer(
      ['**/server/**', '**/db/**', '**/web/**', '**/cli/**', '**/contracts/**', 'node:*'],
      'i18n/ holds messages and formatting only.',
    ),
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: layer(
      ['**/server/**', '**/db/**', '**/web/**', '**/cli/**', 'node:*'],
      'contracts/ are boundary schemas shared by web and server.',
    ),
  },
  {
    files: ['src/db/**/*.ts'],
    rules: layer(['**/server/**', '**/web/**', '**/cli/**'], 'db/ is below server; it must not import it.'),
  },
  {
    files: ['src/server/**/*.ts'],
    rules: layer(['**/web/**', '**/cli/**'], 'server/ never imports the web app or the CLI.'),
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/**', '**/cli/**', 'node:*'],
              message: 'web/ runs in the browser: no database, CLI or Node imports.',
            },
            { group: ['**/server/**'], allowTypeImports: true, message: 'web/ may take only types from server/.' },
          ],
        },
      ],
    },
  },
  {
    files: [
      'test/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.{js,mjs}',
      'src/cli/**/*.ts',
      '*.config.{js,ts}',
      'bin/**/*.mjs',
    ],
    rules: { 'no-console': 'off' },
  },
);
