import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { newId } from '../../crypto.js';
import { eachBatch } from '../../../db/batches.js';

export interface NewNotification {
  agencyId: string;
  personId: string;
  /** e.g. 'campaign.invited', 'campaign.reminder', 'crisis.request' — the web app words each kind. */
  kind: string;
  /** Ids and titles only, never a health value. */
  payload: Record<string, string | number | boolean | null>;
  /** The same key twice is stored once (a retried job must not notify twice). */
  dedupeKey?: string;
  /** Set by NotificationService from the person's work-hour boundaries (docs/boundaries.md). */
  heldUntil?: string | null;
}

/** Adds in-app notifications in batches; rows whose dedupe key exists are skipped. */
export async function insertNotifications(db: Kysely<Database>, rows: NewNotification[], now: string): Promise<void> {
  await eachBatch(rows, (batch) =>
    db
      .insertInto('notifications')
      .values(
        batch.map((n) => ({
          id: newId(),
          agency_id: n.agencyId,
          person_id: n.personId,
          kind: n.kind,
          payload: JSON.stringify(n.payload),
          dedupe_key: n.dedupeKey ?? null,
          created_at: now,
          read_at: null,
          held_until: n.heldUntil ?? null,
        })),
      )
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute(),
  );
}

/**
 * Adds one notification unless its dedupe key exists; says whether it was added, so a caller can
 * send the matching email only once even when its job is retried.
 */
export async function insertNotificationOnce(
  db: Kysely<Database>,
  n: NewNotification & { dedupeKey: string },
  now: string,
): Promise<boolean> {
  const result = await db
    .insertInto('notifications')
    .values({
      id: newId(),
      agency_id: n.agencyId,
      person_id: n.personId,
      kind: n.kind,
      payload: JSON.stringify(n.payload),
      dedupe_key: n.dedupeKey,
      created_at: now,
      read_at: null,
      held_until: n.heldUntil ?? null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** A person's latest notifications, newest first. */
export async function findLatestOf(db: Kysely<Database>, personId: string, limit: number) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** How many of a person's notifications are unread; one still held (docs/boundaries.md) is not new yet. */
export async function countUnreadOf(db: Kysely<Database>, personId: string, now: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .where('read_at', 'is', null)
    .where((eb) => eb.or([eb('held_until', 'is', null), eb('held_until', '<=', now)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One notification of the person's own. */
export async function findOwnNotification(db: Kysely<Database>, personId: string, id: string) {
  return db
    .selectFrom('notifications')
    .select(['id', 'read_at'])
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** Marks one of the person's notifications, or (without id) all their unread ones, read. */
export async function markRead(db: Kysely<Database>, personId: string, now: string, id?: string): Promise<void> {
  let q = db.updateTable('notifications').set({ read_at: now }).where('person_id', '=', personId);
  q = id ? q.where('id', '=', id) : q.where('read_at', 'is', null);
  await q.execute();
}
