import { createInstance, type i18n, type InitOptions } from 'i18next';
import { catalogs } from './catalog.js';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.js';

/** Translates a dotted key such as `errors.not_found`, with `{{name}}` interpolation. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * What every i18next instance of Teduh starts from, so the server and the web app say the same
 * words: the shared catalog, Indonesian as the fallback, loaded synchronously. No HTML escaping:
 * React escapes what it renders, and emails are plain text. A fresh object per instance, since
 * i18next keeps what it is given.
 */
export function catalogOptions() {
  return {
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: catalogs[l] }])),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  } satisfies InitOptions;
}

/** One i18next instance shared by server code; the web app builds its own with react-i18next. */
export function createI18n(): i18n {
  const instance = createInstance();
  void instance.init({ ...catalogOptions(), lng: DEFAULT_LOCALE });
  return instance;
}

/** A translate function fixed to one locale. */
export function translatorFor(instance: i18n, locale: Locale): Translate {
  const t = instance.getFixedT(locale);
  return (key, params) => t(key, params ?? {}) as string;
}
