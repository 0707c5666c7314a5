import type { MessageArea } from '../i18n.js';

/**
 * The message areas of the pages most people open first, beyond those that come with the app
 * (common, shell): the page waits for these only, not for its whole language
 * (src/web/app/router.tsx, docs/decisions/038-first-load-within-budget.md). Kept apart from the router so that
 * `bench/first-load.ts` and router.test.ts read the same lists.
 */
export const PAGE_AREAS = {
  // The sign-in and reset forms, and the messages for what the person typed wrong.
  sign_in: ['auth', 'validation'],
  // The request form validates what the person types (validation).
  help: ['help', 'exercises', 'learn', 'safety_plan', 'validation'],
  // The home names the latest self-check results (instrument_labels), not the whole self-check's text.
  home: ['home', 'instrument_labels', 'exercises', 'learn'],
} as const satisfies Record<string, readonly MessageArea[]>;

/**
 * The agency admin's section of the home offers the admin pages with their summaries
 * (Shell.tsx, pagesOf); it waits for these itself, so that nobody else downloads them.
 */
export const ADMIN_HOME_AREAS = ['boundaries', 'my_data'] as const satisfies readonly MessageArea[];

/** The notification bell's, loaded with the signed-in shell (Shell.tsx). */
export const BELL_AREAS = ['notifications'] as const satisfies readonly MessageArea[];
