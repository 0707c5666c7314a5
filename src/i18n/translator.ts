import { createInstance, type i18n, type InitOptions } from 'i18next';
import { catalogs } from './catalog.js';
import { baseOptions } from './options.js';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.js';

/** Translates a dotted key such as `errors.not_found`, with `{{name}}` interpolation. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * The shared options with the whole catalog, both languages. A fresh object per instance, since
 * i18next keeps what it is given.
 */
export function catalogOptions() {
  return {
    ...baseOptions(),
    resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: catalogs[l] }])),
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
