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

/**
 * The submit's answer as JSON, written field by field instead of through the zod schema a second
 * time (the presenter already chose and typed every field; the zod pass was 5 % of the server's CPU
 * per submit, docs/decisions/046-check-in-submit-cpu.md). Only the fields of CheckInView, in its
 * schema's order, so the bytes are those the zod serializer writes (check-ins.presenter.test.ts).
 */
export function checkInViewJson(view: CheckInView): string {
  return JSON.stringify({
    localDate: view.localDate,
    mood: view.mood,
    stress: view.stress,
    energy: view.energy,
    sleepMinutes: view.sleepMinutes,
    sleepQuality: view.sleepQuality,
    activityMinutes: view.activityMinutes,
    workload: view.workload,
    note: view.note,
    tags: view.tags,
    editable: view.editable,
    version: view.version,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
  });
}
