import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { newId } from '../../crypto.js';

export type AlertKind = 'role_requested' | 'role_approved' | 'denied_reads' | 'exports';

export interface NewAlert {
  agencyId: string;
  kind: AlertKind;
  personId: string | null;
  /** Role names, counts and windows only: never a health value. */
  details: Record<string, string | number | null>;
  /** The same key twice is one alert (a burst is raised once per window). */
  dedupeKey?: string;
}

/** Raises an alert; a repeated dedupe key is skipped. */
export async function insertAlert(db: Kysely<Database>, alert: NewAlert, now: string): Promise<void> {
  await db
    .insertInto('dpo_alerts')
    .values({
      id: newId(),
      agency_id: alert.agencyId,
      kind: alert.kind,
      person_id: alert.personId,
      details: JSON.stringify(alert.details),
      dedupe_key: alert.dedupeKey ?? null,
      created_at: now,
      acknowledged_by: null,
      acknowledged_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/** The agency's alerts, open first, newest first. */
export async function listAlerts(db: Kysely<Database>, agencyId: string, open: boolean | undefined) {
  let q = db
    .selectFrom('dpo_alerts as a')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .leftJoin('people as k', 'k.id', 'a.acknowledged_by')
    .select([
      'a.id',
      'a.kind',
      'a.person_id',
      'p.full_name as person_name',
      'a.details',
      'a.created_at',
      'a.acknowledged_at',
      'k.full_name as acknowledged_by_name',
    ])
    .where('a.agency_id', '=', agencyId);
  if (open === true) q = q.where('a.acknowledged_at', 'is', null);
  if (open === false) q = q.where('a.acknowledged_at', 'is not', null);
  return q.orderBy('a.created_at', 'desc').orderBy('a.id').limit(200).execute();
}

/** Acknowledges one open alert of the agency; returns how many changed. */
export async function acknowledgeAlert(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
  personId: string,
  now: string,
): Promise<number> {
  const r = await db
    .updateTable('dpo_alerts')
    .set({ acknowledged_by: personId, acknowledged_at: now })
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Whether an alert of the agency exists. */
export async function alertExists(db: Kysely<Database>, agencyId: string, id: string): Promise<boolean> {
  return !!(await db
    .selectFrom('dpo_alerts')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst());
}
