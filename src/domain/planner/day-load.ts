import { minutesOf, type DayHours } from '../schedule/working-hours.js';

/**
 * Whether a planned day is realistic (docs/decisions/035-self-care-and-plan.md): the blocks against
 * the person's working day (domain/schedule/working-hours.ts) and the buffer time that absorbs what
 * runs late. A day is overbooked when its blocks fill more than the working day, and has no buffer
 * when its work blocks leave no buffer block of at least ten minutes. Overlapping blocks count once.
 */
export interface PlannedBlock {
  start: string;
  end: string;
  kind: 'focus' | 'meeting' | 'buffer';
}

export interface DayLoad {
  /** Minutes covered by any block (overlaps counted once). */
  plannedMinutes: number;
  /** Minutes covered by buffer blocks. */
  bufferMinutes: number;
  /** The working day's length in minutes; 0 on a day off. */
  capacityMinutes: number;
  /** Blocks fill more than the working day (or any work is planned on a day off). */
  overbooked: boolean;
  /** There is work planned but no buffer of at least MIN_BUFFER minutes. */
  noBuffer: boolean;
  /** Minutes of blocks outside the working hours (early, late, or on a day off). */
  outsideMinutes: number;
  /** Pairs of blocks that overlap, by index. */
  overlaps: Array<[number, number]>;
}

export const MIN_BUFFER_MINUTES = 10;

function covered(ranges: Array<[number, number]>): number {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -1;
  for (const [s, e] of sorted) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

export function dayLoad(blocks: readonly PlannedBlock[], hours: DayHours | null): DayLoad {
  const ranges = blocks.map((b) => [minutesOf(b.start), minutesOf(b.end)] as [number, number]);
  const plannedMinutes = covered(ranges);
  const bufferMinutes = covered(ranges.filter((_, i) => blocks[i]?.kind === 'buffer'));
  const work = blocks.some((b) => b.kind !== 'buffer');
  const capacityMinutes = hours ? minutesOf(hours.end) - minutesOf(hours.start) : 0;
  let outsideMinutes = plannedMinutes;
  if (hours) {
    const [ws, we] = [minutesOf(hours.start), minutesOf(hours.end)];
    const inside = covered(
      ranges.map(([s, e]) => [Math.max(s, ws), Math.min(e, we)] as [number, number]).filter(([s, e]) => e > s),
    );
    outsideMinutes = plannedMinutes - inside;
  }
  const overlaps: Array<[number, number]> = [];
  for (let i = 0; i < ranges.length; i++)
    for (let j = i + 1; j < ranges.length; j++) {
      const [a, b] = [ranges[i] as [number, number], ranges[j] as [number, number]];
      if (a[0] < b[1] && b[0] < a[1]) overlaps.push([i, j]);
    }
  return {
    plannedMinutes,
    bufferMinutes,
    capacityMinutes,
    overbooked: work && plannedMinutes > capacityMinutes,
    noBuffer: work && !ranges.some(([s, e], i) => blocks[i]?.kind === 'buffer' && e - s >= MIN_BUFFER_MINUTES),
    outsideMinutes,
    overlaps,
  };
}
