import { createInstance } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Messages } from '../i18n/catalog.js';
import { auth } from '../i18n/id/auth.js';
import { common } from '../i18n/id/common.js';
import { shell } from '../i18n/id/shell.js';
import { validation } from '../i18n/id/validation.js';
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
 * The messages are loaded by language and by area (docs/decisions/025-static-assets.md): the
 * sign-in and error pages need only the Indonesian areas below, which come with the app;
 * every other area, and English, is a chunk of its own, loaded before a page that needs it (the
 * router's lazy pages wait for `loadLanguage`) and before the language changes. Emails are the
 * server's: their texts never reach the browser.
 */
// Not `errors`: the server sends its messages already translated.
const FIRST_PAGES = { auth, common, shell, validation };

const AREAS = import.meta.glob<Record<string, unknown>>([
  '../i18n/*/*.ts',
  '!../i18n/*/email.ts',
  '!../i18n/id/auth.ts',
  '!../i18n/id/common.ts',
  '!../i18n/id/shell.ts',
  '!../i18n/id/validation.ts',
]);

/** One i18next instance for the web app, fed from the shared catalog (src/i18n). */
export const i18n = createInstance();
void i18n.use(initReactI18next).init({
  ...baseOptions(),
  resources: { [DEFAULT_LOCALE]: { translation: FIRST_PAGES } },
  lng: cookieLocale() ?? DEFAULT_LOCALE,
  react: { useSuspense: false },
});

const loading = new Map<Locale, Promise<void>>();

/** Loads every area of a language's messages once; later calls share the first. */
export function loadLanguage(locale: Locale): Promise<void> {
  let pending = loading.get(locale);
  if (!pending) {
    const files = Object.entries(AREAS).filter(([file]) => file.startsWith(`../i18n/${locale}/`));
    pending = Promise.all(
      files.map(async ([file, load]) => {
        const module = await load();
        // Each file exports one area, named like the file: safety-plan.ts → safety_plan.
        const area = (file.split('/').pop() ?? '').replace(/\.ts$/, '').replace(/-/g, '_');
        return [area, module[area] ?? Object.values(module)[0]] as const;
      }),
    ).then((areas) => {
      i18n.addResourceBundle(locale, 'translation', Object.fromEntries(areas), true, false);
    });
    pending.catch(() => loading.delete(locale)); // a failed chunk may be retried by the next page
    loading.set(locale, pending);
  }
  return pending;
}

/** Resolves when the language the page opens in can be shown (at once for Indonesian). */
export function firstLanguageReady(): Promise<void> {
  const locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
  return locale === DEFAULT_LOCALE ? Promise.resolve() : loadLanguage(locale);
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
