import { intlTag } from '../../../i18n/locales.js';
import type { Locale } from '../../../i18n/locales.js';

/** "Senin, 7 Des" / "Monday, 7 Dec": a slot's day on the viewer's wall clock, with its weekday. */
export function dayLabel(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlTag(locale), { weekday: 'long', day: 'numeric', month: 'short', timeZone }).format(
    new Date(iso),
  );
}

/** "09.00" / "09:00": a slot's start on the viewer's wall clock. */
export function slotClock(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlTag(locale), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })
    .format(new Date(iso))
    .replace(':', locale === 'id' ? '.' : ':');
}
