import type { CheckInView } from '../../../contracts/check-ins.js';
import type { KeyRing } from '../../crypto.js';
import type { CheckInRow } from './check-ins.repository.js';

/** The sealed part of a check-in: what the person wrote in their own words. */
export interface CheckInDetails {
  note: string | null;
  tags: string[];
}

export function openDetails(row: Pick<CheckInRow, 'details_enc'>, keys: KeyRing): CheckInDetails {
  if (!row.details_enc) return { note: null, tags: [] };
  return JSON.parse(keys.decrypt(row.details_enc)) as CheckInDetails;
}

/**
 * A stored day as its owner sees it; `editableFrom` is the first day that may still change.
 * `details` are the row's sealed words when the caller has them in the clear already (the write
 * that just sealed them), saving an unsealing.
 */
export function presentCheckIn(
  row: CheckInRow,
  keys: KeyRing,
  editableFrom: string,
  details: CheckInDetails = openDetails(row, keys),
): CheckInView {
  return {
    localDate: row.local_date,
    mood: row.mood,
    stress: row.stress,
    energy: row.energy,
    sleepMinutes: row.sleep_minutes,
    sleepQuality: row.sleep_quality,
    activityMinutes: row.activity_minutes,
    workload: row.workload,
    note: details.note,
    tags: details.tags,
    editable: row.local_date >= editableFrom,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
