import type { MessageArea } from '../i18n.js';

/**
 * The message areas of the pages most people open first, beyond those that come with the app
 * (auth, common, shell, validation): the page waits for these only, not for its whole language
 * (src/web/app/router.tsx, docs/decisions/038-first-load-within-budget.md). Kept apart from the router so that
 * `bench/first-load.ts` and router.test.ts read the same lists.
 */
export const PAGE_AREAS = {
  help: ['help', 'exercises', 'learn', 'safety_plan'],
  // The agency admin's section offers the admin pages with their summaries (Shell.tsx, pagesOf).
  home: ['home', 'assessments', 'exercises', 'learn', 'boundaries', 'my_data'],
} as const satisfies Record<string, readonly MessageArea[]>;

/** The notification bell's, loaded with the signed-in shell (Shell.tsx). */
export const BELL_AREAS = ['notifications'] as const satisfies readonly MessageArea[];
