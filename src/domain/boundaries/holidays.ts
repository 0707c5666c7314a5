import type { LocalDate } from '../schedule/zoned-time.js';

/**
 * The national holiday calendar as data, one list per year (docs/indonesian-facts.md, "Holidays").
 * Libur nasional and cuti bersama are set every year by a joint decree of the Ministers of
 * Religious Affairs, Manpower and PANRB (SKB 3 Menteri); an agency then adds its regional
 * holidays and may work a cuti bersama it does not observe (stored per agency, not here).
 *
 * A new year is a new entry in this list, in a release, with the decree's number. A year whose
 * decree is not out yet is `provisional` and holds only what the law fixes by itself.
 */

export type NationalDayKind = 'national' | 'cuti_bersama';

export interface NationalDay {
  date: LocalDate;
  kind: NationalDayKind;
  /** Indonesian name, as the decree writes it; the English name is for the English interface. */
  name: { id: string; en: string };
}

export interface NationalCalendar {
  year: number;
  /** The decree the list follows, or why there is none yet. */
  source: string;
  /** true: the decree for this year is not out; only dates fixed by law are listed. */
  provisional: boolean;
  days: readonly NationalDay[];
}

const day = (date: LocalDate, kind: NationalDayKind, id: string, en: string): NationalDay => ({
  date,
  kind,
  name: { id, en },
});

export const NATIONAL_CALENDARS: readonly NationalCalendar[] = [
  {
    year: 2026,
    source: 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497/2025, 2/2025, 5/2025',
    provisional: false,
    days: [
      day('2026-01-01', 'national', 'Tahun Baru 2026 Masehi', 'New Year 2026'),
      day('2026-01-16', 'national', 'Isra Mikraj Nabi Muhammad SAW', 'Isra Mi’raj of the Prophet Muhammad'),
      day('2026-02-16', 'cuti_bersama', 'Cuti bersama Tahun Baru Imlek', 'Joint leave, Chinese New Year'),
      day('2026-02-17', 'national', 'Tahun Baru Imlek 2577 Kongzili', 'Chinese New Year 2577'),
      day('2026-03-18', 'cuti_bersama', 'Cuti bersama Hari Suci Nyepi', 'Joint leave, Nyepi'),
      day('2026-03-19', 'national', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'Nyepi, Saka New Year 1948'),
      day('2026-03-20', 'cuti_bersama', 'Cuti bersama Idulfitri', 'Joint leave, Eid al-Fitr'),
      day('2026-03-21', 'national', 'Idulfitri 1447 H', 'Eid al-Fitr 1447 H'),
      day('2026-03-22', 'national', 'Idulfitri 1447 H', 'Eid al-Fitr 1447 H'),
      day('2026-03-23', 'cuti_bersama', 'Cuti bersama Idulfitri', 'Joint leave, Eid al-Fitr'),
      day('2026-03-24', 'cuti_bersama', 'Cuti bersama Idulfitri', 'Joint leave, Eid al-Fitr'),
      day('2026-04-03', 'national', 'Wafat Yesus Kristus', 'Good Friday'),
      day('2026-04-05', 'national', 'Kebangkitan Yesus Kristus (Paskah)', 'Easter Sunday'),
      day('2026-05-01', 'national', 'Hari Buruh Internasional', 'International Labour Day'),
      day('2026-05-14', 'national', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ'),
      day('2026-05-15', 'cuti_bersama', 'Cuti bersama Kenaikan Yesus Kristus', 'Joint leave, Ascension Day'),
      day('2026-05-27', 'national', 'Iduladha 1447 H', 'Eid al-Adha 1447 H'),
      day('2026-05-28', 'cuti_bersama', 'Cuti bersama Iduladha', 'Joint leave, Eid al-Adha'),
      day('2026-05-31', 'national', 'Hari Raya Waisak 2570 BE', 'Vesak 2570 BE'),
      day('2026-06-01', 'national', 'Hari Lahir Pancasila', 'Pancasila Day'),
      day('2026-06-16', 'national', '1 Muharam Tahun Baru Islam 1448 H', 'Islamic New Year 1448 H'),
      day('2026-08-17', 'national', 'Proklamasi Kemerdekaan', 'Independence Day'),
      day('2026-08-25', 'national', 'Maulid Nabi Muhammad SAW', 'Birthday of the Prophet Muhammad'),
      day('2026-12-24', 'cuti_bersama', 'Cuti bersama Kelahiran Yesus Kristus', 'Joint leave, Christmas'),
      day('2026-12-25', 'national', 'Kelahiran Yesus Kristus', 'Christmas Day'),
    ],
  },
  {
    year: 2027,
    // Dates set by the calendar itself: fixed-date holidays and those that follow Western Easter
    // (28 March 2027). Lunar and lunisolar holidays (Idulfitri, Iduladha, Imlek, Nyepi, Waisak,
    // Isra Mikraj, 1 Muharam, Maulid) and every cuti bersama wait for the decree.
    source: 'Belum ada SKB 3 Menteri untuk 2027: hanya tanggal yang tetap menurut hukum dan kalender',
    provisional: true,
    days: [
      day('2027-01-01', 'national', 'Tahun Baru 2027 Masehi', 'New Year 2027'),
      day('2027-03-26', 'national', 'Wafat Yesus Kristus', 'Good Friday'),
      day('2027-03-28', 'national', 'Kebangkitan Yesus Kristus (Paskah)', 'Easter Sunday'),
      day('2027-05-01', 'national', 'Hari Buruh Internasional', 'International Labour Day'),
      day('2027-05-06', 'national', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ'),
      day('2027-06-01', 'national', 'Hari Lahir Pancasila', 'Pancasila Day'),
      day('2027-08-17', 'national', 'Proklamasi Kemerdekaan', 'Independence Day'),
      day('2027-12-25', 'national', 'Kelahiran Yesus Kristus', 'Christmas Day'),
    ],
  },
];

export const CALENDAR_YEARS: readonly number[] = NATIONAL_CALENDARS.map((c) => c.year);

export function nationalCalendar(year: number): NationalCalendar | undefined {
  return NATIONAL_CALENDARS.find((c) => c.year === year);
}

/** What an agency changed in its calendar: a regional day off it adds, or a cuti bersama it works. */
export interface AgencyCalendarEntry {
  date: LocalDate;
  kind: 'regional' | 'not_observed';
}

/**
 * The days off an agency observes: the national days of every shipped year, less the cuti bersama
 * it works, plus its regional holidays. A libur nasional cannot be worked away here (it is law),
 * so a `not_observed` entry on one is ignored.
 */
export function observedDaysOff(entries: readonly AgencyCalendarEntry[]): Set<LocalDate> {
  const skipped = new Set(entries.filter((e) => e.kind === 'not_observed').map((e) => e.date));
  const off = new Set<LocalDate>();
  for (const calendar of NATIONAL_CALENDARS)
    for (const d of calendar.days) if (d.kind === 'national' || !skipped.has(d.date)) off.add(d.date);
  for (const e of entries) if (e.kind === 'regional') off.add(e.date);
  return off;
}

/** The cuti bersama on `date`, if any (a `not_observed` entry is only valid on one). */
export function isCutiBersama(date: LocalDate): boolean {
  return NATIONAL_CALENDARS.some((c) => c.days.some((d) => d.date === date && d.kind === 'cuti_bersama'));
}

/** A national day (libur nasional or cuti bersama) on `date`, if any. */
export function nationalDayOn(date: LocalDate): NationalDay | undefined {
  for (const c of NATIONAL_CALENDARS) {
    const found = c.days.find((d) => d.date === date);
    if (found) return found;
  }
  return undefined;
}
