import { createInstance } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Messages } from '../i18n/catalog.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/locales.js';
import { catalogOptions } from '../i18n/translator.js';

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

/** One i18next instance for the web app, fed from the shared catalog (src/i18n). */
export const i18n = createInstance();
void i18n.use(initReactI18next).init({
  ...catalogOptions(),
  lng: cookieLocale() ?? DEFAULT_LOCALE,
  react: { useSuspense: false },
});

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
