/**
 * The weekly check-in line a counsellor sees with a check_in_trends consent
 * (docs/decisions/042-counselling-consent.md): per week (Monday to Sunday, the client's local dates),
 * how many check-ins and the average mood and energy. Never a note, tag or single day's value.
 */

export interface CheckInPoint {
  /** `YYYY-MM-DD`, the client's local day. */
  localDate: string;
  mood: number;
  energy: number | null;
}

export interface CheckInWeek {
  /** The Monday that starts the week, `YYYY-MM-DD`. */
  weekStart: string;
  count: number;
  moodAverage: number | null;
  energyAverage: number | null;
}

const DAY_MS = 86_400_000;

/** The Monday of the week of a local date. */
export function mondayOf(localDate: string): string {
  const d = new Date(`${localDate}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(d.getTime() - weekday * DAY_MS).toISOString().slice(0, 10);
}

const average = (values: number[]) =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

/**
 * The last `weeks` weeks up to the week of `today`, oldest first; a week without check-ins is listed
 * with a count of 0, so a gap shows as a gap.
 */
export function weeklyCheckIns(points: readonly CheckInPoint[], today: string, weeks: number): CheckInWeek[] {
  const last = Date.parse(`${mondayOf(today)}T00:00:00Z`);
  const starts = Array.from({ length: weeks }, (_, i) =>
    new Date(last - (weeks - 1 - i) * 7 * DAY_MS).toISOString().slice(0, 10),
  );
  const byWeek = new Map<string, CheckInPoint[]>(starts.map((s) => [s, []]));
  for (const p of points) byWeek.get(mondayOf(p.localDate))?.push(p);
  return starts.map((weekStart) => {
    const rows = byWeek.get(weekStart) ?? [];
    return {
      weekStart,
      count: rows.length,
      moodAverage: average(rows.map((r) => r.mood)),
      energyAverage: average(rows.flatMap((r) => (r.energy === null ? [] : [r.energy]))),
    };
  });
}
