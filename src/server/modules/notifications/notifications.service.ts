import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Clock } from '../../clock.js';
import { notFound } from '../../http/errors.js';
import {
  countUnreadOf,
  findLatestOf,
  findOwnNotification,
  insertNotificationOnce,
  insertNotifications,
  markRead,
  type NewNotification,
} from './notifications.repository.js';
import { eraseNotificationsBefore } from './retention.repository.js';

/** How many notifications the bell shows; older ones stay in the table until retention removes them. */
const LATEST = 50;

/** A person's in-app notifications: their own only, every query keyed by their id. */
export class NotificationService {
  constructor(private readonly deps: { db: Kysely<Database>; clock: Clock }) {}

  /**
   * Adds in-app notifications for other modules, inside their transaction (`db` may be a transaction);
   * a notification whose dedupe key exists is skipped.
   */
  async add(db: Kysely<Database>, rows: NewNotification[]): Promise<void> {
    await insertNotifications(db, rows, this.deps.clock.now().toISOString());
  }

  /** Adds one notification unless its dedupe key exists; says whether it was added. */
  async addOnce(db: Kysely<Database>, row: NewNotification & { dedupeKey: string }): Promise<boolean> {
    return insertNotificationOnce(db, row, this.deps.clock.now().toISOString());
  }

  /** The latest notifications, newest first, and how many are unread in all. */
  async list(personId: string) {
    const { db } = this.deps;
    const [rows, unread] = await Promise.all([findLatestOf(db, personId, LATEST), countUnreadOf(db, personId)]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        payload: JSON.parse(r.payload) as Record<string, unknown>,
        createdAt: r.created_at,
        readAt: r.read_at,
      })),
      unread,
    };
  }

  /** Marks one of my notifications read; someone else's does not exist for me. */
  async markRead(personId: string, id: string): Promise<void> {
    const { db, clock } = this.deps;
    const row = await findOwnNotification(db, personId, id);
    if (!row) throw notFound();
    if (row.read_at) return;
    await markRead(db, personId, clock.now().toISOString(), id);
  }

  async markAllRead(personId: string): Promise<void> {
    const { db, clock } = this.deps;
    await markRead(db, personId, clock.now().toISOString());
  }

  /** The retention schedule: erases the agency's notifications created before `cutoff` (in `db`, its transaction). */
  eraseOlderThan(db: Kysely<Database>, agencyId: string, cutoff: string): Promise<number> {
    return eraseNotificationsBefore(db, agencyId, cutoff);
  }
}
