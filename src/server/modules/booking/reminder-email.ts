import { addDays, localDateOf } from '../../../domain/schedule/zoned-time.js';
import { intlTag, type Locale } from '../../../i18n/locales.js';
import { timeZoneName } from '../../../i18n/format.js';

/**
 * The words of a booking reminder email (docs/decisions/049-counselling-journey.md): only when —
 * "besok" / "hari ini" and the time on the person's own clock with its zone. No counsellor, no
 * kind of care, no mode, no place and nothing the person wrote: a work mailbox is often read by
 * others (a shared unit address, a secretary, a phone's lock screen).
 */
export function reminderWhen(start: Date, now: Date, timeZone: string, locale: Locale): { day: string; time: string } {
  const tag = intlTag(locale);
  const startDay = localDateOf(start, timeZone);
  const today = localDateOf(now, timeZone);
  const offset = startDay === today ? 0 : startDay === addDays(today, 1) ? 1 : null;
  // "hari ini" / "besok" in the person's language; a sweep that ran very late names the date instead.
  const day =
    offset !== null
      ? new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }).format(offset, 'day')
      : new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(start);
  const clock = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    start,
  );
  return { day, time: `${clock} ${timeZoneName(timeZone)}` };
}
