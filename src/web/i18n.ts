import { createInstance } from 'i18next';
import { use } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Messages } from '../i18n/catalog.js';
import { common } from '../i18n/id/common.js';
import { shell } from '../i18n/id/shell.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/locales.js';
import { baseOptions } from '../i18n/options.js';

/** Every dotted key of the catalog, e.g. `auth.sign_in.title`: a typo is a compile error. */
type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

export type TranslateFn = (key: MessageKey, params?: Record<string, unknown>) => string;

export const LOCALE_COOKIE = 'teduh_lang';

/** The language chosen while signed out, kept in the same cookie the server reads. */
export function cookieLocale(): Locale | null {
  const match = document.cookie
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([name]) => name === LOCALE_COOKIE);
  const value = match?.[1];
  return isLocale(value) ? value : null;
}

export function setLocaleCookie(locale: Locale): void {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${365 * 24 * 3600}; SameSite=Lax${secure}`;
}

/**
 * The messages are loaded by language and by area (docs/decisions/025-static-assets.md,
 * 038-first-load-within-budget.md): the frame of every page (header, skeletons, error pages) needs
 * only the Indonesian areas below, which come with the app;
 * every other area, and English, is a chunk of its own, loaded before a page that needs it (the
 * router's lazy pages wait for their areas, or for the whole language) and before the language
 * changes. Emails are the server's: their texts never reach the browser.
 */
// Not `errors`: the server sends its messages already translated. Not `auth` and `validation`: the
// sign-in page's own load with it (src/web/lib/page-areas.ts), so the home does not carry them.
const FIRST_PAGES = { common, shell };
const FIRST_PAGE_AREAS = Object.keys(FIRST_PAGES) as MessageArea[];

const AREAS = import.meta.glob<Record<string, unknown>>([
  '../i18n/*/*.ts',
  '!../i18n/*/email.ts',
  '!../i18n/id/common.ts',
  '!../i18n/id/shell.ts',
]);

/** One i18next instance for the web app, fed from the shared catalog (src/i18n). */
export const i18n = createInstance();
void i18n.use(initReactI18next).init({
  ...baseOptions(),
  resources: { [DEFAULT_LOCALE]: { translation: FIRST_PAGES } },
  lng: cookieLocale() ?? DEFAULT_LOCALE,
  react: { useSuspense: false },
});

/** An area of the messages: a file of src/i18n/<lang>/, named like its export (safety-plan.ts → safety_plan). */
export type MessageArea = keyof Messages;

const loadedAreas = new Set<string>(FIRST_PAGE_AREAS.map((area) => `${DEFAULT_LOCALE}:${area}`));
const areaOfFile = (file: string) => (file.split('/').pop() ?? '').replace(/\.ts$/, '').replace(/-/g, '_');
const loadingAreas = new Map<string, Promise<void>>();

function loadArea(locale: Locale, area: string): Promise<void> {
  const key = `${locale}:${area}`;
  let pending = loadingAreas.get(key);
  if (!pending) {
    const load = AREAS[`../i18n/${locale}/${area.replace(/_/g, '-')}.ts`];
    // The Indonesian areas of the first pages came with the app.
    if (!load) return Promise.resolve();
    pending = load().then((module) => {
      // Each file exports one area, named like the file.
      i18n.addResourceBundle(locale, 'translation', { [area]: module[area] ?? Object.values(module)[0] }, true, false);
      loadedAreas.add(key);
    });
    pending.catch(() => loadingAreas.delete(key)); // a failed chunk may be retried by the next page
    loadingAreas.set(key, pending);
  }
  return pending;
}

/**
 * Loads the given areas of a language's messages once each; later calls share the first. A page
 * that names its areas (src/web/app/router.tsx) waits for those only, so the employee's first page
 * does not download every area of the language first (docs/decisions/038-first-load-within-budget.md).
 */
export function loadAreas(locale: Locale, areas: readonly MessageArea[]): Promise<void> {
  return Promise.all(areas.map((area) => loadArea(locale, area))).then(() => undefined);
}

const waiting = new Map<string, Promise<void>>();

/**
 * For a part of a page that needs more areas than its page waits for: suspends (the nearest
 * `Suspense` shows its fallback) until they are there, so that no key is ever shown.
 */
export function useMessageAreas(areas: readonly MessageArea[]): void {
  // No hook before `use`: the component is replayed as it was when the messages arrive.
  const locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
  if (areas.every((area) => loadedAreas.has(`${locale}:${area}`))) return;
  const key = `${locale}:${areas.join(',')}`;
  let pending = waiting.get(key);
  if (!pending) {
    pending = loadAreas(locale, areas).finally(() => waiting.delete(key));
    waiting.set(key, pending);
  }
  use(pending);
}

/** Loads every area of a language's messages (before a page that does not name its areas, and before a switch). */
export function loadLanguage(locale: Locale): Promise<void> {
  const prefix = `../i18n/${locale}/`;
  const areas = Object.keys(AREAS)
    .filter((file) => file.startsWith(prefix))
    .map(areaOfFile);
  return Promise.all(areas.map((area) => loadArea(locale, area))).then(() => undefined);
}

/** Resolves when the language the page opens in can be shown (at once for Indonesian). */
export function firstLanguageReady(): Promise<void> {
  const locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
  return locale === DEFAULT_LOCALE ? Promise.resolve() : loadAreas(locale, FIRST_PAGE_AREAS);
}

// A language is switched to only once its messages are all there, wherever the switch comes from
// (the language menu, the profile, the session's saved choice).
const switchLanguage = i18n.changeLanguage.bind(i18n);
i18n.changeLanguage = async (lng, callback) => {
  if (isLocale(lng)) await loadLanguage(lng);
  return switchLanguage(lng, callback);
};

function reflectLanguage(lng: string): void {
  document.documentElement.lang = isLocale(lng) ? lng : DEFAULT_LOCALE;
}
reflectLanguage(i18n.language);
i18n.on('languageChanged', reflectLanguage);

/** Translate outside React (API client messages, document title). */
export const translate: TranslateFn = (key, params) => i18n.t(key, params ?? {}) as string;

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** Typed translation for components; re-renders when the language changes. */
export function useT(): { t: TranslateFn; locale: Locale } {
  const { t, i18n: instance } = useTranslation();
  const locale = isLocale(instance.language) ? instance.language : DEFAULT_LOCALE;
  return { t: t as unknown as TranslateFn, locale };
}
