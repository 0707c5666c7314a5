import { intlTag, type Locale } from './locales.js';

/** WIB/WITA/WIT: people in Indonesia name their zone this way in both languages. */
const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** "22 November 2026 pukul 14.32 WIB" / "22 November 2026 at 14:32 WIB", in the given zone. */
export function formatDateTime(iso: string, locale: Locale, timeZone: string): string {
  const text = new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
  const zone = ZONE_NAMES[timeZone];
  return zone ? `${text} ${zone}` : text;
}

/** "22 Nov 2026" style date, in the given zone. */
export function formatDate(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/** "30 November 2026" — a calendar date (YYYY-MM-DD) as the reader's language writes it, the same in every zone. */
export function formatCalendarDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00.000Z`),
  );
}

/** Indonesian digit grouping: 1.234.567,8 — English: 1,234,567.8. */
export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlTag(locale), options).format(value);
}

export function timeZoneName(timeZone: string): string {
  return ZONE_NAMES[timeZone] ?? timeZone;
}

/**
 * "Senin 07.30" / "Monday 07:30" in the given zone, with the date when the moment is not within
 * the coming week ("Rabu, 25 Maret 07.30"): when a held message will arrive (docs/boundaries.md).
 */
export function formatWeekdayTime(iso: string, locale: Locale, timeZone: string, now = new Date()): string {
  const at = new Date(iso);
  const soon = at.getTime() - now.getTime() < 6 * 86_400_000;
  const day = new Intl.DateTimeFormat(intlTag(locale), {
    weekday: 'long',
    ...(soon ? {} : { day: 'numeric', month: 'long' }),
    timeZone,
  }).format(at);
  const time = new Intl.DateTimeFormat(intlTag(locale), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
  const zone = ZONE_NAMES[timeZone];
  return `${day} ${time}${zone ? ` ${zone}` : ''}`;
}

/**
 * A clock time of day ("07:30", as forms and the API hold it) as the language writes it:
 * "07.30" in Indonesian (EYD puts a full stop between hours and minutes), "07:30" in English.
 */
export function formatClock(hhmm: string, locale: Locale): string {
  return locale === 'id' ? hhmm.replace(':', '.') : hhmm;
}
