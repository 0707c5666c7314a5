import {
  formatClock,
  formatDate,
  formatDateTime,
  formatNumber,
  formatWeekdayTime,
  timeZoneName,
} from '../../i18n/format.js';
import { useSession, viewerTimeZone } from '../api/session.js';
import { useT } from '../i18n.js';

/** Dates in the viewer's unit time zone (with WIB/WITA/WIT) and numbers in their language. */
export function useFormat() {
  const { locale } = useT();
  const { data: session } = useSession();
  const timeZone = viewerTimeZone(session);
  return {
    timeZone,
    zoneName: timeZoneName(timeZone),
    dateTime: (iso: string) => formatDateTime(iso, locale, timeZone),
    date: (iso: string) => formatDate(iso, locale, timeZone),
    /** "Senin 07.30 WIB": when a held message arrives (docs/boundaries.md). */
    weekdayTime: (iso: string) => formatWeekdayTime(iso, locale, timeZone),
    number: (value: number) => formatNumber(value, locale),
    /** A clock time "07:30" as the language writes it ("07.30" in Indonesian). */
    clock: (hhmm: string) => formatClock(hhmm, locale),
    /**
     * A calendar day ("2026-11-30", or an ISO instant whose first ten characters name the day):
     * shown as that date whatever the viewer's zone, never shifted a day by it.
     */
    day: (value: string) => {
      const day = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
      return day ? formatDate(`${day}T12:00:00Z`, locale, 'UTC') : value;
    },
  };
}
