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
const WEB_BOUNDARY_DEBT = [
  'src/web/components/FormErrorSummary.tsx',
  'src/web/components/QueryState.tsx',
  'src/web/components/form.ts',
  'src/web/features/agency/AgencySettingsPage.tsx',
  'src/web/features/agency/OutboxPage.tsx',
  'src/web/features/assessments/AssessmentForm.tsx',
  'src/web/features/assessments/AssessmentPage.tsx',
  'src/web/features/assessments/CrisisScreen.tsx',
  'src/web/features/assessments/HistoryPage.tsx',
  'src/web/features/assessments/ResultPage.tsx',
  'src/web/features/assessments/SelfCheckPage.tsx',
  'src/web/features/audit/AuditPage.tsx',
  'src/web/features/auth/InvitePage.tsx',
  'src/web/features/auth/SignInPage.tsx',
  'src/web/features/auth/TwoFactorSetupPage.tsx',
  'src/web/features/auth/TwoFactorVerifyPage.tsx',
  'src/web/features/campaigns/CampaignEditPage.tsx',
  'src/web/features/campaigns/CampaignStatsPage.tsx',
  'src/web/features/campaigns/CampaignsPage.tsx',
  'src/web/features/campaigns/UnitTreePicker.tsx',
  'src/web/features/counselling/SharedResultsPage.tsx',
  'src/web/features/counselling/UrgentQueuePage.tsx',
  'src/web/features/dpo/BreachPage.tsx',
  'src/web/features/dpo/BreachesPage.tsx',
  'src/web/features/dpo/ClinicalAccessPage.tsx',
  'src/web/features/dpo/DpoOverviewPage.tsx',
  'src/web/features/dpo/ProcessingPage.tsx',
  'src/web/features/dpo/RetentionPage.tsx',
  'src/web/features/dpo/RoleRequestList.tsx',
  'src/web/features/dpo/breach-clock.tsx',
  'src/web/features/help/HelpContactsAdminPage.tsx',
  'src/web/features/help/HelpPage.tsx',
  'src/web/features/home/HomePage.tsx',
  'src/web/features/imports/ImportPage.tsx',
  'src/web/features/my-data/CorrectionRequestsPage.tsx',
  'src/web/features/my-data/MyDataPage.tsx',
  'src/web/features/notifications/NotificationBell.tsx',
  'src/web/features/notifications/NotificationsPage.tsx',
  'src/web/features/org/PeoplePage.tsx',
  'src/web/features/org/PersonPage.tsx',
  'src/web/features/org/RolesPanel.tsx',
  'src/web/features/org/UnitsPage.tsx',
  'src/web/features/platform/AgenciesPage.tsx',
  'src/web/features/privacy/PrivacyPage.tsx',
  'src/web/features/profile/ProfilePage.tsx',
  'src/web/features/safety-plan/SafetyPlanEditor.tsx',
  'src/web/features/safety-plan/SafetyPlanPage.tsx',
  'src/web/features/setup/SetupPage.tsx',
  'src/web/features/setup/agency-fields.tsx',
];
/** Files that still break the boundaries below. Issue 8 empties these lists; they stay empty. */
const SQL_OUTSIDE_REPOSITORIES_DEBT = [
  'src/cli/demo/load-demo.ts',
  'src/cli/demo/load-wellbeing.ts',
  'src/server/modules/agency/agency.service.ts',
  'src/server/modules/agency/provision.ts',
  'src/server/modules/assessments/assessments.service.ts',
  'src/server/modules/assessments/sharing.service.ts',
  'src/server/modules/audit/audit.presenter.ts',
  'src/server/modules/auth/auth.routes.ts',
  'src/server/modules/auth/credentials.service.ts',
  'src/server/modules/auth/session-view.ts',
  'src/server/modules/auth/session.service.ts',
  'src/server/modules/auth/sign-in.service.ts',
  'src/server/modules/auth/throttle.service.ts',
  'src/server/modules/auth/two-factor.service.ts',
  'src/server/modules/dpo/dpo.service.ts',
  'src/server/modules/imports/import-snapshot.ts',
  'src/server/modules/imports/import-writer.ts',
  'src/server/modules/imports/imports.service.ts',
  'src/server/modules/jobs/job-queue.ts',
  'src/server/modules/mail/mail.service.ts',
  'src/server/modules/notifications/notifications.service.ts',
  'src/server/modules/org/people.service.ts',
  'src/server/modules/org/role-requests.service.ts',
  'src/server/modules/platform/platform.service.ts',
  'src/server/modules/setup/setup.service.ts',
  'src/server/modules/support/crisis-outbox-watch.ts',
  'src/server/modules/support/crisis.service.ts',
  'src/server/modules/support/help-contacts.service.ts',
  'src/server/modules/support/urgent-queue.service.ts',
  'src/server/plugins/idempotency.ts',
];
const MODULE_BOUNDARY_DEBT = [
  'src/server/modules/agency/agency.routes.ts',
  'src/server/modules/agency/agency.service.ts',
  'src/server/modules/agency/provision.ts',
  'src/server/modules/assessments/assessment-answers.ts',
  'src/server/modules/assessments/assessments.routes.ts',
  'src/server/modules/assessments/assessments.service.ts',
  'src/server/modules/assessments/drafts.service.ts',
  'src/server/modules/assessments/fhir-export.ts',
  'src/server/modules/assessments/results.presenter.ts',
  'src/server/modules/assessments/sharing.service.ts',
  'src/server/modules/auth/auth.routes.ts',
  'src/server/modules/auth/credentials.routes.ts',
  'src/server/modules/auth/credentials.service.ts',
  'src/server/modules/auth/session.service.ts',
  'src/server/modules/auth/sign-in.service.ts',
  'src/server/modules/auth/two-factor.routes.ts',
  'src/server/modules/auth/two-factor.service.ts',
  'src/server/modules/campaigns/campaign-messages.ts',
  'src/server/modules/campaigns/campaign-stats.service.ts',
  'src/server/modules/campaigns/campaigns.routes.ts',
  'src/server/modules/campaigns/campaigns.service.ts',
  'src/server/modules/dpo/dpo.repository.ts',
  'src/server/modules/dpo/dpo.routes.ts',
  'src/server/modules/dpo/dpo.service.ts',
  'src/server/modules/health/health.routes.ts',
  'src/server/modules/imports/import-writer.ts',
  'src/server/modules/imports/imports.routes.ts',
  'src/server/modules/imports/imports.service.ts',
  'src/server/modules/mail/mail.service.ts',
  'src/server/modules/my-data/export-data.ts',
  'src/server/modules/my-data/my-data.routes.ts',
  'src/server/modules/my-data/my-data.service.ts',
  'src/server/modules/org/people.routes.ts',
  'src/server/modules/org/people.service.ts',
  'src/server/modules/org/role-requests.routes.ts',
  'src/server/modules/org/role-requests.service.ts',
  'src/server/modules/org/roles.routes.ts',
  'src/server/modules/org/roles.service.ts',
  'src/server/modules/org/units.routes.ts',
  'src/server/modules/org/units.service.ts',
  'src/server/modules/platform/platform.routes.ts',
  'src/server/modules/platform/platform.service.ts',
  'src/server/modules/setup/setup.service.ts',
  'src/server/modules/support/counselling.routes.ts',
  'src/server/modules/support/crisis-outbox-watch.ts',
  'src/server/modules/support/crisis.service.ts',
  'src/server/modules/support/help-contacts.service.ts',
  'src/server/modules/support/help.routes.ts',
  'src/server/modules/support/urgent-queue.service.ts',
];
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
