/** Teduh speaks Bahasa Indonesia first and English second (docs/principles.md, principle 5). */
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** BCP 47 tag for Intl formatting. */
export function intlTag(locale: Locale): string {
  return locale === 'id' ? 'id-ID' : 'en-GB';
}

/**
 * Picks a locale from an Accept-Language header, honouring q-values; Indonesian when nothing
 * we speak is asked for.
 */
export function localeFromAcceptLanguage(header: string | undefined | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) {
    if (isLocale(lang)) return lang;
    // Malay speakers read Indonesian more easily than English.
    if (lang === 'ms') return 'id';
  }
  return DEFAULT_LOCALE;
}
