import { localParts } from '../../../domain/schedule/zoned-time.js';
import { intlTag, type Locale } from '../../../i18n/locales.js';

/** "Senin, 7 Des" / "Monday, 7 Dec": a local day ("2026-12-07") with its weekday, never shifted by a zone. */
export function weekdayDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    weekday: 'long',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** "09:00" of an instant on the wall clock of `timeZone` (the viewer's own). */
export function clockOf(iso: string, timeZone: string): string {
  const s = localParts(new Date(iso), timeZone).secondOfDay;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** A Google Calendar "add event" link: the other common way to add a booking besides the .ics file. */
export function googleCalendarUrl(title: string, start: string, end: string, details: string): string {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: title,
    dates: `${compact(start)}/${compact(end)}`,
    details,
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
