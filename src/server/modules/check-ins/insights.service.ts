import type { Kysely } from 'kysely';
import type { InsightsQuery, InsightsView } from '../../../contracts/check-ins.js';
import type { Database } from '../../../db/schema.js';
import { toCsv } from '../../../domain/insights/export-csv.js';
import {
  averagesOf,
  MIN_PATTERN_DAYS,
  patternsOf,
  seriesOf,
  streaksOf,
  type DayEntry,
} from '../../../domain/insights/insights.js';
import { nudgesOf } from '../../../domain/insights/nudges.js';
import { addDays, localDateOf } from '../../../domain/schedule/zoned-time.js';
import type { Clock } from '../../clock.js';
import type { KeyRing } from '../../crypto.js';
import type { SessionState } from '../../http/context.js';
import { openDetails, presentCheckIn } from './check-ins.presenter.js';
import { findAllCheckIns } from './check-ins.repository.js';
import type { CheckInService } from './check-ins.service.js';
import { findInsightRows, type InsightRow } from './insights.repository.js';

type Me = SessionState['person'];

/** Streaks look back a year, whatever period the page shows. */
const STREAK_DAYS = 366;

/** The columns of the person's CSV copy, in order (stable names, so a spreadsheet or script can rely on them). */
const CSV_COLUMNS = [
  'date',
  'mood',
  'stress',
  'energy',
  'sleep_minutes',
  'sleep_quality',
  'activity_minutes',
  'workload',
  'tags',
  'note',
] as const;

/**
 * Personal insights and the person's own copy of their check-ins (docs/decisions/036-insights.md).
 * Everything is computed on request from the person's own rows, keyed by the session, and never
 * stored: no pattern or nudge exists anywhere another role could read it (docs/privacy.md §1.1).
 * Nothing is audited, like check-ins themselves: the agency's log would otherwise tell who keeps
 * them.
 */
export class InsightsService {
  constructor(private readonly deps: { db: Kysely<Database>; clock: Clock; keys: KeyRing; checkIns: CheckInService }) {}

  async insights(me: Me, query: InsightsQuery): Promise<InsightsView> {
    const days = Number(query.days);
    const timeZone = await this.deps.checkIns.timeZoneOf(me);
    const today = localDateOf(this.deps.clock.now(), timeZone);
    const from = addDays(today, -(days - 1));
    const previousFrom = addDays(from, -days);
    const readFrom = [previousFrom, addDays(today, -(STREAK_DAYS - 1))].sort()[0] as string;
    const rows = await findInsightRows(this.deps.db, me.id, me.agencyId, readFrom, today);

    // Only the period's rows are opened (their tags feed the tag patterns); the rest need scales only.
    const nudgeFrom = addDays(today, -13);
    const opensFrom = from < nudgeFrom ? from : nudgeFrom;
    const entries = rows.map((row) => this.entryOf(row, row.local_date >= opensFrom));
    const current = entries.filter((e) => e.day >= from);
    const previous = entries.filter((e) => e.day >= previousFrom && e.day < from);

    return {
      days,
      today,
      timeZone,
      from,
      previousFrom,
      series: seriesOf(current, from, today),
      streaks: streaksOf(
        entries.map((e) => e.day),
        today,
      ),
      averages: { current: averagesOf(current), previous: averagesOf(previous) },
      patterns: patternsOf(current),
      nudges: nudgesOf(entries, today).map((n) => ({ ...n, steps: [...n.steps], articles: [...n.articles] })),
      minPatternDays: MIN_PATTERN_DAYS,
    };
  }

  private entryOf(row: InsightRow, open: boolean): DayEntry {
    return {
      day: row.local_date,
      mood: row.mood,
      stress: row.stress,
      energy: row.energy,
      sleepMinutes: row.sleep_minutes,
      sleepQuality: row.sleep_quality,
      activityMinutes: row.activity_minutes,
      workload: row.workload,
      tags: open ? openDetails(row, this.deps.keys).tags : [],
    };
  }

  /**
   * Every check-in of the person, opened for them alone: JSON (as the API shows a day) or CSV
   * (formula-safe cells, domain/insights/export-csv.ts). Keyed by the session; no id is taken.
   */
  async exportOwn(me: Me, format: 'csv' | 'json'): Promise<{ body: string; fileName: string; contentType: string }> {
    const timeZone = await this.deps.checkIns.timeZoneOf(me);
    const today = localDateOf(this.deps.clock.now(), timeZone);
    const rows = await findAllCheckIns(this.deps.db, me.id, me.agencyId);
    const days = rows.map((row) => {
      const { editable: _editable, version: _version, ...day } = presentCheckIn(row, this.deps.keys, row.local_date);
      return day;
    });
    const stem = `teduh-catatan-harian-${today}`;
    if (format === 'json') {
      return {
        body: JSON.stringify({ exportedOn: today, timeZone, checkIns: days }, null, 2),
        fileName: `${stem}.json`,
        contentType: 'application/json; charset=utf-8',
      };
    }
    const body = toCsv(
      CSV_COLUMNS,
      days.map((d) => [
        d.localDate,
        d.mood,
        d.stress,
        d.energy,
        d.sleepMinutes,
        d.sleepQuality,
        d.activityMinutes,
        d.workload,
        d.tags.join('; '),
        d.note,
      ]),
    );
    return { body, fileName: `${stem}.csv`, contentType: 'text/csv; charset=utf-8' };
  }
}
