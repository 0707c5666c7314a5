import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Imports flow one way (docs/architecture.md; docs/decisions/001-architecture.md):
 *   domain    ← imports nothing of ours but itself (pure rules, no I/O, no framework)
 *   i18n      ← domain only
 *   contracts ← domain, i18n (zod schemas shared by web forms and routes)
 *   db        ← domain
 *   server    ← domain, i18n, contracts, db — never web
 *   web       ← domain, i18n, contracts, and *types* from server — never db or server code
 *   cli       ← anything but web
 */
const QUERY_BUILDERS = [
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
  'selectNoFrom',
];

/** Files that still break the boundaries below (docs/architecture.md). Kept empty once emptied. */
const SQL_OUTSIDE_REPOSITORIES_DEBT = [];
const MODULE_BOUNDARY_DEBT = [];
const WEB_BOUNDARY_DEBT = [];

const noCrossModule = {
  // docs/decisions/016-module-boundaries.md: another module is reached only through its index.ts.
  regex: '^\\.\\./(?!\\.\\.?/)[^/]+/(?!index\\.js$).+',
  message: 'Another server module is reached only through its index.ts (docs/decisions/016-module-boundaries.md).',
};
const browserOnly = [
  {
    group: ['**/db/**', '**/cli/**', 'node:*', 'kysely', 'pg', 'better-sqlite3', 'fastify*'],
    message: 'web/ runs in the browser: no database, server framework, CLI or Node imports.',
  },
  { group: ['**/server/**'], allowTypeImports: true, message: 'web/ may take only types from server/.' },
];
const webBoundaries = [
  { group: ['**/app/**'], message: 'web/app/ sits on top: features, components, lib and api never import it.' },
  {
    regex: '^\\.\\./(?!\\.\\.?/)[^/]+/',
    message: 'A feature never imports another feature; shared pieces live in components/, lib/ or api/.',
  },
];

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
        'fs',
        'path',
        'crypto',
        'fastify*',
        'kysely',
        'pg',
        'better-sqlite3',
        'i18next',
        'react*',
      ],
      'domain/ is pure: it imports nothing of server, db, web, cli, i18n or I/O.',
    ),
  },
  {
    files: ['src/i18n/**/*.ts'],
    rules: layer(
      [
        '**/server/**',
        '**/db/**',
        '**/web/**',
        '**/cli/**',
        '**/contracts/**',
        'node:*',
        'kysely',
        'pg',
        'better-sqlite3',
      ],
      'i18n/ holds messages and formatting only.',
    ),
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: layer(
      ['**/server/**', '**/db/**', '**/web/**', '**/cli/**', 'node:*', 'kysely', 'pg', 'better-sqlite3'],
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
    files: ['src/server/modules/**/*.ts'],
    ignores: MODULE_BOUNDARY_DEBT,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/web/**', '**/cli/**'], message: 'server/ never imports the web app or the CLI.' },
            noCrossModule,
          ],
        },
      ],
    },
  },
  {
    // SQL lives in repositories and src/db/: services tell the story of a use case; routes and presenters never query.
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['**/*.repository.ts', ...SQL_OUTSIDE_REPOSITORIES_DEBT],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=/^(${QUERY_BUILDERS.join('|')})$/]`,
          message: 'Queries belong in a *.repository.ts file (docs/architecture.md).',
        },
        {
          selector: "TaggedTemplateExpression[tag.name='sql']",
          message: 'Raw SQL belongs in a *.repository.ts file or src/db/.',
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: browserOnly }],
    },
  },
  {
    // app/ sits on top and imports features; features, components, lib and api never import app/ or a feature.
    files: ['src/web/features/**/*.{ts,tsx}'],
    ignores: WEB_BOUNDARY_DEBT,
    rules: { 'no-restricted-imports': ['error', { patterns: [...browserOnly, ...webBoundaries] }] },
  },
  {
    files: ['src/web/{components,lib,api}/**/*.{ts,tsx}'],
    ignores: WEB_BOUNDARY_DEBT,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...browserOnly,
            { group: ['**/app/**'], message: webBoundaries[0].message },
            { group: ['**/features/**'], message: 'components/, lib/ and api/ never import a feature.' },
          ],
        },
      ],
    },
  },
  {
    // One API layer (docs/decisions/021-web-layers.md): only src/web/api/ names an /api/v1 path.
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: ['src/web/api/**', 'src/web/**/*.test.{ts,tsx}', 'src/web/test-support.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/^\\/api\\/v1/], TemplateElement[value.raw=/^\\/api\\/v1/]',
          message: 'Call the API through src/web/api/<feature>.api.ts, not by a raw /api/v1 path.',
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
