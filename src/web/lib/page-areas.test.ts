import { describe, expect, it } from 'vitest';
import { catalogs } from '../../i18n/catalog.js';
import { ADMIN_HOME_AREAS, BELL_AREAS, PAGE_AREAS } from './page-areas.js';

/**
 * A page that names its message areas (src/web/app/router.tsx) waits for those only: a key of any
 * other area would show as a key. This follows each such page's static imports through src/web
 * and checks that every message key written in them belongs to an area the page waits for.
 */
// Every source file of the web app, by its path from src/web (e.g. `features/home/HomePage.tsx`).
const SOURCES = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.*'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  ).map(([file, source]) => [file.replace(/^\.\.\//, ''), source]),
);
const AREAS = Object.keys(catalogs.id).filter((area) => area !== 'email');
const WITH_THE_APP = ['common', 'shell'];
const KEY = new RegExp(`(?<!case )['"\`](${AREAS.join('|')})\\.[a-z_]`, 'g');

/** `./x.js` imported from `a/b/c.tsx` → `a/b/x.ts(x)`, when it is a file of src/web. */
function resolve(from: string, specifier: string): string | undefined {
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.replace(/\.js$/, '').split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  const base = parts.join('/');
  return [`${base}.tsx`, `${base}.ts`].find((candidate) => candidate in SOURCES);
}

function areasUsedFrom(entry: string): Map<string, string> {
  const used = new Map<string, string>(); // area → first file that uses it
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || file === 'i18n.ts') return;
    seen.add(file);
    const source = SOURCES[file] ?? '';
    for (const match of source.matchAll(KEY)) if (!used.has(match[1] as string)) used.set(match[1] as string, file);
    // Static imports only: a lazy part (React.lazy) waits for its own areas.
    for (const match of source.matchAll(/^import (?!type )[^;]*?from '(\.[^']+)';/gm)) {
      const resolved = resolve(file, match[1] as string);
      if (resolved) visit(resolved);
    }
  };
  expect(SOURCES[entry], entry).toBeDefined();
  visit(entry);
  return used;
}

function expectCovered(entry: string, allowed: readonly string[]) {
  const missing = [...areasUsedFrom(entry)]
    .filter(([area]) => !allowed.includes(area))
    .map(([area, file]) => `${area} (${file})`);
  expect(missing, `${entry} uses areas it does not wait for`).toEqual([]);
}

describe('the pages that wait for their own message areas name all they use', () => {
  it('sign-in and password reset', () => {
    expectCovered('features/auth/SignInPage.tsx', [...WITH_THE_APP, ...PAGE_AREAS.sign_in]);
    expectCovered('features/auth/ResetRequestPage.tsx', [...WITH_THE_APP, ...PAGE_AREAS.sign_in]);
  });

  it('help', () => {
    expectCovered('features/help/HelpPage.tsx', [...WITH_THE_APP, ...PAGE_AREAS.help]);
  });

  it("the home (the agency admin's section waits for its own)", () => {
    expectCovered('features/home/HomePage.tsx', [...WITH_THE_APP, ...PAGE_AREAS.home, ...ADMIN_HOME_AREAS]);
  });

  it('the notification bell', () => {
    expectCovered('components/layout/NotificationBell.tsx', [...WITH_THE_APP, ...BELL_AREAS]);
  });

  it('the frame of every page needs only what comes with the app', () => {
    for (const entry of ['app/App.tsx', 'components/layout/PublicLayout.tsx', 'components/layout/ErrorPages.tsx']) {
      const used = [...areasUsedFrom(entry).keys()].filter((area) => !WITH_THE_APP.includes(area));
      expect(used, entry).toEqual([]);
    }
  });
});
