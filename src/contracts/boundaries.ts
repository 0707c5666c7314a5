import { z } from 'zod';
import { requiredText } from './common.js';

/** Work-hour boundaries (docs/boundaries.md): the agency's calendar and a person's own hours. */

const localDate = z.iso.date({ message: 'invalid_format' });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'boundaries.time_format');

export const calendarYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const calendarYearParams = calendarYearQuery;
export const calendarDateParams = z.object({ date: localDate });

export const calendarDayView = z.object({
  date: z.string(),
  /** national / cuti_bersama: from the SKB data; regional: added by the agency. */
  kind: z.enum(['national', 'cuti_bersama', 'regional']),
  name: z.string(),
  /** false: a cuti bersama the agency works. */
  observed: z.boolean(),
});
export const ramadanView = z.object({ startsOn: z.string(), endsOn: z.string() });

export const calendarView = z.object({
  year: z.number().int(),
  /** Years the national calendar ships. */
  years: z.array(z.number().int()),
  /** The decree the national days follow. */
  source: z.string().nullable(),
  /** true: the decree for this year is not out; only dates fixed by law are listed. */
  provisional: z.boolean(),
  days: z.array(calendarDayView),
  ramadan: ramadanView.nullable(),
});

export const calendarDayBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('regional'), date: localDate, name: requiredText(120) }),
  z.object({ kind: z.literal('not_observed'), date: localDate }),
]);

export const ramadanBody = z.object({ startsOn: localDate, endsOn: localDate });

export const personalHours = z.object({ start: hhmm, end: hhmm });

const weekDay = z.object({ start: z.string(), end: z.string() }).nullable();
export const boundariesView = z.object({
  /** The person's own hours, or null: the agency's hours apply. */
  personal: personalHours.nullable(),
  /** The agency's usual week (ISO weekday 1–7) in the person's unit time zone. */
  week: z.array(weekDay).length(7),
  ramadanWeek: z.array(weekDay).length(7),
  timeZone: z.string(),
  /** Now: null when a message may arrive now, otherwise the next moment one may. */
  nextAllowedAt: z.string().nullable(),
});

export type CalendarView = z.infer<typeof calendarView>;
export type CalendarDayView = z.infer<typeof calendarDayView>;
export type CalendarDayBody = z.infer<typeof calendarDayBody>;
export type RamadanBody = z.infer<typeof ramadanBody>;
export type PersonalHoursBody = z.infer<typeof personalHours>;
export type BoundariesView = z.infer<typeof boundariesView>;
