import type { InitOptions } from 'i18next';
import { DEFAULT_LOCALE, LOCALES } from './locales.js';

/**
 * What every i18next instance of Teduh starts from, apart from its messages, so the server and the
 * web app say the same words: Indonesian as the fallback, loaded synchronously. No HTML escaping:
 * React escapes what it renders, and emails are plain text. Kept apart from the catalog so the web
 * app can take these options without bundling every message of both languages
 * (docs/decisions/025-static-assets.md).
 */
export function baseOptions() {
  return {
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  } satisfies InitOptions;
}
